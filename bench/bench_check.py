"""Time ``listlint check`` on a generated catalog of N listings.

    python bench/bench_check.py N [--seed S] [--repeat 3] [--images pool|none] [--keep]
                                  [--listlint CMD] [-- EXTRA LISTLINT ARGS...]

Generates N listings with bench/generate.py into a temporary folder, then runs
``listlint check FILE --format json -o /dev/null`` --repeat times (default 3) and prints the wall
time of each run, the best one, listings per second and the peak RSS of the listlint processes
(``resource.getrusage(RUSAGE_CHILDREN)``, which includes worker processes listlint waited for).
Anything after ``--`` is passed on to listlint, e.g. ``-- --no-cache --jobs 1``. With --keep the
temporary folder (catalog, images, labels) is kept and its path printed.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import human_bytes, listlint_command, run_timed, split_extra, usable
from generate import generate


def main(argv: Sequence[str] | None = None) -> int:
    argv, extra = split_extra(argv)
    parser = argparse.ArgumentParser(
        description="Time listlint check on N generated listings.",
        epilog="Arguments after -- are passed to listlint check.",
    )
    parser.add_argument("n", type=int, help="number of listings to generate")
    parser.add_argument("--seed", type=int, default=0, help="generator seed (default 0)")
    parser.add_argument("--repeat", type=int, default=3, help="runs to take the best of (3)")
    parser.add_argument(
        "--images", choices=("pool", "none"), default="pool",
        help="listings reference a pool of generated photos (default) or no images",
    )  # fmt: skip
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    parser.add_argument("--listlint", help="command to run listlint (default: listlint on PATH)")
    args = parser.parse_args(argv)
    if args.n < 1 or args.repeat < 1:
        parser.error("N and --repeat must be at least 1")
    command = listlint_command(args.listlint)

    folder = Path(tempfile.mkdtemp(prefix="listlint-bench-"))
    try:
        catalog = folder / "listings.jsonl"
        started = time.perf_counter()
        counts = generate(
            args.n, catalog, seed=args.seed, images=args.images, labels=folder / "labels.jsonl"
        )
        print(
            f"generated {args.n} listings ({sum(counts.values())} with a defect, "
            f"{human_bytes(catalog.stat().st_size)}) in {time.perf_counter() - started:.2f} s"
        )
        check = [*command, "check", str(catalog), "--format", "json", "-o", "/dev/null", *extra]
        print("$ " + " ".join(check))
        times: list[float] = []
        for attempt in range(1, args.repeat + 1):
            run = run_timed(check)
            if not usable(run):
                print(f"listlint failed with exit code {run.returncode}:", file=sys.stderr)
                print(run.stderr.rstrip(), file=sys.stderr)
                return 2
            times.append(run.seconds)
            print(
                f"run {attempt}: {run.seconds:.3f} s, {args.n / run.seconds:,.0f} listings/s, "
                f"peak RSS {human_bytes(run.max_rss_kib * 1024)}"
            )
        best = min(times)
        peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        print(
            f"best of {len(times)}: {best:.3f} s = {args.n / best:,.0f} listings/s; "
            f"peak RSS {human_bytes(peak_kib * 1024)}"
        )
    finally:
        if args.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
