from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import date
from functools import lru_cache
from typing import Any, ClassVar

from listlint.check import Check, CheckContext, Finding, Severity
from listlint.model import Listing
from listlint.text.quoting import quoted

# Days an updated_at may lie ahead of today: a feed's clock or time zone may run ahead.
_FUTURE_SLACK = 7
# The date part of an ISO 8601 date or date-time ("2026-11-01", "2026-11-01T08:30:00Z").
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")


class StaleListing(Check):
    """A listing whose price and stock were last refreshed too long ago.

    What it does:
        Reads ``updated_at`` (an ISO date or date-time) and fires when it is more than
        ``max-age-days`` days (default 30) before today. Today is the real date, or the
        ``LISTLINT_TODAY`` environment variable, or this rule's ``today`` option (YYYY-MM-DD),
        so that a run can be repeated as of a given day. Listings without ``updated_at`` are not
        judged; one that is no date ("9999-99-99", "last week") or lies more than a week in the
        future ("2099-01-01", a way to dodge this rule) is reported too, since nobody can tell
        when that listing was refreshed.

    Why it matters:
        Google Merchant Center expires an offer that has not been updated for 30 days, and a
        price or stock figure nobody refreshed for a month is likely wrong: buyers order what
        is no longer there, at a price that no longer holds.

    Example:
        options: {"today": "2026-11-27"}
        fails: {"id": "T1", "title": "Linen Shirt", "updated_at": "2026-09-01"}
        fails: {"id": "T1", "title": "Linen Shirt", "updated_at": "2026-13-45"}
        passes: {"id": "T1", "title": "Linen Shirt", "updated_at": "2026-11-20T08:30:00Z"}

    Fix:
        Refresh the listing's price and stock from the shop system and set ``updated_at``; a
        feed that is regenerated daily should set it on every run.
    """

    code = "LL703"
    name = "stale-listing"
    severity = Severity.WARNING
    options: ClassVar[Mapping[str, Any]] = {"max-age-days": 30, "today": ""}

    @classmethod
    def check_options(cls, options: Mapping[str, Any]) -> None:
        if float(options["max-age-days"]) < 0:
            raise ValueError("max-age-days must not be negative")
        if options["today"] and _date(str(options["today"])) is None:
            raise ValueError(f"today must be a date like 2026-11-27, not {options['today']!r}")

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        if not listing.updated_at:
            return
        updated = _date(listing.updated_at)
        if updated is None:
            yield self.finding(
                listing,
                f"updated_at {quoted(listing.updated_at, 40)} is not a date (YYYY-MM-DD, or an ISO "
                "date-time)",
                field="updated_at",
                fix="Write the date the price and stock were last refreshed, like 2026-11-27",
            )
            return
        today = _date(str(ctx.options["today"])) if ctx.options["today"] else ctx.today
        assert today is not None  # check_options refused a bad date
        limit = float(ctx.options["max-age-days"])
        age = (today - updated).days
        if age < -_FUTURE_SLACK:
            yield self.finding(
                listing,
                f"updated_at {updated.isoformat()} is {-age} days after {today.isoformat()}",
                field="updated_at",
                fix="Set updated_at to when the price and stock were really refreshed",
            )
        elif age > limit:
            yield self.finding(
                listing,
                f"Last updated {updated.isoformat()}, {age} days before {today.isoformat()} "
                f"(more than {limit:g})",
                field="updated_at",
                fix="Refresh the price and stock from the shop system and set updated_at",
            )


@lru_cache(maxsize=1024)  # a catalog's listings share a few hundred days at most
def _date(text: str) -> date | None:
    match = _ISO_DATE.match(text.strip())
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None
