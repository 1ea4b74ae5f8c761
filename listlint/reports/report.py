"""The result of a run as the renderers see it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from listlint.check import Finding, Severity
from listlint.model import ListingRef


@dataclass(frozen=True)
class Report:
    version: str
    profile: str
    listings: int
    findings: Sequence[Finding]
    show_summary: bool = True  # --quiet turns the human summary line off
    # Every record read, findings or not, in reading order (len == listings when known; a saved
    # run from before this field existed gives only the listings that have findings).
    records: Sequence[ListingRef] = ()
    # A folder whose templates override the built-in ones (--template-dir); html and markdown.
    template_dir: str | None = None

    def summary(self) -> dict[str, int]:
        summary = {"listings": self.listings, "findings": len(self.findings)}
        for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
            summary[severity.value] = sum(1 for f in self.findings if f.severity is severity)
        return summary
