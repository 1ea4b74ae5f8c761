"""The result of a run as the renderers see it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from listlint.check import Finding, Severity


@dataclass(frozen=True)
class Report:
    version: str
    profile: str
    listings: int
    findings: Sequence[Finding]
    show_summary: bool = True  # --quiet turns the human summary line off

    def summary(self) -> dict[str, int]:
        summary = {"listings": self.listings, "findings": len(self.findings)}
        for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
            summary[severity.value] = sum(1 for f in self.findings if f.severity is severity)
        return summary
