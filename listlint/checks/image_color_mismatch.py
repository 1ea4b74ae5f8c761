from __future__ import annotations

import colorsys
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, ClassVar, NamedTuple

from listlint.check import Check, CheckContext, Finding, Severity
from listlint.checks._images import PlacedImage
from listlint.images import families as colors
from listlint.images.facts import Colour
from listlint.model import Listing
from listlint.text.specs import attribute_values, listing_specs

_UNIFORM_BACKGROUND = 0.6  # colours are only read off studio shots, not off scenes
_LIGHT_BACKGROUND = 180  # ...on a light backdrop: a dark "backdrop" is usually the product
_MIN_FILL = 0.05  # a product covering less of the frame than this is not judged
# A contradiction that may be shading, a backdrop's shadow, a pastel or a person's skin does not
# outweigh a neighbour of the declared colour: the achromatic families and beige, and the warm,
# muted colours of skin (light to dark), tan and wood (hue 0-50 degrees, saturation below 0.7).
_MUTED_FAMILIES = frozenset({"black", "gray", "white", "beige"})
_SKIN_HUES = (0.0, 50.0)
_SKIN_SATURATION = 0.7
_OUTWEIGHS = 2.0  # ...and must cover at least twice the colours bordering the declared one


class ImageColorMismatch(Check):
    """A main image whose product is clearly another colour than the colour attribute says.

    What it does:
        Compares the colour attribute of the listing (or of a variant) with the dominant
        colours of the product in its main image, the background left out. Fires when the
        declared colour covers less than ``min-share`` of the product (default 0.04) while one
        other colour family covers at least ``dominant-share`` (default 0.5). When colours that
        border the declared one (navy reads black, purple blue, dark red brown) cover
        ``min-share`` or more, they may be the product misread, so only a vivid contradiction
        that covers at least twice as much counts: not black, grey, white or beige (shading,
        pastels, a backdrop's shadow) nor a warm, muted colour (a model's skin, tan, wood).
        Not judged: multicolour, transparent and white items (white blends into the
        backdrop), photos without a light, uniform backdrop (a scene's colours are not the
        product's), washed-out photos whose contrast is below ``min-contrast`` (default 70, as
        image-low-contrast: every colour reads grey), and a listing whose main image shows one
        of several variant colours.

    Why it matters:
        The photo is what a buyer believes. When it shows a blue shirt and the attribute says
        red, one of them is wrong, and whichever arrives, the order is returned.

    Example:
        image blue-tee.jpg: {"colours": [{"family": "blue", "share": 0.86, "rgb": [30, 60, 170]}]}
        image red-tee.jpg: {"colours": [{"family": "red", "share": 0.9, "rgb": [190, 30, 40]}]}
        image navy-top.jpg: {"colours": [{"family": "beige", "share": 0.7, "rgb": [225, 180, 151]}, {"family": "black", "share": 0.22, "rgb": [25, 25, 35]}]}
        image pink-top.jpg: {"colours": [{"family": "pink", "share": 0.7, "rgb": [220, 40, 140]}, {"family": "black", "share": 0.22, "rgb": [25, 25, 35]}]}
        fails: {"id": "P1", "title": "Classic Tee", "attributes": {"color": "Red"}, "images": ["blue-tee.jpg"]}
        passes: {"id": "P1", "title": "Classic Tee", "attributes": {"color": "Red"}, "images": ["red-tee.jpg"]}
        passes: {"id": "P2", "title": "Sports Bra", "attributes": {"color": "Navy"}, "images": ["navy-top.jpg"]}
        fails: {"id": "P2", "title": "Sports Bra", "attributes": {"color": "Navy"}, "images": ["pink-top.jpg"]}

    Fix:
        Check the product: correct the colour attribute, or replace the photo with one of the
        item in the colour sold.
    """

    code = "LL514"
    name = "image-color-mismatch"
    severity = Severity.WARNING
    needs_images = True
    options: ClassVar[Mapping[str, Any]] = {
        "min-share": 0.04,
        "dominant-share": 0.5,
        "min-contrast": 70.0,
    }

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
            declared = declared_families(texts, families)
            seen = _contradiction(image, declared, ctx) if declared.allowed else ""
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


class Declared(NamedTuple):
    """The photo families of the declared colours, and those with their neighbours added."""

    exact: frozenset[str]
    allowed: frozenset[str]


_NOTHING = Declared(frozenset(), frozenset())


def declared_families(texts: Sequence[str], families: Mapping[str, frozenset[str]]) -> Declared:
    """The photo families the declared colours name and allow; empty when they cannot be judged."""
    exact: set[str] = set()
    for text in texts:
        values = attribute_values("color", text)
        if not values:
            return _NOTHING  # unreadable ("Heritage"): no basis for a verdict
        for value in values:
            if value in ("multicolor", "clear"):
                return _NOTHING
            for member in families.get(value, frozenset({value})):
                family = colors.families_of(member)
                if family is not None:
                    exact.add(family)
    allowed = set(exact)
    for family in exact:
        allowed |= colors.NEIGHBOURS.get(family, frozenset())
    return Declared(frozenset(exact), frozenset(allowed))


def _contradiction(image: PlacedImage, declared: Declared, ctx: CheckContext) -> str:
    facts = image.facts
    if facts.background_spread > _UNIFORM_BACKGROUND or facts.fill < _MIN_FILL:
        return ""
    if min(facts.background) < _LIGHT_BACKGROUND:
        return ""
    if not facts.colours or facts.contrast < float(ctx.options["min-contrast"]):
        return ""
    if "white" in declared.exact:
        return ""  # a white item on a light backdrop: the product region is shadows and trim
    min_share = float(ctx.options["min-share"])
    if sum(c.share for c in facts.colours if c.family in declared.exact) >= min_share:
        return ""
    others = [c for c in facts.colours if c.family not in declared.allowed]
    if not others:
        return ""
    top = others[0]  # colours come largest first
    if top.share < float(ctx.options["dominant-share"]):
        return ""
    bordering = sum(c.share for c in facts.colours if c.family in declared.allowed)
    # A colour that borders the declared one may be it, misread (navy as black, purple as
    # blue): the contradiction must then be vivid and cover at least twice as much.
    if bordering >= min_share and (_muted(top) or top.share < _OUTWEIGHS * bordering):
        return ""
    return f"{top.family} ({top.share:.0%} of it)"


def _muted(colour: Colour) -> bool:
    """Black, grey, white, beige, or a warm colour of skin, tan or wood (not a vivid one)."""
    if colour.family in _MUTED_FAMILIES:
        return True
    hue, saturation, _ = colorsys.rgb_to_hsv(*(channel / 255 for channel in colour.rgb))
    return _SKIN_HUES[0] <= hue * 360 <= _SKIN_HUES[1] and saturation < _SKIN_SATURATION
