from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from listlint import profiles
from listlint.check import CheckContext
from listlint.checks.language_mismatch import LanguageMismatch
from listlint.model import SourceLocation, build_listing
from listlint.testing import run_check
from listlint.text import language

EN_DESCRIPTION = (
    "Lightweight running shoes with a breathable mesh upper and a cushioned sole that keeps "
    "your feet comfortable on long runs."
)
FR_DESCRIPTION = (
    "Chaussures de course légères pour homme, avec une tige respirante et une semelle "
    "amortissante pour les longues sorties."
)
DE_DESCRIPTION = (
    "Leichte Laufschuhe für Herren mit atmungsaktivem Obermaterial und einer gedämpften Sohle "
    "für lange Läufe."
)


def _messages(**record: Any) -> list[str]:
    return [f.message for f in run_check(LanguageMismatch, {"id": "T1", **record})]


def _fields(**record: Any) -> set[str]:
    return {f.field for f in run_check(LanguageMismatch, {"id": "T1", **record})}


# --- what fires ---------------------------------------------------------------------------------


def test_english_title_in_a_french_listing_names_both_languages() -> None:
    (message,) = _messages(
        title="Wireless headphones with noise cancelling and a long battery life",
        description=FR_DESCRIPTION,
        language="fr",
    )
    assert message.startswith("Title looks English (en)")
    assert message.endswith("but the listing's language is fr")


@pytest.mark.parametrize(
    ("description", "declared", "detected"),
    [
        (EN_DESCRIPTION, "de", "English (en"),
        (FR_DESCRIPTION, "en", "French (fr"),
        (DE_DESCRIPTION, "fr", "German (de"),
        (
            "Zapatillas ligeras para hombre con parte superior transpirable y suela "
            "amortiguada para las carreras largas.",
            "pt-BR",
            "Spanish (es",
        ),
        (
            "Scarpe leggere da uomo con tomaia traspirante e suola ammortizzata per le lunghe "
            "corse.",
            "es",
            "Italian (it",
        ),
    ],
)
def test_description_in_another_language(description: str, declared: str, detected: str) -> None:
    (message,) = _messages(title="Shoes", description=description, language=declared)
    assert message.startswith(f"Description looks {detected})")


def test_description_html_is_stripped_before_judging() -> None:
    html = f"<div><p><b>{EN_DESCRIPTION}</b></p><ul><li>Mesh</li></ul></div>"
    assert _fields(title="Chaussures", description=html, language="fr") == {"description"}


@pytest.mark.parametrize(
    ("title", "declared", "expected"),
    [
        ("Кроссовки мужские беговые лёгкие", "ja", "Title looks Russian (ru)"),
        ("Матрёшка", "en", "Title is written in Cyrillic script"),
        ("运动鞋 男款 透气", "en", "Title looks Chinese (zh, Han script without kana)"),
        ("ナイキ エアマックス ランニングシューズ", "zh-CN", "Title looks Japanese (ja, kana)"),
        ("나이키 에어맥스 러닝화", "zh-CN", "Title looks Korean (ko, Hangul script)"),
        ("Αθλητικά παπούτσια", "de", "Title looks Greek (el, Greek)"),
    ],
)
def test_non_latin_scripts_are_judged_by_script_even_when_short(
    title: str, declared: str, expected: str
) -> None:
    (message,) = _messages(title=title, language=declared)
    assert message.startswith(expected)


def test_chinese_is_decided_by_script_not_by_langdetect() -> None:
    # langdetect answers "ko" for many Chinese titles; Han without kana or Hangul is Chinese.
    for title in ("男士运动鞋", "连衣裙 夏季 新款 碎花", "蓝牙耳机 降噪"):
        (message,) = _messages(title=title, language="ko")
        assert "Chinese (zh" in message


def test_latin_title_in_a_russian_listing_when_long_enough() -> None:
    title = "Wireless Bluetooth headphones with noise cancelling and microphone"
    assert _fields(title=title, language="ru") == {"title"}


def test_shouting_title_is_still_judged() -> None:
    title = "WIRELESS BLUETOOTH HEADPHONES WITH NOISE CANCELLING"
    assert _fields(title=title, language="fr") == {"title"}


def test_french_title_that_is_an_english_slogan_fires() -> None:
    # Labelled "unsure" in the corpus: apart from "Mug" (French too) the title is English.
    assert _fields(title="Mug The best is yet to come", language="fr") == {"title"}


# --- what must not fire -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "declared"),
    [
        ("T-shirt homme « Keep Calm and Carry On »", "fr"),
        ("Herren T-Shirt \u201eKeep Calm and Carry On\u201c", "de"),
        ('Camiseta "Born to Be Wild" para hombre', "es"),
    ],
)
def test_a_quoted_slogan_keeps_its_own_language(title: str, declared: str) -> None:
    assert _fields(title=title, language=declared) == set()


def test_the_words_outside_the_quotes_are_still_judged() -> None:
    title = 'Wireless headphones "Studio Pro" with noise cancelling and a long battery life'
    assert _fields(title=title, language="fr") == {"title"}


@pytest.mark.parametrize(
    ("title", "declared", "extra"),
    [
        ("Nike Air Max 90 - chaussures de course pour homme", "fr", {"brand": "Nike"}),
        ("Nike Air Max 90 — chaussures de course", "fr", {"brand": "Nike"}),
        ("Herren T-Shirt Slim Fit aus Baumwolle", "de", {}),
        ("Herren Sneaker Low Top Weiß Leder", "de", {}),
        ("Sneaker Damen Running Schuhe Sportschuhe Turnschuhe", "de", {}),
        ("The North Face Borealis Rucksack mit Laptopfach", "de", {"brand": "The North Face"}),
        (
            "Samsung Galaxy S23 Ultra 256GB Smartphone Phantom Black",
            "de",
            {"brand": "Samsung", "attributes": {"color": "Phantom Black"}},
        ),
        ("Zapatillas Running Hombre Air Zoom Pegasus", "es", {}),
        ("Affiche encadrée The best is yet to come", "fr", {}),  # a slogan kept in English
        ("Prima Compete Bra Top", "en", {}),  # langdetect: Portuguese, p=1.00
        ("Luma Yoga For Life", "en", {}),  # langdetect: Portuguese, p=1.00
        ("Erikssen CoolTech Fitness Tank", "en", {}),  # langdetect: German, p=1.00
        ("USB-C HDMI 4K 60Hz Adapter", "fr", {}),  # codes and acronyms
        ("LED TV 55 Zoll 4K UHD Smart TV", "de", {}),
        ("XR-500 12V 2.4GHz 65W", "en", {}),
        ("T-Shirt", "de", {}),  # too short to judge
        ("Automatic Espresso Machine", "de", {}),  # three words: never guessed
        ("Nike Air Max 90", "ru", {}),  # Latin brand name in a Russian listing, short
        ("Матрёшка Nesting Doll", "en", {}),  # mixed scripts
        ("Resistor 10kΩ 0.25W", "en", {}),  # one Greek letter is a unit
        ("耐克 Air Max 90 男子跑步鞋", "zh-CN", {}),
        ("耐克 Air Max 90 男子跑步鞋", "zh-TW", {}),  # zh-TW ~ zh-CN: both Chinese
        ("ナイキ エアマックス 90 ランニングシューズ", "ja", {}),
        ("東京限定 腕時計", "ja", {}),  # kanji-only Japanese title: too short to call Chinese
        ("Кроссовки мужские беговые", "ru", {}),
    ],
)
def test_cross_border_titles_that_are_fine(title: str, declared: str, extra: Any) -> None:
    assert _messages(title=title, language=declared, **extra) == []


@pytest.mark.parametrize(
    ("declared", "description"),
    [
        ("fr", FR_DESCRIPTION),
        ("fr-CA", FR_DESCRIPTION),
        ("de-DE", DE_DESCRIPTION),
        ("en_US", EN_DESCRIPTION),
        (
            "pt-BR",
            "Tênis leves para homens com cabedal respirável e sola amortecida para corridas "
            "longas.",
        ),
    ],
)
def test_descriptions_in_their_declared_language(declared: str, description: str) -> None:
    assert _messages(title="X", description=description, language=declared) == []


def test_a_french_description_with_an_english_sentence_stays_french() -> None:
    description = (
        "Made in France with love. Ce pull en laine mérinos est tricoté à la main dans notre "
        "atelier de Lyon, avec un col rond et des finitions soignées."
    )
    assert _messages(title="Pull en laine", description=description, language="fr") == []


def test_lorem_ipsum_description_is_left_to_placeholder_text() -> None:
    description = (
        "Pellentesque habitant morbi tristique senectus et netus et malesuada fames ac turpis "
        "egestas. Vestibulum tortor quam, feugiat vitae, ultricies eget, tempor sit amet, ante."
    )
    assert _messages(title="T-Shirt", description=description, language="en") == []


@pytest.mark.parametrize("description", ["<p></p>", "<img src='a.jpg'>", "   ", "12 x 30 cm"])
def test_html_only_or_letterless_descriptions_are_skipped(description: str) -> None:
    assert _messages(title="T-Shirt", description=description, language="en") == []


def test_unknown_or_undetermined_language_is_skipped() -> None:
    for declared in ("und", "xx", "tlh"):
        assert _messages(title="Wireless headphones with a microphone", language=declared) == []


# --- no declared language ------------------------------------------------------------------------


def test_title_and_description_in_different_languages_without_a_declared_language() -> None:
    (message,) = _messages(
        title="Lightweight running shoes for men with a breathable upper",
        description=FR_DESCRIPTION,
    )
    assert message.startswith("Title looks English (en)")
    assert "but the description looks French (fr)" in message


def test_same_language_without_a_declared_language_passes() -> None:
    assert _messages(title="Chaussures de course pour homme", description=FR_DESCRIPTION) == []
    assert _messages(title="Running shoes for men with mesh", description=EN_DESCRIPTION) == []


def test_profile_language_is_used_when_the_listing_has_none() -> None:
    profile = dataclasses.replace(profiles.load("generic"), language="de")
    ctx = CheckContext(profile, LanguageMismatch.options)
    record = {"id": "T1", "title": "Laufschuhe", "description": EN_DESCRIPTION}
    listing = build_listing(record, SourceLocation("<test>", 1))
    (finding,) = LanguageMismatch().check(listing, ctx)
    assert finding.field == "description"
    assert finding.message.endswith("but the profile's language is de")
    # The listing's own language wins over the profile's.
    listing = build_listing({**record, "language": "en"}, SourceLocation("<test>", 1))
    assert list(LanguageMismatch().check(listing, ctx)) == []


def test_generic_profile_has_no_language() -> None:
    assert profiles.load("generic").language is None


# --- options and determinism ---------------------------------------------------------------------


def test_min_words_option() -> None:
    record = {"id": "T1", "title": "Shoes with mesh", "language": "fr"}
    assert run_check(LanguageMismatch, record) == []
    found = run_check(LanguageMismatch, record, options={"min-words": 3})
    assert [f.field for f in found] == ["title"]


def test_min_probability_option() -> None:
    # langdetect gives this short Portuguese text p=0.86 against Spanish.
    record = {
        "id": "T1",
        "title": "Tênis",
        "description": "Tênis leves para homens com cabedal respirável e sola amortecida para "
        "corridas longas.",
        "language": "es",
    }
    assert run_check(LanguageMismatch, record) == []
    assert run_check(LanguageMismatch, record, options={"min-probability": 0.8}) != []


def test_results_are_deterministic() -> None:
    text = "Wireless headphones with noise cancelling and a long battery life"
    first = language.mismatch(text, "fr")
    for _ in range(3):
        language._screen.cache_clear()
        language._judge_title.cache_clear()
        language._detect.cache_clear()
        assert language.mismatch(text, "fr") == first
