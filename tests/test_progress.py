"""The progress line: on stderr when it is a terminal, never on stdout, never with --quiet."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from listlint import progress
from listlint.config import Settings
from listlint.progress import Progress
from listlint.registry import load_registry
from listlint.runner import PROGRESS_EVERY, Runner


def _catalog(folder: Path, count: int, **extra: object) -> Path:
    path = folder / "catalog.jsonl"
    records = ({"id": f"M{n}", "title": f"Stoneware Mug {n}", **extra} for n in range(count))
    path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    return path


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_redraws_one_line_and_erases_it() -> None:
    out = io.StringIO()
    bar = Progress(out, interval=0)
    bar.update(1)
    bar.update(12_000, images=3)
    bar.update(12_200)
    bar.clear()
    bar.clear()  # nothing left to erase
    text = out.getvalue()
    assert text.startswith("\rlistlint: 1 listing\rlistlint: 12,000 listings, 3 images")
    # The shorter line covers the longer one's tail; clearing blanks the line and returns.
    assert "\rlistlint: 12,200 listings" + " " * len(", 3 images") + "\r" in text
    assert text.endswith("\r" + " " * len("listlint: 12,200 listings") + "\r")
    assert "\n" not in text


def test_progress_is_throttled() -> None:
    out = io.StringIO()
    bar = Progress(out, interval=3600)
    for listings in range(200, 2001, 200):
        bar.update(listings)
    assert out.getvalue() == "\rlistlint: 200 listings"


def test_only_on_a_terminal_and_not_when_quiet() -> None:
    assert Progress.for_stderr(io.StringIO()) is None
    assert Progress.for_stderr(_Terminal(), enabled=False) is None
    assert isinstance(Progress.for_stderr(_Terminal()), Progress)


def test_runner_reports_listings_and_images(write_jsonl) -> None:  # type: ignore[no-untyped-def]
    count = PROGRESS_EVERY * 2 + 50
    catalog = write_jsonl([{"id": f"T{n}", "title": "Tee", "images": ["navy-tee.jpg"]}
                           for n in range(count)])  # fmt: skip
    calls: list[tuple[int, int]] = []
    checks = [c for c in load_registry(plugins=False).checks if c.name == "image-blurry"]
    result = Runner(checks, Settings(), on_progress=lambda *a: calls.append(a)).run([str(catalog)])
    assert result.listings == count
    assert calls == [(PROGRESS_EVERY, 1), (PROGRESS_EVERY * 2, 1)]  # one distinct photo


def test_not_a_terminal_no_progress(tmp_path: Path) -> None:
    catalog = _catalog(tmp_path, PROGRESS_EVERY * 3)
    done = subprocess.run(
        [sys.executable, "-m", "listlint", "check", str(catalog), "--ignore", "LL5"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode in (0, 1), done.stderr
    assert "\r" not in done.stderr and "\r" not in done.stdout
    assert "listlint: 200 listings" not in done.stderr


def test_fake_terminal_gets_progress_on_stderr_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_cli
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(progress, "_is_terminal", lambda stream: True)
    catalog = _catalog(tmp_path, PROGRESS_EVERY * 3)

    result = run_cli("check", str(catalog), "--ignore", "LL5", "--format", "json")
    assert result.stderr.startswith("\rlistlint: ")  # a bar: the file's size is known
    assert f"%  {PROGRESS_EVERY} listings" in result.stderr
    assert result.stderr.endswith("\r")  # erased before anything else is printed
    assert "\r" not in result.stdout
    assert json.loads(result.stdout)["summary"]["listings"] == PROGRESS_EVERY * 3

    quiet = run_cli("check", str(catalog), "--ignore", "LL5", "--quiet")
    assert quiet.stderr == ""
    assert "\r" not in quiet.stdout


def test_messages_start_on_a_clean_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_cli
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(progress, "_is_terminal", lambda stream: True)
    catalog = _catalog(tmp_path, PROGRESS_EVERY * 2)
    result = run_cli("check", str(catalog), str(tmp_path / "missing.jsonl"), "--ignore", "LL5")
    assert result.exit_code == 2
    error = "listlint: error: "
    before = result.stderr[: result.stderr.index(error)]
    assert before.endswith("\r") or before == ""
