"""WooCommerce product CSV exports (the built-in exporter: ``ID, Type, SKU, Name, Published, ...,
Sale price, Regular price, Categories, Tags, Images, Parent, Attribute 1 name, Attribute 1
value(s), ...``).

Every row that is not a ``variation`` is a listing (simple, variable, grouped, external); the
variation rows name their product in ``Parent`` (``id:741`` or its SKU) and become its variants.
On a product, ``Attribute 1 value(s)`` lists the options ("Blue, Green, Red"); on a variation it
is that variant's value. The exporter writes lists comma-separated, escaping a comma inside a
value as ``\\,``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Any

from listlint.loaders.base import Loaded, Problem
from listlint.loaders.grouping import Groups, Member, grouped_listing
from listlint.loaders.rows import Row, Table, column_index, column_key
from listlint.model import SourceLocation

_COLUMNS = {
    "id": "id",
    "type": "type",
    "sku": "sku",
    "name": "name",
    "description": "description",
    "short_description": "short description",
    "regular_price": "regular price",
    "sale_price": "sale price",
    "stock": "stock",
    "in_stock": "in stock?",
    "categories": "categories",
    "tags": "tags",
    "images": "images",
    "parent": "parent",
    "published": "published",
    "grouped_products": "grouped products",
    "external_url": "external url",
    "gtin": "gtin, upc, ean, or isbn",  # core column since WooCommerce 9.2
}
_EXTRA = ("short_description", "tags", "published", "in_stock", "grouped_products", "external_url")
_ATTRIBUTE_NAME = re.compile(r"^attribute (\d+) name$")
_MEASURE = re.compile(r"^(weight|length|width|height) \((\w+)\)$")  # "Weight (kg)"
_UNESCAPED_COMMA = re.compile(r"(?<!\\),")


class _Columns:
    """Where each column we read is in this file's header."""

    def __init__(self, header: list[str]) -> None:
        found = column_index(header)
        self.index = {ours: found.get(name) for ours, name in _COLUMNS.items()}
        self.attributes = [
            (index, found.get(f"attribute {match.group(1)} value(s)"))
            for index, name in enumerate(header)
            if (match := _ATTRIBUTE_NAME.match(column_key(name)))
        ]
        self.measures = [
            (index, match.group(1), match.group(2))
            for index, name in enumerate(header)
            if (match := _MEASURE.match(column_key(name)))
        ]

    def cell(self, row: Row, name: str) -> str:
        return row.get(self.index[name])


def load_woocommerce(text: str, path: str, *, delimiter: str | None = None) -> Iterator[Loaded]:
    """Yield one listing per product of a WooCommerce export, its variations as variants."""
    table = Table(text, path, delimiter)
    columns = _Columns(table.header)
    found = list(table.rows(columns.index["sku"]))
    products = [
        item for item in found if isinstance(item, Row) and not _is_variation(item, columns)
    ]
    by_reference: dict[str, Row] = {}
    for product in products:  # a Parent cell names its product by ID ("id:741") or by SKU
        if sku := columns.cell(product, "sku"):
            by_reference.setdefault(sku, product)
        if ident := columns.cell(product, "id"):
            by_reference.setdefault(f"id:{ident}", product)
    groups: Groups[Row] = Groups()
    for item in found:
        if isinstance(item, Problem):
            groups.add_problem(item)
        elif not _is_variation(item, columns):
            groups.add(item.line, item)
        elif parent := _parent(item, columns, by_reference):
            groups.add(parent.line, item)
        else:
            groups.add_problem(_orphan(item, columns, path))
    for slot in groups:
        if isinstance(slot, Problem):
            yield slot
            continue
        product = next(row for row in slot if not _is_variation(row, columns))
        members = [
            Member(row.line, {}, _record(row, columns, variation=True))
            if _is_variation(row, columns)
            else Member(row.line, _record(row, columns, variation=False))
            for row in slot
        ]
        listing_id = columns.cell(product, "sku") or columns.cell(product, "id")
        yield from grouped_listing(listing_id, members, path)


def _parent(row: Row, columns: _Columns, by_reference: dict[str, Row]) -> Row | None:
    reference = columns.cell(row, "parent")
    return by_reference.get(reference) or by_reference.get(f"id:{reference}")


def _is_variation(row: Row, columns: _Columns) -> bool:
    return "variation" in _split(columns.cell(row, "type").lower())


def _orphan(row: Row, columns: _Columns, path: str) -> Problem:
    parent = columns.cell(row, "parent")
    name = columns.cell(row, "sku") or columns.cell(row, "id")
    if parent:
        message = f"variation's Parent '{parent}' is not a product in this file"
    else:
        message = "variation has no Parent, so it belongs to no product"
    return Problem(SourceLocation(path, row.line), message, "parent", name or None)


def _record(row: Row, columns: _Columns, *, variation: bool) -> dict[str, Any]:
    cell = columns.cell
    record: dict[str, Any] = {
        "price": cell(row, "regular_price"),
        "sale_price": cell(row, "sale_price"),
        "stock": cell(row, "stock"),
        "gtin": cell(row, "gtin"),
        "images": _split(cell(row, "images")),
        "attributes": _attributes(row, columns, variation=variation),
    }
    if variation:
        record["id"] = cell(row, "sku") or cell(row, "id")
        return record
    categories = _split(cell(row, "categories"))
    record.update(
        # WordPress stores a name's "&" as "&amp;" (and the storefront shows "&"): what the
        # export escaped is no HTML of the seller's.
        title=html.unescape(cell(row, "name")),
        description=cell(row, "description"),
        category=categories[0] if categories else "",  # "Clothing > Hoodies": keep the path
        product_type=cell(row, "type"),
    )
    record.update((name, value) for name in _EXTRA if (value := cell(row, name)))
    return record


def _attributes(row: Row, columns: _Columns, *, variation: bool) -> dict[str, Any]:
    attributes: dict[str, Any] = {}
    for name_column, values_column in columns.attributes:
        name, values = row.get(name_column), row.get(values_column)
        if not name or not values:  # an empty value on a variation means "any"
            continue
        attributes[name] = _unescape(values) if variation else _split(values)
    # WooCommerce's weight and dimensions are what shipping rates are computed from (its
    # "Shipping" tab): often the parcel's, not the product's, so they are package specs and are
    # not compared with the weight or size the title states ("Coffee 500 g" in a 0.55 kg bag).
    sides = []
    for column, measure, unit in columns.measures:
        if value := row.get(column):
            if measure == "weight":
                attributes.setdefault("shipping weight", f"{value} {unit}")
            else:
                sides.append(f"{value} {unit}")
    if sides:
        attributes.setdefault("shipping dimensions", " x ".join(sides))
    return attributes


def _split(cell: str) -> list[str]:
    return [_unescape(part) for part in _UNESCAPED_COMMA.split(cell) if part.strip()]


def _unescape(text: str) -> str:
    return text.replace("\\,", ",").strip()
