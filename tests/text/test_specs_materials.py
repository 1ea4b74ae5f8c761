"""Materials the extractor reads as stated, and the ones it must not (listlint/text/specs.py)."""

from __future__ import annotations

from typing import Any

import pytest

from listlint.model import SourceLocation, build_listing
from listlint.text.specs import ListingSpecs


def _materials(
    title: str = "Item", description: str = "", **record: Any
) -> list[tuple[str, str, str]]:
    """(value, text, qualifier) of every material the title and description state."""
    listing = build_listing(
        {"id": "T1", "title": title, "description": description, **record}, SourceLocation("t")
    )
    specs = ListingSpecs(listing)
    return [
        (s.value, s.text, s.qualifier)
        for s in specs.title + specs.description
        if s.kind == "material"
    ]


def _plain(title: str = "Item", description: str = "", **record: Any) -> list[str]:
    return [v for v, _, q in _materials(title, description, **record) if not q]


@pytest.mark.parametrize(
    ("title", "values"),
    [
        ("Cotton Tee", ["cotton"]),
        ("Merino Wool Sweater", ["wool"]),
        ("Organic Cotton Hoodie", ["cotton"]),
        ("Genuine Leather Wallet", ["leather"]),
        ("Faux Leather Jacket", ["faux-leather"]),
        ("Vegan Leather Tote", ["faux-leather"]),
        ("PU Leather Backpack", ["faux-leather"]),
        ("Stainless Steel Water Bottle", ["stainless-steel"]),
        ("Wooden Coffee Table", ["wood"]),
        ("Canvas Sneakers", ["canvas"]),
    ],
)
def test_title_materials(title: str, values: list[str]) -> None:
    assert _plain(title) == values


@pytest.mark.parametrize(
    "title",
    [
        "Leather-look Skirt",
        "Leather Look Skirt",
        "Cotton-feel Tee",
        "Wood Effect Coffee Table",
        "Gold Plated Necklace",
        "Gold Tone Necklace",
        "Leather Cleaner 250ml",
        "Steel Wool Pads",
        "Cotton Candy Machine",
        "Down Alternative Comforter",  # "down" is weak: a material only in a material context
    ],
)
def test_imitations_uses_and_names_state_no_material(title: str) -> None:
    assert _plain(title) == []


@pytest.mark.parametrize(
    ("title", "qualifier"),
    [
        ("Sneakers, not leather", "not"),
        ("Leather-free Sneakers", "not"),
        ("Cotton Parka, Polyester Lining", "lining"),
        ("Cotton Parka with Polyester Lining", "lining"),
        ("Canvas Sneakers with Rubber Sole", "part"),
        ("Watch with Leather Strap", "part"),
        ("Glass Jars with Bamboo Lids", "part"),
        ("Dining Table with Glass Top", "part"),
    ],
)
def test_qualified_title_materials(title: str, qualifier: str) -> None:
    assert qualifier in [q for _, _, q in _materials(title)]


def test_spanish_negation() -> None:
    assert _materials("Soldadura sin plomo", language="es") == [("lead", "plomo", "not")]


@pytest.mark.parametrize(
    ("description", "values"),
    [
        ("100% wool.", ["wool"]),
        ("Composition: 60% cotton, 40% polyester.", ["cotton", "polyester"]),
        ("Material: Polyester", ["polyester"]),
        ("The tank is made with thin, light, merino wool.", ["wool"]),
        ("Made of 100% cotton.", ["cotton"]),
        ("The smooth nylon shell blocks the wind.", ["nylon"]),
        ("Royal blue cotton shorts.", ["cotton"]),
        ("Breathable stretch organic cotton/spandex.", ["cotton", "elastane"]),
        ("Cotton shell with polyester lining.", ["cotton"]),
        ("Shell: nylon; lining: polyester", ["nylon"]),
        ("Shell: 100% nylon. Lining: 100% polyester.", ["nylon"]),
    ],
)
def test_description_statements(description: str, values: list[str]) -> None:
    assert _plain(description=description) == values


def test_compositions_quote_their_share() -> None:
    texts = [t for _, t, _ in _materials(description="96% Merino / 4% LYCRA®.")]
    assert texts == ["96% Merino", "4% LYCRA"]
    # The share belongs to the first material only: "11% cotton and nylon".
    assert [t for _, t, _ in _materials(description="Made with 11% cotton and nylon.")] == [
        "11% cotton",
        "nylon",
    ]


@pytest.mark.parametrize(
    "description",
    [
        "The packaging is made from recycled cardboard.",
        "The sole is made of rubber.",
        "Unlike wool, this polyester sweater never itches.",
        "Hood lined in vegan Sherpa for added warmth.",
        "Filling 100% hypoallergenic polyester.",
        "We love cotton, and our customers do too.",
        "Wash with similar colours; avoid contact with leather goods.",
    ],
)
def test_materials_mentioned_in_passing_or_of_parts_are_not_stated(description: str) -> None:
    assert _plain(description=description) == []


@pytest.mark.parametrize(
    ("title", "language", "value"),
    [
        ("Camiseta de algodón", "es", "cotton"),
        ("T-shirt en coton", "fr", "cotton"),
        ("Pullover aus Wolle", "de", "wool"),
        ("Borsa in pelle", "it", "leather"),
        ("Camiseta de algodão", "pt", "cotton"),
        ("Футболка хлопковая", "ru", "cotton"),
        ("纯棉T恤", "zh-Hans", "cotton"),
        ("Veste en simili cuir", "fr", "faux-leather"),
    ],
)
def test_titles_in_eight_languages(title: str, language: str, value: str) -> None:
    assert _plain(title, language=language) == [value]
