"""Cyclic garbage collection during a run: rarely, instead of every 700 allocations.

A run allocates millions of short-lived containers (parsed records, listings, statements) and
keeps a growing set of long-lived ones (findings, the records read, the text caches). CPython's
cyclic collector examines the young containers every 700 allocations, which took a fifth of
the CPU time of a run of the text rules, yet listlint makes almost no reference cycles: what it
drops, reference counting frees at once. So while the listings stream through the checks the
automatic collector is off, and the young generation is collected once every
:data:`COLLECT_EVERY` listings instead, which still frees any cycles a plugin check makes.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

COLLECT_EVERY = 10_000

_T = TypeVar("_T")


@contextmanager
def collector_paused() -> Iterator[None]:
    """Turn the automatic cyclic collector off inside the block (as it was, after it)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def collected_every(items: Iterable[_T], every: int = COLLECT_EVERY) -> Iterator[_T]:
    """``items`` unchanged, with a collection of the young generation every ``every`` items."""
    for count, item in enumerate(items, start=1):
        if count % every == 0:
            gc.collect(0)
        yield item
