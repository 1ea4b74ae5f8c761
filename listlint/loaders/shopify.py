"""Shopify product CSV exports, both header generations:

- the classic one: ``Handle, Title, Body (HTML), Vendor, ..., Option1 Name, Option1 Value, ...,
  Variant SKU, Variant Price, Variant Compare At Price, Variant Inventory Qty, Variant Barcode,
  Image Src, ...``;
- the current one (2024 on): ``Title, URL handle, Description, Vendor, Product category, Type,
  ..., SKU, Barcode, Option1 name, Option1 value, ..., Price, Compare-at price, ...,
  Inventory quantity, ..., Product image URL, Image position, Image alt text, Variant image URL``.

The rows of one handle are one product: the row with the Title carries the product fields,
every row with variant data (options, SKU, price, ...) is a variant, and rows with only an image
add that image. The listing's id is the handle.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, TypeAlias

from listlint.loaders.base import Loaded, Problem
from listlint.loaders.grouping import Groups, Member, grouped_listing
from listlint.loaders.rows import Row, Table, column_index
from listlint.model import SourceLocation, parse_number

# Our name for a column -> its header in each generation (matched case-insensitively).
_COLUMNS: Mapping[str, tuple[str, ...]] = {
    "handle": ("handle", "url handle"),
    "title": ("title",),
    "description": ("body (html)", "description"),
    "vendor": ("vendor",),
    "product_category": ("product category", "standard product type"),
    "type": ("type", "custom product type"),
    "tags": ("tags",),
    "published": ("published", "published on online store"),
    "status": ("status",),
    "gift_card": ("gift card",),
    "seo_title": ("seo title",),
    "seo_description": ("seo description",),
    "gender": ("google shopping / gender",),
    "age_group": ("google shopping / age group",),
    "google_product_category": ("google shopping / google product category",),
    "sku": ("variant sku", "sku"),
    "price": ("variant price", "price"),
    "compare_at_price": ("variant compare at price", "compare-at price", "compare at price"),
    "stock": ("variant inventory qty", "inventory quantity"),
    "barcode": ("variant barcode", "barcode"),
    "image": ("image src", "product image url"),
    "variant_image": ("variant image", "variant image url"),
    **{
        f"option{n} {part}": (f"option{n} {part}",) for n in (1, 2, 3) for part in ("name", "value")
    },
}
# Product columns kept as extra keys of the listing, for plugins.
_EXTRA = ("tags", "published", "status", "gift_card", "seo_title", "seo_description")
_VARIANT_DATA = (
    "sku", "price", "compare_at_price", "stock", "barcode", "variant_image",
    "option1 value", "option2 value", "option3 value",
)  # fmt: skip
_DEFAULT_OPTION = "default title"  # a product without options has one variant named so
_METAFIELD = re.compile(r"(.+?)\s*\(product\.metafields\.[^)]*\)")  # headers are lower case
_METAFIELD_PREFIX = "metafield: "

_Cell: TypeAlias = Callable[[Row, str], str]  # a row's trimmed cell in one of our columns


def load_shopify(text: str, path: str, *, delimiter: str | None = None) -> Iterator[Loaded]:
    """Yield one listing per handle of a Shopify product CSV."""
    table = Table(text, path, delimiter)
    found = column_index(table.header)
    columns = {
        ours: next((found[name] for name in names if name in found), None)
        for ours, names in _COLUMNS.items()
    }
    # Category metafields, as current exports add them: "Color (product.metafields.shopify.
    # color-pattern)", "Fabric (product.metafields.shopify.fabric)", "Material (product.
    # metafields.custom.material)": product attributes named by their label.
    for header, index in found.items():
        if (match := _METAFIELD.fullmatch(header)) is not None:
            columns.setdefault(f"{_METAFIELD_PREFIX}{match.group(1).strip()}", index)
    groups: Groups[Row] = Groups()
    for row in table.rows(columns["handle"]):
        if isinstance(row, Problem):
            groups.add_problem(row)
        elif handle := row.get(columns["handle"]):
            groups.add(handle, row)
        else:
            groups.add_alone(row)
    for slot in groups:
        if isinstance(slot, Problem):
            yield slot
        else:
            yield from _product(slot, columns, path)


def _product(rows: list[Row], columns: Mapping[str, int | None], path: str) -> Iterator[Loaded]:
    def cell(row: Row, name: str) -> str:
        return row.get(columns[name])

    first = rows[0]
    handle = cell(first, "handle")
    product = next((row for row in rows if cell(row, "title")), None)
    if product is None:
        if handle:
            message = f"the rows of handle '{handle}' have no product row (a row with a Title)"
        else:
            message = "row has no handle and no Title, so it belongs to no product"
        yield Problem(SourceLocation(path, first.line), message, "title", handle or None)
        return
    # A new-style export may leave the handle out: Shopify makes it from the title.
    listing_id = handle or _slug(cell(product, "title"))
    metafields = [name for name in columns if name.startswith(_METAFIELD_PREFIX)]
    option_names = {
        n: next((name for row in rows if (name := cell(row, f"option{n} name"))), "")
        for n in (1, 2, 3)
    }
    members = []
    for row in rows:
        listing = _listing_fields(row, cell, metafields) if row is product else {}
        if image := cell(row, "image"):
            listing["images"] = [image]
        has_variant = any(cell(row, name) for name in _VARIANT_DATA)
        variant = _variant(row, cell, option_names) if has_variant else None
        members.append(Member(row.line, listing, variant))
    yield from grouped_listing(listing_id, members, path)


def _listing_fields(row: Row, cell: _Cell, metafields: Sequence[str]) -> dict[str, Any]:
    category = cell(row, "product_category") or cell(row, "type")
    record: dict[str, Any] = {
        "title": cell(row, "title"),
        "description": cell(row, "description"),
        "brand": cell(row, "vendor"),
        "category": category,
    }
    if (kind := cell(row, "type")) and kind != category:
        record["product_type"] = kind
    attributes: dict[str, Any] = {
        name: cell(row, name) for name in ("gender", "age_group") if cell(row, name)
    }
    for name in metafields:
        # A list metafield's values are separated by "; " ("navy-blue; white").
        values = [part.strip() for part in cell(row, name).split(";") if part.strip()]
        if values:
            label = name.removeprefix(_METAFIELD_PREFIX)
            attributes.setdefault(label, values[0] if len(values) == 1 else values)
    if attributes:
        record["attributes"] = attributes
    for name in (*_EXTRA, "google_product_category"):
        if value := cell(row, name):
            record[name] = value
    return record


def _variant(row: Row, cell: _Cell, option_names: Mapping[int, str]) -> dict[str, Any]:
    attributes: dict[str, str] = {}
    for n in (1, 2, 3):
        value = cell(row, f"option{n} value")
        name = cell(row, f"option{n} name") or option_names[n] or f"option{n}"
        if value and value.lower() != _DEFAULT_OPTION:
            attributes[name] = value
    price, sale_price = _prices(cell(row, "price"), cell(row, "compare_at_price"))
    variant_image = cell(row, "variant_image")
    return {
        "id": cell(row, "sku"),
        "price": price,
        "sale_price": sale_price,
        "stock": cell(row, "stock"),
        "gtin": cell(row, "barcode"),  # as text: a leading zero is part of a GTIN
        "images": [variant_image] if variant_image else [],
        "attributes": attributes,
    }


def _prices(price: str, compare_at: str) -> tuple[str, str]:
    """Shopify's sale: a compare-at price above the price is the regular price, and the price
    is the sale price."""
    regular, compared = parse_number(price), parse_number(compare_at)
    if regular is not None and compared is not None and compared > regular:
        return compare_at, price
    return price, ""


def _slug(title: str) -> str:
    return re.sub(r"[^\w]+", "-", title.lower()).strip("-")
