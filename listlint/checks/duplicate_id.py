from __future__ import annotations

from collections.abc import Iterable, Iterator

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

    cross_listing = True  # a partitioned run collects (id, place) and replays them in order

    def __init__(self) -> None:
        # Only the id and where it was first seen, as one int (see _place): about 120 bytes a
        # listing, so a million-listing catalog costs about 120 MB here.
        self._first_seen: dict[str, int] = {}
        self._files: dict[str, int] = {}  # catalog file -> its index in _paths
        self._paths: list[str] = []

    def check(self, listing: Listing, ctx: CheckContext) -> Iterable[Finding]:
        if listing.id not in self._first_seen:  # the usual listing: no replay, no generator
            self._first_seen[listing.id] = self._place(listing.source)
            return ()
        return self.replay(self.collect(listing, ctx), ctx)

    def collect(self, listing: Listing, ctx: CheckContext) -> tuple[str, SourceLocation]:
        return (listing.id, listing.source)

    def replay(self, collected: tuple[str, SourceLocation], ctx: CheckContext) -> Iterator[Finding]:
        listing_id, source = collected
        place = self._first_seen.get(listing_id)
        if place is None:
            self._first_seen[listing_id] = self._place(source)
            return
        first = self._location(place)
        yield Finding(
            self.code,
            self.name,
            self.severity,
            listing_id,
            "id",
            f"Id '{listing_id}' is also used by the listing at {first}",
            f"Give this listing an id of its own; '{listing_id}' is taken at {first}",
            source,
        )

    def _place(self, source: SourceLocation) -> int:
        """The file's index times 2**40 plus the line plus one (0: no line)."""
        index = self._files.get(source.path)
        if index is None:
            index = self._files[source.path] = len(self._paths)
            self._paths.append(source.path)
        line = 0 if source.line is None else source.line + 1
        return index << _LINE_BITS | line if 0 <= line < _LINE_LIMIT else -1 - index

    def _location(self, place: int) -> SourceLocation:
        if place < 0:  # a line beyond 2**40: said without it
            return SourceLocation(self._paths[-1 - place])
        line = place & (_LINE_LIMIT - 1)
        return SourceLocation(self._paths[place >> _LINE_BITS], line - 1 if line else None)


_LINE_BITS = 40
_LINE_LIMIT = 1 << _LINE_BITS
