"""Memory stays flat as a catalog grows: findings and records spool to disk, the file streams.

A million listings is too slow for the suite; 10,000 against 50,000 shows the slope. Each run
is a fresh process that resets its peak first (Linux keeps a parent's peak across fork and exec)
and reports its own high-water mark, with the spool's in-memory share and the streaming
threshold made small so that these catalogs already behave like huge ones; one process
(``--jobs 1``), as a single-process run streams the file. Kept all in memory
(before the spool), each extra listing cost 1.6 KB here (the file's text, a record and two
findings per listing); now it costs about 160 bytes (duplicate-id's table of ids, and the
allocator's slack around it). The test allows 600.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

# The child: reset the peak, run `listlint check` in-process, print the peak in KiB.
_PEAK_SCRIPT = """
import sys
with open("/proc/self/clear_refs", "w") as handle:
    handle.write("5")
# Small catalogs behave like huge ones: little kept in memory before spooling, every file
# streamed (the defaults, 20,000 items and 8 MiB, are constant costs a test need not pay).
import listlint.spool, listlint.loaders.streaming
listlint.spool.KEEP = 1_000
listlint.loaders.streaming.STREAM_MIN_BYTES = 1_000_000
from listlint.cli import main
try:
    main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
status = open("/proc/self/status").read()
peak = next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:"))
print(code, peak, file=sys.stderr)
"""
BYTES_PER_EXTRA_LISTING = 600
_RULES = "invalid-listing,duplicate-id,negative-stock,title-all-caps"


def _catalog(path: Path, count: int) -> None:
    description = "Hand-thrown stoneware, glazed inside and out, safe in dishwasher and oven. " * 4
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            record = {
                "id": f"MUG-{n:07d}",
                "title": f"STONEWARE COFFEE MUG NUMBER {n}",  # title-all-caps
                "description": description,
                "price": 12.5,
                "stock": -1,  # negative-stock
                "color": "blue",
            }
            out.write(json.dumps(record) + "\n")


def _peak_kib(catalog: Path, output: Path) -> int:
    done = subprocess.run(
        [sys.executable, "-c", _PEAK_SCRIPT, "check", str(catalog), "--format", "json",
         "-o", str(output), "--select", _RULES, "--jobs", "1"],
        capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    code, peak = done.stderr.split()[-2:]
    assert code == "1", done.stderr
    return int(peak)


@pytest.mark.skipif(
    not Path("/proc/self/clear_refs").exists(), reason="peak memory is read from Linux's /proc"
)
def test_peak_memory_grows_far_less_than_the_catalog(tmp_path: Path) -> None:
    small, large = 10_000, 50_000
    peaks = {}
    for count in (small, large):
        catalog = tmp_path / f"c{count}.jsonl"
        _catalog(catalog, count)
        output = tmp_path / f"run{count}.json"
        peaks[count] = _peak_kib(catalog, output)
        with output.open(encoding="utf-8") as run:
            head = [next(run) for _ in range(4)]
        summary = json.loads(head[3].strip().removeprefix('"summary": ').rstrip(","))
        assert summary == {"listings": count, "findings": 2 * count, "error": count,
                           "warning": count, "info": 0}  # fmt: skip
    grew = (peaks[large] - peaks[small]) * 1024
    assert grew < BYTES_PER_EXTRA_LISTING * (large - small), peaks
