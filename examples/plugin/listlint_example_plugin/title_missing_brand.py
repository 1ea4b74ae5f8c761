"""EX101 title-missing-brand: a listing whose brand is set but left out of its title."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from listlint.check import Check, CheckContext, Finding, Severity
from listlint.model import Listing


class TitleMissingBrand(Check):
    """A listing whose brand is set but does not appear in its title.

    What it does:
        Fires when the listing's ``brand`` is set and the title does not contain it. Case,
        spaces and punctuation do not matter, so the brand "Black+Decker" is found in a title
        starting "BLACK + DECKER". Brands that stand for no brand at all ("Generic",
        "Unbranded", "No brand", and the ``skip-brands`` option) are left out.

    Why it matters:
        Buyers search by brand, and most marketplaces' title guides start the title with it:
        a title without the brand is found less often and reads like a no-name product.

    Example:
        fails: {"id": "SH-1", "title": "Trail Running Shoe, Waterproof", "brand": "Nordwind"}
        passes: {"id": "SH-1", "title": "Nordwind Trail Running Shoe", "brand": "Nordwind"}
        passes: {"id": "SH-1", "title": "Trail Running Shoe", "brand": "Generic"}

    Fix:
        Start the title with the brand, as the brand is written ("Nordwind Trail Running
        Shoe"), or correct the ``brand`` field if it names the wrong one.
    """

    code = "EX101"
    name = "title-missing-brand"
    severity = Severity.WARNING
    # Brand values that mean "no brand"; compared without case, spaces or punctuation.
    options: ClassVar[Mapping[str, Any]] = {"skip-brands": []}

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        brand = _letters(listing.brand)
        if not brand or brand in _NO_BRAND:
            return
        if brand in {_letters(str(name)) for name in ctx.options.get("skip-brands", [])}:
            return
        if brand not in _letters(listing.title):
            yield self.finding(
                listing,
                f"The title does not name the brand {listing.brand.strip()!r}",
                field="title",
                fix=f"Start the title with the brand: {listing.brand.strip()} ...",
            )


def _letters(text: str) -> str:
    """``text`` casefolded, letters and digits only: "Black + Decker" -> "blackdecker"."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


_NO_BRAND = frozenset(map(_letters, ("generic", "unbranded", "no brand", "none", "n/a")))
