"""listlint.testing: the helpers plugin authors use to test their checks."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from listlint.check import Check, CheckContext, Finding, Severity
from listlint.model import Listing, RecordError
from listlint.testing import doc_problems, examples, run_check


class LongTitle(Check):
    """A title longer than the option ``limit``.

    What it does:
        Counts characters.

    Why it matters:
        Testing the helpers.

    Example:
        Prose lines in the section are skipped.
        fails: {"id": "A", "title": "abcdef"}
        fails: [{"id": "A", "title": "ab"}, {"id": "B", "title": "abcdef"}]
        passes: {"id": "A", "title": "abc"}

    Fix:
        Shorten it.
    """

    code = "ZZ901"
    name = "long-title"
    severity = Severity.INFO
    options = {"limit": 5}  # noqa: RUF012

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        if len(listing.title) > ctx.options["limit"]:
            yield self.finding(listing, "too long", field="title", fix="shorten")


class SameTitle(Check):
    """Two listings with one title.

    What it does:
        Remembers titles, reports at the end.

    Why it matters:
        Testing finish().

    Example:
        fails: [{"id": "A", "title": "Mug"}, {"id": "B", "title": "Mug"}]
        passes: [{"id": "A", "title": "Mug"}, {"id": "B", "title": "Cup"}]

    Fix:
        Rename one.
    """

    code = "ZZ902"
    name = "same-title"

    def __init__(self) -> None:
        self.seen: dict[str, Listing] = {}
        self.twice: list[Listing] = []

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        if listing.title in self.seen:
            self.twice.append(listing)
        self.seen.setdefault(listing.title, listing)
        return iter(())

    def finish(self, ctx: CheckContext) -> Iterator[Finding]:
        for listing in self.twice:
            yield self.finding(listing, "same title", field="title", fix="rename")


def test_examples_parse_objects_and_catalogs() -> None:
    failing, passing = examples(LongTitle)
    assert failing == [
        {"id": "A", "title": "abcdef"},
        [{"id": "A", "title": "ab"}, {"id": "B", "title": "abcdef"}],
    ]
    assert passing == [{"id": "A", "title": "abc"}]


def test_examples_reject_broken_json() -> None:
    class Broken(LongTitle):
        """Broken.

        Example:
            fails: {"id": "A", "title": }
        """

    with pytest.raises(ValueError, match="not valid JSON"):
        examples(Broken)


def test_run_check_on_one_record_and_on_a_catalog() -> None:
    (finding,) = run_check(LongTitle, {"id": "A", "title": "abcdef"})
    assert (finding.code, finding.listing_id) == ("ZZ901", "A")
    assert (finding.source.path, finding.source.line) == ("<example>", 1)
    findings = run_check(LongTitle, [{"id": "A", "title": "ab"}, {"id": "B", "title": "abcdef"}])
    assert [(f.listing_id, f.source.line) for f in findings] == [("B", 2)]


def test_run_check_merges_options_over_defaults() -> None:
    assert run_check(LongTitle, {"id": "A", "title": "abcdef"}, options={"limit": 10}) == []


def test_run_check_rejects_unknown_options() -> None:
    with pytest.raises(ValueError, match="no option 'limt'"):
        run_check(LongTitle, {"id": "A", "title": "abc"}, options={"limt": 10})


def test_run_check_calls_finish_on_one_instance() -> None:
    catalog = [{"id": "A", "title": "Mug"}, {"id": "B", "title": "Mug"}]
    assert [f.listing_id for f in run_check(SameTitle, catalog)] == ["B"]
    # A fresh instance per run: state does not leak from the previous call.
    assert run_check(SameTitle, [{"id": "C", "title": "Mug"}]) == []


def test_run_check_raises_on_unusable_records() -> None:
    with pytest.raises(RecordError, match="title"):
        run_check(LongTitle, {"id": "A"})


def test_run_check_uses_the_named_profile() -> None:
    class ProfileName(LongTitle):
        def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
            yield self.finding(listing, ctx.profile.name, field="title", fix="-")

    assert run_check(ProfileName, {"id": "A", "title": "x"})[0].message == "generic"


def test_doc_problems_passes_a_good_check() -> None:
    assert doc_problems(LongTitle) == []
    assert doc_problems(SameTitle) == []


def test_doc_problems_names_each_problem() -> None:
    class Bad(Check):
        """no full stop

        What it does:
            Nothing.

        Example:
            fails: {"id": "A", "title": "x"}
        """

        code = "L1"
        name = "Bad_Name"

        def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
            return iter(())

    problems = "\n".join(doc_problems(Bad))
    assert "code 'L1'" in problems
    assert "name 'Bad_Name'" in problems
    assert "one-sentence summary" in problems
    assert "Why it matters, Fix" in problems
    assert "'passes:'" in problems
    assert "does not fire" in problems
