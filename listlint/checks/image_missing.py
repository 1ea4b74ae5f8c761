from __future__ import annotations

from collections.abc import Iterator

from listlint.check import Check, CheckContext, Finding, Severity
from listlint.model import Listing


class ImageMissing(Check):
    """A listing without any image.

    What it does:
        Fires when neither the listing nor any of its variants names an image.

    Why it matters:
        Every marketplace requires at least one image, and buyers do not order what they cannot
        see: Google disapproves offers without an image, Amazon suppresses them from search.

    Example:
        fails: {"id": "P1", "title": "Ceramic Mug"}
        passes: {"id": "P1", "title": "Ceramic Mug", "images": ["mug.jpg"]}

    Fix:
        Add at least one photo of the product to ``images`` (the first is the main image).
    """

    code = "LL501"
    name = "image-missing"
    severity = Severity.ERROR

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        if listing.images or any(variant.images for variant in listing.variants):
            return
        yield self.finding(
            listing,
            "The listing has no image",
            field="images",
            fix="Add a photo of the product; the first image is the main one",
        )
