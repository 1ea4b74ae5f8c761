"""Sizes in titles, descriptions and attribute values (listlint/text/sizes.py)."""

from __future__ import annotations

import pytest

from listlint.text.sizes import expand_range, find_sizes, parse_size_value, sizes_agree


def _found(text: str, *, description: bool = False) -> list[tuple[str, str]]:
    return [(m.value, m.qualifier) for m in find_sizes(text, description=description)]


@pytest.mark.parametrize(
    ("title", "value"),
    [
        ("Cotton Hoodie XL", "XL"),
        ("Cotton Hoodie XXL", "2XL"),  # XXL is 2XL
        ("Cotton Hoodie 2XL", "2XL"),
        ("Tee (X-Large)", "XL"),
        ("Tee Size M", "M"),
        ("T-Shirt Gr. L", "L"),
        ("Camiseta talla M", "M"),
        ("Running Shoes EU 42", "EU 42"),
        ("Running Shoes 42 EU", "EU 42"),
        ("Running Shoes US 9.5", "US 9.5"),
        ("Beanie One Size", "one size"),
        ("Bonnet taille unique", "one size"),
        ("Größe: 38", "38"),
    ],
)
def test_title_sizes(title: str, value: str) -> None:
    assert _found(title) == [(value, "")]


@pytest.mark.parametrize(
    "title",
    [
        "Air Fryer 5.5 L",  # a capacity
        "Tower Fan 100cm",
        "Jeans 32 inch waist",  # a body measurement, not a size label
        "Hoodie with Large Pocket",  # "large" only counts after a size label
        "Size chart for Hoodies",
        "Hoodie XL/XXL",  # a list of sizes: not one stated size
        'Brick, Size: 4" x 6" x 9"',
    ],
)
def test_titles_without_a_size(title: str) -> None:
    assert _found(title) == []


def test_compatibility_and_ranges_are_qualified() -> None:
    assert _found("Model wears size M") == [("M", "other")]
    assert _found("Hoodie Size S-XL") == [("S-XL", "range")]
    assert _found("fits sizes S-L") == []  # "sizes" is not a size label
    assert _found("order one size up") == []


def test_a_description_states_a_size_only_after_a_label() -> None:
    assert _found("Size: M", description=True) == [("M", "")]
    assert _found("Available in size M and L.", description=True) == []
    assert _found("Our model wears size M.", description=True) == []


@pytest.mark.parametrize(
    ("value", "parsed"),
    [
        ("XXL", ("2XL",)),
        ("Large", ("L",)),
        ("S/M", ("S", "M")),
        ("42", ("42",)),
        ("10,5", ("10.5",)),
        ("EU 42.5", ("EU 42.5",)),
        ("One Size", ("one size",)),
        ("32x32cm", None),  # a measurement, not a size
        ("Tall", None),
    ],
)
def test_attribute_values(value: str, parsed: tuple[str, ...] | None) -> None:
    assert parse_size_value(value) == parsed


def test_sizes_agree_within_one_system() -> None:
    assert sizes_agree("XL", ["S", "M", "L"]) is False
    assert sizes_agree("2XL", ["XL", "2XL"]) is True
    assert sizes_agree("XL", ["32", "34"]) is None  # letters and numbers do not compare
    assert sizes_agree("EU 42", ["40", "41", "42"]) is True
    assert sizes_agree("EU 42", ["40", "41"]) is False
    assert sizes_agree("US 9", ["40", "41", "42"]) is None  # 40 is no US size
    assert sizes_agree("one size", ["S", "M", "L"]) is True
    assert sizes_agree("M", ["one size"]) is True


def test_ranges_expand_in_size_order() -> None:
    assert expand_range("S-XL") == ("S", "M", "L", "XL")
    assert expand_range("M") == ("M",)
