"""``--format text``: findings grouped by listing, for a person at a terminal."""

from __future__ import annotations

from itertools import groupby
from typing import TextIO

import click

from listlint.check import Finding, Severity
from listlint.reports.report import Report

_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def render(report: Report, out: TextIO, color: bool = False) -> None:
    def style(text: str, **kwargs: object) -> str:
        return click.style(text, **kwargs) if color else text  # type: ignore[arg-type]

    def key(finding: Finding) -> tuple[str, int, str]:
        return (finding.source.path, finding.source.line or 0, finding.listing_id)

    listings_with_findings = 0
    for (_, _, listing_id), group in groupby(report.findings, key=key):
        findings = list(group)
        listings_with_findings += 1
        where = str(findings[0].source)
        label = f"  {listing_id}" if listing_id else ""
        out.write(style(where, bold=True) + style(label, fg="cyan") + "\n")
        for finding in findings:
            severity = style(f"{finding.severity.value:<7}", fg=_COLORS[finding.severity])
            out.write(
                f"  {style(finding.code, bold=True)} {severity} {finding.name}: "
                f"{_one_line(finding.message)}\n"
            )
            out.write(style(f"          fix: {_one_line(finding.fix)}", dim=True) + "\n")
        out.write("\n")
    if report.show_summary:
        out.write(_summary_line(report, listings_with_findings) + "\n")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _summary_line(report: Report, listings_with_findings: int) -> str:
    summary = report.summary()
    listings = f"{report.listings} listing{'s' if report.listings != 1 else ''}"
    unread, known = report.unreadable, report.baselined
    # "All clear" would contradict the errors above it (an unreadable file was not linted) and
    # hide the findings a baseline holds back.
    notes = f"; {unread} input{'s' if unread != 1 else ''} could not be read" if unread else ""
    if known:
        notes += f"; {known} known finding{'s' if known != 1 else ''} in the baseline"
    if not report.findings:
        if notes:
            new = "new " if known else ""
            return f"No {new}findings in {listings}{notes} (profile {report.profile})."
        return f"All clear: no findings in {listings} (profile {report.profile})."
    parts = ", ".join(
        f"{summary[s.value]} {s.value}{'s' if summary[s.value] != 1 and s.value != 'info' else ''}"
        for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        if summary[s.value]
    )
    return (
        f"Found {len(report.findings)} finding{'s' if len(report.findings) != 1 else ''} "
        f"({parts}) in {listings_with_findings} of {listings}{notes} "
        f"(profile {report.profile})."
    )
