"""Google Merchant Center text feeds: a tab-separated (or CSV) file whose header names Merchant
attributes, with or without the ``g:`` prefix (``id``, ``g:price``, ``image link``).

A header may spell out the parts of a grouped attribute, as Merchant Center allows:
``shipping(country:price)`` with cells like ``US:5.00 USD``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

from listlint.loaders.base import Loaded, Problem
from listlint.loaders.merchant import Item, Values, merchant_listings
from listlint.loaders.rows import Table

_GROUPED = re.compile(r"^([\w ]+)\(([\w :]+)\)$")


def load_merchant_tsv(text: str, path: str, *, delimiter: str | None = None) -> Iterator[Loaded]:
    """Yield the listings of a Merchant text feed (``delimiter`` None sniffs it)."""
    table = Table(text, path, delimiter)
    columns = [merchant_column(name) for name in table.header]
    id_column = next((i for i, (name, _) in enumerate(columns) if name == "id"), None)
    yield from merchant_listings(_items(table, columns, id_column), path)


def merchant_column(header: str) -> tuple[str, tuple[str, ...]]:
    """A header cell as (attribute name, the named parts of a grouped attribute or ())."""
    name = " ".join(header.split()).lower()
    parts: tuple[str, ...] = ()
    grouped = _GROUPED.match(name)
    if grouped:
        name = grouped.group(1).strip()
        parts = tuple(_attribute(p) for p in grouped.group(2).split(":"))
    return _attribute(name), parts


def _attribute(name: str) -> str:
    return name.strip().removeprefix("g:").replace(" ", "_")


def _items(
    table: Table, columns: Sequence[tuple[str, tuple[str, ...]]], id_column: int | None
) -> Iterator[Item | Problem]:
    for row in table.rows(id_column):
        if isinstance(row, Problem):
            yield row
            continue
        fields: dict[str, list[str | Mapping[str, str]]] = {}
        for (name, parts), cell in zip(columns, row.cells, strict=True):
            if not name or not cell.strip():
                continue
            value: str | Mapping[str, str] = cell
            if parts:
                value = dict(zip(parts, (v.strip() for v in cell.split(":")), strict=False))
            fields.setdefault(name, []).append(value)
        found: Mapping[str, Values] = fields
        yield row.line, found
