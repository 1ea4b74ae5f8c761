from __future__ import annotations

from listlint.check import Severity
from listlint.checks._required_attribute import RequiredAttributeCheck


class MissingSize(RequiredAttributeCheck):
    """A product whose kind needs a size states none.

    What it does:
        Decides the product kind from the category (else the title, in several languages) and,
        when the profile requires a size for that kind, fires if neither the listing's
        attributes nor every one of its variants state one. The generic profile requires it for
        clothing, footwear and home textiles. Attribute names are matched case-insensitively
        with their aliases.

    Why it matters:
        Without a size a buyer cannot order the right item: they guess, and return it.
        Google Merchant Center requires `size` for clothing and shoes.

    Example:
        fails: {"id": "S1", "title": "Trail Running Shoes", "category": "Shoes", "variants": [{"attributes": {"color": "Blue"}}, {"attributes": {"color": "Red"}}]}
        passes: {"id": "S1", "title": "Trail Running Shoes", "category": "Shoes", "variants": [{"attributes": {"color": "Blue", "size": "42"}}, {"attributes": {"color": "Red", "size": "43"}}]}

    Fix:
        Add a ``size`` attribute to the listing, or to every variant when variants differ.
    """

    code = "LL202"
    name = "missing-size"
    severity = Severity.ERROR
    attribute = "size"
