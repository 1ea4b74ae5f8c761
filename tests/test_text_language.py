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
    assert language.Detected("fr", 0.994).describe() == "French (fr, p=0.99)"
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
