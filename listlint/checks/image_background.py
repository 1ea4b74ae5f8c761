from __future__ import annotations

from collections.abc import Iterator

from listlint.check import Check, CheckContext, Finding, Severity
from listlint.checks._images import main_images
from listlint.images.facts import ImageFacts
from listlint.model import Listing

_BUSY = 0.6  # the background shows on less than 40 % of the border: a scene, not a backdrop
_LIGHT = 175  # luminance of a light backdrop: white, light grey, cream, sand
_WHITE = 250  # every channel of a white backdrop (JPEG rarely keeps Amazon's exact 255)


class ImageBackground(Check):
    """A main image that is not on the light, uniform background the profile asks for.

    What it does:
        Looks at a thin ring along the edge of each main image (the listing's first image and
        each variant's) and finds its commonest colour: the backdrop. Fires when no one colour
        covers 40 % of the ring (a scene, not a backdrop), or when the backdrop is too dark for
        the profile's ``images.background``: "white" (Amazon's pure white main image) wants 250
        or more in every channel, "light" (the generic profile, after Google's recommendation)
        a luminance of 175 or more (white, light grey, cream, sand). "any" turns the rule off.

    Why it matters:
        Amazon suppresses main images that are not on pure white, and on every marketplace a
        busy or dark background makes the product hard to see in a grid of search results.

    Example:
        image scene.jpg: {"background": [96, 120, 80], "background_spread": 0.62}
        fails: {"id": "P1", "title": "Ceramic Mug", "images": ["scene.jpg"]}
        passes: {"id": "P1", "title": "Ceramic Mug", "images": ["mug.jpg"]}

    Fix:
        Use a studio shot on white as the main image; move lifestyle photos after it.
    """

    code = "LL511"
    name = "image-background"
    severity = Severity.WARNING
    needs_images = True

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        rule = ctx.profile.image_background
        if rule == "any":
            return
        for image in main_images(listing, ctx):
            problem = _background_problem(image.facts, rule)
            if problem:
                wanted = "pure white" if rule == "white" else "light and uniform"
                yield self.finding(
                    listing,
                    f"{image.subject} has {problem}; {ctx.profile.label} wants a "
                    f"{wanted} background",
                    field=image.field,
                    fix="Make a studio shot on white the main image; move lifestyle photos after it",
                    variant_id=image.variant_id,
                )


def _background_problem(facts: ImageFacts, rule: str) -> str:
    red, green, blue = facts.background
    if facts.background_spread > _BUSY:
        return f"a busy background (no one colour along {facts.background_spread:.0%} of its edge)"
    too_dark = (
        min(red, green, blue) < _WHITE
        if rule == "white"
        else 0.299 * red + 0.587 * green + 0.114 * blue < _LIGHT
    )
    return f"a background of RGB {red},{green},{blue}" if too_dark else ""
