"""What missing-color, missing-size and missing-material share: the profile's requirement table.

When the title or description states the missing value ("White Plimsolls"), the message and
the fix offer it ("the title says 'White': add color=White"); that never changes whether the
check fires.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from listlint.check import Check, CheckContext, Finding
from listlint.model import Listing
from listlint.text.product_kind import KindMatch, product_kind
from listlint.text.specs import suggest

_SINGULAR = {"bags": "bag", "home-textiles": "home textile"}
# The attributes whose value the title or description can state (listlint.text.specs).
_SUGGESTED = frozenset({"color", "size", "material"})


class RequiredAttributeCheck(Check):
    """Base of the checks that fire when the profile requires ``attribute`` for a product kind."""

    attribute: ClassVar[str]

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        if listing.has_attribute(self.attribute):
            return
        match = product_kind(listing.category, listing.title, listing.language)
        if match is None or self.attribute not in ctx.profile.required_attributes.get(
            match.kind, ()
        ):
            return
        yield self.missing(listing, ctx, match, self.attribute)

    def missing(
        self, listing: Listing, ctx: CheckContext, match: KindMatch, attribute: str
    ) -> Finding:
        """The finding for ``listing`` of kind ``match`` that lacks the required ``attribute``."""
        kind = match.kind.replace("-", " ")
        label = _SINGULAR.get(match.kind, kind)
        reason = f"{match.where} '{match.word}'"
        lacking = [v for v in listing.variants if not v.attributes.get(attribute)]
        if listing.variants and len(lacking) < len(listing.variants):
            where = f"{len(lacking)} of {len(listing.variants)} variants have no {attribute}"
            fix = f"Add '{attribute}' to every variant, or to the listing's attributes"
        else:
            where = f"no {attribute} in its attributes or variants"
            article = "an" if attribute[:1] in "aeiou" else "a"
            fix = f"Add {article} '{attribute}' attribute (to the listing, or to every variant)"
        message = (
            f"{label.capitalize()} listing ({reason}) has {where}; {ctx.profile.label} "
            f"requires {attribute} for {kind}"
        )
        stated = suggest(listing, attribute) if attribute in _SUGGESTED else None
        if stated is not None:
            # The text already says it: offer the value instead of a bare "add an attribute".
            message += f"; the {stated.field} says {stated.quoted}: add {attribute}={stated.value}"
            fix = (
                f"Add {attribute}={stated.value} (the {stated.field} says {stated.quoted}) "
                f"to the listing's attributes, or to every variant"
            )
        return self.finding(listing, message, field=f"attributes.{attribute}", fix=fix)
