from __future__ import annotations

from collections.abc import Iterator

from listlint.check import CheckContext, Finding, Severity
from listlint.checks._required_attribute import RequiredAttributeCheck
from listlint.model import Listing, canonical_attribute
from listlint.text.product_kind import product_kind

# Required attributes that have a rule of their own (missing-color, missing-size, ...).
_OWN_RULES = frozenset({"color", "size", "material"})


class MissingAttribute(RequiredAttributeCheck):
    """A product whose kind needs another attribute the profile requires states none.

    What it does:
        Decides the product kind like ``missing-color`` does and fires once for each attribute
        the profile's ``required-attributes`` table lists for that kind, other than color, size
        and material (which have their own rules), that neither the listing nor every one of
        its variants states. The generic profile requires no such attribute; the google
        profile requires ``gender`` and ``age_group`` for clothing and footwear, and a custom
        profile in the config may require any attribute.

    Why it matters:
        Google Merchant Center disapproves apparel without gender and age group, and a shop's
        own feed rules often demand more (a fit, a pattern, a care label): a listing that lacks
        them is refused or shown in fewer searches.

    Example:
        fails: {"id": "T1", "title": "Organic Cotton T-Shirt", "marketplace": "google", "attributes": {"color": "White", "size": "M", "material": "Cotton"}}
        passes: {"id": "T1", "title": "Organic Cotton T-Shirt", "marketplace": "google", "attributes": {"color": "White", "size": "M", "material": "Cotton", "gender": "unisex", "age_group": "adult"}}

    Fix:
        Add the attribute to the listing, or to every variant when variants differ.
    """

    code = "LL204"
    name = "missing-attribute"
    severity = Severity.WARNING
    attribute = ""

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        if ctx.profile.all_required_attributes <= _OWN_RULES:
            return  # the common case: the profile requires nothing beyond the three
        required = ctx.profile.required_attributes
        match = product_kind(listing.category, listing.title, listing.language)
        if match is None:
            return
        for attribute in required.get(match.kind, ()):
            name = canonical_attribute(attribute)
            if name not in _OWN_RULES and not listing.has_attribute(name):
                yield self.missing(listing, ctx, match, name)
