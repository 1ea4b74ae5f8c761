from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from listlint.check import Check, CheckContext, Finding, Severity
from listlint.checks._images import measured
from listlint.model import Listing


class ImageOverexposed(Check):
    """An overexposed image: the product itself is washed out to white.

    What it does:
        Looks at the product region only (the pixels that differ from a uniform background, or
        the whole frame when there is none), since a white studio background is blown out on
        purpose. Fires when more than ``max-highlights`` of that region (default 0.6) is
        clipped at pure white, when its mean brightness is above ``max-product-brightness``
        (default 240 of 255), or when the whole photo is above ``max-brightness`` (default 250)
        while the product is above ``washed-out-product`` (default 230): a small product on
        a big white backdrop is bright overall, but its own tones stay darker. The defaults
        are strict on purpose: none of the 917 photos of the development corpus fires, and
        only photos washed out nearly to white do; a white item on white is not overexposed.

    Why it matters:
        Blown highlights erase texture, print and the true colour; a buyer cannot see what
        the product looks like.

    Example:
        image blown.jpg: {"highlights": 0.72, "product_brightness": 244.0}
        fails: {"id": "P1", "title": "Ceramic Mug", "images": ["blown.jpg"]}
        passes: {"id": "P1", "title": "Ceramic Mug", "images": ["mug.jpg"]}

    Fix:
        Reshoot with less light on the product, or lower the exposure until its detail returns.
    """

    code = "LL509"
    name = "image-overexposed"
    severity = Severity.WARNING
    needs_images = True
    options: ClassVar[Mapping[str, Any]] = {
        "max-highlights": 0.6,
        "max-product-brightness": 240.0,
        "max-brightness": 250.0,
        "washed-out-product": 230.0,
    }

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        clipped = float(ctx.options["max-highlights"])
        brightest = float(ctx.options["max-product-brightness"])
        frame = float(ctx.options["max-brightness"])
        washed = float(ctx.options["washed-out-product"])
        for image in measured(listing, ctx):
            facts = image.facts
            if (
                facts.highlights > clipped
                or facts.product_brightness > brightest
                or (facts.brightness > frame and facts.product_brightness > washed)
            ):
                yield self.finding(
                    listing,
                    f"{image.subject} is overexposed ({facts.highlights:.0%} of the product is "
                    f"pure white, mean brightness {facts.product_brightness:.0f} of 255)",
                    field=image.field,
                    fix="Reshoot with less light on the product, or lower the exposure",
                    variant_id=image.variant_id,
                )
