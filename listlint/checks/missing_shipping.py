from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from listlint.check import Check, CheckContext, Finding, Severity
from listlint.model import Listing


class MissingShipping(Check):
    """A listing without a shipping promise where the profile requires one.

    What it does:
        Fires when the profile requires a shipping promise (``[shipping] required = true`` in
        the profile: ``google`` does, ``generic`` does not), or the ``required`` option is
        true, and the listing's ``shipping`` states no delivery time: neither ``days_min`` nor
        ``days_max``.

    Why it matters:
        Marketplaces that show a delivery date refuse or hide an offer without one, and buyers
        who cannot see when an item arrives order elsewhere, or order and cancel when it is
        late.

    Example:
        options: {"required": true}
        fails: {"id": "T1", "title": "Linen Shirt", "shipping": {"cost": 0}}
        passes: {"id": "T1", "title": "Linen Shirt", "shipping": {"days_min": 2, "days_max": 5}}

    Fix:
        Add ``shipping`` with ``days_min`` and ``days_max``: the delivery time, in days, that
        the seller can keep.
    """

    code = "LL711"
    name = "missing-shipping"
    severity = Severity.ERROR
    options: ClassVar[Mapping[str, Any]] = {"required": False}

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        required = ctx.profile.shipping_required
        if not (required or ctx.options["required"]):
            return
        shipping = listing.shipping
        if _stated(shipping.get("days_min")) or _stated(shipping.get("days_max")):
            return
        who = ctx.profile.label if required else "the configuration"
        message = (
            "No shipping promise" if not shipping else "Shipping states no delivery time"
        ) + f": {who} requires days_min and days_max"
        yield self.finding(
            listing,
            message,
            field="shipping",
            fix="Add shipping days_min and days_max: the delivery time the seller can keep",
        )


def _stated(value: object) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())
