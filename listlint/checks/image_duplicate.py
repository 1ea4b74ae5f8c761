from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, ClassVar

from listlint.check import Check, CheckContext, Finding, Severity
from listlint.images.facts import ImageFacts, dhash_distance
from listlint.model import Listing


class ImageDuplicate(Check):
    """The same photo twice in one listing's images (or one variant's).

    What it does:
        Within the listing's ``images`` and within each variant's, fires when a reference is
        repeated, when two files have the same content, or when two photos are near-identical
        (a re-saved or resized copy: difference hashes at most ``max-distance`` bits apart,
        default 2 of 64, with the same dominant colour and shape). A gallery of more than 100
        photos (a broken export) is searched for repeats and same content only.

    Why it matters:
        A gallery slot spent on a copy is a view of the product the buyer never gets; the
        marketplace's image count limit makes every slot count.

    Example:
        fails: {"id": "P1", "title": "Team Tee", "images": ["front.jpg", "back.jpg", "front.jpg"]}
        passes: {"id": "P1", "title": "Team Tee", "images": ["front.jpg", "back.jpg"]}

    Fix:
        Remove the copy, or replace it with another view (back, side, detail, in use).
    """

    code = "LL512"
    name = "image-duplicate"
    severity = Severity.WARNING
    needs_images = True
    options: ClassVar[Mapping[str, Any]] = {"max-distance": 2}

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        galleries: list[tuple[str, str | None, Sequence[str]]] = [("images", None, listing.images)]
        galleries += [
            (f"variants[{index}].images", variant.id, variant.images)
            for index, variant in enumerate(listing.variants)
        ]
        distance = int(ctx.options["max-distance"])
        reported: set[tuple[str, ...]] = set()  # variants often repeat the listing's gallery
        for field, variant_id, references in galleries:
            for later, earlier, how in _copies(listing, ctx, references, distance):
                # Unordered: a variant may list the gallery's photos in another order.
                pair = tuple(sorted((references[earlier], references[later])))
                if pair in reported:
                    continue
                reported.add(pair)
                yield self.finding(
                    listing,
                    f"Image {later + 1} {references[later]!r} {how} image {earlier + 1} "
                    f"{references[earlier]!r}",
                    field=f"{field}[{later}]",
                    fix="Remove the copy, or replace it with another view of the product",
                    variant_id=variant_id,
                )


# Marketplaces allow 10 to 24 photos a listing. A gallery longer than this (a broken export
# listing thousands) is searched for exact copies only, by path and content hash, in linear time.
_COMPARED_PAIRWISE = 100


def _copies(
    listing: Listing, ctx: CheckContext, references: Sequence[str], max_distance: int
) -> Iterator[tuple[int, int, str]]:
    if len(references) > _COMPARED_PAIRWISE:
        yield from _exact_copies(listing, ctx, references)
        return
    seen: list[tuple[int, str, ImageFacts | None]] = []
    for index, reference in enumerate(references):
        facts = ctx.image(listing, reference)
        for earlier, earlier_reference, earlier_facts in seen:
            how = _same(reference, facts, earlier_reference, earlier_facts, max_distance)
            if how:
                yield index, earlier, how
                break
        else:
            seen.append((index, reference, facts))


def _exact_copies(
    listing: Listing, ctx: CheckContext, references: Sequence[str]
) -> Iterator[tuple[int, int, str]]:
    first_with_reference: dict[str, int] = {}
    first_with_content: dict[str, int] = {}
    for index, reference in enumerate(references):
        if (earlier := first_with_reference.get(reference)) is not None:
            yield index, earlier, "repeats"
            continue
        first_with_reference[reference] = index
        facts = ctx.image(listing, reference)
        content = facts.content_hash if facts is not None else ""
        if content and (earlier := first_with_content.get(content)) is not None:
            yield index, earlier, "has the same content as"
            continue
        if content:
            first_with_content[content] = index


def _same(
    reference: str,
    facts: ImageFacts | None,
    other_reference: str,
    other: ImageFacts | None,
    max_distance: int,
) -> str:
    if reference == other_reference:
        return "repeats"
    if facts is None or other is None or not facts.content_hash:
        return ""
    if facts.content_hash == other.content_hash:
        return "has the same content as"
    if not (facts.ok and other.ok):
        return ""
    near = dhash_distance(facts.dhash, other.dhash) <= max_distance
    same_shape = abs(facts.width * other.height - other.width * facts.height) <= 0.02 * (
        facts.width * other.height
    )
    same_colour = bool(facts.colours and other.colours) and (
        facts.colours[0].family == other.colours[0].family
    )
    return "is a near-identical copy of" if near and same_shape and same_colour else ""
