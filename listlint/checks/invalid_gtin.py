from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from listlint.check import Check, CheckContext, Finding, Severity
from listlint.model import Listing
from listlint.profiles import Profile

_LENGTHS = (8, 12, 13, 14)
# What a spreadsheet makes of a GTIN typed into a number cell: 4006381333931.0 or 4,00638E+12.
_DECIMAL = re.compile(r"(\d+)[.,]0+")
_SCIENTIFIC = re.compile(r"\d+(?:[.,]\d+)?[eE][+]?\d+")
_DIGITS = re.compile(r"[0-9]+")


class InvalidGtin(Check):
    """A GTIN (EAN, UPC, ISBN-13) that is not a valid GS1 number.

    What it does:
        Checks ``gtin`` on the listing and on every variant: after spaces and hyphens are
        removed it must be 8, 12, 13 or 14 digits with a correct GS1 check digit, and not all
        zeros. The message says what went wrong: a leading zero lost by a spreadsheet (11
        digits), a GTIN a spreadsheet turned into a number (``4006381333931.0``,
        ``4.00638E+12``), an ISBN-10, letters, a wrong length, or a wrong check digit (naming
        the right one). Under a profile that lists ``gtin.restricted-prefixes`` or
        ``gtin.coupon-prefixes`` (google: 02, 04 and 2, in-store and variable-measure codes;
        05, 981-984 and 99, coupons), a valid GTIN with such a prefix fires too, naming the
        marketplace. Prefixes are read on the GTIN-13 form (a GTIN-12 with a leading 0, a
        GTIN-14 without its indicator digit); GTIN-8 numbers are not compared.

    Why it matters:
        Google, Amazon and eBay match offers to products by GTIN and reject or disapprove
        offers whose GTIN is invalid. A placeholder such as all zeros passes naive check digit
        tests but is refused as well, and Google refuses store-internal and coupon numbers.

    Example:
        fails: {"id": "T1", "title": "Desk Lamp", "gtin": "4006381333932"}
        fails: {"id": "T1", "title": "Desk Lamp", "gtin": "4.00638E+12"}
        fails: {"id": "T1", "title": "Desk Lamp", "variants": [{"id": "V1", "gtin": "1234"}]}
        passes: {"id": "T1", "title": "Desk Lamp", "gtin": "4006381333931"}
        passes: {"id": "T1", "title": "Desk Lamp", "gtin": "9638-5074"}

    Fix:
        Copy the GTIN again from the product's barcode or the supplier's data, and keep GTIN
        columns formatted as text so spreadsheets do not drop leading zeros. Leave the field
        empty for products that have no GTIN instead of using a placeholder.
    """

    code = "LL401"
    name = "invalid-gtin"
    severity = Severity.ERROR

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        profile = ctx.profile
        prefixes = profile.gtin_restricted_prefixes or profile.gtin_coupon_prefixes
        if listing.gtin:
            problem = diagnose(listing.gtin)
            if problem is None and prefixes:
                problem = refused(listing.gtin, profile)
            if problem is not None:
                yield self.finding(
                    listing,
                    f"GTIN {listing.gtin!r} {problem.message}",
                    field="gtin",
                    fix=problem.fix,
                )
        for variant in listing.variants:
            if variant.gtin:
                problem = diagnose(variant.gtin)
                if problem is None and prefixes:
                    problem = refused(variant.gtin, profile)
                if problem is not None:
                    yield self.finding(
                        listing,
                        f"Variant {variant.id or '(no id)'}: GTIN {variant.gtin!r} "
                        f"{problem.message}",
                        field="variants.gtin",
                        fix=problem.fix,
                        variant_id=variant.id,
                    )


@dataclass(frozen=True)
class GtinProblem:
    """Why a GTIN is invalid (a predicate, completing "GTIN '…' ") and how to correct it."""

    message: str
    fix: str


def diagnose(value: str) -> GtinProblem | None:
    """Return what is wrong with the GTIN ``value``, or None when it is valid."""
    text = value.strip()
    if _plainly_valid(text):
        return None
    # Imported for the few GTINs that need a diagnosis: stdnum.util imports ssl and pydoc,
    # about 15 ms of every run's start-up otherwise.
    from stdnum import ean, isbn

    if _SCIENTIFIC.fullmatch(text):
        return GtinProblem(
            "was turned into a number by a spreadsheet, which rounded away its last digits; "
            "store GTINs as text",
            "Format the GTIN column as text and enter the full code again from the barcode "
            "or the supplier's data",
        )
    decimal = _DECIMAL.fullmatch(text)
    if decimal:
        digits = decimal.group(1)
        return GtinProblem(
            f"was turned into a number by a spreadsheet; store GTINs as text{_recovery(digits)}",
            "Format the GTIN column as text and enter the code without the decimal part",
        )
    number = ean.compact(text)
    if len(number) == 10 and isbn.is_valid(number):
        isbn13 = isbn.to_isbn13(number)
        return GtinProblem(
            f"is an ISBN-10, not a GTIN; its GTIN is the ISBN-13 {isbn13!r}",
            f"Use the ISBN-13 {isbn13!r}",
        )
    if not _DIGITS.fullmatch(number):
        return _not_digits(number)
    if not number.strip("0"):
        return GtinProblem(
            "is all zeros: a placeholder, not a product's code",
            "Enter the product's real GTIN, or leave the field empty if it has none",
        )
    if len(number) == 11:
        fixed = "0" + number
        if _check_digit_ok(fixed):
            verdict = "which is a valid GTIN"
            fix = f"Store the GTIN as text with its leading zero: {fixed!r}"
        else:
            verdict = "though that fails the check digit too"
            fix = "Copy the complete GTIN from the product's barcode or the supplier's data"
        return GtinProblem(
            f"has 11 digits: a leading zero was probably lost (a spreadsheet drops it); "
            f"try {fixed!r}, {verdict}",
            fix,
        )
    if len(number) not in _LENGTHS:
        return GtinProblem(
            f"has {len(number)} digits; a GTIN has 8, 12, 13 or 14",
            "Copy the complete GTIN from the product's barcode or the supplier's data",
        )
    if not _check_digit_ok(number):
        expected = ean.calc_check_digit(number[:-1])
        return GtinProblem(
            f"has a wrong check digit: it ends in {number[-1]}, but the check digit of "
            f"{number[:-1]} is {expected} (a digit was mistyped or swapped)",
            "Copy the GTIN again from the product's barcode or the supplier's data",
        )
    return None


def refused(value: str, profile: Profile) -> GtinProblem | None:
    """What ``profile``'s marketplace refuses in the valid GTIN ``value``: a restricted or
    coupon prefix; None when it accepts it."""
    digits = number = value.strip()
    if not number.isdigit():
        from stdnum import ean  # spaces or hyphens: rare (see diagnose)

        digits = number = ean.compact(number)
    if len(number) == 12:
        number = "0" + number  # a UPC-A in its GTIN-13 form
    elif len(number) == 14:
        number = number[1:]  # the indicator digit (packaging level) is not part of the prefix
    elif len(number) != 13:
        return None  # GTIN-8 numbers have prefixes of their own
    fix = (
        "Use the GTIN the brand owner registered with GS1 for this product (printed on its "
        "barcode), or leave the field empty if it has none"
    )
    for prefix in profile.gtin_restricted_prefixes:
        if number.startswith(prefix):
            return GtinProblem(
                f"starts with {_shown(prefix, digits, number)}, a restricted-circulation prefix (store-internal or "
                f"variable-measure codes) that {profile.label} does not accept",
                fix,
            )
    for prefix in profile.gtin_coupon_prefixes:
        if number.startswith(prefix):
            return GtinProblem(
                f"starts with {_shown(prefix, digits, number)}, a coupon prefix (not a product's number) that "
                f"{profile.label} does not accept",
                fix,
            )
    return None


def _shown(prefix: str, digits: str, number: str) -> str:
    if digits.startswith(prefix):
        return prefix
    return f"{prefix} as the GTIN-13 {number}"


def _plainly_valid(text: str) -> bool:
    """True for a GTIN as it should be: ASCII digits only, a GTIN length, a right check digit.

    Nearly every GTIN in a catalog is one, and the diagnosis below (stdnum's clean-up first)
    costs several times as much as this; it reaches the same verdict for these, None.
    """
    return (
        len(text) in _LENGTHS
        and text.isascii()
        and text.isdigit()
        and text.strip("0") != ""
        and _gs1_check_digit_ok(text)
    )


def _gs1_check_digit_ok(digits: str) -> bool:
    # The GS1 sum stdnum's calc_check_digit computes (weights 3, 1, 3... from the right, before
    # the check digit), at a fraction of its cost: it runs for every GTIN of a catalog. The
    # digits (ASCII, checked by the caller) are summed as bytes, at C speed, and each byte's
    # "0" (48) taken off afterwards: there are len // 2 digits of weight 3 and
    # (len - 1) // 2 of weight 1.
    codes = digits.encode()
    size = len(codes)
    total = 3 * sum(codes[-2::-2]) + sum(codes[-3::-2]) - 48 * (3 * (size // 2) + (size - 1) // 2)
    return -total % 10 == codes[-1] - 48


def _check_digit_ok(number: str) -> bool:
    from stdnum import ean

    return str(ean.calc_check_digit(number[:-1])) == number[-1]


def _recovery(digits: str) -> str:
    if len(digits) in _LENGTHS and _check_digit_ok(digits):
        return f" (its digits {digits!r} are a valid GTIN)"
    padded = "0" + digits
    if len(padded) in _LENGTHS and _check_digit_ok(padded):
        return f" (with its lost leading zero, {padded!r} is a valid GTIN)"
    return ""


def _not_digits(number: str) -> GtinProblem:
    if not any(ch.isdigit() for ch in number):
        return GtinProblem(
            "is not a number",
            "Enter the product's GTIN, or leave the field empty if it has none",
        )
    others = sorted({ch for ch in number if not "0" <= ch <= "9"})
    shown = ", ".join(repr(ch) for ch in others[:5])
    return GtinProblem(
        f"contains characters other than digits ({shown})",
        "Keep only the digits printed under the barcode",
    )
