"""What the history checks share: pairing a listing's variants with the previous version's."""

from __future__ import annotations

from collections.abc import Iterator

from listlint.model import Listing, Variant


def variant_pairs(listing: Listing, previous: Listing) -> Iterator[tuple[Variant, Variant]]:
    """Each variant of ``listing`` with the variant of the same id in ``previous``.

    Variants without an id, or new since the previous version, have nothing to compare with.
    """
    if not listing.variants or not previous.variants:
        return
    before = {v.id: v for v in reversed(previous.variants) if v.id}  # the first of a duplicate
    for variant in listing.variants:
        old = before.get(variant.id) if variant.id else None
        if old is not None:
            yield variant, old
