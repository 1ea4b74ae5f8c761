from __future__ import annotations

from listlint.check import Severity
from listlint.checks.stock_drop_to_zero import StockDropToZero
from listlint.testing import run_check


def test_stock_going_to_zero_is_info() -> None:
    before = {"id": "T1", "title": "Mug", "stock": 7}
    (finding,) = run_check(StockDropToZero, {**before, "stock": 0}, previous=before)
    assert finding.severity is Severity.INFO
    assert finding.message == "Stock dropped from 7 to 0 since the previous version"
    assert finding.field == "stock"


def test_other_stock_moves_pass() -> None:
    for old, new in ((7, 3), (0, 0), (None, 0), (7, None), (-2, 0), (0, 5)):
        before = {"id": "T1", "title": "Mug", "stock": old}
        assert run_check(StockDropToZero, {**before, "stock": new}, previous=before) == []


def test_silent_without_a_previous_version() -> None:
    assert run_check(StockDropToZero, {"id": "T1", "title": "Mug", "stock": 0}, previous=[]) == []


def test_variants_by_id() -> None:
    before = {
        "id": "T1",
        "title": "Tee",
        "variants": [{"id": "S", "stock": 4}, {"id": "M", "stock": 2}],
    }
    now = {
        "id": "T1",
        "title": "Tee",
        "variants": [{"id": "M", "stock": 0}, {"id": "S", "stock": 4}],
    }
    (finding,) = run_check(StockDropToZero, now, previous=before)
    assert (finding.variant_id, finding.field) == ("M", "variants.stock")
    assert finding.message == "Variant M: stock dropped from 2 to 0 since the previous version"
