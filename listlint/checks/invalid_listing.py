from __future__ import annotations

from collections.abc import Iterator

from listlint.check import Check, CheckContext, Finding, Severity
from listlint.loaders import Problem
from listlint.model import Listing


class InvalidListing(Check):
    """A record that cannot be read as a listing: broken syntax, a missing id or title, a wrong type.

    What it does:
        Reports every record the loaders could not turn into a listing, at its file and line: a
        JSON line that does not parse, a CSV row with the wrong number of cells, a record without
        ``id`` or ``title``, a field of the wrong type (a price that is not a number, attributes
        that are not an object). The rest of the catalog is still linted.

    Why it matters:
        A record a linter cannot read is a record a marketplace will reject or, worse, import
        half-way. Reporting it keeps every record accounted for: nothing is dropped silently.

    Example:
        fails: {"id": "T1", "price": 12.0}
        passes: {"id": "T1", "title": "Linen Shirt", "price": 12.0}

    Fix:
        Correct the record at the reported line so that it has an ``id``, a ``title`` and fields
        of the types listed in the record format.
    """

    code = "LL001"
    name = "invalid-listing"
    severity = Severity.ERROR

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        return iter(())  # the runner reports loader problems through from_problem()

    def from_problem(self, problem: Problem) -> Finding:
        return Finding(
            code=self.code,
            name=self.name,
            severity=self.severity,
            listing_id=problem.listing_id or "",
            field=problem.field,
            message=problem.message,
            fix=_fix_for(problem),
            source=problem.source,
        )


def _fix_for(problem: Problem) -> str:
    message = problem.message
    if "more than listlint reads" in message:
        return (
            f"Shorten '{problem.field}' to what the marketplace allows; so long a text is "
            "usually a file or a column pasted into one cell"
        )
    if "is not a number" in message:
        return f"Write '{problem.field}' as a plain number, such as 12.50"
    if problem.field == "parent":
        return "Export the variation's parent product too, or correct its Parent column"
    if problem.field in ("id", "title") and "must be" not in message:
        return f"Give the record a non-empty '{problem.field}'"
    if problem.field:
        return f"Correct '{problem.field}' to the type the record format expects"
    return "Correct the record's syntax at this line"
