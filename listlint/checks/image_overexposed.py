from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from listlint.check import Check, CheckContext, Finding, Severity
from listlint.checks._images import measured
from listlint.model import Listing


class ImageOverexposed(Check):
    """An overexposed image: the product itself is washed out to white.

    What it does:
        Looks at the product only (the pixels that differ from a uniform background, or the
        whole frame when there is none), since a white studio background is blown out on
        purpose. Fires when more than ``max-clipped-tints`` of the product (default 0.05) is
        clipped to a pale tint: two channels at 252 or more of 255, the third a light 200-239.
        Brightening a coloured product pushes its tones through that band on their way to
        white, and a product blown to white on a white backdrop leaves only that fringe behind
        (the fringe counts as product). A vivid colour whose strongest channel clips (a bright
        red) keeps its weakest channel far lower, a white item on white (even with a warm cast)
        keeps it higher, and a glossy item's specular highlights are too small to count. It
        also fires when more than ``max-highlights`` of the product (default 0.6) is pure
        white, when its mean brightness is above ``max-product-brightness`` (default 240), or
        when the whole photo is above ``max-brightness`` (default 250) while the product is
        above ``washed-out-product`` (default 230). None of the 917 photos of the development
        corpus fires (the highest share of clipped tints among them is 0.022, a pale yellow
        fleece); 47 % of their copies brightened 1.8 times do, and 29 % of those brightened
        1.5 times. A dark product brightened that much is a well-exposed mid-tone and does not
        fire.

    Why it matters:
        Blown highlights erase texture, print and the true colour; a buyer cannot see what
        the product looks like.

    Example:
        image blown.jpg: {"clipped_tints": 0.18, "highlights": 0.0, "product_brightness": 190.0}
        image pure-white.jpg: {"highlights": 0.72, "product_brightness": 244.0}
        image mug.jpg: {"clipped_tints": 0.004, "highlights": 0.01, "product_brightness": 170.0}
        fails: {"id": "P1", "title": "Ceramic Mug", "images": ["blown.jpg"]}
        fails: {"id": "P1", "title": "Ceramic Mug", "images": ["pure-white.jpg"]}
        passes: {"id": "P1", "title": "Ceramic Mug", "images": ["mug.jpg"]}

    Fix:
        Reshoot with less light on the product, or lower the exposure until its detail returns.
    """

    code = "LL509"
    name = "image-overexposed"
    severity = Severity.WARNING
    needs_images = True
    options: ClassVar[Mapping[str, Any]] = {
        "max-clipped-tints": 0.05,
        "max-highlights": 0.6,
        "max-product-brightness": 240.0,
        "max-brightness": 250.0,
        "washed-out-product": 230.0,
    }

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        tints = float(ctx.options["max-clipped-tints"])
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
                detail = (
                    f"{facts.highlights:.0%} of the product is pure white, mean brightness "
                    f"{facts.product_brightness:.0f} of 255"
                )
            elif facts.clipped_tints > tints:
                detail = (
                    f"its colours are blown out to pale tints over {facts.clipped_tints:.0%} "
                    "of the product"
                )
            else:
                continue
            yield self.finding(
                listing,
                f"{image.subject} is overexposed ({detail})",
                field=image.field,
                fix="Reshoot with less light on the product, or lower the exposure",
                variant_id=image.variant_id,
            )
