"""Several rows that describe one product, merged into one listing with variants.

Shop exports put one variant per row and tie the rows together with a key: a Shopify handle, a
WooCommerce parent, a Merchant ``item_group_id``, or the seller's own ``group-by`` column. The
rows of one key need not be next to each other, so they are collected over the whole file (which
the loaders hold in memory anyway) and each group becomes one listing at its first row.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from listlint.loaders.base import Loaded, Problem, records
from listlint.model import SourceLocation, canonical_attribute

T = TypeVar("T")

_VARIANT_INDEX = re.compile(r"^variants\[(\d+)\]")


@dataclass(frozen=True)
class Member:
    """What one row says: fields of its listing, and the variant it is (None: a row that only
    describes the product, such as a Shopify image row or a WooCommerce parent)."""

    line: int
    listing: Mapping[str, Any]
    variant: Mapping[str, Any] | None = None


class Groups(Generic[T]):
    """Members collected under their keys, in the order the keys first appear; Problems met
    on the way keep their place among them."""

    def __init__(self) -> None:
        self._slots: list[list[T] | Problem] = []
        self._by_key: dict[Hashable, list[T]] = {}

    def add(self, key: Hashable, member: T) -> None:
        members = self._by_key.get(key)
        if members is None:
            members = self._by_key[key] = []
            self._slots.append(members)
        members.append(member)

    def add_alone(self, member: T) -> None:
        self._slots.append([member])

    def add_problem(self, problem: Problem) -> None:
        self._slots.append(problem)

    def __iter__(self) -> Iterator[list[T] | Problem]:
        return iter(self._slots)


def grouped_listing(
    listing_id: str,
    members: Sequence[Member],
    path: str,
    *,
    pinned: frozenset[str] = frozenset(),
) -> Iterator[Loaded]:
    """The Listing (or Problems) that ``members`` make, located at the group's first row.

    A Problem about one variant is located at that variant's row, not at the group's first:
    that is where the seller (and a CI annotation) has to look.
    """
    record, variant_lines = merge_group(listing_id, members, pinned=pinned)
    source = SourceLocation(path, min(member.line for member in members))
    for item in records(record, source):
        if isinstance(item, Problem):
            match = _VARIANT_INDEX.match(item.field)
            if match and int(match.group(1)) < len(variant_lines):
                line = variant_lines[int(match.group(1))]
                item = Problem(
                    SourceLocation(path, line), item.message, item.field, item.listing_id
                )
        yield item


def merge_group(
    listing_id: str, members: Sequence[Member], *, pinned: frozenset[str] = frozenset()
) -> tuple[dict[str, Any], list[int]]:
    """One raw listing record from the rows of a group, and the line of each of its variants.

    Listing fields take the first value any row gives (images add up). A group with a single
    variant row is an ordinary listing: that row's price, stock, ... are the listing's. With
    several, each is a variant; an attribute (or image list) that every variant states alike
    is the listing's, except the ``pinned`` attribute names, which stay on the variants.
    """
    variants = [member for member in members if member.variant is not None]
    record: dict[str, Any] = {"id": listing_id}
    attributes: dict[str, Any] = {}
    for member in members:
        _fill(record, attributes, member.listing)
    lines: list[int] = []
    if len(variants) == 1 and variants[0].variant is not None:
        only = dict(variants[0].variant)
        sku = only.pop("id", None)
        if not _blank(sku) and sku != listing_id:
            record.setdefault("sku", sku)
        _fill(record, attributes, only)
    elif variants:
        own = [_canonical(member.variant or {}) for member in variants]
        _hoist(record, attributes, own, pinned)
        record["variants"] = own
        lines = [member.line for member in variants]
    if attributes:
        record["attributes"] = attributes
    return record, lines


def _fill(record: dict[str, Any], attributes: dict[str, Any], fields: Mapping[str, Any]) -> None:
    for key, value in fields.items():
        if _blank(value):
            continue
        if key == "attributes" and isinstance(value, Mapping):
            for name, values in value.items():
                if not _blank(values):
                    attributes.setdefault(canonical_attribute(str(name)), values)
        elif key == "images" and isinstance(value, list):
            known = record.setdefault("images", [])
            known.extend(image for image in value if image not in known)
        elif _blank(record.get(key)):
            record[key] = value


def _canonical(variant: Mapping[str, Any]) -> dict[str, Any]:
    copy = {key: value for key, value in variant.items() if not _blank(value)}
    raw = copy.get("attributes")
    if isinstance(raw, Mapping):
        merged: dict[str, Any] = {}
        for name, values in raw.items():
            if not _blank(values):
                merged.setdefault(canonical_attribute(str(name)), values)
        copy["attributes"] = merged
    return copy


def _hoist(
    record: dict[str, Any],
    attributes: dict[str, Any],
    variants: list[dict[str, Any]],
    pinned: frozenset[str],
) -> None:
    # What every variant states alike describes the product: say it once, on the listing.
    names = {name for v in variants for name in v.get("attributes", {})} - pinned
    for name in sorted(names):
        values = [v.get("attributes", {}).get(name) for v in variants]
        if name in attributes or not _alike(values):
            continue
        attributes[name] = values[0]
        for variant in variants:
            del variant["attributes"][name]
    for variant in variants:
        if variant.get("attributes") == {}:
            del variant["attributes"]
    images = [v.get("images") for v in variants]
    if _blank(record.get("images")) and _alike(images):
        record["images"] = images[0]
        for variant in variants:
            del variant["images"]


def _alike(values: list[Any]) -> bool:
    """True when every value is stated and all are the same (a text equals its 1-item list)."""
    if any(_blank(value) for value in values):
        return False
    as_lists = [value if isinstance(value, list) else [value] for value in values]
    return all(item == as_lists[0] for item in as_lists[1:])


def _blank(value: Any) -> bool:
    if isinstance(value, str):
        return not value.strip()
    return value is None or (isinstance(value, (list, dict)) and not value)
