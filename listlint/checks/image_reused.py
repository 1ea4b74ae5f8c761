from __future__ import annotations

from collections.abc import Iterable, Iterator

from listlint.check import Check, CheckContext, Finding, Severity
from listlint.checks._images import placed_images
from listlint.model import Listing, SourceLocation

# What image-reused keeps of a listing with photos: its id, its place, and per photo the content
# hash, how a message names it, its field and its variant.
_Photos = tuple[str, SourceLocation, tuple[tuple[str, str, str, str | None], ...]]


class ImageReused(Check):
    """The same photo used by different listings.

    What it does:
        Remembers the content hash of every image (a few bytes each) and fires, once per image,
        on a listing whose photo is byte-for-byte a photo of an earlier listing.

    Why it matters:
        Two different products cannot look the same: one of the listings shows the wrong item,
        or both show a generic photo. Reported as information, since a shared size chart or a
        family of near-identical products may be intended.

    Example:
        fails: [{"id": "P1", "title": "Red Mug", "images": ["mug.jpg"]}, {"id": "P2", "title": "Blue Mug", "images": ["mug.jpg"]}]
        passes: [{"id": "P1", "title": "Red Mug", "images": ["red.jpg"]}, {"id": "P2", "title": "Blue Mug", "images": ["blue.jpg"]}]

    Fix:
        Give each listing photos of its own product.
    """

    code = "LL513"
    name = "image-reused"
    severity = Severity.INFO
    needs_images = True

    cross_listing = True  # a partitioned run collects each listing's hashes, replays them

    def __init__(self) -> None:
        # 64 bits of the content hash, as an int (half the memory of its hex text) -> the id of
        # the first listing with that photo.
        self._first_listing: dict[int | str, str] = {}

    def check(self, listing: Listing, ctx: CheckContext) -> Iterable[Finding]:
        collected = self.collect(listing, ctx)
        return self.replay(collected, ctx) if collected is not None else ()

    def collect(self, listing: Listing, ctx: CheckContext) -> _Photos | None:
        photos = tuple(
            (image.facts.content_hash[:16], image.subject, image.field, image.variant_id)
            for image in placed_images(listing, ctx)
            if image.facts.content_hash  # 64 bits: compact, and collisions are rare
        )
        return (listing.id, listing.source, photos) if photos else None

    def replay(self, collected: _Photos, ctx: CheckContext) -> Iterator[Finding]:
        listing_id, source, photos = collected
        reported: set[str] = set()
        for digest, subject, field, variant_id in photos:
            if digest in reported:
                continue
            first = self._first_listing.setdefault(_compact(digest), listing_id)
            if first != listing_id:
                reported.add(digest)
                yield Finding(
                    self.code,
                    self.name,
                    self.severity,
                    listing_id,
                    field,
                    f"{subject} is the same photo as one of listing {first!r}",
                    "Give each listing photos of its own product",
                    source,
                    variant_id,
                )


def _compact(digest: str) -> int | str:
    """A hex digest as an int; anything else as it is."""
    try:
        return int(digest, 16)
    except ValueError:
        return digest
