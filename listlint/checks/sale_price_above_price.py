from __future__ import annotations

from collections.abc import Iterator

from listlint.check import Check, CheckContext, Finding, Severity
from listlint.model import Listing


class SalePriceAbovePrice(Check):
    """A sale price that is not lower than the regular price.

    What it does:
        Compares ``sale_price`` with ``price`` on the listing and on every variant (a variant
        without its own ``price`` is compared with the listing's). Fires when the sale price is
        equal to or higher than the regular price.

    Why it matters:
        A "sale" that saves nothing misleads buyers, and Google Merchant Center rejects offers
        whose sale price is not lower than the price. It usually means the two columns were
        swapped or a promotion ended without being removed.

    Example:
        fails: {"id": "T1", "title": "Linen Shirt", "price": 30.0, "sale_price": 30.0}
        passes: {"id": "T1", "title": "Linen Shirt", "price": 30.0, "sale_price": 24.0}

    Fix:
        Remove the sale price when there is no promotion, or set it below the regular price.
    """

    code = "LL402"
    name = "sale-price-above-price"
    severity = Severity.ERROR

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        if _not_a_sale(listing.price, listing.sale_price):
            yield self.finding(
                listing,
                f"Sale price {listing.sale_price:g} is not lower than price {listing.price:g}",
                field="sale_price",
                fix="Set the sale price below the price, or remove it",
            )
        for variant in listing.variants:
            price = variant.price if variant.price is not None else listing.price
            if _not_a_sale(price, variant.sale_price):
                yield self.finding(
                    listing,
                    f"Variant {variant.id or '(no id)'}: sale price {variant.sale_price:g} is "
                    f"not lower than price {price:g}",
                    field="variants.sale_price",
                    fix="Set the variant's sale price below its price, or remove it",
                    variant_id=variant.id,
                )


def _not_a_sale(price: float | None, sale_price: float | None) -> bool:
    return price is not None and sale_price is not None and sale_price >= price
