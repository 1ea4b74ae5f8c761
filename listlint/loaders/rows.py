"""Reading a delimited text file into its header and numbered rows: what every table-shaped
format (plain CSV/TSV, Shopify, WooCommerce, the Merchant text feed) shares.

A row keeps the line it starts on, across quoted newlines. A row that breaks the CSV syntax or
has fewer cells than the header becomes a Problem at that line; blank rows are skipped.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass

from listlint.loaders.base import Problem, UnusableInput, syntax_problem
from listlint.model import SourceLocation

# Comma first: it wins a tie. Semicolon is what European Excel writes.
_DELIMITERS = (",", ";", "\t", "|")
# Room for a 10 MB description; the csv module's default limit is 128 KiB.
_CELL_LIMIT = 1 << 30


@dataclass(frozen=True)
class Row:
    line: int
    cells: list[str]  # exactly as many as the header has

    def get(self, index: int | None) -> str:
        """The trimmed cell at ``index``; "" for a column the file does not have (None)."""
        return self.cells[index].strip() if index is not None else ""


class Table:
    """A CSV/TSV text opened for reading: ``header`` at once, then :meth:`rows` once."""

    def __init__(self, text: str, path: str, delimiter: str | None = None) -> None:
        if csv.field_size_limit() < _CELL_LIMIT:
            csv.field_size_limit(_CELL_LIMIT)
        self.path = path
        self._reader = csv.reader(
            io.StringIO(text, newline=""),
            delimiter=delimiter or sniff_delimiter(text),
            strict=True,  # a stray quote is reported at its row, not silently dropped
        )
        self.header = self._read_header()

    def rows(self, id_column: int | None = None) -> Iterator[Row | Problem]:
        """Yield each non-blank row; ``id_column`` names the listing of a row that is too short."""
        reader, path, width = self._reader, self.path, len(self.header)
        last_line = reader.line_num
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield _broken_row(path, last_line + 1, reader.line_num, str(exc))
                last_line = reader.line_num
                continue
            line, last_line = last_line + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) < width or any(cell.strip() for cell in cells[width:]):
                # Extra empty cells are what a trailing delimiter leaves; nothing is lost with them.
                listing_id = ""
                if id_column is not None and id_column < len(cells):
                    listing_id = cells[id_column].strip()
                message = f"row has {len(cells)} cells, header has {width}"
                yield Problem(SourceLocation(path, line), message, "", listing_id or None)
                continue
            yield Row(line, cells[:width])

    def _read_header(self) -> list[str]:
        try:
            for cells in self._reader:
                if any(cell.strip() for cell in cells):
                    return list(cells)
        except csv.Error as exc:
            raise UnusableInput(f"{self.path}: broken CSV header: {exc}") from None
        raise UnusableInput(f"{self.path}: no header row")


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first non-blank line into the most cells."""
    first = next((line for line in io.StringIO(text, newline="") if line.strip()), "")
    counts = {d: len(next(csv.reader([first], delimiter=d), [])) for d in _DELIMITERS}
    return max(_DELIMITERS, key=lambda d: counts[d])  # max() keeps the first of equals


def column_key(name: str) -> str:
    """A header cell as the format loaders match it: lower case, single spaces."""
    return " ".join(name.split()).lower()


def column_index(header: list[str]) -> dict[str, int]:
    """Header keys (see :func:`column_key`) to their first column."""
    index: dict[str, int] = {}
    for position, name in enumerate(header):
        index.setdefault(column_key(name), position)
    return index


def _broken_row(path: str, first: int, last: int, error: str) -> Problem:
    if "unexpected end of data" in error:
        # A quote opened and never closed swallows every line after it into one cell.
        detail = "a quoted cell is never closed"
        return syntax_problem(path, first, "CSV", detail, rest=True)
    detail = f'{error} (line {last}); inside a quoted cell, write a quote as ""'
    return syntax_problem(path, first, "CSV", detail, rest=False)
