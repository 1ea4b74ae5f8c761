"""Big JSON Lines files are streamed, with exactly the items, lines and output of a whole read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from listlint import spool
from listlint.cli import cli
from listlint.loaders import LoadOptions, load, streaming
from listlint.loaders.streaming import load_streamed

_GOOD = {"id": "P1", "title": "Blue Linen Shirt", "price": 20, "color": "blue", "size": "M"}


@pytest.fixture
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stream every file, a few bytes at a time: blocks end mid-line and lines span blocks."""
    monkeypatch.setattr(streaming, "STREAM_MIN_BYTES", 0)
    monkeypatch.setattr(streaming, "BLOCK", 37)


def _tricky(path: Path) -> Path:
    lines = [
        json.dumps(_GOOD),
        "",  # blank lines still count
        "   ",
        '{"id": "B1", "title": "broken",',  # a syntax error, with its id
        json.dumps({**_GOOD, "id": "P2", "title": "Pull en laine mérinos rouge é" * 20}),
        json.dumps({**_GOOD, "id": "P3\ud800", "price": "free"}, ensure_ascii=True),
        "\ufeff" + json.dumps({**_GOOD, "id": "P4"}),  # a BOM glued on by concatenation
        json.dumps({**_GOOD, "id": "P5"}) + "\r",  # CRLF
        json.dumps({**_GOOD, "id": "P6", "description": "x" * 500}),  # longer than a block
        "[1, 2]",
        json.dumps({**_GOOD, "id": "P7"}),  # no newline at the end
    ]
    path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    return path


@pytest.mark.usefixtures("small_blocks")
@pytest.mark.parametrize("trailing_newline", [False, True])
def test_streamed_items_equal_a_whole_read(tmp_path: Path, trailing_newline: bool) -> None:
    path = _tricky(tmp_path / "c.jsonl")
    if trailing_newline:
        path.write_bytes(path.read_bytes() + b"\n")
    notes: list[tuple[str, str]] = []
    read: list[int] = []
    options = LoadOptions(on_format=lambda name, how: notes.append((name, how)))
    streamed = load_streamed(
        str(path), on_encoding=lambda *a: notes.append(a), options=options, on_read=read.append
    )
    assert streamed is not None
    assert list(streamed) == list(load(str(path)))
    assert notes == [(str(path), "utf-8"), (str(path), "jsonl (detected)")]
    assert sum(read) == path.stat().st_size


@pytest.mark.usefixtures("small_blocks")
@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("bom.jsonl", b"\xef\xbb\xbf" + json.dumps(_GOOD).encode()),
        ("utf16.jsonl", json.dumps(_GOOD).encode("utf-16")),
        ("nul.jsonl", json.dumps(_GOOD).encode() + b"\n\0\n"),
        ("latin1.jsonl", '{"id": "P1", "title": "Pull \xe9"}'.encode("latin-1")),
        ("cut.jsonl", json.dumps(_GOOD).encode() + b"\n\xe2\x82"),
        ("blank.jsonl", b"\n  \n\n"),
        ("binary.jsonl", b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10" * 10),
        ("catalog.json", json.dumps(_GOOD).encode()),
    ],
)  # fmt: skip
def test_anything_but_plain_utf8_json_lines_is_read_whole(
    tmp_path: Path, name: str, data: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert load_streamed(str(path)) is None


def test_small_files_stdin_and_forced_encodings_are_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps(_GOOD) + "\n", "utf-8")
    assert load_streamed(str(path)) is None  # under STREAM_MIN_BYTES
    assert load_streamed("-") is None
    assert load_streamed(str(path), encoding="utf-8") is None
    assert load_streamed(str(path), options=LoadOptions("csv")) is None


@pytest.mark.parametrize("output_format", ["json", "text", "sarif", "gitlab", "github", "junit"])
def test_streamed_and_spooled_output_is_byte_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, output_format: str
) -> None:
    path = _tricky(tmp_path / "c.jsonl")
    path.write_text(path.read_text("utf-8", "surrogatepass") * 30, "utf-8", "surrogatepass")
    monkeypatch.setenv("LISTLINT_TODAY", "2026-11-27")
    arguments = ["check", str(path), "--ignore", "LL5", "--format", output_format]
    whole = CliRunner().invoke(cli, arguments)
    monkeypatch.setattr(streaming, "STREAM_MIN_BYTES", 0)
    monkeypatch.setattr(streaming, "BLOCK", 64)
    monkeypatch.setattr(spool, "KEEP", 5)
    monkeypatch.setattr(spool, "CHUNK", 7)
    streamed = CliRunner().invoke(cli, arguments)
    assert whole.exit_code == streamed.exit_code == 1, whole.output
    assert streamed.stdout_bytes == whole.stdout_bytes
    assert len(whole.stdout_bytes) > 2000
