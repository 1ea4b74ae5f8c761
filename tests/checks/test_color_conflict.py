from __future__ import annotations

from typing import Any

import pytest

from listlint.checks.color_conflict import ColorConflict
from listlint.testing import run_check


def _messages(options: dict[str, Any] | None = None, **record: Any) -> list[str]:
    return [f.message for f in run_check(ColorConflict, {"id": "T1", **record}, options=options)]


def _variants(*colors: str) -> list[dict[str, Any]]:
    return [{"attributes": {"color": c}} for c in colors]


def test_title_against_the_attribute() -> None:
    (finding,) = run_check(
        ColorConflict, {"id": "T1", "title": "Red Hoodie", "attributes": {"color": "Blue"}}
    )
    assert finding.message == "Title says 'Red' but attribute color is 'Blue'"
    assert finding.field == "title"
    assert "'Red'" in finding.fix


def test_title_against_every_variant() -> None:
    assert _messages(title="Hoodie Yellow", variants=_variants("Red", "Blue", "Green")) == [
        "Title says 'Yellow' but the variant colors are Red, Blue, Green"
    ]


def test_a_variant_color_in_the_title_of_a_multi_color_listing_is_fine() -> None:
    assert _messages(title="Hoodie Red", variants=_variants("Red", "Blue", "Green")) == []


def test_description_statement_against_the_variants() -> None:
    (message,) = _messages(
        title="Nadia Elements Shell",
        description="<p>Stay dry.</p><ul><li>Light blue 1/4 zip pullover.</li></ul>",
        variants=_variants("Black", "Orange", "Yellow"),
    )
    assert message == (
        "Description says 'Light blue' ('Light blue 1/4 zip pullover.') "
        "but the variant colors are Black, Orange, Yellow"
    )


def test_description_against_the_title_when_no_attribute_says() -> None:
    assert _messages(title="Red Hoodie", description="Blue hoodie.") == [
        "Description says 'Blue' ('Blue hoodie.') but the title says 'Red'"
    ]
    assert _messages(title="Hoodie", description="Blue hoodie.") == []


@pytest.mark.parametrize(
    ("title", "color"),
    [
        ("Navy Hoodie", "Blue"),  # a shade against its family
        ("Teal Hoodie", "Blue"),  # close shades are filed under either family
        ("Teal Hoodie", "Green"),
        ("Cream Sweater", "White"),
        ("Ivory Sweater", "White"),
        ("Pink Sweater", "Red"),  # stores without a Pink option file pink under Red
        ("Multicolor Striped Sweater", "Red"),
        ("Red Sweater", "Multicolor"),
        ("Black and White Sneakers", "Black"),
        ("Sneakers Black/White", "White"),
        ("Rose Gold Watch", "Pink"),
        ("Off-White Sneakers", "White"),
        ("Charcoal Hoodie", "Black"),
        # White gold is a metal that looks silver; jewellers file gold of any shade under Gold.
        ("14K White Gold Diamond Stud Earrings", "Silver"),
        ("White Gold Ring", "Gold"),
        ("14K Yellow Gold Hoops", "Gold"),
    ],
)
def test_shades_and_families_agree(title: str, color: str) -> None:
    assert _messages(title=title, attributes={"color": color}) == []


@pytest.mark.parametrize(
    "title",
    [
        "Black+Decker 20V Cordless Drill",
        "Red Bull Energy Drink 250ml",
        "Blue Yeti USB Microphone",
        "Orange Juice 1L",
        "Goldfish Crackers 6.6 oz",
        "Rosé Wine 750ml",
        "Silverstone Racing Cap",
        "Golden Goose Superstar Sneakers",
        "Ivory Soap Bar 3 Pack",
        "Green Giant Sweet Corn",
        "The Beatles - The White Album (2LP)",
    ],
)
def test_brand_and_product_names_do_not_conflict(title: str) -> None:
    assert _messages(title=title, attributes={"color": "Purple"}) == []


def test_a_kind_of_chocolate_is_not_a_color() -> None:
    record = {"title": "Tablette de chocolat noir 70 % cacao", "language": "fr"}
    assert _messages(**record, attributes={"color": "Doré"}) == []


def test_the_listings_brand_does_not_conflict() -> None:
    record = {"title": "Blue Harbor Trail Jacket", "attributes": {"color": "Red"}}
    assert _messages(**record) == ["Title says 'Blue' but attribute color is 'Red'"]
    assert _messages(**record, brand="Blue Harbor") == []


@pytest.mark.parametrize(
    ("record"),
    [
        {"title": "Black T-Shirt with White Stripes", "attributes": {"color": "Black"}},
        {"title": "Black Sneakers, White Sole", "attributes": {"color": "Black"}},
        {"title": "Cotton Tee Red Logo", "attributes": {"color": "Black"}},
        {
            "title": "Tee",
            "description": "Pairs well with black jeans.",
            "attributes": {"color": "White"},
        },
        {"title": "Tie", "description": "Matches your navy suit.", "attributes": {"color": "Red"}},
        {"title": "Hoodie - available in 5 colours", "attributes": {"color": "Red"}},
        {"title": "Hoodie Black, also available in Red", "attributes": {"color": "Black"}},
        {
            "title": "Hoodie",
            "description": "Also available in red.",
            "attributes": {"color": "Black"},
        },
        {"title": "Case for Black iPhone 15", "attributes": {"color": "Clear"}},
        {
            "title": "Pullover",
            "description": "Our designers love blue.",
            "attributes": {"color": "Black"},
        },
    ],
)
def test_accents_other_things_and_options_do_not_conflict(record: dict[str, Any]) -> None:
    assert _messages(**record) == []


def test_an_unknown_attribute_value_stops_the_comparison() -> None:
    assert _messages(title="Blue Hoodie", attributes={"color": "Heritage"}) == []
    assert _messages(title="Blue Hoodie", variants=_variants("Red", "Heritage")) == []


@pytest.mark.parametrize(
    ("title", "language", "color"),
    [
        ("Sweat à capuche rouge", "fr", "Bleu"),
        ("Camiseta negra de algodón", "es", "Blanco"),
        ("Herren T-Shirt aus Baumwolle, schwarz", "de", "Weiß"),
        ("Maglietta rossa in cotone", "it", "Blu"),
        ("Camiseta vermelha de algodão", "pt", "Azul"),
        ("Футболка хлопковая чёрная", "ru", "Белый"),
        ("纯棉T恤 黑色", "zh-Hans", "白色"),
    ],
)
def test_conflicts_in_eight_languages(title: str, language: str, color: str) -> None:
    assert len(_messages(title=title, language=language, attributes={"color": color})) == 1


def test_extra_colors_option() -> None:
    record = {"title": "Aubergine Hoodie", "attributes": {"color": "Red"}}
    assert _messages(**record) == []  # "aubergine" is only read in a color attribute
    option = {"extra-colors": ["aubergine=purple"]}
    assert _messages(option, **record) == ["Title says 'Aubergine' but attribute color is 'Red'"]
    assert _messages(option, title="Aubergine Hoodie", attributes={"color": "Purple"}) == []


def test_a_malformed_option_is_reported_once() -> None:
    records = [
        {"id": "T1", "title": "Dune Hoodie", "attributes": {"color": "Black"}},
        {"id": "T2", "title": "Dune Hoodie", "attributes": {"color": "Black"}},
    ]
    with pytest.raises(ValueError, match="word=canonical"):
        run_check(ColorConflict, records, options={"extra-colors": ["dune"]})
