"""``--format json``: the machine-readable run, in the shape design.md fixes.

Besides design.md's keys, ``listings`` lists every record read (id, title, file and line, images),
findings or not, so that ``listlint report`` can render any other format from a saved run.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from listlint.model import ListingRef
from listlint.reports.report import Report


def render(report: Report, out: TextIO, color: bool = False) -> None:
    # One finding and one listing per line: as easy to read and diff as an indented document,
    # and each line is encoded by json's C encoder (indent= would use the pure-Python one,
    # seconds per 100k listings).
    out.write("{\n")
    for key, value in (
        ("listlint", report.version),
        ("profile", report.profile),
        ("summary", report.summary()),
    ):
        out.write(f" {_encode(key)}: {_encode(value)},\n")
    _write_array(out, "findings", (finding.to_dict() for finding in report.findings), last=False)
    _write_array(out, "listings", (_record(record) for record in report.records), last=True)
    out.write("}\n")


def _write_array(out: TextIO, key: str, items: Iterable[Any], *, last: bool) -> None:
    out.write(f" {_encode(key)}: [")
    separator = "\n  "
    for item in items:
        out.write(separator)
        out.write(_encode(item))
        separator = ",\n  "
    out.write("\n ]" if separator != "\n  " else "]")
    out.write("\n" if last else ",\n")


_encode = json.JSONEncoder(ensure_ascii=False).encode


def _record(record: ListingRef) -> dict[str, Any]:
    return {
        "id": record.id,
        "title": record.title,
        "source": {"path": record.source.path, "line": record.source.line},
        "images": list(record.images),
    }
