from __future__ import annotations

from typing import Any

import pytest

from listlint.checks.title_promotional import TitlePromotional
from listlint.testing import run_check


def _phrases(title: str, options: dict[str, Any] | None = None, **fields: Any) -> list[str]:
    """The messages for one listing with ``title`` (and other fields)."""
    record = {"id": "T1", "title": title, **fields}
    return [f.message for f in run_check(TitlePromotional, record, options=options)]


@pytest.mark.parametrize(
    ("title", "quoted"),
    [
        ("Wireless Earbuds FREE SHIPPING", "FREE SHIPPING"),
        ("Wireless Earbuds free-shipping", "free-shipping"),
        ("Best Seller Yoga Mat", "Best Seller"),
        ("Yoga Mat - Bestseller", "Bestseller"),
        ("Yoga Mat Best-Sellers 2024", "Best-Sellers"),
        ("2024 Hot Sale Women Dress", "Hot Sale"),
        ("Hot Sale-Women Dress", "Hot Sale"),
        ("Cheap Phone Case", "Cheap"),
        ("Summer Dress SALE!!!", "SALE!"),
        ("Summer Dress On Sale", "On Sale"),
        ("Watch 100% Guaranteed", "100% Guaranteed"),
        ("Watch - Limited Time Offer", "Limited Time Offer"),
        ("Beads Wholesale Lot", "Wholesale"),
        ("New Arrival Summer Dress", "New Arrival"),
        # Full-width letters, as in Chinese and Japanese feeds.
        (
            "\uff26\uff32\uff25\uff25 \uff33\uff28\uff29\uff30\uff30\uff29\uff2e\uff27 Shoes",
            "FREE SHIPPING",
        ),
        ("Zapatillas envío gratis", "envío gratis"),
        ("Zapatillas ENVIO GRATIS", "ENVIO GRATIS"),  # accents are optional
        ("Robe été livraison gratuite", "livraison gratuite"),
        ("Laufschuhe Kostenloser Versand", "Kostenloser Versand"),
        ("Tênis frete grátis", "frete grátis"),
        ("Scarpe spedizione gratuita", "spedizione gratuita"),
        ("Кроссовки бесплатная доставка", "бесплатная доставка"),
        ("Кроссовки дёшево", "дёшево"),
        ("2024新款连衣裙包邮", "包邮"),  # Chinese needs no word boundaries
        ("连衣裙免运费", "免运费"),
        ("爆款连衣裙", "爆款"),
        ("スニーカー 送料無料", "送料無料"),
    ],
)
def test_promotional_phrases_fire_and_are_quoted(title: str, quoted: str) -> None:
    (message,) = _phrases(title)
    assert repr(quoted) in message


@pytest.mark.parametrize(
    "title",
    [
        "Sugar Free Gummy Bears",
        "Gluten-free Pasta, Fat Free",
        "Free Range Eggs",
        "New Balance 574 Sneakers",  # "new" alone is not promotional
        "Brand New in Box Headphones",
        "Garage Sale Sign, For Sale Sign",  # "sale" alone is not promotional
        "Wholesaler's Guide to Retail",  # not "wholesale" as a word
        "Salesforce for Dummies",
        "Limited Edition Vinyl Record",
        "Ground Clearance Gauge",
        "Cheapskate's Cookbook",  # "cheap" inside a longer word
        "Wireless Earbuds with Charging Case",
        "Hummingbird printed t-shirt",
    ],
)
def test_innocent_titles_pass(title: str) -> None:
    assert _phrases(title) == []


def test_wholesale_is_not_read_as_sale() -> None:
    assert _phrases("Wholesale!") == ["Title contains the promotional phrase 'Wholesale'"]


def test_a_phrase_in_the_brand_does_not_fire() -> None:
    assert _phrases("Cheap Monday Skinny Jeans", brand="Cheap Monday") == []
    assert _phrases("Cheap Monday Skinny Jeans", attributes={"brand": "Cheap Monday"}) == []
    # Without the brand field the same title is reported.
    assert _phrases("Cheap Monday Skinny Jeans")


def test_the_brand_does_not_excuse_other_phrases() -> None:
    assert _phrases("Cheap Monday Jeans Free Shipping", brand="Cheap Monday") == [
        "Title contains the promotional phrase 'Free Shipping'"
    ]


def test_several_phrases_make_one_finding_quoting_each_once() -> None:
    (finding,) = run_check(
        TitlePromotional, {"id": "T1", "title": "HOT SALE Earbuds Free Shipping hot sale"}
    )
    assert finding.message == "Title contains the promotional phrases 'HOT SALE', 'Free Shipping'"
    assert "Remove 'HOT SALE', 'Free Shipping' from the title" in finding.fix
    assert finding.field == "title"


def test_the_longest_phrase_is_quoted() -> None:
    assert _phrases("Watch Limited Time Offer") == [
        "Title contains the promotional phrase 'Limited Time Offer'"
    ]


def test_allow_option_silences_a_phrase_in_any_spelling() -> None:
    assert _phrases("Beads Wholesale Lot", {"allow": ["wholesale"]}) == []
    assert _phrases("Earbuds FREE-SHIPPING", {"allow": ["Free Shipping"]}) == []
    assert _phrases("Yoga Mat Best Sellers", {"allow": ["best seller"]}) == []
    # Other phrases still fire.
    assert _phrases("Cheap Beads Wholesale", {"allow": ["wholesale"]}) == [
        "Title contains the promotional phrase 'Cheap'"
    ]


def test_extra_phrases_option_adds_phrases() -> None:
    assert _phrases("Mug - Black Friday Deal") == []
    assert _phrases("Mug - Black Friday Deal", {"extra-phrases": ["black friday deal"]}) == [
        "Title contains the promotional phrase 'Black Friday Deal'"
    ]


def test_latin_phrases_next_to_chinese_characters_are_found() -> None:
    assert _phrases("连衣裙free shipping包邮") == [
        "Title contains the promotional phrases 'free shipping', '包邮'"
    ]


def test_phrases_in_the_description_are_not_this_checks_business() -> None:
    assert _phrases("Wireless Earbuds", description="Free shipping! Best seller!") == []
