from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, ClassVar

from listlint.check import Check, CheckContext, Finding, Severity
from listlint.checks._images import PlacedImage
from listlint.images import families as colors
from listlint.model import Listing
from listlint.text.specs import attribute_values, listing_specs

_UNIFORM_BACKGROUND = 0.6  # colours are only read off studio shots, not off scenes
_LIGHT_BACKGROUND = 180  # ...on a light backdrop: a dark "backdrop" is usually the product
_MIN_FILL = 0.05  # a product covering less of the frame than this is not judged


class ImageColorMismatch(Check):
    """A main image whose product is clearly another colour than the colour attribute says.

    What it does:
        Compares the colour attribute of the listing (or of a variant) with the dominant
        colours of the product in its main image, the background left out. Fires only when
        the declared colour (or a colour that borders it, such as navy and black) covers less
        than ``min-share`` of the product (default 0.04) and one other colour family covers at
        least ``dominant-share`` (default 0.5). Not judged: multicolour and transparent items,
        photos without a light, uniform backdrop (a scene's colours are not the product's), white
        items (they blend into the backdrop), and a listing whose
        main image shows one of several variant colours.

    Why it matters:
        The photo is what a buyer believes. When it shows a blue shirt and the attribute says
        red, one of them is wrong, and whichever arrives, the order is returned.

    Example:
        image blue-tee.jpg: {"colours": [{"family": "blue", "share": 0.86, "rgb": [30, 60, 170]}]}
        image red-tee.jpg: {"colours": [{"family": "red", "share": 0.9, "rgb": [190, 30, 40]}]}
        fails: {"id": "P1", "title": "Classic Tee", "attributes": {"color": "Red"}, "images": ["blue-tee.jpg"]}
        passes: {"id": "P1", "title": "Classic Tee", "attributes": {"color": "Red"}, "images": ["red-tee.jpg"]}

    Fix:
        Check the product: correct the colour attribute, or replace the photo with one of the
        item in the colour sold.
    """

    code = "LL514"
    name = "image-color-mismatch"
    severity = Severity.WARNING
    needs_images = True
    options: ClassVar[Mapping[str, Any]] = {"min-share": 0.04, "dominant-share": 0.5}

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        # Variants often share one photo: it is judged once, against every colour that shows it
        # (a gallery photo of the blue variant is no contradiction of the red one).
        shared: dict[str, tuple[PlacedImage, tuple[str, ...]]] = {}
        for image, texts in _main_images_with_colours(listing, ctx):
            first, known = shared.get(image.reference, (image, ()))
            shared[image.reference] = (first, tuple(dict.fromkeys((*known, *texts))))
        if not shared:
            return  # nothing to compare: the colour vocabulary is not even loaded
        families = listing_specs(listing).lexicon.color_families
        for image, texts in shared.values():
            declared = _declared_families(texts, families)
            seen = _contradiction(image, declared, ctx) if declared else ""
            if seen:
                yield self.finding(
                    listing,
                    f"The colour attribute says {', '.join(map(repr, texts))} but the product in "
                    f"{image.label} is mostly {seen}",
                    field=image.field,
                    fix="Correct the colour attribute, or use a photo of the colour sold",
                    variant_id=image.variant_id,
                )


def _main_images_with_colours(
    listing: Listing, ctx: CheckContext
) -> Iterator[tuple[PlacedImage, tuple[str, ...]]]:
    """The listing's main image with its colour, then each variant's with the variant's."""
    colour = listing.attributes.get("color", ())
    if listing.images and colour:
        facts = ctx.image(listing, listing.images[0])
        if facts is not None and facts.ok:
            yield PlacedImage(listing.images[0], "images[0]", None, 0, facts), tuple(colour)
    for index, variant in enumerate(listing.variants):
        colour = variant.attributes.get("color", ())
        if not (variant.images and colour):
            continue
        facts = ctx.image(listing, variant.images[0])
        if facts is not None and facts.ok:
            where = PlacedImage(
                variant.images[0],
                f"variants[{index}].images[0]",
                variant.id or f"#{index + 1}",
                0,
                facts,
            )
            yield where, tuple(colour)


def _declared_families(
    texts: Sequence[str], families: Mapping[str, frozenset[str]]
) -> frozenset[str]:
    """The photo families the declared colours allow; empty when they cannot be judged."""
    allowed: set[str] = set()
    for text in texts:
        values = attribute_values("color", text)
        if not values:
            return frozenset()  # unreadable ("Heritage"): no basis for a verdict
        for value in values:
            if value in ("multicolor", "clear"):
                return frozenset()
            for member in families.get(value, frozenset({value})):
                family = colors.families_of(member)
                if family is not None:
                    allowed.add(family)
                    allowed |= colors.NEIGHBOURS.get(family, frozenset())
    return frozenset(allowed)


def _contradiction(image: PlacedImage, allowed: frozenset[str], ctx: CheckContext) -> str:
    facts = image.facts
    if facts.background_spread > _UNIFORM_BACKGROUND or facts.fill < _MIN_FILL:
        return ""
    if min(facts.background) < _LIGHT_BACKGROUND:
        return ""
    if not facts.colours:
        return ""
    if "white" in allowed:
        return ""  # a white item on a light backdrop: the product region is shadows and trim
    present = sum(c.share for c in facts.colours if c.family in allowed)
    if present >= float(ctx.options["min-share"]):
        return ""
    top = facts.colours[0]
    if top.share < float(ctx.options["dominant-share"]):
        return ""
    return f"{top.family} ({top.share:.0%} of it)"
