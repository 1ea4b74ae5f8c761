from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar, NamedTuple

from listlint.check import Check, CheckContext, Finding, Severity
from listlint.model import Listing


class ShippingTime(Check):
    """A shipping promise that cannot be right: reversed, far too long, or denied by the text.

    What it does:
        Reads the listing's ``shipping`` promise (``days_min``, ``days_max``) and fires when a
        value is not a number of days, when ``days_max`` is below ``days_min``, when it is
        beyond ``max-days`` (default 60), or when the description promises another time: it
        says "ships in 4-6 weeks" (dispatch alone takes longer than the whole promised
        delivery) or "delivered in 1-2 days" (far sooner than the promise). English statements
        are read: "ships/dispatched in|within N days|weeks|hours", "delivery (time): N-M
        business days", "arrives in N weeks", "allow N weeks for delivery", "next-day
        delivery". Times that are about something else ("returns within 30 days", "delivers
        10 days of battery life"), about another option than the standard one ("express
        delivery in 1-2 days available", "3 weeks to the islands", "for custom sizes"), and
        small differences are not contradictions: the text must miss the promise by 2 days and
        by half of it.

    Why it matters:
        A late parcel is the most common reason for a cancelled or refunded order, and
        marketplaces rank sellers by on-time delivery. A promise the description contradicts
        tells the buyer one of the two is false.

    Example:
        fails: {"id": "T1", "title": "Linen Shirt", "shipping": {"days_min": 5, "days_max": 3}}
        fails: {"id": "T1", "title": "Linen Shirt", "description": "Made to order: ships in 4-6 weeks.", "shipping": {"days_min": 3, "days_max": 5}}
        passes: {"id": "T1", "title": "Linen Shirt", "description": "Ships within 24 hours.", "shipping": {"days_min": 3, "days_max": 5}}

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


_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_NUMBER = r"(?:\d+(?:[.,]\d+)?|" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")"
_RANGE = rf"(?P<low>{_NUMBER})(?:\s*(?:-|\u2013|\u2014|to|or)\s*(?P<high>{_NUMBER}))?"
_UNIT = (
    r"(?P<business>business\s+|working\s+|calendar\s+)?"
    r"(?P<unit>days?|weeks?|hours?|hrs?|months?)\b(?!\s+of\b)(?!-)"
)
# Words that may stand between the subject and the time: "delivery time is usually 3-5 days".
_FILLER = (
    r"(?:[\s:=\u2013-]+(?:time|times|takes?|is|are|usually|normally|typically|generally|will|be|"
    r"within|in|after|out|estimated|approx\.?|about|approximately|around|roughly|up\s+to|"
    r"only|just|ca\.?|roughly))*[\s:=\u2013-]*"
)
_DISPATCH = r"ships|ship|shipped|dispatch(?:ed|es)?|handling\s+time|processing\s+time"
_DELIVERY = (
    r"delivery|delivered|arrives|arrive|arrival|shipping\s+time|transit\s+time|"
    r"delivery\s+time|we\s+deliver"
)
_STATEMENT = re.compile(
    rf"\b(?:(?P<dispatch>{_DISPATCH})|(?P<delivery>{_DELIVERY})){_FILLER}{_RANGE}\s*{_UNIT}",
    re.IGNORECASE,
)
_ALLOW = re.compile(
    rf"\ballow\s+(?:about\s+|up\s+to\s+)?{_RANGE}\s*{_UNIT}\s+for\s+(?:delivery|shipping)\b",
    re.IGNORECASE,
)
_NEXT_DAY = re.compile(r"\bnext[\s-]day\s+(?:delivery|shipping)\b", re.IGNORECASE)
# A statement about another option than the standard promise: a paid upgrade, another region,
# an alternative. Looked for in the same sentence, just before or after the statement.
_OPTION_BEFORE = re.compile(
    r"\b(?:express|expedited|priority|premium|upgraded?|optional|faster|international|"
    r"overseas|worldwide|abroad|remote|rural|outside|custom|personali[sz]ed|engraved|bulk|"
    r"wholesale|large)\b",
    re.IGNORECASE,
)
_OPTION_AFTER = re.compile(
    r"(?i:\b(?:available|extra|surcharge|option(?:al)?|upgrade|international|overseas|"
    r"worldwide|abroad|outside|remote|rural|islands?|or|unless|except|if|when|"
    r"for\s+(?:custom|bulk|large))\b)"
    # "in the UK", "to Europe", "within mainland France": a region (a capital, or these words)
    r"|^\s*,?\s*(?i:in|within|to|across)\s+(?:(?i:the)\s+)?(?:[A-Z]|(?i:mainland|domestic|local))",
)
_SENTENCE_END = re.compile(r"[.!?;\n]")
_UNIT_DAYS = {"day": 1.0, "week": 7.0, "hour": 1 / 24, "hr": 1 / 24, "month": 30.0}


class _Said(NamedTuple):
    text: str
    low: float  # days, as few as the words allow
    high: float  # days, as many as the words allow
    delivery: bool  # a whole delivery time, not only the time until the parcel leaves


# Every statement starts with one of these words and ends with one of these units: found with
# str.find, they give the few places worth trying the full patterns at, which would cost a
# hundred times more run over a whole description.
_UNITS = ("day", "week", "hour", "hrs", " hr", "month")
_SUBJECTS = (
    "ship", "dispatch", "handling", "processing", "deliver", "we deliver", "arriv", "transit",
    "allow", "next",
)  # fmt: skip
_REACH = 80  # characters from a statement's first word to its unit, at most


def _starts(text: str) -> list[int] | None:
    """Where in ``text`` a statement may start, in order; None: anywhere (try them all)."""
    lower = text.lower()
    if len(lower) != len(text):  # lower-casing moved the offsets (rare letters)
        return None
    starts: set[int] = set()
    for unit in _UNITS:
        at = lower.find(unit)
        while at != -1:
            if not _counted(lower, at):  # "everyday", "holidays": no number of them
                at = lower.find(unit, at + 1)
                continue
            begin = max(0, at - _REACH)
            window = lower[begin:at]
            for word in _SUBJECTS:
                found = window.find(word)
                while found != -1:
                    starts.add(begin + found)
                    found = window.find(word, found + 1)
            at = lower.find(unit, at + 1)
    return sorted(starts)


def _counted(lower: str, at: int) -> bool:
    """Whether the unit at ``at`` follows a number: "3 days", "two business days", "24h"."""
    before = lower[max(0, at - 24) : at].split()
    if before and before[-1] in ("business", "working", "calendar"):
        before.pop()
    if not before:
        return False
    last = before[-1]
    return last[-1].isdigit() or last in _WORDS or last.endswith(("next-", "next"))


_PATTERNS = (_STATEMENT, _ALLOW, _NEXT_DAY)


def _matches(text: str) -> Iterator[re.Match[str]]:
    starts = _starts(text)
    if starts is None:
        for pattern in _PATTERNS:
            yield from pattern.finditer(text)
        return
    done = 0
    for at in starts:
        if at < done:
            continue
        for pattern in _PATTERNS:
            match = pattern.match(text, at)
            if match is not None:
                done = match.end()
                yield match
                break


def _statements(text: str) -> Iterator[_Said]:
    """The shipping times ``text`` states about the standard promise (not about an option)."""
    for match in _matches(text):
        if _about_an_option(text, match.start(), match.end()):
            continue
        if match.re is _NEXT_DAY:
            yield _Said(match[0], 1.0, 1.0, True)
            continue
        low, high = _number(match["low"]), _number(match["high"] or match["low"])
        if low is None or high is None or high < low:
            continue
        unit = _UNIT_DAYS[match["unit"].lower().rstrip("s")]
        # Business days are more calendar days: up to 7 for every 5.
        stretch = 7 / 5 if match["business"] and unit == 1.0 else 1.0
        delivery = match.re is _ALLOW or bool(match.groupdict().get("delivery"))
        yield _Said(match[0].strip(), low * unit, high * unit * stretch, delivery)


def _about_an_option(text: str, start: int, end: int) -> bool:
    """Whether the sentence around text[start:end] makes it about an upgrade, a region or an
    alternative ("express delivery in 1-2 days", "ships in 3 weeks for custom sizes")."""
    before = text[max(0, start - 40) : start]
    ends = list(_SENTENCE_END.finditer(before))
    if ends:
        before = before[ends[-1].end() :]
    after = text[end : end + 60]
    stop = _SENTENCE_END.search(after)
    if stop:
        after = after[: stop.start()]
    return bool(_OPTION_BEFORE.search(before) or _OPTION_AFTER.search(after))


def _number(text: str | None) -> float | None:
    if text is None:
        return None
    word = _WORDS.get(text.lower())
    if word is not None:
        return float(word)
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return None


def _contradiction(description: str, promise: tuple[float, float]) -> _Said | None:
    """The first statement of ``description`` that a promise of ``promise`` days denies."""
    if not description:
        return None
    low, high = promise
    denied: _Said | None = None
    agreed: set[bool] = set()  # kinds (delivery or not) of statements that agree
    for said in _statements(description):
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
