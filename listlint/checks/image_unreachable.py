from __future__ import annotations

from collections.abc import Iterator

from listlint.check import Check, CheckContext, Finding, Severity
from listlint.checks._images import placed_images
from listlint.images.facts import Problem
from listlint.model import Listing


class ImageUnreachable(Check):
    """An image URL that could not be fetched: no connection, a timeout, a server error.

    What it does:
        Fires for an http(s) image whose server did not answer in time, refused the connection,
        or answered with HTTP 5xx or 429. A URL that answers 404 is image-unreadable's.

    Why it matters:
        A marketplace fetches the same URL when the listing is published; if it fails there
        too, the listing goes live without its photo or is rejected. It may also be a passing
        outage or a machine without network, which is why this is a rule of its own that an
        offline CI job can ignore.

    Example:
        image https://img.example.com/mug.jpg: {"problem": "unreachable", "detail": "no answer within 10 s"}
        fails: {"id": "P1", "title": "Ceramic Mug", "images": ["https://img.example.com/mug.jpg"]}
        passes: {"id": "P1", "title": "Ceramic Mug", "images": ["mug.jpg"]}

    Fix:
        Check that the image host is up and reachable from the marketplace, then lint again.
    """

    code = "LL503"
    name = "image-unreachable"
    severity = Severity.WARNING
    needs_images = True

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        for image in placed_images(listing, ctx):
            if image.facts.problem == Problem.UNREACHABLE:
                yield self.finding(
                    listing,
                    f"{image.subject} could not be fetched: {image.facts.detail}",
                    field=image.field,
                    fix="Check that the image host is up and the URL public, then lint again",
                    variant_id=image.variant_id,
                )
