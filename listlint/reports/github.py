"""``--format github``: GitHub Actions workflow commands, one annotation per finding.

``::error file=F,line=N,title=T::MESSAGE`` shows on the pull request's diff and in the run's
summary. Values are escaped as the Actions toolkit escapes them, so a listing's text can neither
end a command early nor inject another one. GitHub shows only 10 annotations of each type per
step, so a last plain line counts every finding.
"""

from __future__ import annotations

from typing import TextIO

from listlint.check import Finding, Severity
from listlint.reports._common import describe, report_path
from listlint.reports.report import Report

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_LABELS = tuple(COMMANDS.items())


def escape_data(text: str) -> str:
    """A command's message: %, CR and LF percent-encoded."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A command property's value: as data, plus ':' and ','."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, out: TextIO, color: bool = False) -> None:
    for finding in report.findings:
        out.write(annotation(finding) + "\n")
    if report.show_summary:
        out.write(summary_line(report) + "\n")


def annotation(finding: Finding) -> str:
    properties = [("file", report_path(finding.source.path))]
    if finding.source.line is not None:
        properties.append(("line", str(finding.source.line)))
    properties.append(("title", f"{finding.code} {finding.name}"))
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    where = f"{finding.listing_id}: " if finding.listing_id else ""
    return f"::{COMMANDS[finding.severity]} {props}::{escape_data(where + describe(finding))}"


def summary_line(report: Report) -> str:
    counts = report.summary()
    listings = f"{report.listings} listing{'s' if report.listings != 1 else ''}"
    if not report.findings:
        return f"listlint: no findings in {listings} (profile {report.profile})."
    parts = ", ".join(
        f"{counts[s.value]} {label}{'s' if counts[s.value] != 1 else ''}"
        for s, label in _LABELS
        if counts[s.value]
    )
    total = len(report.findings)
    return (
        f"listlint: {total} finding{'s' if total != 1 else ''} ({parts}) in {listings} "
        f"(profile {report.profile}); GitHub shows at most 10 annotations of each type per step."
    )
