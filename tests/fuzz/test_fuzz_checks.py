"""Fuzzing the checks: every built-in check on records that pass validation, hostile in content.

Invariant: no check raises (the runner would isolate it into RunResult.errors, which must stay
empty for valid records) and every finding is well-formed.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from listlint.config import Settings
from listlint.model import SourceLocation, build_listing
from listlint.registry import load_registry
from listlint.runner import Runner
from listlint.testing import run_check
from tests.fuzz.strategies import dump_record, time_limit, valid_records

_CHECKS = load_registry().checks
_TEXT_CHECKS = [c for c in _CHECKS if not c.needs_images]


def _well_formed(finding: Any) -> None:
    assert finding.code and finding.name and finding.message, finding
    assert finding.severity.value in ("error", "warning", "info"), finding
    assert isinstance(finding.field, str), finding


@given(st.lists(valid_records(), min_size=1, max_size=3))
def test_every_check_takes_any_valid_record(records: list[dict[str, Any]]) -> None:
    for index, record in enumerate(records):
        build_listing(record, SourceLocation("<fuzz>", index + 1))  # valid by construction
    with time_limit(30):
        for check in _CHECKS:  # image checks see the facts of a good photo for every reference
            for finding in run_check(check, records, today=date(2026, 11, 27)):
                _well_formed(finding)


@given(st.lists(valid_records(), min_size=1, max_size=4), st.sampled_from(["generic", "amazon"]))
def test_the_runner_reports_no_crashed_check(records: list[dict[str, Any]], profile: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "catalog.jsonl"
        path.write_text("".join(dump_record(r) + "\n" for r in records), "utf-8")
        runner = Runner(_TEXT_CHECKS, Settings(), profile=profile, today=date(2026, 11, 27))
        with time_limit(30):
            result = runner.run([str(path)])
    assert result.errors == []
    assert result.listings == len(records)
    assert not [f for f in result.findings if f.code == "LL001"]
    for finding in result.findings:
        _well_formed(finding)
