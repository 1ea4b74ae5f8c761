"""``--format json``: the machine-readable run, in the shape design.md fixes."""

from __future__ import annotations

import json
from typing import TextIO

from listlint.reports.report import Report


def render(report: Report, out: TextIO, color: bool = False) -> None:
    document = {
        "listlint": report.version,
        "profile": report.profile,
        "summary": report.summary(),
        "findings": [finding.to_dict() for finding in report.findings],
    }
    json.dump(document, out, ensure_ascii=False, indent=1)
    out.write("\n")
