from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from listlint.check import Check, CheckContext, Finding, Severity
from listlint.model import Listing
from listlint.text.quoting import quoted


class TitleTooLong(Check):
    """A title longer than the profile's limit.

    What it does:
        Counts the title's characters (Unicode characters after NFC normalisation, so "é" is one
        character however it was typed; spaces count, leading and trailing whitespace does not)
        and fires when there are more than the profile allows: 150 in the generic profile.

    Why it matters:
        Marketplaces reject or cut titles over their limit: Google Merchant Center allows 150
        characters, Amazon 200, eBay 80. A cut title loses its last words, often the size or
        colour a buyer searched for.

    Example:
        fails: {"id": "T1", "title": "Men's Organic Cotton Crew Neck T-Shirt, Short Sleeve, Regular Fit, Pre-Shrunk Jersey, Tagless Label, Machine Washable, Available in Black, White, Navy and Grey"}
        passes: {"id": "T1", "title": "Men's Organic Cotton Crew Neck T-Shirt, Regular Fit, Black"}

    Fix:
        Shorten the title to the limit: keep brand, product type and the attributes buyers search
        for (size, colour, material, model) and move the rest to the description.
    """

    code = "LL101"
    name = "title-too-long"
    severity = Severity.ERROR

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        title = unicodedata.normalize("NFC", listing.title).strip()
        limit = ctx.profile.title_max_length
        if len(title) <= limit:
            return
        yield self.finding(
            listing,
            f"Title is {len(title)} characters; {ctx.profile.label} allows {limit} "
            f"(the text past the limit is {quoted(title[limit:], 40)})",
            field="title",
            fix=f"Shorten the title by at least {len(title) - limit} characters: keep brand, "
            "product type and key attributes, move the rest to the description",
        )
