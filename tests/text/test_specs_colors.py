"""Colours the extractor reads as stated, and the ones it must not (listlint/text/specs.py)."""

from __future__ import annotations

from typing import Any

import pytest

from listlint.model import SourceLocation, build_listing
from listlint.text.specs import ListingSpecs


def _specs(**record: Any) -> ListingSpecs:
    return ListingSpecs(build_listing({"id": "T1", "title": "", **record}, SourceLocation("t")))


def _colors(
    title: str = "Item", description: str = "", **record: Any
) -> list[tuple[str, str, str]]:
    """(value, text, qualifier) of every colour the title and description state."""
    specs = _specs(title=title, description=description, **record)
    return [
        (s.value, s.text, s.qualifier) for s in specs.title + specs.description if s.kind == "color"
    ]


def _plain(title: str = "Item", description: str = "", **record: Any) -> list[str]:
    """The values stated as the item's own colour."""
    return [value for value, _, qualifier in _colors(title, description, **record) if not qualifier]


@pytest.mark.parametrize(
    ("title", "values"),
    [
        ("Red Cotton Hoodie", ["red"]),
        ("Hoodie - Navy", ["blue"]),  # shades map to their family
        ("Azure Linen Shirt", ["blue"]),
        ("Light Blue Oxford Shirt", ["blue"]),
        ("Navy Blue Polo", ["blue"]),  # one colour, not two
        ("Rose Gold Watch", ["rose-gold"]),
        ("Off-White Sneakers", ["cream"]),
        ("Offwhite Sneakers", ["cream"]),
        ("Black and White Sneakers", ["black", "white"]),
        ("Sneakers Black/White", ["black", "white"]),
        ("Multicolor Striped Sweater", ["multicolor"]),
        ("Teal Hoodie", ["teal"]),
        ("Mint Hoodie", ["green"]),  # a weak colour word before a product noun
        ("iPhone 15 Pro Gold", ["gold"]),  # ... or last in the title
        ("Dusty Rose Cardigan", ["pink"]),
    ],
)
def test_title_colors(title: str, values: list[str]) -> None:
    assert _plain(title) == values


def test_the_quoted_text_and_span_are_the_words_as_written() -> None:
    (stated,) = _specs(title="Hoodie - Light Blue").title
    assert (stated.text, stated.field, stated.start, stated.end) == ("Light Blue", "title", 9, 19)


@pytest.mark.parametrize(
    "title",
    [
        "Black+Decker 20V Cordless Drill",
        "Black & Decker Cordless Drill",
        "Red Bull Energy Drink 250ml",
        "Blue Yeti USB Microphone",
        "Orange Juice 1L",
        "Goldfish Crackers 6.6 oz",
        "Rosé Wine 750ml",
        "Rose Wine 750ml",
        "Silverstone Racing Cap",
        "Golden Goose Superstar Sneakers",
        "Ivory Soap Bar 3 Pack",
        "Green Giant Sweet Corn",
        "Pink Floyd T-Shirt",
        "Old Navy Hoodie",
        "Under Armour Tee",
        "Green Tea 20 Bags",
        "Black Pepper 100g",
        "White Noise Machine",
        "Brown Bear Cushion",  # a print, not the cushion's colour
        "Bluetooth Speaker",
        "Blackout Curtains",
        "Earl Grey Tea Mug",
        "Lemon Squeezer",  # weak colour words are fruit, stones, drinks elsewhere
        "Mint Tea",
        "Cream Cheese",
    ],
)
def test_names_and_things_with_color_words_state_no_color(title: str) -> None:
    assert _plain(title) == []


def test_the_brand_field_masks_its_words() -> None:
    assert _plain("Redwood Trail Hoodie", brand="Redwood") == []
    assert _plain("Blue Ridge Jacket", brand="Blue Ridge") == []
    assert _plain("Blue Ridge Jacket Red", brand="Blue Ridge") == ["red"]
    assert _plain("Blue Ridge Jacket", attributes={"brand": "Blue Ridge"}) == []


@pytest.mark.parametrize(
    ("title", "accent"),
    [
        ("Black T-Shirt with White Stripes", "White"),
        ("Black Sneakers with White Sole", "White"),
        ("Sneakers White Sole", "White"),
        ("Cotton Tee Red Logo", "Red"),
        ("Black Hoodie with Gray Drawstrings", "Gray"),
    ],
)
def test_accent_colors_are_qualified(title: str, accent: str) -> None:
    assert (accent, "accent") in [(text, q) for _, text, q in _colors(title)]


def test_a_part_noun_before_a_product_noun_is_part_of_the_name() -> None:
    assert _plain("Red Zip Hoodie") == ["red"]
    assert _plain("Black Lace Dress") == ["black"]


def test_colors_of_other_things_and_other_options_are_qualified() -> None:
    assert _colors("Case for Black iPhone 15") == [("black", "Black", "other")]
    assert _plain("Hoodie for Men Black") == ["black"]  # the audience ends "for"
    assert _colors("Hoodie Black, also available in Red")[1][2] == "available"
    assert _plain("Hoodie - available in 5 colours") == []


@pytest.mark.parametrize(
    ("description", "values"),
    [
        ("Light blue 1/4 zip pullover.", ["blue"]),
        ("Soft and warm. • Navy specked full zip hoodie. • Machine wash.", ["blue"]),
        ("Royal blue cotton shorts.", ["blue"]),
        ("Brown hoodie with black detail.", ["brown"]),  # black is the detail's
        ("Teal with purple stitching.", ["teal"]),
        ("This black dress is a classic.", []),  # "is": a sentence, not a label-like phrase
        ("Color: Red", ["red"]),
        ("Farbe: Rot", []),  # a German label needs a German listing
        ("Camiseta azul marino.", []),  # ... and so do Spanish words
    ],
)
def test_description_statements(description: str, values: list[str]) -> None:
    assert _plain(description=description) == values


def test_description_labels_and_sentences_in_the_listings_language() -> None:
    assert _plain(description="Farbe: Rot", language="de") == ["red"]
    assert _plain(description="Camiseta azul marino.", language="es") == ["blue"]
    assert _plain(description="T-shirt bleu marine.", language="fr") == ["blue"]


@pytest.mark.parametrize(
    "description",
    [
        "Pairs well with black jeans.",
        "Matches your navy suit.",
        "Our designers love blue, and the pullover comes from a long tradition.",
        "Gray and black color blocking sets you apart as the Hero Hoodie keeps you warm.",
        "Available in red, blue and green.",
        "Also available in red.",
        "Black jeans are a must-have.",
        "Unlike black, this shade never fades.",
        "Colour: see the photos.",
    ],
)
def test_colors_mentioned_in_passing_are_not_stated(description: str) -> None:
    assert _plain(description=description) == []


@pytest.mark.parametrize(
    ("title", "language", "value"),
    [
        ("Sweat à capuche rouge", "fr", "red"),
        ("Camiseta negra de algodón", "es", "black"),
        ("Herren T-Shirt aus Baumwolle, schwarz", "de", "black"),
        ("Maglietta rossa in cotone", "it", "red"),
        ("Camiseta vermelha de algodão", "pt", "red"),
        ("Футболка хлопковая чёрная", "ru", "black"),
        ("纯棉T恤 黑色", "zh-Hans", "black"),
        ("Pull bleu clair", "fr", "blue"),
    ],
)
def test_titles_in_eight_languages(title: str, language: str, value: str) -> None:
    assert _plain(title, language=language) == [value]


@pytest.mark.parametrize(
    ("title", "language"),
    [
        ("Zumo de naranja natural", "es"),
        ("Coussin ours brun", "fr"),  # a brown bear, not a brown cushion
        ("Mug à café", "fr"),  # a coffee mug, not a brown one
        ("Vin rouge 75cl", "fr"),
    ],
)
def test_noun_first_languages_color_words_of_other_nouns(title: str, language: str) -> None:
    assert _plain(title, language=language) == []


def test_without_a_language_only_english_and_unmistakable_scripts_are_read() -> None:
    assert _plain("Camiseta negra") == []  # "negra" is read only for Spanish listings
    assert _plain("Футболка чёрная") == ["black"]
