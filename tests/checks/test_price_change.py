from __future__ import annotations

import pytest

from listlint.checks.price_change import PriceChange
from listlint.checks.stale_listing import StaleListing
from listlint.testing import example_context, run_check

BEFORE = {"id": "T1", "title": "Mug", "price": 20.0, "sale_price": 15.0, "currency": "EUR"}


def _now(**changes: object) -> dict[str, object]:
    return {**BEFORE, **changes}


def test_a_price_that_jumps_names_old_and_new() -> None:
    (finding,) = run_check(PriceChange, _now(price=30.0), previous=BEFORE)
    assert finding.field == "price"
    assert finding.message == (
        "Price moved from 20 to 30 (+50%), more than 30% since the previous version"
    )


def test_a_price_that_collapses_fires_too() -> None:
    (finding,) = run_check(PriceChange, _now(price=2.0, sale_price=None), previous=BEFORE)
    assert "from 20 to 2 (-90%)" in finding.message


def test_sale_price_moves_are_compared() -> None:
    (finding,) = run_check(PriceChange, _now(sale_price=5.0), previous=BEFORE)
    assert finding.field == "sale_price"
    assert finding.message.startswith("Sale price moved from 15 to 5 (-67%)")


@pytest.mark.parametrize(
    "now",
    [
        _now(price=25.0),  # +25%: within the default 30
        _now(price=26.0),  # +30% exactly: not more than 30
        _now(price=None),  # removed: nothing to compare
        _now(sale_price=None),  # the sale ended: a promotion, not a price change
        _now(price=40.0, currency="USD"),  # another currency: numbers do not compare
    ],
)
def test_small_or_incomparable_changes_pass(now: dict[str, object]) -> None:
    assert run_check(PriceChange, now, previous=BEFORE) == []


def test_silent_without_a_previous_version_or_for_new_listings() -> None:
    assert run_check(PriceChange, _now(price=99.0), previous=[]) == []
    other = {"id": "OTHER", "title": "Mug", "price": 1.0}
    assert run_check(PriceChange, _now(price=99.0), previous=other) == []


def test_max_change_option() -> None:
    assert run_check(PriceChange, _now(price=25.0), previous=BEFORE, options={"max-change": 10})
    assert not run_check(PriceChange, _now(price=35.0), previous=BEFORE, options={"max-change": 80})


def test_bad_max_change_is_refused() -> None:
    with pytest.raises(ValueError, match="max-change"):
        run_check(PriceChange, BEFORE, previous=BEFORE, options={"max-change": 0})


def test_variants_are_matched_by_id_not_position() -> None:
    before = {
        "id": "T1",
        "title": "Tee",
        "price": 20.0,
        "variants": [{"id": "T1-S", "price": 10.0}, {"id": "T1-M", "price": 12.0}, {"price": 1.0}],
    }
    now = {
        "id": "T1",
        "title": "Tee",
        "price": 20.0,
        # Reordered; M tripled; a new L; a variant without id is never compared.
        "variants": [
            {"id": "T1-L", "price": 99.0},
            {"id": "T1-M", "price": 36.0},
            {"id": "T1-S", "price": 10.5},
            {"price": 50.0},
        ],
    }
    (finding,) = run_check(PriceChange, now, previous=before)
    assert finding.variant_id == "T1-M"
    assert finding.field == "variants.price"
    assert finding.message.startswith("Variant T1-M: price moved from 12 to 36 (+200%)")


def test_variant_prices_following_the_listing_are_reported_once() -> None:
    before = {"id": "T1", "title": "Tee", "price": 20.0, "variants": [{"id": "T1-S"}]}
    now = {"id": "T1", "title": "Tee", "price": 40.0, "variants": [{"id": "T1-S"}]}
    findings = run_check(PriceChange, now, previous=before)
    assert [f.field for f in findings] == ["price"]


def test_the_example_section_gives_the_previous_version() -> None:
    previous, options = example_context(PriceChange)
    assert previous == [{"id": "T1", "title": "Linen Shirt", "price": 30.0}]
    assert options is None
    assert example_context(StaleListing)[1] == {"today": "2026-11-27"}
