"""Throughput of listlint's text checks on one core, in-process.

Usage: python bench/bench_text.py [N] [--catalog FILE] [--repeat 3]

Generates N listings (default 100,000: 60 % English, 20 % German, 20 % French, descriptions of
300-800 characters) unless --catalog names one, then runs ``listlint check`` on it in a fresh
process each time (caches start cold, as a user's run does) and reports listings per second for
the whole run (start-up, read, parse, validate, every text rule, JSON report; the image rules,
LL5xx, are bench_images.py's) and for the checks alone (the
whole run minus a run with only ``invalid-listing`` selected). The figures are the CPU time of
that one process (``--jobs 1``: a big catalog is otherwise shared between processes), so they
are per core whatever else the machine is doing.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import bench_env

HERE = Path(__file__).resolve().parent


def _cpu_seconds(catalog: Path, *select: str) -> tuple[float, dict[str, int]]:
    """CPU seconds of one ``listlint check`` process, and its JSON summary."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        subprocess.run(
            [sys.executable, "-m", "listlint", "check", str(catalog), "--format", "json",
             "-o", report.name, "--fail-on", "never", "--jobs", "1", *select],
            check=True,
            env=bench_env(),
        )  # fmt: skip
        summary = json.loads(Path(report.name).read_text("utf-8"))["summary"]
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, nargs="?", default=100_000)
    parser.add_argument("--catalog", type=Path, help="lint this file instead of generating one")
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="listlint-text-") as folder:
        catalog = args.catalog
        if catalog is None:
            import subprocess
            import sys

            catalog = Path(folder) / "listings.jsonl"
            subprocess.run(
                [sys.executable, str(HERE / "generate.py"), str(args.n), "-o", str(catalog),
                 "--images", "none", "--languages", "en=60,de=20,fr=20",
                 "--description-length", "300-800", "-q"],
                check=True,
            )  # fmt: skip
        base = min(
            _cpu_seconds(catalog, "--select", "invalid-listing")[0] for _ in range(args.repeat)
        )
        # Text rules only: the generated catalog has no photos (image rules are bench_images.py's).
        full, summary = min(
            (_cpu_seconds(catalog, "--ignore", "LL5") for _ in range(args.repeat)),
            key=lambda run: run[0],
        )
    listings = summary["listings"]
    checks = full - base
    print(f"{listings:,} listings, every text rule, {summary['findings']:,} findings")
    print(f"read + parse + validate: {base:.2f} s CPU ({listings / base:,.0f} listings/s)")
    print(f"whole run:               {full:.2f} s CPU ({listings / full:,.0f} listings/s)")
    print(f"checks alone:            {checks:.2f} s CPU ({listings / checks:,.0f} listings/s)")


if __name__ == "__main__":
    main()
