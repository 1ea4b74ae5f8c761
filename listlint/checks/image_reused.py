from __future__ import annotations

from collections.abc import Iterator

from listlint.check import Check, CheckContext, Finding, Severity
from listlint.checks._images import placed_images
from listlint.model import Listing


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

    def __init__(self) -> None:
        self._first_listing: dict[str, str] = {}  # content hash -> id of the first listing

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        reported: set[str] = set()
        for image in placed_images(listing, ctx):
            digest = image.facts.content_hash[:16]  # 64 bits: compact, and collisions are rare
            if not digest or digest in reported:
                continue
            first = self._first_listing.setdefault(digest, listing.id)
            if first != listing.id:
                reported.add(digest)
                yield self.finding(
                    listing,
                    f"{image.subject} is the same photo as one of listing {first!r}",
                    field=image.field,
                    fix="Give each listing photos of its own product",
                    variant_id=image.variant_id,
                )
