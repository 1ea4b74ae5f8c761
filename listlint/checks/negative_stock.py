from __future__ import annotations

from collections.abc import Iterator

from listlint.check import Check, CheckContext, Finding, Severity
from listlint.model import Listing


class NegativeStock(Check):
    """A stock quantity below zero.

    What it does:
        Checks ``stock`` on the listing and on every variant and fires when it is a negative
        number. Zero is fine: it means sold out.

    Why it matters:
        No marketplace accepts a negative quantity, so the offer or the whole feed is rejected.
        A negative count usually means orders were taken beyond the stock (overselling) or a
        stock sync subtracted twice.

    Example:
        fails: {"id": "T1", "title": "Linen Shirt", "stock": -3}
        fails: {"id": "T1", "title": "Linen Shirt", "variants": [{"id": "T1-S", "stock": -1}]}
        passes: {"id": "T1", "title": "Linen Shirt", "stock": 0}

    Fix:
        Count the real stock and set it, or set 0 while the item is sold out; check the shop
        system's stock sync for orders that were subtracted twice.
    """

    code = "LL403"
    name = "negative-stock"
    severity = Severity.ERROR

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        if listing.stock is not None and listing.stock < 0:
            yield self.finding(
                listing,
                f"Stock is {listing.stock}",
                field="stock",
                fix="Set the stock to the units really available, or 0 when sold out",
            )
        for variant in listing.variants:
            if variant.stock is not None and variant.stock < 0:
                yield self.finding(
                    listing,
                    f"Variant {variant.id or '(no id)'}: stock is {variant.stock}",
                    field="variants.stock",
                    fix="Set the variant's stock to the units really available, or 0 when sold out",
                    variant_id=variant.id,
                )
