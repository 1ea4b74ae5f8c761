"""JSON catalogs: an array of listings, or an object with a "listings" array.

The array is decoded one element at a time with ``raw_decode`` so that every listing keeps the
line its ``{`` is on, and a syntax error costs only the records after it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Generator, Iterator
from typing import Any

from listlint.loaders.base import (
    Loaded,
    Problem,
    UnusableInput,
    escapes_surrogates,
    records,
    shallow_json,
    syntax_problem,
)
from listlint.loaders.formats import looks_like_json_lines
from listlint.loaders.jsonlines import describe, leading_id, load_json_lines, unreadable
from listlint.model import SourceLocation

_DECODER = json.JSONDecoder()
_WHITESPACE = re.compile(r"[ \t\n\r]*")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(r'["\[\]{}]')


class _Broken(Exception):
    """A syntax error at ``pos``, raised where the decoder itself would not notice one."""

    def __init__(self, message: str, pos: int) -> None:
        super().__init__(message)
        self.message = message
        self.pos = pos


def load_json(text: str, path: str) -> Iterator[Loaded]:
    """Yield the listings of a JSON document; raise UnusableInput if it holds no listings array."""
    if looks_like_json_lines(text, at_least=2):
        # Objects one per line in a .json file: JSON Lines under the wrong name.
        yield from load_json_lines(text, path)
        return
    document = _Document(text, path)
    pos = _skip(text, 0)
    if text.startswith("[", pos):
        end = yield from document.listings(pos)
        if end is not None:
            yield from document.tail(end, "]")
    elif text.startswith("{", pos):
        start = document.find_listings(pos)
        end = yield from document.listings(start)
        if end is not None:
            yield from document.rest_of_object(end)
    else:
        raise UnusableInput(f"{path}: {_not_a_catalog(text, pos)}")


class _Document:
    def __init__(self, text: str, path: str) -> None:
        self.text = text
        self.path = path
        self._line = 1
        self._line_pos = 0

    def line_at(self, pos: int) -> int:
        # Positions only move forward, so count newlines incrementally: O(n) for the whole file.
        self._line += self.text.count("\n", self._line_pos, pos)
        self._line_pos = pos
        return self._line

    def listings(self, pos: int) -> Generator[Loaded, None, int | None]:
        """Yield the elements of the array at ``pos``; return the position after its "]", or
        None when a syntax error ended the file early (its Problem already yielded)."""
        text = self.text
        pos = _skip(text, pos + 1)
        if text.startswith("]", pos):
            return pos + 1
        while True:
            source = SourceLocation(self.path, self.line_at(pos))
            try:
                record, end = _DECODER.raw_decode(text, pos)
            except json.JSONDecodeError as exc:
                yield self._broken(exc.msg, exc.pos, listing_id=leading_id(text, pos))
                return None
            except (RecursionError, ValueError) as exc:  # too deep; a number of over 4300 digits
                skipped = _skip_value(text, pos)
                if skipped is None:
                    yield self._broken(unreadable(exc), pos, listing_id=leading_id(text, pos))
                    return None
                end = skipped
                yield Problem(source, unreadable(exc), "", leading_id(text, pos))
            else:
                yield from records(
                    record,
                    source,
                    shallow=shallow_json(text, pos, end),
                    surrogates=escapes_surrogates(text, pos, end),
                )
            pos = _skip(text, end)
            if text.startswith("]", pos):
                return pos + 1
            if not text.startswith(",", pos):
                yield self._broken("Expecting ',' delimiter", pos)
                return None
            pos = _skip(text, pos + 1)

    def find_listings(self, pos: int) -> int:
        """Return the position of the "[" of the "listings" array in the object at ``pos``."""
        try:
            for key, value_pos in self._members(pos):
                if key == "listings":
                    if self.text.startswith("[", value_pos):
                        return value_pos
                    raise UnusableInput(f'{self.path}: "listings" is not an array')
        except _Broken as exc:
            line, column = _line_column(self.text, exc.pos)
            raise UnusableInput(
                f"{self.path}: broken JSON before the listings: {exc.message} "
                f"(line {line}, column {column})"
            ) from None
        raise UnusableInput(
            f'{self.path}: a JSON object without a "listings" array; expected an array of '
            'listings or {"listings": [...]}'
        )

    def rest_of_object(self, pos: int) -> Iterator[Loaded]:
        """Check the members after the listings array up to the closing "}"."""
        text = self.text
        try:
            pos = _skip(text, pos)
            while text.startswith(",", pos):
                pos = _skip(text, pos + 1)
                key_end = self._key(pos)[1]
                pos = _skip(text, self._value_end(self._colon(key_end)))
            if not text.startswith("}", pos):
                raise _Broken("Expecting ',' delimiter", pos)
        except _Broken as exc:
            yield self._broken(exc.message, exc.pos)
            return
        yield from self.tail(pos + 1, "}")

    def tail(self, pos: int, closed: str) -> Iterator[Loaded]:
        pos = _skip(self.text, pos)
        if pos < len(self.text):
            yield self._broken(f"unexpected content after the closing '{closed}'", pos)

    def _members(self, pos: int) -> Iterator[tuple[str, int]]:
        """Yield (key, position of its value) for the members of the object at ``pos``."""
        text = self.text
        pos = _skip(text, pos + 1)
        if text.startswith("}", pos):
            return
        while True:
            key, key_end = self._key(pos)
            value_pos = self._colon(key_end)
            yield key, value_pos
            pos = _skip(text, self._value_end(value_pos))
            if text.startswith("}", pos):
                return
            if not text.startswith(",", pos):
                raise _Broken("Expecting ',' delimiter", pos)
            pos = _skip(text, pos + 1)

    def _key(self, pos: int) -> tuple[str, int]:
        key, end = self._decode(pos)
        if not isinstance(key, str):
            raise _Broken("Expecting property name enclosed in double quotes", pos)
        return key, end

    def _colon(self, pos: int) -> int:
        pos = _skip(self.text, pos)
        if not self.text.startswith(":", pos):
            raise _Broken("Expecting ':' delimiter", pos)
        return _skip(self.text, pos + 1)

    def _value_end(self, pos: int) -> int:
        return self._decode(pos)[1]

    def _decode(self, pos: int) -> tuple[Any, int]:
        try:
            return _DECODER.raw_decode(self.text, pos)
        except json.JSONDecodeError as exc:
            raise _Broken(exc.msg, exc.pos) from None
        except (RecursionError, ValueError) as exc:
            end = _skip_value(self.text, pos)
            if end is None:
                raise _Broken(unreadable(exc), pos) from None
            return None, end

    def _broken(self, message: str, pos: int, listing_id: str | None = None) -> Problem:
        line, column = _line_column(self.text, pos)
        detail = describe(message, column)
        return syntax_problem(self.path, line, "JSON", detail, rest=True, listing_id=listing_id)


def _skip(text: str, pos: int) -> int:
    match = _WHITESPACE.match(text, pos)
    return match.end() if match else pos


def _line_column(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


def _skip_value(text: str, pos: int) -> int | None:
    """The end of the array or object at ``pos``, found by counting brackets outside strings:
    the decoder recurses and gives up on deep nesting, this does not."""
    depth = 0
    while True:
        match = _BRACKET.search(text, pos)
        if match is None:
            return None
        char = match.group()
        if char == '"':
            string = _STRING.match(text, match.start())
            if string is None:
                return None
            pos = string.end()
            continue
        depth += 1 if char in "[{" else -1
        pos = match.end()
        if depth <= 0:
            return pos if depth == 0 else None


def _not_a_catalog(text: str, pos: int) -> str:
    try:
        value, _ = _DECODER.raw_decode(text, pos)
    except json.JSONDecodeError as exc:
        line, column = _line_column(text, exc.pos)
        return f"not JSON: {exc.msg} (line {line}, column {column})"
    except ValueError:  # an integer of over 4300 digits
        value = 0
    kind = {str: "a string", bool: "a boolean", type(None): "null"}.get(type(value), "a number")
    return f'the JSON document is {kind}; expected an array of listings or {{"listings": [...]}}'
