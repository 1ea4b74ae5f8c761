"""Every unit spelling in listlint/vocab/units.toml is read after a number, and converts."""

from __future__ import annotations

import pytest

from listlint import _vocab
from listlint.text.measures import SPECS, attribute_measures, find_measures, unit

_ENTRIES = _vocab.load("units.toml")["unit"]
_SPELLINGS = [
    (spelling, entry["symbol"])
    for entry in _ENTRIES
    for spelling in [*entry.get("spellings", []), *entry.get("exact", [])]
]


@pytest.mark.parametrize(("spelling", "symbol"), _SPELLINGS)
def test_every_spelling_is_read(spelling: str, symbol: str) -> None:
    value = "16000000" if symbol == "px" else "12"
    # "in" alone is an inch only where the preposition cannot be; "Go" needs no space.
    text = f"{value}{spelling}" if spelling in ("Go", "To", "Mo") else f"{value} {spelling}"
    found = [m for m in find_measures(f"{text}.", "description") if m.quantity != "count"]
    assert [m.unit for m in found] == [symbol], text


@pytest.mark.parametrize("entry", _ENTRIES, ids=lambda e: e["symbol"])
def test_units_are_well_formed(entry: dict[str, object]) -> None:
    assert entry["quantity"] in SPECS
    factor = entry["factor"]
    assert isinstance(factor, float) and factor > 0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("1 in", "2.54 cm"),
        ("1 ft", "12 in"),
        ("1 m", "1000 mm"),
        ("1 kg", "1000 g"),
        ("1 lb", "16 oz"),
        ("1 lb", "453.59237 g"),
        ("1 l", "1000 ml"),
        ("1 gal", "128 fl oz"),
        ("1 qt", "32 fl oz"),
        ("1 TB", "1000 GB"),
        ("1 kW", "1000 W"),
        ("1 Ah", "1000 mAh"),
    ],
)
def test_conversions(a: str, b: str) -> None:
    (first,) = find_measures(a, "description")
    (second,) = find_measures(b, "description")
    assert first.base_value == pytest.approx(second.base_value)


def test_unit_lookup_by_symbol() -> None:
    assert unit("in").factor == pytest.approx(0.0254)
    assert unit("fl oz").quantity == "volume"


def test_units_in_attribute_names() -> None:
    (measure,) = attribute_measures("Screen size (in)", "55")
    assert (measure.spec, measure.unit) == ("diagonal", "in")
