"""What the benchmark scripts share: finding listlint, timing one run, printing sizes."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass

# The day bench/generate.py's catalogs are exported (its REFERENCE_DAY): runs judge the age of
# listings (stale-listing) against it, so a benchmark gives the same findings on every day.
GENERATED_TODAY = "2026-11-27"


def bench_env() -> dict[str, str]:
    """The environment of a benchmarked listlint run: this one, with LISTLINT_TODAY pinned
    to GENERATED_TODAY unless it is already set."""
    return {"LISTLINT_TODAY": GENERATED_TODAY, **os.environ}


@dataclass(frozen=True)
class Run:
    seconds: float  # wall clock
    returncode: int
    max_rss_kib: int  # peak resident set of the process and the children it waited for
    stderr: str


def split_extra(argv: Sequence[str] | None) -> tuple[list[str], list[str]]:
    """The script's own arguments (``sys.argv[1:]`` when ``argv`` is None) and those after
    ``--``, which go to listlint check."""
    args = list(sys.argv[1:] if argv is None else argv)
    if "--" not in args:
        return args, []
    split = args.index("--")
    return args[:split], args[split + 1 :]


def listlint_command(option: str | None) -> list[str]:
    """The command that starts listlint: ``--listlint`` if given, else ``listlint`` on PATH."""
    if option:
        return shlex.split(option)
    found = shutil.which("listlint")
    if found is None:
        sys.exit(
            "error: no 'listlint' on PATH; install the project (pip install -e .) "
            "or pass --listlint 'python -m listlint'"
        )
    return [found]


def run_timed(command: Sequence[str]) -> Run:
    """Run ``command`` once, its output discarded; measure wall time and peak RSS.

    The peak RSS comes from ``os.wait4`` for this one child, which the kernel reports the way
    ``getrusage(RUSAGE_CHILDREN)`` does (including the workers it waited for), but per run.
    """
    started = time.perf_counter()
    process = subprocess.Popen(
        list(command),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=bench_env(),
    )
    assert process.stderr is not None
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)  # tell Popen the child is reaped
    process.stderr.close()
    return Run(seconds, process.returncode, usage.ru_maxrss, stderr.decode("utf-8", "replace"))


def human_bytes(size: float) -> str:
    for unit in ("B", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    raise AssertionError("unreachable")


def usable(run: Run) -> bool:
    """listlint exits 0 (no finding) or 1 (findings); 2 and anything else mean it failed."""
    return run.returncode in (0, 1)
