from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from listlint.check import Check, CheckContext, Finding, Severity
from listlint.checks._images import measured
from listlint.images.facts import ImageFacts
from listlint.model import Listing

_LIGHT_PRODUCT = 170  # mean luminance of the product region


class ImageLowContrast(Check):
    """A flat, washed-out image: the product's tones span a narrow range.

    What it does:
        Fires when the photo's luminance range (2nd to 98th percentile) is below
        ``min-contrast`` (default 70 of 255; real product photos span 86-250, the
        same photos with their contrast cut to a quarter 21-63): a hazy, foggy or greyed photo, where even the
        product's outline against the backdrop hardly shows. A white item on a light backdrop
        is left alone: it spans few tones by nature.

    Why it matters:
        Without contrast a photo looks faded and cheap, and shapes and textures disappear in a
        marketplace's small thumbnails.

    Example:
        image flat.jpg: {"contrast": 22.0}
        fails: {"id": "P1", "title": "Ceramic Mug", "images": ["flat.jpg"]}
        passes: {"id": "P1", "title": "Ceramic Mug", "images": ["mug.jpg"]}

    Fix:
        Reshoot in even, direct light, or raise the contrast when editing.
    """

    code = "LL510"
    name = "image-low-contrast"
    severity = Severity.INFO
    needs_images = True
    options: ClassVar[Mapping[str, Any]] = {"min-contrast": 70.0}

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        minimum = float(ctx.options["min-contrast"])
        for image in measured(listing, ctx):
            if image.facts.contrast < minimum and not _white_on_white(image.facts):
                yield self.finding(
                    listing,
                    f"{image.subject} has little contrast (its tones span "
                    f"{image.facts.contrast:.0f} of 255)",
                    field=image.field,
                    fix="Reshoot in even, direct light, or raise the contrast when editing",
                    variant_id=image.variant_id,
                )


def _white_on_white(facts: ImageFacts) -> bool:
    # A white item on a light backdrop spans few tones by nature; a buyer still sees it.
    return (
        bool(facts.colours)
        and facts.colours[0].family == "white"
        and (facts.product_brightness >= _LIGHT_PRODUCT)
    )
