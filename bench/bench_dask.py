"""Time ``listlint check`` on one process and on a local Dask cluster, on the same catalog.

    python bench/bench_dask.py N [--seed S] [--workers 2] [--partition-size 16M]
                                 [--images none|pool] [--keep] [--listlint CMD] [-- EXTRA ARGS]

Generates N listings with bench/generate.py into a temporary folder, then runs
``listlint check FILE --format json -o OUT --no-cache`` once as one process and once with
``--scheduler`` against a ``distributed.LocalCluster`` of ``--workers`` worker processes of one
thread each, started by this script beforehand (its start-up is not timed; a real cluster is
already running). Prints each run's wall time and listings per second, its CPU time (for the
cluster run: client, scheduler and workers, which is steady however busy the machine is), the
client's peak RSS, and whether the two JSON reports are byte-for-byte identical (they must be:
exit 2 if not).
Needs the dask extra: ``pip install -e '.[dask]'``. Anything after ``--`` goes to both runs.
"""

from __future__ import annotations

import argparse
import filecmp
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
        description="Time listlint check on one process and on a local Dask cluster.",
        epilog="Arguments after -- are passed to both listlint check runs.",
    )
    parser.add_argument("n", type=int, help="number of listings to generate")
    parser.add_argument("--seed", type=int, default=0, help="generator seed (default 0)")
    parser.add_argument("--workers", type=int, default=2, help="cluster worker processes (2)")
    parser.add_argument("--partition-size", default="16M", help="bytes per task (16M)")
    parser.add_argument(
        "--images", choices=("pool", "none"), default="none",
        help="listings reference no images (default) or a pool of generated photos",
    )  # fmt: skip
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    parser.add_argument("--listlint", help="command to run listlint (default: listlint on PATH)")
    args = parser.parse_args(argv)
    if args.n < 1 or args.workers < 1:
        parser.error("N and --workers must be at least 1")
    try:
        from distributed import LocalCluster
    except ImportError:
        sys.exit("error: the dask extra is not installed: pip install -e '.[dask]'")
    command = listlint_command(args.listlint)

    folder = Path(tempfile.mkdtemp(prefix="listlint-bench-dask-"))
    try:
        catalog = folder / "listings.jsonl"
        started = time.perf_counter()
        generate(args.n, catalog, seed=args.seed, images=args.images)
        print(
            f"generated {args.n} listings ({human_bytes(catalog.stat().st_size)}) "
            f"in {time.perf_counter() - started:.2f} s"
        )
        check = [*command, "check", str(catalog), "--format", "json", "--no-cache", *extra]
        single_out, dask_out = folder / "single.json", folder / "dask.json"
        # --jobs 1: a catalog this big is otherwise linted by a local process per core.
        single = [*check, "-o", str(single_out), "--jobs", "1"]
        print("$ " + " ".join(single))
        before = _cpu_seconds()
        first = run_timed(single)
        first_cpu = _cpu_seconds() - before
        if not usable(first):
            print(first.stderr.rstrip(), file=sys.stderr)
            return 2
        _report("1 process", args.n, first.seconds, first.max_rss_kib, first_cpu)

        started = time.perf_counter()
        before = _cpu_seconds()  # the cluster's too: its workers are this script's children
        with LocalCluster(
            n_workers=args.workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            local_directory=str(folder / "dask"),
        ) as cluster:
            print(
                f"LocalCluster: {args.workers} worker processes of 1 thread at "
                f"{cluster.scheduler_address}, started in {time.perf_counter() - started:.2f} s"
            )
            distributed = [
                *check, "-o", str(dask_out),
                "--scheduler", cluster.scheduler_address, "--partition-size", args.partition_size,
            ]  # fmt: skip
            print("$ " + " ".join(distributed))
            second = run_timed(distributed)
        second_cpu = _cpu_seconds() - before  # with the workers, reaped when the cluster closes
        if not usable(second):
            print(second.stderr.rstrip(), file=sys.stderr)
            return 2
        _report(
            f"Dask, {args.workers} workers", args.n, second.seconds, second.max_rss_kib, second_cpu
        )
        same = filecmp.cmp(single_out, dask_out, shallow=False)
        print(f"speed-up {first.seconds / second.seconds:.2f}x; reports identical: {same}")
        return 0 if same and first.returncode == second.returncode else 2
    finally:
        if args.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


def _report(what: str, n: int, seconds: float, rss_kib: int, cpu: float) -> None:
    print(
        f"{what}: {seconds:.2f} s = {n / seconds:,.0f} listings/s; CPU {cpu:.1f} s "
        f"(client peak RSS {human_bytes(rss_kib * 1024)})"
    )


def _cpu_seconds() -> float:
    """User and system CPU time of this script and the children it has reaped."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


if __name__ == "__main__":
    sys.exit(main())
