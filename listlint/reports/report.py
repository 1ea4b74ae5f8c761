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
    # The severity from which a finding fails the run (--fail-on): formats that pass or fail
    # each listing (JUnit) fail only those. "info" (every finding) when it is not known.
    fail_on: str = "info"

    def fails(self, finding: Finding) -> bool:
        """Whether ``finding`` fails the run, as the exit code counts it."""
        return self.fail_on != "never" and finding.severity.rank >= Severity(self.fail_on).rank

    def summary(self) -> dict[str, int]:
        # One pass: a huge run's findings are read back from a temporary file (a Spool).
        counts = dict.fromkeys((Severity.ERROR, Severity.WARNING, Severity.INFO), 0)
        for finding in self.findings:
            counts[finding.severity] += 1
        summary = {"listings": self.listings, "findings": len(self.findings)}
        summary.update((severity.value, count) for severity, count in counts.items())
        return summary
