"""ListingSpecs: what a whole listing states, read once per listing (listlint/text/specs.py)."""

from __future__ import annotations

from typing import Any

import pytest

from listlint.model import Listing, SourceLocation, build_listing
from listlint.text import specs as specs_module
from listlint.text.specs import Extras, ListingSpecs, listing_specs, suggest


def _listing(**record: Any) -> Listing:
    return build_listing({"id": "T1", "title": "Hoodie", **record}, SourceLocation("t"))


def test_attribute_and_variant_values_are_statements_with_their_field() -> None:
    specs = ListingSpecs(
        _listing(
            attributes={"colour": "Navy", "material": "60% Cotton, 40% Polyester"},
            variants=[{"attributes": {"size": "XXL"}}, {"attributes": {"size": "Heritage"}}],
        )
    )
    assert [(s.field, s.kind, s.value) for s in specs.attributes] == [
        ("attributes.color", "color", "blue"),
        ("attributes.material", "material", "cotton"),
        ("attributes.material", "material", "polyester"),
    ]
    (first,), (second,) = specs.variants
    assert (first.field, first.value) == ("variants[0].attributes.size", "2XL")
    assert (second.value, second.qualifier) == ("", "unknown")


def test_reference_prefers_the_attribute_and_falls_back_to_every_variant() -> None:
    on_listing = ListingSpecs(_listing(attributes={"color": "Red"}))
    reference = on_listing.reference("color")
    assert reference is not None
    assert (reference.values, reference.where, reference.complete) == (("red",), "attribute", True)

    variants = [{"attributes": {"color": c}} for c in ("Red", "Blue", "Red")]
    reference = ListingSpecs(_listing(variants=variants)).reference("color")
    assert reference is not None
    assert (reference.values, reference.texts, reference.where) == (
        ("red", "blue"),
        ("Red", "Blue"),
        "variants",
    )


def test_no_reference_when_a_variant_lacks_the_attribute() -> None:
    variants = [{"attributes": {"color": "Red"}}, {"attributes": {"size": "M"}}]
    assert ListingSpecs(_listing(variants=variants)).reference("color") is None


def test_an_unreadable_value_makes_the_reference_incomplete() -> None:
    reference = ListingSpecs(_listing(attributes={"color": ["Red", "Heritage"]})).reference("color")
    assert reference is not None
    assert (reference.values, reference.complete) == (("red",), False)


def test_trade_names_in_a_material_attribute_are_ignored_not_unknown() -> None:
    specs = ListingSpecs(_listing(attributes={"material": ["LumaTech&trade;", "Polyester"]}))
    reference = specs.reference("material")
    assert reference is not None
    assert (reference.values, reference.texts, reference.complete) == (
        ("polyester",),
        ("LumaTech™", "Polyester"),
        True,
    )


def test_groups_are_plain_statements_per_sentence() -> None:
    specs = ListingSpecs(
        _listing(
            title="Black Hoodie with White Logo",
            description="Cream sweatshirt with navy trim. 80% cotton, 20% polyester. Navy hoodie.",
        )
    )
    assert [[s.value for s in g] for g in specs.groups("color", "title")] == [["black"]]
    assert [[s.value for s in g] for g in specs.groups("color", "description")] == [
        ["cream"],
        ["blue"],
    ]
    assert [[s.value for s in g] for g in specs.groups("material", "description")] == [
        ["cotton", "polyester"]
    ]


def test_the_same_listing_is_read_once_and_memory_stays_flat() -> None:
    listing = _listing(title="Red Hoodie")
    first = listing_specs(listing)
    assert listing_specs(listing) is first
    assert listing_specs(listing, Extras(colors=(("petrol", "teal"),))) is not first
    assert listing_specs(listing) is first  # both kept while the listing is the current one
    other = _listing(title="Blue Hoodie")
    assert listing_specs(other) is not first
    assert specs_module._last is other
    assert len(specs_module._last_specs) == 1


def test_an_equal_but_different_listing_is_read_again() -> None:
    first = listing_specs(_listing(title="Red Hoodie"))
    assert listing_specs(_listing(title="Red Hoodie")) is not first


def test_extra_words_from_options() -> None:
    extras = Extras.from_options({"extra-colors": ["Petrol=teal", "anthrazit = gray"]})
    assert extras.colors == (("petrol", "teal"), ("anthrazit", "gray"))
    specs = ListingSpecs(_listing(title="Anthrazit Hoodie"), extras)
    assert [s.value for s in specs.title] == ["gray"]
    assert Extras.from_options({}) == Extras()


@pytest.mark.parametrize("bad", [["petrol"], ["=blue"], ["petrol="]])
def test_malformed_extra_words_are_refused(bad: list[str]) -> None:
    with pytest.raises(ValueError, match="word=canonical"):
        Extras.from_options({"extra-colors": bad})


def test_suggestions_quote_the_title_first_then_the_description() -> None:
    suggestion = suggest(_listing(title="White Plimsolls"), "color")
    assert suggestion is not None
    assert (suggestion.field, suggestion.quoted, suggestion.value) == ("title", "'White'", "White")
    suggestion = suggest(_listing(description="Material: 100% cotton."), "material")
    assert suggestion is not None
    assert (suggestion.field, suggestion.value) == ("description", "100% cotton")
    suggestion = suggest(_listing(title="Hoodie XXL"), "size")
    assert suggestion is not None
    assert suggestion.value == "2XL"
    assert suggest(_listing(title="Hoodie with White Logo"), "color") is None
