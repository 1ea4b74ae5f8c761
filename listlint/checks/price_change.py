from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from listlint.check import Check, CheckContext, Finding, Severity
from listlint.checks._history import variant_pairs
from listlint.model import Listing


class PriceChange(Check):
    """A price or sale price that moved more than a set percentage since the previous version.

    What it does:
        Compares the listing's ``price`` and ``sale_price``, and each variant's (matched by
        variant id), with the same listing (matched by id) in the previous version of the
        catalog, given with ``--previous PATH`` or ``--previous-ref GIT_REF``. Fires when one
        moved up or down by more than ``max-change`` percent (default 30). A price that was
        added or removed, a currency that changed, and listings or variants that are new are
        not compared. Without a previous version the check is silent.

    Why it matters:
        A price that jumps or collapses overnight is most often a mistake: a decimal point
        lost in a spreadsheet, a currency mix-up, a bulk edit applied to the wrong rows. Buyers
        order the item at a price the seller cannot honour, and orders are cancelled.

    Example:
        previous: {"id": "T1", "title": "Linen Shirt", "price": 30.0}
        fails: {"id": "T1", "title": "Linen Shirt", "price": 300.0}
        passes: {"id": "T1", "title": "Linen Shirt", "price": 33.0}

    Fix:
        Check the new price against the shop system or the supplier's price list. When the
        change is intended, nothing needs to change: the next run compares with the new price.
    """

    code = "LL701"
    name = "price-change"
    severity = Severity.WARNING
    options: ClassVar[Mapping[str, Any]] = {"max-change": 30}

    @classmethod
    def check_options(cls, options: Mapping[str, Any]) -> None:
        if float(options["max-change"]) <= 0:
            raise ValueError("max-change must be a percentage above 0")

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        previous = ctx.previous(listing)
        if previous is None:
            return
        if listing.currency and previous.currency and listing.currency != previous.currency:
            return  # another currency: the numbers do not compare
        limit = float(ctx.options["max-change"])
        for what, field, old, new in (
            ("Price", "price", previous.price, listing.price),
            ("Sale price", "sale_price", previous.sale_price, listing.sale_price),
        ):
            change = _change(old, new, limit)
            if change is not None:
                yield self.finding(
                    listing,
                    f"{what} moved from {old:g} to {new:g} ({change:+.0f}%), more than "
                    f"{limit:g}% since the previous version",
                    field=field,
                    fix=f"Check the {field.replace('_', ' ')}; if the change is intended, "
                    "nothing needs to change",
                )
        for variant, before in variant_pairs(listing, previous):
            for what, field, old, new in (
                ("price", "variants.price", _own(before.price, previous.price),
                 _own(variant.price, listing.price)),
                ("sale price", "variants.sale_price", before.sale_price, variant.sale_price),
            ):  # fmt: skip
                if field == "variants.price" and variant.price is None and before.price is None:
                    continue  # both follow the listing's price, compared above
                change = _change(old, new, limit)
                if change is not None:
                    yield self.finding(
                        listing,
                        f"Variant {variant.id}: {what} moved from {old:g} to {new:g} "
                        f"({change:+.0f}%), more than {limit:g}% since the previous version",
                        field=field,
                        fix="Check the variant's price; if the change is intended, nothing "
                        "needs to change",
                        variant_id=variant.id,
                    )


def _own(price: float | None, inherited: float | None) -> float | None:
    return price if price is not None else inherited


def _change(old: float | None, new: float | None, limit: float) -> float | None:
    """The change from ``old`` to ``new`` in percent when it is beyond ``limit``, else None."""
    if old is None or new is None or old <= 0:
        return None
    change = (new - old) / old * 100
    return change if abs(change) > limit else None
