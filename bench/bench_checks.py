"""CPU time of each text rule per listing, in-process, on listings parsed beforehand.

Usage: python bench/bench_checks.py CATALOG [--limit 20000] [--repeat 3] [--select RULES]

Reads up to --limit listings of CATALOG (e.g. one written by generate.py), then lints them as a
run does, every check on a listing before the next listing (so checks that share what one
listing's texts give, such as the HTML-free description or its words, share it here too), and
times each check's call with the thread's CPU clock. Prints microseconds per listing for each
check, their sum, and the untimed lint loop (which has no timer calls: the real total). Each
pass starts with listlint's functools caches empty, as a new process does; the best of --repeat
passes is kept. cProfile misleads here: its cost per call swamps checks that take a few
microseconds. The image rules (LL5xx) are bench_images.py's.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from datetime import date

from _common import GENERATED_TODAY

from listlint.config import Settings
from listlint.loaders import load
from listlint.model import Listing
from listlint.registry import load_registry
from listlint.runner import Runner, RunResult
from listlint.selection import resolve, split_selectors

TODAY = date.fromisoformat(GENERATED_TODAY)  # what bench/generate.py's listings are judged at


def _clear_caches() -> None:
    """Empty every functools cache of listlint's modules: a pass starts as a new process."""
    for name, module in list(sys.modules.items()):
        if name.startswith("listlint"):
            for value in vars(module).values():
                clear = getattr(value, "cache_clear", None)
                if callable(clear):
                    clear()


def _timed_pass(runner: Runner, listings: list[Listing]) -> dict[str, float]:
    """Nanoseconds each check took over ``listings``, less the timer's own cost."""
    clock = time.thread_time_ns
    start = clock()
    for _ in range(10_000):
        clock()
    overhead = (clock() - start) / 10_000  # about one clock call falls inside each interval
    active = runner._active(runner.default_profile, frozenset())  # the checks, with contexts
    spent = {selected.check.name: 0 for selected, _, _ in active}
    for listing in listings:
        for selected, ctx, check in active:
            before = clock()
            for _ in check(listing, ctx):
                pass
            spent[selected.check.name] += clock() - before
    return {name: total - overhead * len(listings) for name, total in spent.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("catalog")
    parser.add_argument("--limit", type=int, default=20_000, help="listings read (20,000)")
    parser.add_argument("--repeat", type=int, default=3, help="best of this many passes")
    parser.add_argument("--select", action="append", default=[], help="only these rules")
    args = parser.parse_args()
    settings = Settings()
    checks = resolve(
        load_registry(), settings, cli_select=split_selectors(args.select), cli_ignore=["LL5"]
    )
    listings: list[Listing] = []
    for item in load(args.catalog):
        if isinstance(item, Listing):
            listings.append(item)
            if len(listings) >= args.limit:
                break
    gc.disable()  # as a run does (listlint/_gc.py); collections would land on random checks
    best: dict[str, float] = {}
    loop = float("inf")
    for _ in range(args.repeat):
        _clear_caches()
        for name, spent in _timed_pass(Runner(checks, settings, today=TODAY), listings).items():
            best[name] = min(best.get(name, float("inf")), spent)
        _clear_caches()
        runner, result = Runner(checks, settings, today=TODAY), RunResult()
        start = time.thread_time_ns()
        for listing in listings:
            runner._lint(listing, frozenset(), result)
        loop = min(loop, time.thread_time_ns() - start)
    per_listing = 1000 * len(listings)
    print(f"{len(listings):,} listings, microseconds per listing (CPU, best of {args.repeat})")
    for name, spent in sorted(best.items(), key=lambda item: -item[1]):
        print(f"{name:32} {spent / per_listing:8.2f}")
    print(f"{'sum of the checks':32} {sum(best.values()) / per_listing:8.2f}")
    print(
        f"{'lint loop, untimed':32} {loop / per_listing:8.2f}"
        f"  ({len(listings) * 1e9 / loop:,.0f} listings/s)"
    )


if __name__ == "__main__":
    main()
