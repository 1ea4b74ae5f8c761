"""Rejecting the listings of a mostly UTF-8 file that hold its few undecodable bytes.

The encoding module keeps such a file as UTF-8 with U+FFFD for the bad bytes, rather than
garbling every correct character by reading it all as a legacy encoding. The listings that hold
a U+FFFD are reported instead of linted: their text is not what the seller wrote.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from typing import Any

from listlint.loaders.base import Loaded, Problem
from listlint.model import Listing

_REPLACEMENT = "\ufffd"


def reject_damaged(items: Iterator[Loaded]) -> Iterator[Loaded]:
    """Pass ``items`` through, turning each Listing that holds a U+FFFD into a Problem."""
    for item in items:
        field = _damaged_field(item) if isinstance(item, Listing) else None
        if field is None or not isinstance(item, Listing):
            yield item
            continue
        message = (
            f"'{field}' holds bytes that are not valid UTF-8 (shown as {_REPLACEMENT}); "
            "the rest of the file is UTF-8, so save this record as UTF-8 too"
        )
        yield Problem(item.source, message, field, item.id or None)


def _damaged_field(listing: Listing) -> str | None:
    for field in dataclasses.fields(listing):
        if field.name != "source" and _holds_replacement(getattr(listing, field.name)):
            return field.name
    return None


def _holds_replacement(value: Any) -> bool:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if _REPLACEMENT in item:
                return True
        elif isinstance(item, Mapping):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, frozenset)):
            stack.extend(item)
        elif dataclasses.is_dataclass(item) and not isinstance(item, type):
            stack.extend(getattr(item, f.name) for f in dataclasses.fields(item))
    return False
