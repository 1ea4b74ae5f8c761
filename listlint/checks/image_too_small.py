from __future__ import annotations

from collections.abc import Iterator

from listlint.check import Check, CheckContext, Finding, Severity
from listlint.checks._images import placed_images
from listlint.model import Listing


class ImageTooSmall(Check):
    """An image whose shorter side is under the profile's minimum (500 px by default).

    What it does:
        Reads each image's size from its header (after EXIF rotation) and fires when the shorter
        side is below the profile's ``images.min-side``; a profile with ``min-side-of =
        "longer"`` (eBay's rule: 500 px on the longest side) measures the longer side instead.

    Why it matters:
        Amazon and eBay require 500 px and Google will from 2027; smaller photos are rejected or
        shown without zoom, and a buyer who cannot see the product's detail returns it.

    Example:
        image small.jpg: {"width": 320, "height": 320}
        image large.jpg: {"width": 1200, "height": 1200}
        fails: {"id": "P1", "title": "Ceramic Mug", "images": ["small.jpg"]}
        passes: {"id": "P1", "title": "Ceramic Mug", "images": ["large.jpg"]}

    Fix:
        Use the original photo, at least 1000 px on the longer side so marketplaces offer zoom.
    """

    code = "LL504"
    name = "image-too-small"
    severity = Severity.WARNING
    needs_images = True

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        minimum = ctx.profile.image_min_side
        longer = ctx.profile.image_min_side_of == "longer"
        for image in placed_images(listing, ctx):
            facts = image.facts
            side = facts.longer_side if longer else facts.shorter_side
            if facts.width and side < minimum:
                where = "the longer side" if longer else "the shorter side"
                yield self.finding(
                    listing,
                    f"{image.subject} is {facts.width}x{facts.height} px; {ctx.profile.label} "
                    f"wants at least {minimum} px on {where}",
                    field=image.field,
                    fix=f"Upload the photo at {minimum} px or more on "
                    f"{where if longer else 'each side'} (1000+ for zoom)",
                    variant_id=image.variant_id,
                )
