"""``--format json``: the machine-readable run, in the shape design.md fixes.

Besides design.md's keys, ``listings`` lists every record read (id, title, file and line, images),
findings or not, so that ``listlint report`` can render any other format from a saved run.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from listlint.model import ListingRef
from listlint.reports.report import Report


def render(report: Report, out: TextIO, color: bool = False) -> None:
    document = {
        "listlint": report.version,
        "profile": report.profile,
        "summary": report.summary(),
        "findings": [finding.to_dict() for finding in report.findings],
        "listings": [_record(record) for record in report.records],
    }
    json.dump(document, out, ensure_ascii=False, indent=1)
    out.write("\n")


def _record(record: ListingRef) -> dict[str, Any]:
    return {
        "id": record.id,
        "title": record.title,
        "source": {"path": record.source.path, "line": record.source.line},
        "images": list(record.images),
    }
