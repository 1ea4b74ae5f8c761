"""The installed command on the worst files: never a traceback on stderr, never a hang.

Each file is run in a subprocess (as CI runs listlint), so an uncaught exception would show as
"Traceback" on stderr; the timeout bounds a hang.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

_TEN_MB = 10 * 1024 * 1024
_DEEP = 10_000

_FILES: dict[str, bytes] = {
    "deep-array.json": b"[" * _DEEP + b"]" * _DEEP,
    "deep-record.jsonl": b'{"id": "A", "title": "T", "x": '
    + b'{"a": ' * _DEEP
    + b"1"
    + b"}" * _DEEP
    + b'}\n{"id": "B", "title": "Hat"}\n',
    "deep.yaml": b"listings:\n  - " + b"[" * _DEEP + b"]" * _DEEP + b"\n",
    "deep.xml": b"<rss><channel><item><g:id>A</g:id>"
    + b"<a>" * _DEEP
    + b"</a>" * _DEEP
    + b"</item></channel></rss>",
    "huge-title.jsonl": json.dumps({"id": "A", "title": "x" * _TEN_MB}).encode() + b"\n",
    "nul.csv": b"id,title\nA,Red\x00Tee\nB,Hat\n",
    "invalid-utf8.jsonl": b'{"id": "A", "title": "Caf\xe9 \xff\xfe"}\n'
    + b'{"id": "B", "title": "Hat"}\n',
    "surrogates.jsonl": b'{"id": "\\ud800", "title": "\\udfff"}\n{"id": "B"  "title"}\n'
    + b'{"id": "\\udc00x", "title": \n',
    "numbers.jsonl": b'{"id": "A", "title": "T", "price": NaN, "stock": Infinity}\n'
    + b'{"id": "B", "title": "T", "price": 1e999, "stock": -Infinity}\n'
    + b'{"id": "C", "title": "T", "stock": '
    + b"9" * 5000
    + b"}\n",
    "bom-mixed.csv": b"\xef\xbb\xbfid,title\r\nA,Tee\rB,Hat\nC,\xef\xbb\xbfCap\r\n",
    "utf16.tsv": "id\ttitle\nA\tT\u00e9e\n".encode("utf-16"),
    "controls.yaml": b"- id: A\n  title: \x1b[31mRed\x07\n- id: B\n  title: Hat\n",
}


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    for name, data in _FILES.items():
        (folder / name).write_bytes(data)
    return folder


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LISTLINT_CACHE_DIR": str(cwd / ".cache")}
    return subprocess.run(
        [sys.executable, "-m", "listlint", "check", *args, "--format", "json", "--no-cache"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=90,
    )


@pytest.mark.parametrize("name", sorted(_FILES))
def test_no_traceback_on_a_hostile_file(catalog: Path, name: str) -> None:
    result = _run(name, "--ignore", "LL5", cwd=catalog)
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert result.returncode in (0, 1, 2), result.stderr[-3000:]
    json.loads(result.stdout)


def test_no_traceback_on_the_whole_folder_with_every_rule(catalog: Path) -> None:
    result = _run(".", cwd=catalog)
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert result.returncode in (0, 1, 2)
    summary = json.loads(result.stdout)["summary"]
    assert summary["listings"] >= len(_FILES)
