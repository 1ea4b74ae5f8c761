"""Throughput and peak memory of ``listlint check`` as catalogs grow: the figures of RESULTS.md.

    python bench/bench_scale.py 10000 100000 1000000 --images none --formats text,json
    python bench/bench_scale.py 2000 10000 --images pool --jobs 1,2 --formats json
    python bench/bench_scale.py ../shared/corpus/*/listings.jsonl --formats json

Each argument is a number of listings to generate with bench/generate.py (into a temporary
folder, or --workdir to keep and reuse them: a million listings take a minute to write), or the
path of a catalog. For every catalog, output format (--formats) and worker count (--jobs), the
script runs ``listlint check CATALOG --format F -o OUT [--jobs N] [--ignore LL5 with --images
none] --no-cache [EXTRA...]`` --repeat times, each in a fresh process, and prints one markdown
table row: the best wall time and the best CPU time (user + system of listlint and the workers
it waited for) with the listings per second of each, and the peak RSS.

Peak RSS is ``ru_maxrss`` of that one child from ``os.wait4`` (what
``getrusage(RUSAGE_CHILDREN)`` reports, but per run): the largest resident set of listlint *or*
of one of its image workers. The "sum" column adds up the resident sets of listlint and all its
workers, sampled every 50 ms from /proc (Linux only): what the machine needs at once.

Text runs use ``--ignore LL5``: the generated catalogs without photos would fail image-missing
on every listing. LISTLINT_TODAY is pinned to the generator's export day (bench/_common.py) so
that stale-listing finds the same thing on any day. Exit code 1 (findings) is normal; anything
else stops the benchmark. The machine is shared and noisy: compare CPU times, and take the best
of several runs.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import bench_env, listlint_command, split_extra

GENERATE = Path(__file__).resolve().parent / "generate.py"
_SUFFIXES = {"text": ".txt", "json": ".json", "sarif": ".sarif", "gitlab": ".json"}


@dataclass(frozen=True)
class Measured:
    wall: float  # seconds
    cpu: float  # user + system seconds of listlint and the workers it waited for
    max_rss_kib: int  # the largest single process
    sum_rss_kib: int  # listlint and its workers together, sampled (0 where /proc is missing)
    returncode: int
    stderr: str


def run_measured(command: Sequence[str], env: dict[str, str]) -> Measured:
    """Run ``command`` once in a fresh process; time it and measure its memory."""
    started = time.perf_counter()
    process = subprocess.Popen(
        list(command),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    sampler = _TreeSampler(process.pid)
    sampler.start()
    assert process.stderr is not None
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    sampler.stop()
    process.returncode = os.waitstatus_to_exitcode(status)  # tell Popen the child is reaped
    process.stderr.close()
    return Measured(
        wall,
        usage.ru_utime + usage.ru_stime,
        usage.ru_maxrss,
        sampler.peak_kib,
        process.returncode,
        stderr.decode("utf-8", "replace"),
    )


class _TreeSampler(threading.Thread):
    """The largest sum of VmRSS over a process and its descendants, sampled."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.interval = interval
        self.peak_kib = 0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.is_set():
            self.peak_kib = max(self.peak_kib, sum(_rss_kib(p) for p in _tree(self.pid)))
            self._done.wait(self.interval)

    def stop(self) -> None:
        self._done.set()
        self.join()


def _tree(pid: int) -> list[int]:
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    pending.extend(int(child) for child in handle.read().split())
        except OSError:
            continue
    return found


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _count_listings(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for line in handle if line.strip())


def _generate(count: int, folder: Path, images: str, seed: int, defects: float) -> Path:
    catalog = folder / f"gen-{count}-{images}-seed{seed}-defects{defects}" / "listings.jsonl"
    if catalog.exists():
        return catalog
    catalog.parent.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, str(GENERATE), str(count), "-o", str(catalog), "--images", images,
               "--seed", str(seed), "--defect-rate", str(defects), "-q"]  # fmt: skip
    print(f"# generating: {shlex.join(command)}", flush=True)
    partial = catalog.with_suffix(".partial")
    subprocess.run([*command[:4], str(partial), *command[5:]], check=True)
    partial.rename(catalog)
    return catalog


def main(argv: Sequence[str] | None = None) -> int:
    argv, extra = split_extra(argv)
    parser = argparse.ArgumentParser(
        description="Throughput and peak memory of listlint check at several catalog sizes.",
        epilog="Arguments after -- are passed to listlint check.",
    )
    parser.add_argument("catalogs", nargs="+", help="listing counts to generate, or catalog paths")
    parser.add_argument(
        "--images", choices=("none", "pool"), default="none",
        help="generated listings without photos (text rules only, the default) or with photos",
    )  # fmt: skip
    parser.add_argument("--formats", default="text,json", help="output formats (text,json)")
    parser.add_argument("--jobs", default="1", help="worker counts to compare, e.g. 1,2 (1)")
    parser.add_argument("--repeat", type=int, default=3, help="runs to take the best of (3)")
    parser.add_argument("--seed", type=int, default=0, help="generator seed (0)")
    parser.add_argument(
        "--defect-rate", type=float, default=0.1,
        help="generator's share of defective listings (0.1; 1 gives a finding per listing)",
    )  # fmt: skip
    parser.add_argument("--workdir", help="keep generated catalogs here and reuse them")
    parser.add_argument("--listlint", help="command to run listlint (default: listlint on PATH)")
    args = parser.parse_args(argv)
    command = listlint_command(args.listlint)
    formats = [f for f in args.formats.split(",") if f]
    jobs = [int(j) for j in args.jobs.split(",") if j]
    if args.repeat < 1 or not formats or not jobs:
        parser.error("--repeat, --formats and --jobs need at least one")

    folder = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="ll-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    env = bench_env()
    try:
        print(
            "| catalog | listings | images | format | jobs | best wall s | listings/s (wall) "
            "| best CPU s | listings/s (CPU) | peak RSS MiB | peak RSS sum MiB |\n"
            "|---|---:|---|---|---:|---:|---:|---:|---:|---:|---:|",
            flush=True,
        )
        for given in args.catalogs:
            if given.isdigit():
                images = args.images
                catalog = _generate(int(given), folder, images, args.seed, args.defect_rate)
                label = f"generated {int(given):,}"
            else:
                catalog, images, label = Path(given), "as given", given
            listings = _count_listings(catalog)
            for output_format in formats:
                for workers in jobs:
                    out = folder / f"out{_SUFFIXES.get(output_format, '.out')}"
                    check = [*command, "check", str(catalog), "--format", output_format, "-o",
                             str(out), "--jobs", str(workers), "--no-cache", "-q"]  # fmt: skip
                    if images == "none":
                        check += ["--ignore", "LL5"]
                    check += extra
                    runs = []
                    for _ in range(args.repeat):
                        run = run_measured(check, env)
                        if run.returncode not in (0, 1):
                            print(f"listlint failed ({run.returncode}): {shlex.join(check)}")
                            print(run.stderr.rstrip(), file=sys.stderr)
                            return 2
                        runs.append(run)
                    wall = min(r.wall for r in runs)
                    cpu = min(r.cpu for r in runs)
                    peak = max(r.max_rss_kib for r in runs) / 1024
                    total = max(r.sum_rss_kib for r in runs) / 1024
                    print(
                        f"| {label} | {listings:,} | {images} | {output_format} | {workers} "
                        f"| {wall:.1f} | {listings / wall:,.0f} | {cpu:.1f} "
                        f"| {listings / cpu:,.0f} | {peak:.0f} | {total:.0f} |",
                        flush=True,
                    )
                    today = env["LISTLINT_TODAY"]
                    print(f"#   LISTLINT_TODAY={today} {shlex.join(check)}", flush=True)
    finally:
        if not args.workdir:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
