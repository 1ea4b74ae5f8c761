"""What every loader yields: a Listing, or a Problem for a record that could not become one."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, TypeAlias

from listlint.model import Listing, RecordError, SourceLocation, build_listing

# No listing needs more; deeper records would only threaten recursive code further on
# (reports, plugins) with a RecursionError.
MAX_DEPTH = 64


@dataclass(frozen=True)
class Problem:
    """A record that could not become a Listing; the runner reports it as invalid-listing."""

    source: SourceLocation
    message: str  # "required field 'title' is missing", "broken JSON: Expecting ',' ..."
    field: str = ""  # the bad field ("price", "variants[2].stock"), "" for the whole record
    listing_id: str | None = None


class UnusableInput(Exception):
    """A file nothing can be read from; ``str(exc)`` is one line that starts with the path."""


Loaded: TypeAlias = Listing | Problem


def records(
    record: Any, source: SourceLocation, *, shallow: bool = False, surrogates: bool = False
) -> Iterator[Loaded]:
    """Yield the Listing ``record`` makes, or one Problem per reason it cannot make one.

    ``shallow`` says the record is known not to be nested too deeply (see :func:`shallow_json`);
    ``surrogates`` that its JSON text escapes UTF-16 surrogates (see :func:`escapes_surrogates`).
    """
    if not shallow and nesting_depth(record) > MAX_DEPTH:
        yield Problem(source, f"the record is nested more than {MAX_DEPTH} levels deep")
        return
    if surrogates:
        record = _without_lone_surrogates(record)
    try:
        listing = build_listing(record, source)
    except RecordError as exc:
        for field, message in exc.problems:
            yield Problem(source, message, field, exc.listing_id)
        return
    yield listing


def shallow_json(text: str, start: int = 0, end: int | None = None) -> bool:
    """True when the JSON in ``text[start:end]`` cannot be nested more than MAX_DEPTH deep.

    Every level opens with a "{" or "[" (more of them, in strings, only make this stricter), so
    counting them, at C speed, spares almost every record the walk of :func:`nesting_depth`.
    """
    return text.count("{", start, end) + text.count("[", start, end) <= MAX_DEPTH


# JSON may escape half a character ("\\ud800"); Python keeps it as a lone surrogate that no
# encoding can write and that breaks any check encoding text. It becomes U+FFFD, which
# title-forbidden-characters reports as broken text.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89abcdefABCDEF]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def escapes_surrogates(text: str, start: int = 0, end: int | None = None) -> bool:
    """True when the JSON in ``text[start:end]`` escapes a UTF-16 surrogate (rare; C speed)."""
    return _SURROGATE_ESCAPE.search(text, start, len(text) if end is None else end) is not None


def _without_lone_surrogates(value: Any) -> Any:
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_without_lone_surrogates(item) for item in value]
    if isinstance(value, Mapping):
        return {_without_lone_surrogates(k): _without_lone_surrogates(v) for k, v in value.items()}
    return value


def nesting_depth(value: Any) -> int:
    """How many lists and objects deep ``value`` goes, counted without recursion."""
    deepest = 0
    seen: set[int] = set()
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, Mapping):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if id(item) in seen:
            continue
        seen.add(id(item))
        deepest = max(deepest, depth + 1)
        if deepest > MAX_DEPTH:
            break
        stack.extend((child, depth + 1) for child in children)
    return deepest


def syntax_problem(
    path: str, line: int, what: str, detail: str, *, rest: bool, listing_id: str | None = None
) -> Problem:
    """A Problem for broken syntax at ``line``; ``rest`` says the rest of the file was skipped."""
    tail = "; the rest of the file was skipped" if rest else ""
    return Problem(SourceLocation(path, line), f"broken {what}: {detail}{tail}", "", listing_id)
