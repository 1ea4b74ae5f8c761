from __future__ import annotations

from typing import Any

import pytest

from listlint.checks.placeholder_text import PlaceholderText
from listlint.testing import run_check


def _found(options: dict[str, Any] | None = None, **record: Any) -> list[tuple[str, str]]:
    findings = run_check(PlaceholderText, {"id": "T1", **record}, options=options)
    return [(f.field, f.message) for f in findings]


@pytest.mark.parametrize(
    ("title", "message"),
    [
        ("Summer Dress TBD", "Title contains placeholder text: 'TBD'"),
        ("Charger N/A", "Title contains placeholder text: 'N/A'"),
        ("TEST PRODUCT - DO NOT BUY", "Title contains placeholder text: 'TEST PRODUCT'"),
        ("Lorem Ipsum Dolor", "Title contains placeholder text: 'Lorem Ipsum'"),
        ("Model XXX", "Title contains placeholder text: 'XXX'"),
        ("asdfgh", "Title contains placeholder text: 'asdfgh'"),
        ("N/A", "Title is placeholder text: 'N/A'"),
        ("null", "Title is placeholder text: 'null'"),
        ("Untitled Product", "Title is placeholder text: 'Untitled Product'"),
        ("Produit de test", "Title contains placeholder text: 'Produit de test'"),
        ("Testartikel Jacke", "Title contains placeholder text: 'Testartikel'"),
        ("Sin titulo", "Title is placeholder text: 'Sin titulo'"),  # accents are optional
        ("Тестовый товар", "Title contains placeholder text: 'Тестовый товар'"),
        ("测试商品 连衣裙", "Title contains placeholder text: '测试商品'"),
    ],
)
def test_placeholder_titles(title: str, message: str) -> None:
    assert _found(title=title) == [("title", message)]


@pytest.mark.parametrize(
    ("description", "message"),
    [
        ("Lorem ipsum dolor sit amet.", "Description contains placeholder text: 'Lorem ipsum'"),
        ("<p>Description goes here</p>", "Description contains placeholder text: "),
        ("Blindtext Blindtext Blindtext", "Description contains placeholder text: 'Blindtext'"),
        ("N/A", "Description is placeholder text: 'N/A'"),
        ("tbd.", "Description is placeholder text: 'tbd.'"),
        ("-", "Description is placeholder text: '-'"),
        ("<p>null</p>", "Description is placeholder text: 'null'"),
        (
            "Pellentesque habitant morbi tristique senectus et netus et malesuada fames ac "
            "turpis egestas.",
            "Description is lorem ipsum filler text: 'Pellentesque habitant morbi tristique…'",
        ),
    ],
)
def test_placeholder_descriptions(description: str, message: str) -> None:
    ((field, found),) = _found(title="Linen Shirt", description=description)
    assert field == "description"
    assert found.startswith(message)


@pytest.mark.parametrize(
    "description",
    [
        "Write your product description here.",
        "Description coming soon.",
        "Hier steht die Produktbeschreibung.",
        "Descripción del producto aquí.",
        "Insira aqui a descrição do produto.",
        "Inserisci qui la descrizione del prodotto.",
        "Description du produit à venir.",
        "Здесь будет описание товара.",
        "此处填写商品描述",
    ],
)
def test_shop_templates_in_eight_languages(description: str) -> None:
    ((field, found),) = _found(title="Linen Shirt", description=description)
    assert field == "description"
    assert found.startswith(("Description contains placeholder", "Description is placeholder"))


def test_a_link_to_the_description_is_real_copy() -> None:
    description = "Soft linen shirt. Read the full product description here: fit, care and sizes."
    assert _found(title="Linen Shirt", description=description) == []


@pytest.mark.parametrize(
    ("title", "description"),
    [
        # "N/A" and "TBD" are real values inside a description.
        ("Smoke Detector", "Batteries: N/A (mains powered). Release date: TBD."),
        ("Lab Kit", "We test product samples in our own lab before they ship."),
        ("Jacket", "Do not buy this jacket if you need it for heavy rain: it is shower-proof."),
        # Sizes and words that contain placeholder words.
        ("XXL Beach Towel, 3XL Hoodie", "Sizes XS to XXX-Large."),
        ("Test Kit for Water Hardness", "Tests 50 samples."),
        ("Testosterone Booster Tea", "Herbal tea."),
        ("Sample Case for Watches", "Holds twelve watches."),
        ("Q&A Cards, R&D Notebook", "Never a placeholder."),
        ("Nothing Phone (2a)", "None of the usual cables are included, only USB-C."),
        # Real Italian and Spanish copy shares words with lorem ipsum.
        (
            "Scarpe da corsa",
            "Il prodotto non è in vendita, ma nulla di male: odio la pioggia e ante tutto amo "
            "il sole.",
        ),
    ],
)
def test_real_copy_passes(title: str, description: str) -> None:
    assert _found(title=title, description=description) == []


def test_attributes_are_not_checked() -> None:
    record: dict[str, Any] = {"title": "Linen Shirt", "attributes": {"pattern": "N/A"}}
    assert _found(**record) == []


def test_options() -> None:
    assert _found({"allow": ["TBD"]}, title="Summer Dress TBD") == []
    assert _found({"extra-phrases": ["fill me in"]}, title="Shirt", description="Fill me in") != []


# The screen that turns down most texts before the exact search must never turn down a text the
# search would find a phrase in: phrases after punctuation, at the start, with hyphens, accents.
@pytest.mark.parametrize(
    ("title", "description", "found"),
    [
        ("Shirt", "(Lorem ipsum) and more", "Description contains placeholder text: 'Lorem ipsum'"),
        ("Shirt", "Text:lorem-ipsum.", "Description contains placeholder text: 'lorem-ipsum'"),
        ("Shirt", "lorem\n\nipsum", r"Description contains placeholder text: 'lorem\nipsum'"),
        ("Shirt", "«Blindtext» für den Shop", "Description contains placeholder text: 'Blindtext'"),
        ("Shirt", "“Dummy text” here", "Description contains placeholder text: 'Dummy text'"),
        ("Shirt", "Größe: descripcion proximamente", "Description contains placeholder text: "),
        ("Shirt", "Descripción próximamente.", "Description contains placeholder text: "),
        ("Shirt", "ASDFGHJ", "Description contains placeholder text: 'ASDFGHJ'"),
        ("Shirt", "Modell—XXXX", "Description contains placeholder text: 'XXXX'"),
        ("Size:N/A", "", "Title contains placeholder text: 'N/A'"),
        ("Dress_TBD", "", None),  # "_" is part of a word
        ("Dress-TBD", "", None),  # and so is "-"
        ("Dress TBD-", "", None),
        ("Dress (TBD)", "", "Title contains placeholder text: 'TBD'"),
        ("Dress \u2018TBD\u2019", "", "Title contains placeholder text: 'TBD'"),
        ("İnsert description here", "", None),  # "İ" lower-cases to two characters
        ("Shirt", "Größe M. テスト商品", "Description contains placeholder text: 'テスト商品'"),
        ("T-Shirt テスト商品", "", "Title contains placeholder text: 'テスト商品'"),
        ("Shirt", "Größe M, Farbe: Blau", None),  # Latin-1: no CJK phrase is looked for
    ],
)
def test_phrases_next_to_punctuation(title: str, description: str, found: str | None) -> None:
    messages = [message for _, message in _found(title=title, description=description)]
    if found is None:
        assert messages == []
    else:
        assert len(messages) == 1 and messages[0].startswith(found), messages


def test_screen_agrees_with_the_search() -> None:
    """Every text the exact search finds a phrase in passes the screen (deterministic sample)."""
    import random

    from listlint.checks import placeholder_text

    rng = random.Random(7)
    pieces = [
        *placeholder_text._entries("phrases"),
        *placeholder_text._entries("title-words"),
        "asdfg", "xxxx", " ", " ", "-", "_", "/", ".", "(", "\n", "\u201c", "\u2019", "é", "x",
        "1", "\u017f", "İ", "ß", "テ", "Ж", "\u00a0",
    ]  # fmt: skip
    for field in ("title", "description"):
        matcher = placeholder_text._matcher(field, (), frozenset())
        screen = matcher.screen
        assert screen is not None and matcher.spaced is not None
        for _ in range(3000):
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
            text = text.upper() if rng.random() < 0.3 else text
            if matcher.spaced.search(text.lower()) is not None:
                lowered = text.lower()
                assert screen.ascii(text) if text.isascii() else screen.other(lowered), text


def test_complex_patterns_are_not_screened() -> None:
    from listlint.checks.placeholder_text import _Screen

    assert _Screen.of(["lorem ipsum"], ["asdf[a-z]*", "x{3,}"]) is not None
    assert _Screen.of(["lorem ipsum"], ["a.b"]) is None  # "." may match what ends a word
    assert _Screen.of(["lorem ipsum"], ["(?:ab|cd)"]) is None
