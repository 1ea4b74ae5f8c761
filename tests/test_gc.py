"""The runner's garbage-collection policy (listlint/_gc.py)."""

from __future__ import annotations

import gc

import pytest

from listlint._gc import collected_every, collector_paused


def test_the_collector_is_off_inside_and_restored_after() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_collector_is_restored_when_the_block_raises() -> None:
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("a crash mid-run")
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_cycles_made_during_the_run_are_still_collected() -> None:
    class Node:
        def __init__(self) -> None:
            self.me = self

    before = len([o for o in gc.get_objects() if isinstance(o, Node)])
    with collector_paused():
        for _ in collected_every(range(100), every=10):
            Node()  # garbage in a cycle: only the cyclic collector frees it
        remaining = len([o for o in gc.get_objects() if isinstance(o, Node)])
    assert remaining - before < 10  # those made since the last collection


def test_every_item_passes_through_in_order() -> None:
    assert list(collected_every(range(25), every=7)) == list(range(25))
