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


# The matcher tries the phrase regexes only where a phrase can start (see _Phrases); it must find
# exactly what one regex of all the phrases, run over the whole text, finds.
_TRICKY_TEXTS = [
    "Wireless Earbuds FREE SHIPPING Best Seller",
    "Best-Sellers 2024 HOT SALE!!! cheap cheapest",
    "Wholesale sugar free Gluten-free Sale!",
    "Envío Gratis ENVIO GRATIS envio-gratis kostenloser Versand",
    "100% Guaranteed 1100% guaranteed -50% off !!deal",
    "\u017fuper \u0131kinci \u212aELVIN \u00b5sale Stra\u00dfe \u1e9eonder \u03a3ALE",
    "连衣裙free shipping包邮热卖",
    "",
    "!",
    "\uff26\uff32\uff25\uff25 \uff33\uff28\uff29\uff30\uff30\uff29\uff2e\uff27",  # full width
    "free\u2014shipping free_shipping free\u00a0shipping",
]


@pytest.mark.parametrize("extra", [(), ("-50% off", "!!deal", "\u0131kinci", "100 %", "包邮 now")])
def test_phrases_are_found_as_one_regex_over_the_text_finds_them(extra: tuple[str, ...]) -> None:
    import re

    from listlint.checks.title_promotional import _CJK, _fold, _matcher, _normalize

    matcher = _matcher(extra, frozenset())
    for phrases, cjk in ((matcher.spaced, False), (matcher.cjk, True)):
        assert phrases is not None
        one_regex = re.compile(
            "|".join(f"(?:{before}{rest})" for before, rest in phrases._branches), re.IGNORECASE
        )
        for text in _TRICKY_TEXTS:
            folded = _fold(_normalize(text))
            searched = folded if cjk else _CJK.sub(" ", folded)
            expected = [m.span() for m in one_regex.finditer(searched)]
            assert phrases.spans(searched) == expected, text


@pytest.mark.parametrize(
    ("ascii_title", "other_title"),
    [
        ("Envio Gratis Shoes", "Envío Gratis Shoes"),
        ("FREE SHIPPING Mug", "\uff26\uff32\uff25\uff25 SHIPPING Mug"),  # full width
        ("Best Seller Mug", "Best Seller Mug ☕"),
        ("Cheap Mug", "Cheap Mug 马克杯"),
    ],
)
def test_ascii_and_non_ascii_titles_give_the_same_phrases(
    ascii_title: str, other_title: str
) -> None:
    from listlint.checks.title_promotional import _key, _matcher

    matcher = _matcher((), frozenset())
    assert [_key(p) for p in matcher.find(ascii_title)] == [
        _key(p) for p in matcher.find(other_title)
    ]
    assert len(_phrases(ascii_title)) == len(_phrases(other_title)) == 1


def test_normalizing_ascii_text_changes_nothing() -> None:
    import string
    import unicodedata

    from listlint.checks.title_promotional import _fold, _normalize, _unaccented

    assert _normalize(string.printable) == unicodedata.normalize("NFKC", string.printable)
    assert _fold(string.printable) == "".join(_unaccented(ch) for ch in string.printable)


def test_a_brand_is_looked_at_each_time_not_just_the_first() -> None:
    assert _phrases("Cheap Monday Jeans", brand="Cheap Monday") == []
    assert _phrases("Cheap Monday Jeans", brand="Levi's") == [
        "Title contains the promotional phrase 'Cheap'"
    ]
    assert _phrases("Cheap Monday Jeans", brand="Cheap Monday") == []


def _with_and_without_prefilter(extra: tuple[str, ...]) -> tuple[object, object]:
    import copy

    from listlint.checks.title_promotional import _matcher

    fast = _matcher(extra, frozenset()).spaced
    assert fast is not None
    slow = copy.copy(fast)
    slow._ascii_words = None  # the regexes alone
    return fast, slow


@pytest.mark.parametrize("extra", [(), ("-50% off", "door-buster", "ultra deal")])
def test_the_ascii_key_word_prefilter_never_hides_a_phrase(extra: tuple[str, ...]) -> None:
    # Every built-in (and extra) phrase, as written, in capitals, hyphenated, plural, glued to
    # digits and punctuation: the prefiltered search finds what the regexes alone find.
    from listlint.checks.title_promotional import _builtin, _fold, _normalize

    fast, slow = _with_and_without_prefilter(extra)
    phrases = [phrase for phrase, _ in _builtin()] + list(extra)
    for phrase in phrases:
        plain = _fold(_normalize(phrase))
        for text in (
            plain,
            plain.upper(),
            f"Mug {plain} 2024",
            f"Mug {plain}s!",
            f"2{plain.replace(' ', '-')}3",
            f"({plain.replace(' ', '_')})",
            f"Mug,{plain.title()}.",
        ):
            if not text.isascii():
                continue
            assert fast.spans(text) == slow.spans(text), text  # type: ignore[attr-defined]
            if text == plain:
                assert fast.spans(text), text  # type: ignore[attr-defined]


def test_the_prefilter_agrees_on_tricky_texts() -> None:
    fast, slow = _with_and_without_prefilter(())
    texts = [*_TRICKY_TEXTS, "Cheapest Mug", "Hot Sales Mug", "Wholesales", "BESTSELLERS"]
    for text in texts:
        assert fast.spans(text) == slow.spans(text), text  # type: ignore[attr-defined]
