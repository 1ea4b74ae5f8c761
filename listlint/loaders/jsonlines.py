"""JSON Lines catalogs: one listing per line; a broken line costs that line only."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from listlint.loaders.base import (
    Loaded,
    Problem,
    _without_lone_surrogates,
    escapes_surrogates,
    records,
    shallow_json,
    syntax_problem,
)
from listlint.model import SourceLocation

# The id of a record that does not parse, when it is the record's first key, so the report can
# still name the listing. Only the first key: a variant's "id" further on must not be taken.
_LEADING_ID = re.compile(r'\s*\{\s*"id"\s*:\s*"((?:[^"\\\n]|\\.){1,200})"')


def load_json_lines(text: str, path: str, first_line: int = 1) -> Iterator[Loaded]:
    """Yield one Listing or Problem(s) per non-blank line of ``text``, whose first line is line
    ``first_line`` of the file (a part of a file read in pieces, see loaders/streaming.py)."""
    for number, line in enumerate(_lines(text), start=first_line):
        # Concatenated files can leave a BOM at the start of a line; it is not JSON whitespace.
        line = line.lstrip("\ufeff")
        if not line.strip():
            continue
        source = SourceLocation(path, number)
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            detail = describe(exc.msg, exc.colno)
            found_id = leading_id(line)
            yield syntax_problem(path, number, "JSON", detail, rest=False, listing_id=found_id)
        except (RecursionError, ValueError) as exc:  # too deep; a number of over 4300 digits
            yield Problem(source, unreadable(exc), "", leading_id(line))
        else:
            yield from records(
                record, source, shallow=shallow_json(line), surrogates=escapes_surrogates(line)
            )


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text``, as splitting it at each newline gives them, one at a time: all at
    once, a big catalog's lines would be a second copy of it in memory."""
    start = 0
    while (end := text.find("\n", start)) >= 0:
        yield text[start:end]
        start = end + 1
    yield text[start:]


_DIGITS = re.compile(r"value has (\d+) digits")


def unreadable(exc: Exception) -> str:
    """Why a record that is valid JSON still cannot be decoded."""
    if isinstance(exc, RecursionError):
        return "the record is nested too deeply to read"
    digits = _DIGITS.search(str(exc))
    if digits is not None:  # Python's own wording names sys.set_int_max_str_digits()
        return f"the record holds a number of {int(digits.group(1)):,} digits, too long to be one"
    return f"the record cannot be read: {exc}"


def describe(message: str, column: int) -> str:
    """The decoder's message with its column: "Expecting ',' delimiter (column 14)"."""
    if message.endswith(" at"):  # "Unterminated string starting at"
        return f"{message} column {column}"
    return f"{message} (column {column})"


def leading_id(text: str, pos: int = 0) -> str | None:
    """The id of the record starting at ``pos`` when "id" is its first key, else None."""
    match = _LEADING_ID.match(text, pos)
    if match is None:
        return None
    try:
        value = json.loads(f'"{match.group(1)}"')
    except json.JSONDecodeError:
        return None
    # "\ud800" escapes half a character, which no report could write: U+FFFD, as in records.
    return _without_lone_surrogates(str(value)).strip() or None
