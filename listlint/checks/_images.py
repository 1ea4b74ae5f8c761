"""What the image checks share: walking a listing's image references with their facts."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from listlint.check import CheckContext
from listlint.images.facts import ImageFacts
from listlint.model import Listing


@dataclass(frozen=True)
class PlacedImage:
    """One image reference of a listing, where it stands, and its facts."""

    reference: str
    field: str  # "images[0]", "variants[2].images[0]"
    variant_id: str | None
    position: int  # index in its list; 0 is the main image of the listing or the variant
    facts: ImageFacts

    @property
    def label(self) -> str:
        """How a message names the image: "the main image 'a.jpg'", "image 3 'b.jpg'"."""
        which = "the main image" if self.position == 0 else f"image {self.position + 1}"
        if self.variant_id is not None:
            which = f"variant {self.variant_id}'s {which.removeprefix('the ')}"
        return f"{which} {self.reference!r}"

    @property
    def subject(self) -> str:
        """The label to start a sentence with."""
        return self.label[:1].upper() + self.label[1:]


def placed_images(listing: Listing, ctx: CheckContext) -> tuple[PlacedImage, ...]:
    """Each distinct image of the listing once: the listing's own first, then each variant's.

    Variants often repeat the listing's photos; a photo's problem is reported where it first
    appears, not once per variant that shows it.
    """
    global _last_placed
    listing_then, images_then, placed = _last_placed
    # Every image check of a run asks this of the same listing in turn: work it out once.
    if listing_then is not listing or images_then is not ctx.images:
        placed = tuple(_placed(listing, ctx))
        _last_placed = (listing, ctx.images, placed)
    return placed


# The last listing placed_images() saw, the facts it read and its answer. The objects are held,
# not their ids, so a new listing can never be mistaken for an old one at the same address.
_last_placed: tuple[Listing | None, object, tuple[PlacedImage, ...]] = (None, None, ())


def _placed(listing: Listing, ctx: CheckContext) -> Iterator[PlacedImage]:
    seen: set[str] = set()
    for position, reference in enumerate(listing.images):
        facts = ctx.image(listing, reference)
        if facts is not None and reference not in seen:
            seen.add(reference)
            yield PlacedImage(reference, f"images[{position}]", None, position, facts)
    for index, variant in enumerate(listing.variants):
        for position, reference in enumerate(variant.images):
            facts = ctx.image(listing, reference)
            if facts is not None and reference not in seen:
                seen.add(reference)
                yield PlacedImage(
                    reference,
                    f"variants[{index}].images[{position}]",
                    variant.id or f"#{index + 1}",
                    position,
                    facts,
                )


def measured(listing: Listing, ctx: CheckContext) -> Iterator[PlacedImage]:
    """The images that decoded: the ones quality checks can judge."""
    return (image for image in placed_images(listing, ctx) if image.facts.ok)


def main_images(listing: Listing, ctx: CheckContext) -> Iterator[PlacedImage]:
    """The main image of the listing and of each variant that has its own, decoded."""
    return (image for image in measured(listing, ctx) if image.position == 0)
