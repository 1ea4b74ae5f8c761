"""YAML catalogs: a list of listings, or a mapping with a "listings" list.

Every scalar stays a string, as with PyYAML's BaseLoader: a GTIN keeps its leading zero and a
size "NO" stays "NO". Only a plain ``~``/``null`` (and an empty value) means "absent". The
document is read event by event rather than composed whole, so each listing gets the line its
node starts on, a syntax error costs only the records after it, and neither deep nesting nor
alias bombs reach recursive code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from listlint.loaders.base import MAX_DEPTH, Loaded, Problem, UnusableInput, records
from listlint.loaders.base import syntax_problem as _syntax_problem
from listlint.model import SourceLocation

# libyaml when PyYAML was built with it; only the parser is used, so both behave the same.
_Parser: Any = getattr(yaml, "CBaseLoader", yaml.BaseLoader)

# Values per record, counting every use of an alias: far above any listing, far below a bomb.
_MAX_VALUES = 100_000
# Deeper than this, reading stops: the parsers take time quadratic in the depth of nested "[".
_MAX_OPEN = 1000
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_NO_KEY = object()
# Characters YAML does not allow anywhere (the YAML 1.1 printable set, as PyYAML and libyaml
# check it). Either parser would stop at the first one; they are replaced instead, and the record
# holding one is reported.
_NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class _Broken(Exception):
    def __init__(self, line: int, detail: str) -> None:
        super().__init__(detail)
        self.line = line
        self.detail = detail


def load_yaml(text: str, path: str) -> Iterator[Loaded]:
    """Yield the listings of a YAML document; raise UnusableInput if it holds no listings list."""
    text, unprintable = _replace_unprintable(text)
    parser = _Parser(text)
    try:
        yield from _Document(parser, path, unprintable).load()
    finally:
        parser.dispose()


def _replace_unprintable(text: str) -> tuple[str, dict[int, str]]:
    """Return ``text`` with characters YAML forbids replaced, and their lines (line: character)."""
    found: dict[int, str] = {}
    line, counted = 1, 0
    for match in _NOT_PRINTABLE.finditer(text):
        line += text.count("\n", counted, match.start())
        counted = match.start()
        found.setdefault(line, match.group())
    if not found:
        return text, found
    return _NOT_PRINTABLE.sub("\ufffd", text), found


class _Document:
    def __init__(self, parser: Any, path: str, unprintable: dict[int, str]) -> None:
        self.parser = parser
        self.path = path
        self.builder = _Builder(parser)
        self.unprintable = unprintable

    def load(self) -> Iterator[Loaded]:
        try:
            in_mapping = self._find_listings()
        except _Broken as exc:
            raise UnusableInput(
                f"{self.path}: broken YAML at line {exc.line}: {exc.detail}"
            ) from None
        try:
            yield from self._listings()
            if in_mapping:
                self._skip_rest_of_mapping()
            self._event()  # DocumentEndEvent
            following = self._event()
            if isinstance(following, yaml.DocumentStartEvent):
                line = following.start_mark.line + 1 if following.start_mark else 1
                message = "only the first YAML document is read; the rest of the file was skipped"
                yield Problem(SourceLocation(self.path, line), message)
        except _Broken as exc:
            yield _syntax_problem(self.path, exc.line, "YAML", exc.detail, rest=True)

    def _find_listings(self) -> bool:
        """Advance to the listings sequence; True when it is the value of a "listings" key."""
        self._event()  # StreamStartEvent
        if not isinstance(self._event(), yaml.DocumentStartEvent):
            raise UnusableInput(f"{self.path}: no YAML document in the file")
        top = self._peek()
        if isinstance(top, yaml.SequenceStartEvent):
            return False
        if not isinstance(top, yaml.MappingStartEvent):
            value = self._node()
            raise UnusableInput(
                f"{self.path}: the YAML document is {_kind(value)}; "
                'expected a list of listings or a mapping with "listings"'
            )
        self._event()
        while not isinstance(self._peek(), yaml.MappingEndEvent):
            key = self._node()
            if key == "listings":
                if isinstance(self._peek(), yaml.SequenceStartEvent):
                    return True
                raise UnusableInput(f'{self.path}: "listings" is {_kind(self._node())}, not a list')
            self._node()
        raise UnusableInput(
            f'{self.path}: a YAML mapping without a "listings" list; expected a list of listings '
            'or a mapping with "listings"'
        )

    def _listings(self) -> Iterator[Loaded]:
        self._event()  # SequenceStartEvent
        while not isinstance(self._peek(), yaml.SequenceEndEvent):
            start = self._peek().start_mark.line + 1
            source = SourceLocation(self.path, start)
            value, problem = self.builder.node()
            problem = problem or self._unprintable_in(start, self.builder.end_line)
            if problem:
                yield Problem(source, problem, "", _id_of(value))
            else:
                yield from records(value, source)
        self._event()

    def _unprintable_in(self, first: int, last: int) -> str:
        for line in range(first, last + 1):
            char = self.unprintable.get(line)
            if char is not None:
                return f"character U+{ord(char):04X} at line {line} is not allowed in YAML"
        return ""

    def _skip_rest_of_mapping(self) -> None:
        while not isinstance(self._peek(), yaml.MappingEndEvent):
            self._node()
        self._event()

    def _node(self) -> Any:
        return self.builder.node()[0]

    def _event(self) -> Any:
        return _guard(self.parser.get_event)

    def _peek(self) -> Any:
        return _guard(self.parser.peek_event)


def _guard(step: Any) -> Any:
    try:
        return step()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        detail = f"{exc.problem or 'invalid YAML'}"
        if mark:
            detail += f" (column {mark.column + 1})"
        if exc.context and exc.context_mark and exc.context_mark is not mark:
            # "while parsing a flow sequence" at the line where the unclosed "[" is
            where = exc.context_mark
            detail = f"{exc.context} at line {where.line + 1}: {detail}"
        raise _Broken(line, detail) from None
    except yaml.YAMLError as exc:  # unmarked errors; unprintable characters were replaced before
        raise _Broken(1, " ".join(str(exc).split())) from None


@dataclass
class _Open:
    """A list or mapping being built, and what the builder knows about it so far."""

    value: Any
    key: Any = _NO_KEY  # a mapping's key waiting for its value
    height: int = 1  # lists and mappings on the longest path down from here, itself included
    size: int = 1  # values inside, each alias counted in full
    anchor: str | None = None


@dataclass
class _Builder:
    """Builds one node's value from the parser's events with an explicit stack, no recursion."""

    parser: Any
    anchors: dict[str, tuple[Any, int, int]] = field(default_factory=dict)  # value, height, size
    end_line: int = 0  # the last line the latest node has content on

    def node(self) -> tuple[Any, str]:
        """Consume one node; return its value and "" or why it cannot be a record."""
        problem = ""
        stack: list[_Open] = []
        self.end_line = 0
        while True:
            event = _guard(self.parser.get_event)
            if not isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                # A block collection's end is marked where the next node starts: not its content.
                self.end_line = max(self.end_line, event.end_mark.line + 1)
            height, size = 0, 1
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                value: Any = [] if isinstance(event, yaml.SequenceStartEvent) else {}
                stack.append(_Open(value, anchor=event.anchor))
                if len(stack) > _MAX_OPEN:
                    raise _Broken(self.end_line, f"nested more than {_MAX_OPEN} levels deep")
                continue
            if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                closed = stack.pop()
                value, height, size = closed.value, closed.height, closed.size
                if closed.anchor:
                    self.anchors[closed.anchor] = (value, height, size)
            elif isinstance(event, yaml.AliasEvent):
                if event.anchor in self.anchors:
                    value, height, size = self.anchors[event.anchor]
                else:  # unknown, or an alias to a node still open: a cycle
                    value = None
                    problem = problem or f"the YAML alias *{event.anchor} refers to nothing usable"
            else:
                is_key = bool(stack) and isinstance(stack[-1].value, dict)
                is_key = is_key and stack[-1].key is _NO_KEY
                plain_null = event.implicit[0] and event.value in _NULLS  # plain, no tag
                value = None if plain_null and not is_key else event.value
                if event.anchor:
                    self.anchors[event.anchor] = (value, 0, 1)
            if not stack:
                return value, problem
            parent = stack[-1]
            parent.height = max(parent.height, height + 1)
            parent.size += size
            if parent.height > MAX_DEPTH or parent.size > _MAX_VALUES:
                problem = problem or _too_big(parent)
                value = None
            if isinstance(parent.value, list):
                parent.value.append(value)
            elif parent.key is _NO_KEY:
                if isinstance(value, (list, dict)):
                    problem = (
                        problem or "a YAML mapping key must be a plain value, not a collection"
                    )
                    value = None
                parent.key = value
            else:
                parent.value[parent.key] = value
                parent.key = _NO_KEY


def _too_big(node: _Open) -> str:
    if node.height > MAX_DEPTH:
        return f"the record is nested more than {MAX_DEPTH} levels deep"
    return f"the record expands to more than {_MAX_VALUES} values (through YAML aliases?)"


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "empty" if value is None else "a single value"


def _id_of(value: Any) -> str | None:
    listing_id = value.get("id") if isinstance(value, dict) else None
    return listing_id.strip() or None if isinstance(listing_id, str) else None
