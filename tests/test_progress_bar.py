"""The progress bar: a percentage and the time left when the input's size is known."""

from __future__ import annotations

import fcntl
import io
import json
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from listlint import progress
from listlint.config import Settings
from listlint.progress import BAR_WIDTH, Progress
from listlint.registry import load_registry
from listlint.runner import PROGRESS_EVERY, Runner


class _Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_known_total_makes_a_bar_with_the_time_left(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = _Clock()
    monkeypatch.setattr(time, "monotonic", clock)
    out = io.StringIO()
    bar = Progress(out, interval=0)
    bar.set_bytes(0, 1000)
    bar.update(200)
    assert out.getvalue() == "\rlistlint: [" + "." * BAR_WIDTH + "]   0%  200 listings"
    clock.now += 30  # a quarter read in 30 s: 90 s left
    bar.set_bytes(250, 1000)
    bar.update(50_000, images=7)
    line = out.getvalue().rsplit("\r", 1)[1]
    filled = "#" * (BAR_WIDTH // 4) + "." * (BAR_WIDTH - BAR_WIDTH // 4)
    assert line == f"listlint: [{filled}]  25%  50,000 listings, 7 images, 1:30 left"
    clock.now += 3 * 3600
    bar.set_bytes(500, 1000)
    bar.update(60_000)
    assert out.getvalue().rstrip(" ").endswith("50%  60,000 listings, 3:00:30 left")
    bar.set_bytes(1000, 1000)  # done: no time left to guess
    bar.update(70_000)
    assert out.getvalue().rstrip(" ").endswith("] 100%  70,000 listings")


def test_no_time_left_in_the_first_seconds(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = _Clock()
    monkeypatch.setattr(time, "monotonic", clock)
    out = io.StringIO()
    bar = Progress(out, interval=0)
    clock.now += progress.ETA_AFTER / 2
    bar.set_bytes(10, 100)
    bar.update(200)
    assert out.getvalue().endswith("10%  200 listings")


def test_unknown_or_empty_total_counts_only() -> None:
    out = io.StringIO()
    bar = Progress(out, interval=0)
    bar.set_bytes(500, None)  # standard input
    bar.update(200)
    bar.set_bytes(0, 0)
    bar.update(400)
    assert out.getvalue() == "\rlistlint: 200 listings\rlistlint: 400 listings"


def test_the_line_never_wraps(monkeypatch: pytest.MonkeyPatch) -> None:
    out = io.StringIO()
    bar = Progress(out, interval=0)
    monkeypatch.setattr(bar, "_width", lambda: 40)
    bar.set_bytes(1, 2)
    bar.update(123_456_789, images=987_654_321)
    assert len(out.getvalue()) == 1 + 40


def test_the_runner_reports_bytes_read(tmp_path: Path) -> None:
    paths = []
    for name in ("a.jsonl", "b.jsonl"):
        path = tmp_path / name
        rows = [{"id": f"{name}{n}", "title": "Mug"} for n in range(5)]
        path.write_text("".join(json.dumps(r) + "\n" for r in rows))
        paths.append(str(path))
    total = sum(os.path.getsize(p) for p in paths)
    calls: list[tuple[int, int | None]] = []
    checks = [c for c in load_registry(plugins=False).checks if c.name == "title-all-caps"]
    Runner(checks, Settings(), on_bytes=lambda *a: calls.append(a)).run(paths)
    assert calls == [(0, total), (os.path.getsize(paths[0]), total), (total, total)]


def test_standard_input_has_no_total(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        sys, "stdin", io.TextIOWrapper(io.BytesIO(b'{"id": "A", "title": "Mug"}\n'))
    )
    calls: list[tuple[int, int | None]] = []
    checks = [c for c in load_registry(plugins=False).checks if c.name == "title-all-caps"]
    Runner(checks, Settings(), on_bytes=lambda *a: calls.append(a)).run(["-"])
    assert calls == [(0, None), (0, None)]


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_a_bar_on_a_terminal_and_clean_json_on_stdout(tmp_path: Path) -> None:
    paths = []
    for part in range(4):
        path = tmp_path / f"part{part}.jsonl"
        count = PROGRESS_EVERY * 2
        rows = ({"id": f"M{part}-{n}", "title": f"Stoneware Mug {n}"} for n in range(count))
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
        paths.append(str(path))
    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "listlint", "check", *paths, "--select", "title-all-caps",
             "--format", "json"],
            stdout=subprocess.PIPE, stderr=terminal, stdin=subprocess.DEVNULL,
        )  # fmt: skip
        os.close(terminal)
        stdout, _ = process.communicate(timeout=120)
        shown = b""
        while select.select([controller], [], [], 0.5)[0]:
            try:
                data = os.read(controller, 65536)
            except OSError:  # the terminal closed with the process
                break
            if not data:
                break
            shown += data
    finally:
        os.close(controller)
    assert process.returncode == 0, shown
    text = shown.decode()
    assert "listlint: [" in text and "%  " in text and "listings" in text
    assert text.rstrip(" \r").endswith("\r") or text.endswith("\r")  # erased before the report
    assert json.loads(stdout)["summary"]["listings"] == 8 * PROGRESS_EVERY
    assert b"\r" not in stdout
