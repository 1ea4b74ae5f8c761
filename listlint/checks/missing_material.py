from __future__ import annotations

from listlint.check import Severity
from listlint.checks._required_attribute import RequiredAttributeCheck


class MissingMaterial(RequiredAttributeCheck):
    """A product whose kind needs a material states none.

    What it does:
        Decides the product kind from the category (else the title, in several languages) and,
        when the profile requires a material for that kind, fires if neither the listing's
        attributes nor every one of its variants state one. The generic profile requires it for
        clothing, bags, home textiles and furniture. Attribute names are matched case-
        insensitively with their aliases.

    Why it matters:
        Buyers choose cotton over polyester and leather over PU on purpose; a missing
        material invites the wrong assumption and a return. Several marketplaces show
        material as a filter.

    Example:
        fails: {"id": "B1", "title": "City Tote Bag", "category": "Bags", "attributes": {"color": "Black"}}
        passes: {"id": "B1", "title": "City Tote Bag", "category": "Bags", "attributes": {"color": "Black", "material": "Canvas"}}

    Fix:
        Add a ``material`` attribute to the listing, or to every variant when variants differ.
    """

    code = "LL203"
    name = "missing-material"
    severity = Severity.WARNING
    attribute = "material"
