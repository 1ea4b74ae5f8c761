from __future__ import annotations

from collections.abc import Iterator

from listlint.check import Check, CheckContext, Finding, Severity
from listlint.model import Listing, SourceLocation


class DuplicateId(Check):
    """Two listings share one id.

    What it does:
        Remembers the id of every listing in the run (across all files) and reports each later
        listing that reuses one, naming where the id was first seen.

    Why it matters:
        Marketplaces and shop imports key listings by id: the second record silently overwrites
        the first, or the import fails, and buyers see the wrong product, price or stock.

    Example:
        fails: [{"id": "T1", "title": "Linen Shirt"}, {"id": "T1", "title": "Linen Dress"}]
        passes: [{"id": "T1", "title": "Linen Shirt"}, {"id": "T2", "title": "Linen Dress"}]

    Fix:
        Give each listing its own id (SKU, handle or offer id); merge true duplicates into one
        listing, with variants if they differ only by size or colour.
    """

    code = "LL002"
    name = "duplicate-id"
    severity = Severity.ERROR

    def __init__(self) -> None:
        # Only the id and where it was first seen: compact enough for million-listing catalogs.
        self._first_seen: dict[str, SourceLocation] = {}

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        first = self._first_seen.setdefault(listing.id, listing.source)
        if first is not listing.source:
            yield self.finding(
                listing,
                f"Id '{listing.id}' is also used by the listing at {first}",
                field="id",
                fix=f"Give this listing an id of its own; '{listing.id}' is taken at {first}",
            )
