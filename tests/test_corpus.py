"""listlint on the real demo catalogs in ../shared/corpus: nothing crashes, nothing is dropped."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
CATALOGS = sorted(CORPUS.glob("*/listings.jsonl"))


@pytest.mark.skipif(not CATALOGS, reason=f"no corpus at {CORPUS}")
@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda p: p.parent.name)
def test_every_record_is_accounted_for(catalog: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "listlint", "check", str(catalog), "--format", "json"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert "Traceback" not in done.stderr
    assert done.returncode in (0, 1), done.stderr
    records = sum(1 for line in catalog.read_text("utf-8").splitlines() if line.strip())
    assert json.loads(done.stdout)["summary"]["listings"] == records
