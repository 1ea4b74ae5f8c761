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
