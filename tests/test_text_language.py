"""The language layer under language-mismatch: tags, scripts and the cheap paths."""

from __future__ import annotations

import pytest

from listlint.profiles import _from_data
from listlint.text import language


@pytest.mark.parametrize(
    ("tag", "code"),
    [
        ("en", "en"),
        ("en-US", "en"),
        ("en_GB", "en"),
        ("pt-BR", "pt"),
        ("zh-CN", "zh-cn"),
        ("zh", "zh-cn"),
        ("zh-Hans", "zh-cn"),
        ("zh-TW", "zh-tw"),
        ("zh-Hant-HK", "zh-tw"),
        ("nb", "no"),
        ("iw", "he"),
        ("deu", "de"),
        ("French", "fr"),
        ("", None),
        ("und", None),
    ],
)
def test_normalize(tag: str, code: str | None) -> None:
    assert language.normalize(tag) == code


def test_chinese_variants_are_the_same_language() -> None:
    assert language.same_language("zh-cn", "zh-tw")
    assert not language.same_language("pt", "es")


def test_script_counts() -> None:
    counts = language.script_counts("Nike エアマックス 90 運動")
    assert counts == {"Latin": 4, "kana": 6, "Han": 2}
    assert language.script_counts("12 x 30 cm") == {"Latin": 3}
    assert language.script_counts("") == {}


def test_describe() -> None:
    assert language.Detected("fr", 0.994).describe() == "French (fr)"
    assert language.Detected("zh", script="Han").describe() == (
        "Chinese (zh, Han script without kana)"
    )


def test_texts_without_foreign_function_words_never_reach_langdetect() -> None:
    language._detect.cache_clear()
    language._screen.cache_clear()
    for text in (
        "Prima Compete Bra Top",
        "Herren Sneaker Low Top Weiß Leder",
        "Chaussures de course légères pour homme, avec une tige respirante.",
    ):
        language.mismatch(text, "en" if text.startswith("Prima") else "fr")
    assert language._detect.cache_info().misses == 0


@pytest.mark.parametrize(
    "text",
    [
        "L\u2019aventure commence ici",
        "dell\u02bcanno e l'estate",
        "\u0149 is a letter that folds to an apostrophe",
        "Plain ASCII, with an apostrophe: don't",
        "Straße  \u00a0 ohne Apostroph",
        "",
    ],
)
def test_words_split_once_are_the_words_read(text: str) -> None:
    """The words shared with lorem_ipsum are the ones the function-word layer always read."""
    words = list(language._words(text))
    assert words == language._fold_apostrophes(text.casefold()).split()
    assert language._has_apostrophe(text) == ("'" in " ".join(words))
    assert language._function_word_kinds(words, text) == language._function_word_kinds(words)


def test_texts_without_letters_or_foreign_words_are_decided_at_once() -> None:
    language._screen.cache_clear()
    assert language._screen("12 x 30 - 40 / 50", "en", True, 1, 0.9) == (True, None)
    # No function word of another language: nothing to suspect, title or description.
    assert language._screen("Soft cotton shirt with a collar", "en", True, 4, 0.9) == (True, None)
    assert language._screen("Soft cotton shirt with a collar", "en", False, 4, 0.9) == (True, None)
    # "pour" is French and not English: the title's words are then judged one by one.
    assert language._screen("Soft cotton shirt pour homme", "en", True, 4, 0.9) == (False, None)


def test_identify_running_text() -> None:
    text = "Leichte Laufschuhe für Herren mit atmungsaktivem Obermaterial und gedämpfter Sohle."
    found = language.identify(text)
    assert found is not None
    assert found.language == "de"
    assert found.probability is not None and found.probability >= 0.9
    assert language.identify("Scale effortlessly") is None


def test_profile_language_key() -> None:
    assert _from_data({"name": "x"}).language is None
    assert _from_data({"name": "x", "language": "de-DE"}).language == "de-DE"
    assert _from_data({"name": "x", "language": ""}).language is None
