from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from listlint.check import Check, CheckContext, Finding, Severity
from listlint.model import Listing
from listlint.text.shipping import Said, statements


class ShippingTime(Check):
    """A shipping promise that cannot be right: reversed, far too long, or denied by the text.

    What it does:
        Reads the listing's ``shipping`` promise (``days_min``, ``days_max``) and fires when a
        value is not a number of days, when ``days_max`` is below ``days_min``, when it is
        beyond ``max-days`` (default 60), or when the description promises another time: it
        says "ships in 4-6 weeks" (dispatch alone takes longer than the whole promised
        delivery) or "delivered in 1-2 days" (far sooner than the promise). Statements in
        English, German, French, Spanish, Italian and Portuguese are read
        (``listlint/vocab/shipping.toml``): "ships/dispatched in|within N days|weeks|hours",
        "delivery (time): N-M business days", "allow N weeks for delivery", "next-day
        delivery", "Versand innerhalb von 2-3 Werktagen", "wird in 24 Stunden versendet",
        "expédié sous 48h", "livraison en 3 à 5 jours ouvrés", "entrega en 24/48 horas",
        "consegna in 3-5 giorni lavorativi", "enviado em 2 dias úteis". Times that are about
        something else ("returns within 30 days", "30 Tage Rückgaberecht", "delivers 10 days
        of battery life"), about another option than the standard one ("express delivery in
        1-2 days available", "3 weeks to the islands", "for custom sizes", "en France
        métropolitaine"), and small differences are not contradictions: the text must miss the
        promise by 2 days and by half of it.

    Why it matters:
        A late parcel is the most common reason for a cancelled or refunded order, and
        marketplaces rank sellers by on-time delivery. A promise the description contradicts
        tells the buyer one of the two is false.

    Example:
        fails: {"id": "T1", "title": "Linen Shirt", "shipping": {"days_min": 5, "days_max": 3}}
        fails: {"id": "T1", "title": "Linen Shirt", "description": "Made to order: ships in 4-6 weeks.", "shipping": {"days_min": 3, "days_max": 5}}
        fails: {"id": "T1", "title": "Leinenhemd", "description": "Maßanfertigung: Versand innerhalb von 4-6 Wochen.", "shipping": {"days_min": 3, "days_max": 5}}
        passes: {"id": "T1", "title": "Linen Shirt", "description": "Ships within 24 hours.", "shipping": {"days_min": 3, "days_max": 5}}
        passes: {"id": "T1", "title": "Chemise en lin", "description": "Expédié sous 24h, livré en 3 à 5 jours ouvrés.", "shipping": {"days_min": 3, "days_max": 5}}

    Fix:
        Set ``days_min`` and ``days_max`` to the delivery time the seller can keep, and make the
        description say the same (or nothing about it).
    """

    code = "LL712"
    name = "shipping-time"
    severity = Severity.WARNING
    options: ClassVar[Mapping[str, Any]] = {"max-days": 60}

    @classmethod
    def check_options(cls, options: Mapping[str, Any]) -> None:
        if float(options["max-days"]) <= 0:
            raise ValueError("max-days must be above 0")

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        shipping = listing.shipping
        if not shipping:
            return
        days: dict[str, float] = {}
        for key in ("days_min", "days_max"):
            raw = shipping.get(key)
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                continue
            value = _days(raw)
            if value is None:
                yield self.finding(
                    listing,
                    f"Shipping {key} is not a number of days: {raw!r}",
                    field=f"shipping.{key}",
                    fix=f"Set shipping {key} to a whole number of days",
                )
                return
            days[key] = value
        low, high = days.get("days_min"), days.get("days_max")
        if low is not None and high is not None and high < low:
            yield self.finding(
                listing,
                f"Shipping days_max {high:g} is below days_min {low:g}",
                field="shipping.days_max",
                fix="Swap the two values, or set the slowest delivery time in days_max",
            )
            return
        limit = float(ctx.options["max-days"])
        longest = max(days.values(), default=None)
        if longest is not None and longest > limit:
            yield self.finding(
                listing,
                f"Shipping promises up to {longest:g} days, beyond {limit:g} days",
                field="shipping.days_max" if high is not None else "shipping.days_min",
                fix="Check the shipping days: a value in hours or weeks, or a typo, makes "
                "an impossible promise",
            )
            return
        if low is None and high is None:
            return
        promise = (low if low is not None else high, high if high is not None else low)
        assert promise[0] is not None and promise[1] is not None
        said = _contradiction(listing.description, (promise[0], promise[1]))
        if said is not None:
            yield self.finding(
                listing,
                f"The description says {said.text!r}, but shipping promises "
                f"{_span(promise[0], promise[1])} days",
                field="description",
                fix="Make the description and the shipping days agree",
            )


def _days(raw: object) -> float | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, (int, float)):
        value = float(raw)
    elif isinstance(raw, str):
        try:
            value = float(raw.strip().replace(",", "."))
        except ValueError:
            return None
    else:
        return None
    return value if math.isfinite(value) and value >= 0 else None


def _span(low: float, high: float) -> str:
    return f"{low:g}" if low == high else f"{low:g}-{high:g}"


def _contradiction(description: str, promise: tuple[float, float]) -> Said | None:
    """The first statement of ``description`` that a promise of ``promise`` days denies."""
    if not description:
        return None
    low, high = promise
    denied: Said | None = None
    agreed: set[bool] = set()  # kinds (delivery or not) of statements that agree
    for said in statements(description):
        if said.low > high + max(2.0, high / 2):
            denied = denied or said  # slower than the whole promised delivery
        elif said.delivery and said.high < low - max(2.0, low / 2):
            denied = denied or said  # delivered far sooner than promised
        else:
            agreed.add(said.delivery)
    # A text that also states a time of the same kind that agrees is describing several
    # options ("3-5 days; 3 weeks to the islands"): not a contradiction.
    if denied is not None and denied.delivery in agreed:
        return None
    return denied
