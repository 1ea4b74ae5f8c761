"""Fuzzing the loaders and the command line with hostile catalogs.

Invariants: a file is either unusable (UnusableInput before any record, exit code 2) or every
record in it becomes a Listing or Problem(s); nothing else escapes, nothing hangs, and the
command line exits 0, 1 or 2 with a JSON report on stdout.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import given
from hypothesis import strategies as st

from listlint.cli import cli
from listlint.loaders import Problem, UnusableInput, discover, load
from listlint.model import Listing
from tests.fuzz.strategies import (
    SUFFIXES,
    catalog_bytes,
    dump_record,
    hostile_records,
    time_limit,
)

# Text checks only: image rules would look for files (LL5 are the image rules).
_CHECK = ("check", "--format", "json", "--ignore", "LL5", "--no-cache")


def _lint(path: Path, *extra: str) -> Result:
    result = CliRunner().invoke(cli, [*_CHECK, *extra, str(path)], catch_exceptions=True)
    if not isinstance(result.exception, (SystemExit, type(None))):
        raise AssertionError(f"listlint check raised on {path.name}") from result.exception
    assert result.exit_code in (0, 1, 2), result.output
    return result


def _summary(result: Result) -> dict[str, int]:
    report = json.loads(result.stdout)
    summary: dict[str, int] = report["summary"]
    return summary


def _load_all(path: Path) -> list[Listing | Problem] | None:
    """Every item ``load`` yields for ``path``, or None when the file is unusable."""
    try:
        items = list(load(str(path)))
    except UnusableInput:
        return None
    for item in items:
        assert isinstance(item, (Listing, Problem)), item
    return items


@pytest.mark.parametrize("suffix", SUFFIXES)
@given(data=st.data())
def test_random_bytes_never_escape_the_loaders(suffix: str, data: st.DataObject) -> None:
    content = data.draw(catalog_bytes(suffix), label="content")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"catalog{suffix}"
        path.write_bytes(content)
        with time_limit(20):
            assert discover([folder]) == [str(path)]
            _load_all(path)
            # Read again as whatever the content looks like, as a file without its suffix is.
            plain = Path(folder) / "catalog.txt"
            plain.write_bytes(content)
            _load_all(plain)


@pytest.mark.parametrize("suffix", SUFFIXES)
@given(data=st.data())
def test_random_bytes_through_the_command_line(suffix: str, data: st.DataObject) -> None:
    content = data.draw(catalog_bytes(suffix), label="content")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"catalog{suffix}"
        path.write_bytes(content)
        with time_limit(20):
            result = _lint(path)
        summary = _summary(result)  # stdout is a JSON report whatever the input
        if result.exit_code == 2 and summary["listings"] == 0:
            assert "listlint: error:" in result.stderr
        assert "Traceback" not in result.stderr


@given(st.lists(hostile_records(), min_size=1, max_size=6), st.booleans())
def test_every_json_lines_record_is_linted_or_invalid(records: list[object], crlf: bool) -> None:
    """One record per line, of any type: each is counted once, as a listing or as invalid."""
    newline = "\r\n" if crlf else "\n"
    text = "".join(dump_record(record) + newline for record in records)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "catalog.jsonl"
        path.write_text(text, "utf-8", newline="")
        with time_limit(30):
            result = _lint(path)
        assert "Traceback" not in result.stderr
        assert result.exit_code in (0, 1), result.stderr
        summary = _summary(result)
        assert summary["listings"] == len(records)
        report = json.loads(result.stdout)
        # Each record is listed once, at its line, whether it was linted or is invalid.
        assert [entry["source"]["line"] for entry in report["listings"]] == list(
            range(1, len(records) + 1)
        )
        invalid = {f["source"]["line"] for f in report["findings"] if f["code"] == "LL001"}
        items = _load_all(path)
        assert items is not None
        problems = {item.source.line for item in items if isinstance(item, Problem)}
        assert invalid == problems
        listed = {item.source.line for item in items if isinstance(item, Listing)}
        assert listed | problems == set(range(1, len(records) + 1))
        assert not listed & problems


@given(st.lists(hostile_records(), min_size=1, max_size=4))
def test_json_array_records_are_linted_or_invalid(records: list[object]) -> None:
    text = "[\n" + ",\n".join(dump_record(record) for record in records) + "\n]\n"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "catalog.json"
        path.write_text(text, "utf-8")
        with time_limit(30):
            result = _lint(path)
        assert result.exit_code in (0, 1), result.stderr
        assert _summary(result)["listings"] == len(records)


@given(st.lists(hostile_records(), min_size=1, max_size=4))
def test_invalid_utf8_in_records_costs_those_records_only(records: list[object]) -> None:
    """Lone surrogates written raw are bytes no UTF-8 reader accepts."""
    lines = [dump_record(record, ascii_only=False) for record in records]
    data = b"".join(line.encode("utf-8", "surrogatepass") + b"\n" for line in lines)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "catalog.jsonl"
        path.write_bytes(data)
        with time_limit(30):
            result = _lint(path)
        summary = _summary(result)
        assert summary["listings"] in (0, len(records)) or result.exit_code != 2
