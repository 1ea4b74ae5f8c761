from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from listlint.check import Check, CheckContext, Finding, Severity
from listlint.checks._images import measured
from listlint.model import Listing


class ImageAspectRatio(Check):
    """An image far from square: a banner or a sliver instead of a product photo.

    What it does:
        Fires when an image's longer side is more than ``max-ratio`` times its shorter side
        (default 2, i.e. wider than 2:1 or taller than 1:2).

    Why it matters:
        Marketplaces show products in square or 4:5 tiles: a 3:1 banner shrinks to a strip with
        the product lost in it, and a collage or a screenshot usually has that shape.

    Example:
        image banner.jpg: {"width": 1800, "height": 600}
        fails: {"id": "P1", "title": "Ceramic Mug", "images": ["banner.jpg"]}
        passes: {"id": "P1", "title": "Ceramic Mug", "images": ["mug.jpg"]}

    Fix:
        Crop the photo close to square (1:1, or 4:5 for apparel) around the product.
    """

    code = "LL506"
    name = "image-aspect-ratio"
    severity = Severity.WARNING
    needs_images = True
    options: ClassVar[Mapping[str, Any]] = {"max-ratio": 2.0}

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        limit = float(ctx.options["max-ratio"])
        for image in measured(listing, ctx):
            facts = image.facts
            ratio = max(facts.width, facts.height) / max(1, facts.shorter_side)
            if ratio > limit:
                yield self.finding(
                    listing,
                    f"{image.subject} is {facts.width}x{facts.height} px, {ratio:.1f}:1; "
                    f"product photos should be at most {limit:g}:1",
                    field=image.field,
                    fix="Crop it close to square (1:1, or 4:5 for apparel) around the product",
                    variant_id=image.variant_id,
                )
