from __future__ import annotations

from collections.abc import Iterator

from listlint.check import Check, CheckContext, Finding, Severity
from listlint.checks._history import variant_pairs
from listlint.model import Listing


class StockDropToZero(Check):
    """A listing or variant that had stock in the previous version and has none now.

    What it does:
        Compares the listing's ``stock``, and each variant's (matched by variant id), with the
        same listing (matched by id) in the previous version of the catalog, given with
        ``--previous PATH`` or ``--previous-ref GIT_REF``. Fires when it went from above zero to
        exactly zero. Without a previous version the check is silent.

    Why it matters:
        Selling out is normal, but a whole catalog or a best seller dropping to zero at once is
        often a broken stock sync rather than real sales. Listing it lets someone look before
        the marketplace hides the offers or buyers meet "out of stock".

    Example:
        previous: {"id": "T1", "title": "Linen Shirt", "stock": 40}
        fails: {"id": "T1", "title": "Linen Shirt", "stock": 0}
        passes: {"id": "T1", "title": "Linen Shirt", "stock": 12}

    Fix:
        Confirm the item really sold out; if not, fix the stock sync and set the real quantity.
    """

    code = "LL702"
    name = "stock-drop-to-zero"
    severity = Severity.INFO

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        previous = ctx.previous(listing)
        if previous is None:
            return
        if _dropped(previous.stock, listing.stock):
            yield self.finding(
                listing,
                f"Stock dropped from {previous.stock} to 0 since the previous version",
                field="stock",
                fix="Confirm the item sold out; if not, set the real stock",
            )
        for variant, before in variant_pairs(listing, previous):
            if _dropped(before.stock, variant.stock):
                yield self.finding(
                    listing,
                    f"Variant {variant.id}: stock dropped from {before.stock} to 0 since the "
                    "previous version",
                    field="variants.stock",
                    fix="Confirm the variant sold out; if not, set its real stock",
                    variant_id=variant.id,
                )


def _dropped(old: int | None, new: int | None) -> bool:
    return old is not None and new is not None and old > 0 and new == 0
