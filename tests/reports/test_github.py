"""`--format github`: workflow-command annotations, escaped as the Actions toolkit does."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from listlint.check import Finding, Severity
from listlint.model import SourceLocation
from listlint.reports.github import annotation, escape_data, escape_property

# One workflow command: ::name key=value,key=value::data, with nothing left unescaped.
COMMAND = re.compile(r"^::(error|warning|notice) ((?:[a-z]+=[^,:\r\n]*,?)+)::([^\r\n]*)$")


@pytest.mark.parametrize(
    ("raw", "data", "prop"),
    [
        ("plain", "plain", "plain"),
        ("100%", "100%25", "100%25"),
        ("a\nb\r\nc", "a%0Ab%0D%0Ac", "a%0Ab%0D%0Ac"),
        ("a:b,c", "a:b,c", "a%3Ab%2Cc"),
        ("%0A", "%250A", "%250A"),  # an encoded newline stays text
        ("x::error::y", "x::error::y", "x%3A%3Aerror%3A%3Ay"),
    ],
)
def test_escaping_matches_the_actions_toolkit(raw: str, data: str, prop: str) -> None:
    assert escape_data(raw) == data
    assert escape_property(raw) == prop


def test_title_file_and_message_with_percent_newline_comma_colon() -> None:
    finding = Finding(
        "LL102", "title-all-caps", Severity.WARNING, "T,1:2", "title",
        "Title 'SALE 100%,\nNOW: GO' is in capitals", "Write it: normally, please",
        SourceLocation("shop, EU: 50%/new\nline.csv", 7),
    )  # fmt: skip
    line = annotation(finding)
    assert line == (
        "::warning file=shop%2C EU%3A 50%25/new%0Aline.csv,line=7,"
        "title=LL102 title-all-caps::T,1:2: Title 'SALE 100%25,%0ANOW: GO' is in capitals. "
        "Fix: Write it: normally, please"
    )
    assert COMMAND.match(line)


def test_one_annotation_per_finding_then_a_summary(report_catalog: Path, check_as) -> None:  # type: ignore[no-untyped-def]
    result = check_as("github", str(report_catalog))
    assert result.exit_code == 1
    json_run = json.loads(check_as("json", str(report_catalog)).stdout)
    lines = result.stdout.splitlines()
    *annotations, summary = lines
    assert len(annotations) == json_run["summary"]["findings"]
    for line in annotations:
        assert COMMAND.match(line), line  # hostile titles and ids cannot add or split a command
    severities = [COMMAND.match(line).group(1) for line in annotations]  # type: ignore[union-attr]
    assert set(severities) == {"error", "warning", "notice"}
    counts = json_run["summary"]
    assert summary.startswith(
        f"listlint: {counts['findings']} findings ({counts['error']} errors, "
        f"{counts['warning']} warnings, {counts['info']} notices) in 5 listings"
    )
    assert not summary.startswith("::")
    size = next(line for line in annotations if "title=LL202 missing-size" in line)
    assert size.startswith(f"::error file={escape_property(str(report_catalog))},line=2,")
    assert size.endswith("Fix: Add a 'size' attribute (to the listing, or to every variant)")


def test_summary_counts_beyond_githubs_ten_per_type(write_jsonl, run_cli) -> None:  # type: ignore[no-untyped-def]
    records = [{"id": f"H{i}", "title": "Hoodie", "category": "Hoodies"} for i in range(15)]
    result = run_cli("check", str(write_jsonl(records)), "--format", "github", "--select", "LL202")
    lines = result.stdout.splitlines()
    assert sum(line.startswith("::error ") for line in lines) == 15
    assert lines[-1].startswith("listlint: 15 findings (15 errors) in 15 listings")


def test_quiet_leaves_out_the_summary_and_a_clean_run_says_so(write_jsonl, run_cli) -> None:  # type: ignore[no-untyped-def]
    path = write_jsonl([{"id": "H", "title": "Hoodie", "category": "Hoodies"}])
    quiet = run_cli("check", str(path), "--format", "github", "--select", "LL202", "-q")
    assert quiet.stdout.count("\n") == 1 and quiet.stdout.startswith("::error ")
    clean = run_cli("check", str(path), "--format", "github", "--select", "LL002")
    assert clean.stdout == "listlint: no findings in 1 listing (profile generic).\n"
    assert clean.exit_code == 0
