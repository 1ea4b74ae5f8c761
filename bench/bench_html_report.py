"""Size of the HTML report of N generated listings, and how fast headless Chromium renders it.

    python bench/bench_html_report.py [N] [--seed S] [--images pool|none] [--repeat 3]
                                      [--max-mb 25] [--max-seconds 3] [--keep]
                                      [--listlint CMD] [-- EXTRA LISTLINT ARGS...]

Generates N listings (default 10,000) with bench/generate.py, runs
``listlint check FILE -o report.html`` once, then opens the report in Debian's Chromium
(/usr/bin/chromium, through Playwright) --repeat times. A render is timed from navigation to the
second animation frame after the load event, i.e. until the page has been laid out and painted
with every thumbnail decoded. It also times a severity filter over every card. Exit code 1 when
the file is larger than --max-mb MiB or the best render slower than --max-seconds.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import human_bytes, listlint_command, run_timed, split_extra, usable
from generate import generate

CHROMIUM = "/usr/bin/chromium"
_PAINTED = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def _render_times(report: Path, repeat: int) -> tuple[list[float], float, int]:
    """Render seconds of each run, the seconds a severity filter takes, and the card count."""
    from playwright.sync_api import sync_playwright

    times: list[float] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        try:
            for _ in range(repeat):
                page = browser.new_page()
                started = time.perf_counter()
                page.goto(report.as_uri(), wait_until="load", timeout=120_000)
                page.evaluate(_PAINTED)
                times.append(time.perf_counter() - started)
                cards = page.locator("article.listing").count()
                started = time.perf_counter()
                page.select_option("#filter-severity", "warning")
                page.evaluate(_PAINTED)
                filtered = time.perf_counter() - started
                page.close()
        finally:
            browser.close()
    return times, filtered, cards


def main(argv: Sequence[str] | None = None) -> int:
    argv, extra = split_extra(argv)
    parser = argparse.ArgumentParser(
        description="Size and render time of the HTML report of N generated listings.",
        epilog="Arguments after -- are passed to listlint check.",
    )
    parser.add_argument("n", type=int, nargs="?", default=10_000, help="listings (10000)")
    parser.add_argument("--seed", type=int, default=0, help="generator seed (default 0)")
    parser.add_argument("--images", choices=("pool", "none"), default="pool")
    parser.add_argument("--repeat", type=int, default=3, help="renders to take the best of (3)")
    parser.add_argument("--max-mb", type=float, default=25.0, help="size limit in MiB (25)")
    parser.add_argument("--max-seconds", type=float, default=3.0, help="render limit (3 s)")
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    parser.add_argument("--listlint", help="command to run listlint (default: listlint on PATH)")
    args = parser.parse_args(argv)
    if args.n < 1 or args.repeat < 1:
        parser.error("N and --repeat must be at least 1")
    command = listlint_command(args.listlint)

    folder = Path(tempfile.mkdtemp(prefix="listlint-bench-html-"))
    try:
        catalog = folder / "listings.jsonl"
        generate(args.n, catalog, seed=args.seed, images=args.images)
        report = folder / "report.html"
        check = [*command, "check", str(catalog), "-o", str(report), *extra]
        print("$ " + " ".join(check))
        run = run_timed(check)
        if not usable(run):
            print(f"listlint failed with exit code {run.returncode}:", file=sys.stderr)
            print(run.stderr.rstrip(), file=sys.stderr)
            return 2
        size = report.stat().st_size
        print(f"check + HTML report: {run.seconds:.2f} s; report {human_bytes(size)}")
        times, filtered, cards = _render_times(report, args.repeat)
        for attempt, seconds in enumerate(times, start=1):
            print(f"render {attempt}: {seconds:.3f} s")
        best = min(times)
        print(f"{cards} cards; best render {best:.3f} s; severity filter {filtered:.3f} s")
        too_big = size > args.max_mb * 1024 * 1024
        too_slow = best > args.max_seconds
        if too_big:
            print(f"FAIL: the report is larger than {args.max_mb} MiB")
        if too_slow:
            print(f"FAIL: the render is slower than {args.max_seconds} s")
        return 1 if too_big or too_slow else 0
    finally:
        if args.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
