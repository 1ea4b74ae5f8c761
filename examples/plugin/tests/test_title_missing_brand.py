"""Tests of the example check, with the helpers listlint ships for plugin authors."""

from __future__ import annotations

from listlint.testing import doc_problems, run_check

from listlint_example_plugin import CHECKS, TitleMissingBrand


def test_docstring_and_examples() -> None:
    # The house format: code, name, the four sections, and examples that fail and pass.
    assert doc_problems(TitleMissingBrand) == []


def test_registered_for_the_entry_point() -> None:
    assert [TitleMissingBrand] == CHECKS


def test_brand_found_whatever_its_spelling() -> None:
    record = {"id": "D1", "title": "BLACK + DECKER 18V Cordless Drill", "brand": "Black+Decker"}
    assert run_check(TitleMissingBrand, record) == []


def test_finding_names_the_brand() -> None:
    record = {"id": "D1", "title": "18V Cordless Drill", "brand": "Black+Decker"}
    [finding] = run_check(TitleMissingBrand, record)
    assert (finding.code, finding.field) == ("EX101", "title")
    assert "'Black+Decker'" in finding.message


def test_skip_brands_option() -> None:
    record = {"id": "D1", "title": "18V Cordless Drill", "brand": "House Brand"}
    assert run_check(TitleMissingBrand, record, options={"skip-brands": ["house brand"]}) == []


def test_no_brand_no_finding() -> None:
    assert run_check(TitleMissingBrand, {"id": "D1", "title": "Cordless Drill"}) == []
