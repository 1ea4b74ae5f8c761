from __future__ import annotations

from listlint.checks.negative_stock import NegativeStock
from listlint.testing import run_check


def test_negative_listing_stock_fires() -> None:
    (finding,) = run_check(NegativeStock, {"id": "T1", "title": "Mug", "stock": -3})
    assert finding.message == "Stock is -3"
    assert finding.field == "stock"
    assert finding.variant_id is None


def test_zero_and_missing_stock_pass() -> None:
    assert run_check(NegativeStock, {"id": "T1", "title": "Mug", "stock": 0}) == []
    assert run_check(NegativeStock, {"id": "T1", "title": "Mug"}) == []


def test_each_negative_variant_is_reported_with_its_id() -> None:
    record = {
        "id": "T1",
        "title": "Mug",
        "stock": 5,
        "variants": [
            {"id": "V1", "stock": -1},
            {"id": "V2", "stock": 2},
            {"id": "V3", "stock": -4},
        ],
    }
    findings = run_check(NegativeStock, record)
    assert [(f.variant_id, f.message) for f in findings] == [
        ("V1", "Variant V1: stock is -1"),
        ("V3", "Variant V3: stock is -4"),
    ]
    assert {f.listing_id for f in findings} == {"T1"}


def test_stock_written_as_text_is_read_as_a_number() -> None:
    assert run_check(NegativeStock, {"id": "T1", "title": "Mug", "stock": "-2"})
