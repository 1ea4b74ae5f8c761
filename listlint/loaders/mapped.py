"""CSV/TSV catalogs in a layout of the seller's own: columns renamed by a ColumnMapping, and rows
with equal values in the group-by column merged into one listing with variants.

With group-by, the listing's id is the group-by value. Which rows are variants: those that state
a variant attribute, that is an attribute mapped to ``variants.attributes.NAME`` or one whose
values differ between the rows of the group; when no attribute does, every row is a variant.
The other rows (a "master" row such as Spree's) describe only the product. On a variant row,
id, price, sale price, stock, GTIN, images and attributes are the variant's.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from listlint.loaders.base import Loaded, Problem, UnusableInput, records
from listlint.loaders.grouping import Groups, Member, grouped_listing
from listlint.loaders.mapping import VARIANT_FIELDS, ColumnMapping
from listlint.loaders.rows import Row, Table, column_index, column_key
from listlint.loaders.table import Column, row_record, table_columns
from listlint.model import SourceLocation, canonical_attribute

_PER_VARIANT = "variants."


def load_mapped(
    text: str, path: str, mapping: ColumnMapping, *, delimiter: str | None = None
) -> Iterator[Loaded]:
    """Yield the listings of a CSV/TSV file read through ``mapping``."""
    table = Table(text, path, delimiter)
    header, pinned_columns = _renamed(table.header, mapping)
    group_column = _group_column(table.header, mapping.group_by, path)
    try:
        columns = table_columns(
            header,
            path,
            required=("title",) if group_column is not None else ("id", "title"),
            # Several columns may feed one list: "Image 1", "Image 2" -> images.
            repeatable=lambda column: column.kind in ("list", "attribute"),
        )
    except UnusableInput as exc:
        raise UnusableInput(f"{exc} (after the column mapping)") from None
    id_column = next((c.index for c in columns if c.kind == "text" and c.key == "id"), None)
    if group_column is None:
        for row in table.rows(id_column):
            if isinstance(row, Problem):
                yield row
            else:
                yield from _single(row, columns, path)
        return
    pinned = _Pinned(columns, pinned_columns)
    groups: Groups[Row] = Groups()
    for row in table.rows(group_column):
        if isinstance(row, Problem):
            groups.add_problem(row)
        elif key := row.get(group_column):
            groups.add(key, row)
        else:  # no group: a listing of its own, with its own id
            groups.add_alone(row)
    for slot in groups:
        if isinstance(slot, Problem):
            yield slot
        elif key := slot[0].get(group_column):
            members = _members(slot, columns, pinned)
            yield from grouped_listing(key, members, path, pinned=pinned.attributes)
        else:
            yield from _single(slot[0], columns, path)


def _single(row: Row, columns: Sequence[Column], path: str) -> Iterator[Loaded]:
    return records(row_record(row.cells, columns), SourceLocation(path, row.line))


def _renamed(header: Sequence[str], mapping: ColumnMapping) -> tuple[list[str], set[int]]:
    """The header with mapped columns renamed to their targets, and the ``variants.*`` ones."""
    renamed: list[str] = []
    pinned: set[int] = set()
    for index, name in enumerate(header):
        target = mapping.targets.get(column_key(name))
        if target is None:
            renamed.append(name)
        elif target.startswith(_PER_VARIANT):
            renamed.append(target[len(_PER_VARIANT) :])
            pinned.add(index)
        else:
            renamed.append(target)
    return renamed, pinned


def _group_column(header: list[str], group_by: str | None, path: str) -> int | None:
    if group_by is None:
        return None
    index = column_index(header).get(column_key(group_by))
    if index is None:
        found = ", ".join(" ".join(h.split()) for h in header)
        raise UnusableInput(
            f"{path}: the group-by column '{group_by}' is not in the header (it has: {found})"
        )
    return index


class _Pinned:
    """The record keys and attribute names that come from ``variants.*`` columns."""

    def __init__(self, columns: Sequence[Column], indexes: set[int]) -> None:
        chosen = [c for c in columns if c.index in indexes]
        self.fields = frozenset(c.key for c in chosen if c.kind != "attribute")
        self.attributes = frozenset(
            canonical_attribute(c.key) for c in chosen if c.kind == "attribute"
        )


def _members(rows: list[Row], columns: Sequence[Column], pinned: _Pinned) -> list[Member]:
    found = [(row.line, row_record(row.cells, columns)) for row in rows]
    per_variant = pinned.attributes | _differing([record for _, record in found])
    marked = [bool(per_variant & _attribute_names(record)) for _, record in found]
    if not any(marked):
        marked = [True] * len(found)
    members: list[Member] = []
    for (line, record), is_variant in zip(found, marked, strict=True):
        if is_variant:
            listing = {
                k: v for k, v in record.items() if k not in VARIANT_FIELDS and k != "attributes"
            }
            variant = {k: record[k] for k in VARIANT_FIELDS if k in record}
            variant["attributes"] = record.get("attributes", {})
            members.append(Member(line, listing, variant))
        else:
            members.append(Member(line, _product_only(record, pinned)))
    return members


def _product_only(record: dict[str, Any], pinned: _Pinned) -> dict[str, Any]:
    # A column that only describes variants means nothing on a product row (Spree's price 0).
    listing = {k: v for k, v in record.items() if k not in pinned.fields}
    attributes = record.get("attributes")
    if isinstance(attributes, dict):
        listing["attributes"] = {
            name: value
            for name, value in attributes.items()
            if canonical_attribute(str(name)) not in pinned.attributes
        }
    return listing


def _attribute_names(record: dict[str, Any]) -> set[str]:
    attributes = record.get("attributes")
    if not isinstance(attributes, dict):
        return set()
    return {canonical_attribute(str(name)) for name, value in attributes.items() if value}


def _differing(found: list[dict[str, Any]]) -> frozenset[str]:
    """Attribute names whose stated values are not the same on every row that states them."""
    seen: dict[str, set[str]] = {}
    for record in found:
        attributes = record.get("attributes")
        if not isinstance(attributes, dict):
            continue
        for name, value in attributes.items():
            if value:
                seen.setdefault(canonical_attribute(str(name)), set()).add(repr(value))
    return frozenset(name for name, values in seen.items() if len(values) > 1)
