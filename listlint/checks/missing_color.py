from __future__ import annotations

from listlint.check import Severity
from listlint.checks._required_attribute import RequiredAttributeCheck


class MissingColor(RequiredAttributeCheck):
    """A product whose kind needs a color states none.

    What it does:
        Decides the product kind from the category (else the title, in several languages) and,
        when the profile requires a color for that kind, fires if neither the listing's
        attributes nor every one of its variants state one. The generic profile requires it for
        clothing, footwear, bags, home textiles and furniture. Attribute names are matched
        case-insensitively with their aliases.

    Why it matters:
        Colour is the first thing buyers filter on, and a colour they can only guess from
        the photo is a classic reason for "not as described" returns. Google Merchant Center
        requires `color` for apparel.

    Example:
        fails: {"id": "T1", "title": "Linen Shirt", "category": "Men/Shirts", "attributes": {"size": "M", "material": "Linen"}}
        passes: {"id": "T1", "title": "Linen Shirt", "category": "Men/Shirts", "attributes": {"size": "M", "material": "Linen", "color": "White"}}

    Fix:
        Add a ``color`` attribute to the listing, or to every variant when variants differ.
    """

    code = "LL201"
    name = "missing-color"
    severity = Severity.WARNING
    attribute = "color"
