"""What color-conflict, material-conflict and size-conflict share: compare what the title and
the description state with what the attributes (or the variants) say.

The attributes are the reference: a title or description statement conflicts when it agrees
with none of the attribute's values (for variants: none of the variants has it). A listing
without the attribute on the listing or on every variant is compared title against
description instead. Values the extractor could not read ("Heritage") make the reference
incomplete, and nothing is concluded from it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, ClassVar

from listlint.check import Check, CheckContext, Finding
from listlint.model import Listing
from listlint.text._reading import sentence_around
from listlint.text.html import strip_html
from listlint.text.specs import NO_EXTRAS, Extras, ListingSpecs, Reference, listing_specs
from listlint.text.values import Stated


class ConflictCheck(Check):
    """Base of the checks that compare stated values of one ``kind`` across a listing."""

    kind: ClassVar[str]
    # How the kind is named in messages: "color", "material", "size".
    noun: ClassVar[str]

    # A malformed option is reported (as a crash) on the first listing only.
    _broken_options: bool = False

    @classmethod
    def check_options(cls, options: Mapping[str, Any]) -> None:
        Extras.from_options(options)  # "dune" without "=beige" is a config error, not a crash

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        if self._broken_options:
            return
        try:
            extras = self.extras(ctx)
        except ValueError:
            self._broken_options = True
            raise
        specs = listing_specs(listing, extras)
        reference = specs.reference(self.kind)
        if reference is not None and not (reference.complete and reference.values):
            return
        title = specs.groups(self.kind, "title")
        if reference is None and not title:
            return  # nothing to compare a statement with: the description is not even read
        for field in ("title", "description"):
            against: Reference | tuple[Stated, ...] | None = reference
            if against is None:
                if field == "title":
                    continue
                against = tuple(s for g in title for s in g)
            # Each value once: a title that repeats one colour thousands of times would
            # otherwise be compared in full with every sentence of the description.
            values = (
                against.values
                if isinstance(against, Reference)
                else list(dict.fromkeys(s.value for s in against))
            )
            # Only the description's groups that may disagree are read.
            groups = title if field == "title" else specs.groups_against(self.kind, field, values)
            if not groups:
                continue
            wrong = [
                specs.disagreeing(self.kind, g)
                for g in groups
                if specs.agrees(self.kind, g, values) is False
            ]
            if wrong:
                yield self._finding(listing, specs, field, wrong, against)

    def extras(self, ctx: CheckContext) -> Extras:
        options = ctx.options
        if not options.get("extra-colors") and not options.get("extra-materials"):
            return NO_EXTRAS
        return Extras.from_options(options)

    def _finding(
        self,
        listing: Listing,
        specs: ListingSpecs,
        field: str,
        wrong: Sequence[Sequence[Stated]],
        against: Reference | tuple[Stated, ...],
    ) -> Finding:
        stated = _quote_stated(wrong, specs if field == "description" else None, listing)
        where = field.capitalize()
        if isinstance(against, Reference):
            shown = ", ".join(against.texts)
            if against.where == "variants":
                other = f"the variant {self.noun}s are {shown}"
                fix = (
                    f"Correct the {field} to a {self.noun} the variants have ({shown}), or add a "
                    f"variant in {_first(wrong)} if the item comes in it"
                )
            else:
                other = f"attribute {self.noun} is {shown!r}"
                fix = (
                    f"Make the {field} and the {self.noun} attribute agree: change {_first(wrong)} "
                    f"in the {field}, or set {self.noun} to what the item really is"
                )
        else:
            shown = ", ".join(dict.fromkeys(s.text for s in against))
            other = f"the title says {shown!r}"
            fix = (
                f"Make the title and the description name the same {self.noun}, and add a "
                f"'{self.noun}' attribute"
            )
        return self.finding(listing, f"{where} says {stated} but {other}", field=field, fix=fix)


def _first(wrong: Sequence[Sequence[Stated]]) -> str:
    return repr(wrong[0][0].text)


def _quote_stated(
    wrong: Sequence[Sequence[Stated]], described: ListingSpecs | None, listing: Listing
) -> str:
    """'red', or for a description: 'Light blue' ('Light blue 1/4 zip pullover.')."""
    quoted = ", ".join(repr(t) for t in dict.fromkeys(s.text for group in wrong for s in group))
    if described is None:
        return quoted
    first = wrong[0][0]
    sentence = sentence_around(strip_html(listing.description), first.start, first.end)
    if sentence.rstrip(".") == first.text:
        return quoted  # the sentence is the statement: "100% wool."
    return f"{quoted} ({sentence!r})"
