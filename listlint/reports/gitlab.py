"""``--format gitlab``: a GitLab Code Quality report (a JSON array in the Code Climate shape).

GitLab shows the entries in the merge request widget and on the diff, and tells new findings
from fixed ones by their fingerprints, which are unique in a report and stable across runs.
"""

from __future__ import annotations

from typing import Any, TextIO

from listlint.check import Finding, Severity
from listlint.reports._common import describe, iter_fingerprints, report_path, write_json_items
from listlint.reports.report import Report

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}
# A record that cannot be read at all blocks its import: the one error worse than "major".
_BLOCKER = "invalid-listing"


def render(report: Report, out: TextIO, color: bool = False) -> None:
    entries = (
        entry(finding, fingerprint)
        for finding, fingerprint in zip(
            report.findings, iter_fingerprints(report.findings), strict=True
        )
    )
    write_json_items(out, entries)
    out.write("\n")


def entry(finding: Finding, fingerprint: str) -> dict[str, Any]:
    severity = SEVERITIES[finding.severity]
    if finding.name == _BLOCKER and finding.severity is Severity.ERROR:
        severity = "blocker"
    where = f"{finding.listing_id}: " if finding.listing_id else ""
    return {
        "type": "issue",
        "engine_name": "listlint",
        "check_name": finding.name,
        "description": f"{where}{describe(finding)}",
        "categories": ["Bug Risk"] if finding.severity is Severity.ERROR else ["Style"],
        "fingerprint": fingerprint,
        "severity": severity,
        "location": {
            "path": report_path(finding.source.path),
            "lines": {"begin": finding.source.line if finding.source.line else 1},
        },
    }
