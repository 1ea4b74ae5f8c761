"""CSV and TSV catalogs: a header row naming the fields, then one listing per row."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from listlint.loaders.base import Loaded, Problem, UnusableInput, records, syntax_problem
from listlint.model import ATTRIBUTE_ALIASES, SourceLocation, parse_number

# Comma first: it wins a tie. Semicolon is what European Excel writes.
_DELIMITERS = (",", ";", "\t", "|")
_LIST_SEPARATOR = "|"
# Room for a 10 MB description; the csv module's default limit is 128 KiB.
_CELL_LIMIT = 1 << 30

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
) | frozenset(name.replace(" ", "_") for name in ATTRIBUTE_ALIASES)  # fmt: skip


@dataclass(frozen=True)
class _Column:
    index: int
    kind: str  # "text", "list", "json", "attribute", "shipping", "listlint" or "extra"
    key: str  # the record key, or the key inside attributes/shipping/listlint


def load_table(text: str, path: str, *, delimiter: str | None = None) -> Iterator[Loaded]:
    """Yield one Listing or Problem(s) per non-blank row; ``delimiter`` None sniffs it."""
    if csv.field_size_limit() < _CELL_LIMIT:
        csv.field_size_limit(_CELL_LIMIT)
    reader = csv.reader(
        io.StringIO(text, newline=""),
        delimiter=delimiter or _sniff_delimiter(text),
        strict=True,  # a stray quote is reported at its row, not silently dropped
    )
    header = _header(reader, path)
    columns = _columns(header, path)
    id_column = next(c.index for c in columns if c.kind == "text" and c.key == "id")
    last_line = reader.line_num
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield _broken_row(path, last_line + 1, reader.line_num, str(exc))
            last_line = reader.line_num
            continue
        line, last_line = last_line + 1, reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        source = SourceLocation(path, line)
        if len(row) < len(header) or any(cell.strip() for cell in row[len(header) :]):
            # Extra empty cells are what a trailing delimiter leaves; nothing is lost with them.
            listing_id = row[id_column].strip() if id_column < len(row) else ""
            message = f"row has {len(row)} cells, header has {len(header)}"
            yield Problem(source, message, "", listing_id or None)
            continue
        yield from records(_record(row, columns), source)


def _sniff_delimiter(text: str) -> str:
    first = next((line for line in io.StringIO(text, newline="") if line.strip()), "")
    counts = {d: len(next(csv.reader([first], delimiter=d), [])) for d in _DELIMITERS}
    return max(_DELIMITERS, key=lambda d: counts[d])  # max() keeps the first of equals


def _header(reader: Iterator[list[str]], path: str) -> list[str]:
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                return list(row)
    except csv.Error as exc:
        raise UnusableInput(f"{path}: broken CSV header: {exc}") from None
    raise UnusableInput(f"{path}: no header row")


def _columns(header: Sequence[str], path: str) -> list[_Column]:
    columns: list[_Column] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(header):
        name = " ".join(raw.split())
        if not name:
            columns.append(_Column(index, "extra", f"column {index + 1}"))
            continue
        key = name.lower().replace(" ", "_").replace("-", "_")
        if key in seen:
            raise UnusableInput(
                f"{path}: the header names column '{name}' twice "
                f"(columns {seen[key] + 1} and {index + 1})"
            )
        seen[key] = index
        columns.append(_classify(index, name, key))
    missing = [field for field in ("id", "title") if field not in seen]
    if missing:
        names = " and ".join(f"'{field}'" for field in missing)
        found = ", ".join(" ".join(h.split()) for h in header)
        plural = "columns" if len(missing) > 1 else "column"
        raise UnusableInput(f"{path}: the header has no {names} {plural} (it has: {found})")
    return columns


def _classify(index: int, name: str, key: str) -> _Column:
    prefix, _, rest = name.partition(".")
    prefix = prefix.lower()
    if rest and prefix == "attributes":
        return _Column(index, "attribute", rest.strip())
    if rest and prefix in ("shipping", "listlint"):
        return _Column(index, prefix, rest.strip().lower())
    if key in _TEXT_FIELDS:
        return _Column(index, "text", key)
    if key == "images":
        return _Column(index, "list", key)
    if key in _JSON_FIELDS:
        return _Column(index, "json", key)
    if key in _ATTRIBUTE_COLUMNS:
        return _Column(index, "attribute", name)
    return _Column(index, "extra", name)


def _record(row: Sequence[str], columns: Sequence[_Column]) -> dict[str, Any]:
    record: dict[str, Any] = {}
    attributes: dict[str, list[str]] = {}
    for column in columns:
        cell = row[column.index]
        if not cell.strip():
            continue  # an empty cell is an absent field
        if column.kind in ("text", "extra"):
            record[column.key] = cell
        elif column.kind == "list":
            record[column.key] = _split(cell)
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


def _broken_row(path: str, first: int, last: int, error: str) -> Problem:
    if "unexpected end of data" in error:
        # A quote opened and never closed swallows every line after it into one cell.
        detail = "a quoted cell is never closed"
        return syntax_problem(path, first, "CSV", detail, rest=True)
    detail = f'{error} (line {last}); inside a quoted cell, write a quote as ""'
    return syntax_problem(path, first, "CSV", detail, rest=False)
