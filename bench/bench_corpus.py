"""Time ``listlint check`` on existing catalogs, one after the other.

    python bench/bench_corpus.py PATH... [--repeat 3] [--listlint CMD] [-- EXTRA LISTLINT ARGS...]

For each PATH (a catalog file or a folder), runs ``listlint check PATH --format json -o OUT``
--repeat times (default 3) and prints a table: listings and findings (read from listlint's own
JSON summary), the best wall time, listings per second and the peak RSS of that catalog's runs.
Anything after ``--`` is passed on to listlint, e.g. ``-- --no-cache``. Example:

    python bench/bench_corpus.py ../shared/corpus/*/listings.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import human_bytes, listlint_command, run_timed, split_extra, usable


def _summary(report: Path) -> tuple[int | None, int | None]:
    try:
        summary = json.loads(report.read_text(encoding="utf-8"))["summary"]
        return int(summary["listings"]), int(summary["findings"])
    except (OSError, ValueError, KeyError, TypeError):
        return None, None


def main(argv: Sequence[str] | None = None) -> int:
    argv, extra = split_extra(argv)
    parser = argparse.ArgumentParser(
        description="Time listlint check on the given catalogs.",
        epilog="Arguments after -- are passed to listlint check.",
    )
    parser.add_argument("paths", nargs="+", type=Path, help="catalog files or folders")
    parser.add_argument("--repeat", type=int, default=3, help="runs to take the best of (3)")
    parser.add_argument("--listlint", help="command to run listlint (default: listlint on PATH)")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    command = listlint_command(args.listlint)

    header = f"{'catalog':<56} {'listings':>8} {'findings':>8} {'best s':>8} {'listings/s':>10} "
    print(header + f"{'peak RSS':>10}")
    failed = 0
    with tempfile.TemporaryDirectory(prefix="listlint-bench-") as tmp:
        report = Path(tmp) / "report.json"
        for path in args.paths:
            check = [*command, "check", str(path), "--format", "json", "-o", str(report), *extra]
            best: float | None = None
            peak = 0
            for _ in range(args.repeat):
                run = run_timed(check)
                if not usable(run):
                    print(f"{path}: listlint exited with {run.returncode}", file=sys.stderr)
                    print(run.stderr.rstrip(), file=sys.stderr)
                    failed += 1
                    break
                best = run.seconds if best is None else min(best, run.seconds)
                peak = max(peak, run.max_rss_kib)
            if best is None:
                continue
            listings, findings = _summary(report)
            rate = f"{listings / best:,.0f}" if listings is not None else "?"
            name = str(path) if len(str(path)) <= 56 else "..." + str(path)[-53:]
            print(
                f"{name:<56} {listings if listings is not None else '?':>8} "
                f"{findings if findings is not None else '?':>8} {best:>8.3f} {rate:>10} "
                f"{human_bytes(peak * 1024):>10}"
            )
    return 2 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
