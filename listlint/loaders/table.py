"""CSV and TSV catalogs: a header row naming the fields, then one listing per row."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from listlint.loaders.base import Loaded, Problem, UnusableInput, records
from listlint.loaders.rows import Table
from listlint.model import SourceLocation, attribute_aliases, parse_number

_LIST_SEPARATOR = "|"

_TEXT_FIELDS = frozenset(
    {
        "id", "title", "description", "category", "brand", "language", "marketplace",
        "price", "sale_price", "currency", "stock", "gtin", "updated_at",
    }
)  # fmt: skip
# Fields a cell can only hold as JSON; anything else there is left for build_listing to reject.
_JSON_FIELDS = frozenset({"attributes", "variants", "shipping", "listlint"})
# Columns taken as attributes without an "attributes." prefix: what sellers name them.
_ATTRIBUTE_COLUMNS = frozenset(
    {
        "color", "colour", "colors", "colours", "size", "sizes", "material", "materials",
        "fabric", "composition", "pattern", "gender", "age_group", "style", "fit", "shoe_size",
        "width", "height", "length", "depth", "weight", "capacity", "volume", "dimensions",
        "season", "theme", "flavor", "flavour", "scent", "voltage", "power",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Column:
    index: int
    kind: str  # "text", "list", "json", "attribute", "shipping", "listlint" or "extra"
    key: str  # the record key, or the key inside attributes/shipping/listlint


def load_table(text: str, path: str, *, delimiter: str | None = None) -> Iterator[Loaded]:
    """Yield one Listing or Problem(s) per non-blank row; ``delimiter`` None sniffs it."""
    table = Table(text, path, delimiter)
    columns = table_columns(table.header, path)
    id_column = next(c.index for c in columns if c.kind == "text" and c.key == "id")
    for row in table.rows(id_column):
        if isinstance(row, Problem):
            yield row
        else:
            yield from records(row_record(row.cells, columns), SourceLocation(path, row.line))


def table_columns(
    header: Sequence[str],
    path: str,
    *,
    required: Sequence[str] = ("id", "title"),
    repeatable: Callable[[Column], bool] = lambda column: False,
) -> list[Column]:
    """Classify the header's columns. Raise UnusableInput for a name used twice (unless
    ``repeatable`` allows the column) or a ``required`` field that has no column."""
    columns: list[Column] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(header):
        name = " ".join(raw.split())
        if not name:
            columns.append(Column(index, "extra", f"column {index + 1}"))
            continue
        key = name.lower().replace(" ", "_").replace("-", "_")
        column = _classify(index, name, key)
        if key in seen and not repeatable(column):
            raise UnusableInput(
                f"{path}: the header names column '{name}' twice "
                f"(columns {seen[key] + 1} and {index + 1})"
            )
        seen.setdefault(key, index)
        columns.append(column)
    missing = [field for field in required if field not in seen]
    if missing:
        names = " and ".join(f"'{field}'" for field in missing)
        found = ", ".join(" ".join(h.split()) for h in header)
        plural = "columns" if len(missing) > 1 else "column"
        raise UnusableInput(f"{path}: the header has no {names} {plural} (it has: {found})")
    return columns


def _classify(index: int, name: str, key: str) -> Column:
    prefix, _, rest = name.partition(".")
    prefix = prefix.lower()
    if rest and prefix == "attributes":
        return Column(index, "attribute", rest.strip())
    if rest and prefix in ("shipping", "listlint"):
        return Column(index, prefix, rest.strip().lower())
    if key in _TEXT_FIELDS:
        return Column(index, "text", key)
    if key == "images":
        return Column(index, "list", key)
    if key in _JSON_FIELDS:
        return Column(index, "json", key)
    if key in _ATTRIBUTE_COLUMNS or _is_alias(key):
        return Column(index, "attribute", name)
    return Column(index, "extra", name)


def _is_alias(key: str) -> bool:
    """Whether a column key ("farbe", "shoe_size") names color, size, material or age group."""
    aliases = attribute_aliases()
    return key in aliases or key.replace("_", " ") in aliases


def row_record(row: Sequence[str], columns: Sequence[Column]) -> dict[str, Any]:
    """The raw record (for build_listing) that one row's cells make."""
    record: dict[str, Any] = {}
    attributes: dict[str, list[str]] = {}
    for column in columns:
        cell = row[column.index]
        if not cell.strip():
            continue  # an empty cell is an absent field
        if column.kind in ("text", "extra"):
            record[column.key] = cell
        elif column.kind == "list":
            record.setdefault(column.key, []).extend(_split(cell))
        elif column.kind == "json":
            record[column.key] = _json_cell(cell)
        elif column.kind == "attribute":
            attributes.setdefault(column.key, []).extend(_split(cell))
        elif column.kind == "shipping":
            record.setdefault("shipping", {})[column.key] = _number_or_text(cell)
        else:  # listlint.ignore and friends
            value = _split(cell) if column.key == "ignore" else cell.strip()
            record.setdefault("listlint", {})[column.key] = value
    if attributes:
        merged = record.get("attributes")  # an "attributes" column of JSON, if any
        merged = merged if isinstance(merged, dict) else {}
        merged.update((k, v[0] if len(v) == 1 else v) for k, v in attributes.items())
        record["attributes"] = merged
    return record


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(_LIST_SEPARATOR) if part.strip()]


def _number_or_text(cell: str) -> Any:
    number = parse_number(cell)
    if number is None:
        return cell.strip()
    return int(number) if number.is_integer() else number


def _json_cell(cell: str) -> Any:
    try:
        return json.loads(cell)
    except (ValueError, RecursionError):
        return cell
