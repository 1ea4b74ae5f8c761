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
    # Iterated in order, perhaps more than once, and len() taken: a list, or a run's Spool.
    findings: Sequence[Finding]
    show_summary: bool = True  # --quiet turns the human summary line off
    # Every record read, findings or not, in reading order (len == listings when known; a saved
    # run from before this field existed gives only the listings that have findings).
    records: Sequence[ListingRef] = ()
    # A folder whose templates override the built-in ones (--template-dir); html and markdown.
    template_dir: str | None = None
    # Inputs that could not be read (each one an error line on stderr, exit code 2).
    unreadable: int = 0
    # Findings left out because the baseline knows them (check --baseline).
    baselined: int = 0

    def summary(self) -> dict[str, int]:
        # One pass: a huge run's findings are read back from a temporary file (a Spool).
        counts = dict.fromkeys((Severity.ERROR, Severity.WARNING, Severity.INFO), 0)
        for finding in self.findings:
            counts[finding.severity] += 1
        summary = {"listings": self.listings, "findings": len(self.findings)}
        summary.update((severity.value, count) for severity, count in counts.items())
        return summary
