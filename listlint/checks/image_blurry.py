from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from listlint.check import Check, CheckContext, Finding, Severity
from listlint.checks._images import measured
from listlint.model import Listing


class ImageBlurry(Check):
    """An image that is out of focus or smeared by motion.

    What it does:
        Measures, on the photo scaled to about 512 px and cropped to the product, how abrupt
        its strongest edges are: the mean second difference across the strongest 2 % of edges
        divided by their mean first difference, in percent, on every 4th row (each with its
        neighbours at full resolution). A blur spreads every edge over more pixels, which
        lowers the second much faster than the first; contrast, brightness and the original
        resolution cancel out. Fires when the score is below ``min-sharpness`` (default 21).
        All 917 photos of the development corpus score 22.6 and up (median 31); the same
        photos blurred with a 2 px Gaussian score 12-48 (median 18, 86 % below 21), with 4 px
        6-24 (median 11, all but one below 21).

    Why it matters:
        A blurry photo hides the material, the stitching and the print a buyer wants to judge,
        and reads as a careless or fake listing.

    Example:
        image soft.jpg: {"sharpness": 8.5}
        fails: {"id": "P1", "title": "Ceramic Mug", "images": ["soft.jpg"]}
        passes: {"id": "P1", "title": "Ceramic Mug", "images": ["mug.jpg"]}

    Fix:
        Reshoot with the product in focus (a tripod, more light, a faster shutter), or upload
        the original instead of a resized copy.
    """

    code = "LL507"
    name = "image-blurry"
    severity = Severity.WARNING
    needs_images = True
    options: ClassVar[Mapping[str, Any]] = {"min-sharpness": 21.0}

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        minimum = float(ctx.options["min-sharpness"])
        for image in measured(listing, ctx):
            sharpness = image.facts.sharpness
            if sharpness is not None and sharpness < minimum:
                yield self.finding(
                    listing,
                    f"{image.subject} looks blurry (sharpness {sharpness:.0f}, below {minimum:g})",
                    field=image.field,
                    fix="Reshoot it in focus, or upload the original instead of a resized copy",
                    variant_id=image.variant_id,
                )
