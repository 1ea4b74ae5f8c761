from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from listlint.check import Check, CheckContext, Finding, Severity
from listlint.checks._images import measured
from listlint.model import Listing


class ImageTooDark(Check):
    """An underexposed image: dark overall, with nothing in it close to white.

    What it does:
        Fires when an image's mean luminance is below ``max-brightness`` (default 80 of 255)
        and even its brightest parts (the 98th percentile) stay below ``max-bright-point``
        (default 100). A black product on a white background is not dark; a photo where the
        white background has turned grey is.

    Why it matters:
        Dark photos hide the product's colour and detail; buyers cannot tell navy from black
        and return what arrives.

    Example:
        image dim.jpg: {"brightness": 45.0, "bright_point": 82.0}
        fails: {"id": "P1", "title": "Ceramic Mug", "images": ["dim.jpg"]}
        passes: {"id": "P1", "title": "Ceramic Mug", "images": ["mug.jpg"]}

    Fix:
        Reshoot with more light, or raise the exposure so the background is white.
    """

    code = "LL508"
    name = "image-too-dark"
    severity = Severity.WARNING
    needs_images = True
    options: ClassVar[Mapping[str, Any]] = {"max-brightness": 80.0, "max-bright-point": 100.0}

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        darkest = float(ctx.options["max-brightness"])
        dullest = float(ctx.options["max-bright-point"])
        for image in measured(listing, ctx):
            facts = image.facts
            if facts.brightness < darkest and facts.bright_point < dullest:
                yield self.finding(
                    listing,
                    f"{image.subject} is too dark (mean brightness {facts.brightness:.0f} of "
                    f"255, nothing brighter than {facts.bright_point:.0f})",
                    field=image.field,
                    fix="Reshoot with more light, or raise the exposure until the background is white",
                    variant_id=image.variant_id,
                )
