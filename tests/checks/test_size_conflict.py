from __future__ import annotations

from typing import Any

import pytest

from listlint.checks.size_conflict import SizeConflict
from listlint.testing import run_check


def _messages(**record: Any) -> list[str]:
    return [f.message for f in run_check(SizeConflict, {"id": "T1", **record})]


def _sizes(*sizes: str) -> list[dict[str, Any]]:
    return [{"attributes": {"size": s}} for s in sizes]


def test_title_size_none_of_the_variants_has() -> None:
    (finding,) = run_check(
        SizeConflict, {"id": "T1", "title": "Cotton Hoodie XL", "variants": _sizes("S", "M", "L")}
    )
    assert finding.message == "Title says 'XL' but the variant sizes are S, M, L"
    assert finding.field == "title"


def test_title_size_against_the_attribute() -> None:
    assert _messages(title="Running Shoes EU 42", attributes={"size": "40"}) == [
        "Title says 'EU 42' but attribute size is '40'"
    ]


def test_description_label_against_the_variants() -> None:
    assert _messages(title="Hoodie", description="Size: XL", variants=_sizes("S", "M")) == [
        "Description says 'Size: XL' but the variant sizes are S, M"
    ]


@pytest.mark.parametrize(
    "record",
    [
        {"title": "Cotton Hoodie XXL", "variants": _sizes("XL", "2XL")},
        {"title": "Hoodie", "description": "Fits sizes S-L.", "attributes": {"size": "XL"}},
        {"title": "Hoodie", "description": "Model wears size M.", "attributes": {"size": "L"}},
        {"title": "Hoodie", "description": "See the size chart.", "attributes": {"size": "L"}},
        {"title": "Jeans 32 inch waist", "attributes": {"size": "34"}},
        {"title": "Beanie One Size", "variants": _sizes("S", "M", "L")},
        {"title": "Beanie", "description": "Size: M", "attributes": {"size": "One Size"}},
        {"title": "iPhone XS Case", "attributes": {"size": "S"}},
        {"title": "Running Shoes US 9", "attributes": {"size": "42"}},
        {"title": "Hoodie S-XL", "variants": _sizes("M")},
        {"title": "Air Fryer XL 5.5L", "attributes": {"size": "5.5 L"}},
        {"title": "Hoodie XL", "variants": _sizes("32", "34")},  # letters and numbers
        {"title": "Hoodie XL", "attributes": {"size": "Regular"}},  # unknown: no conclusion
    ],
)
def test_compatibility_measurements_and_one_size_do_not_conflict(record: dict[str, Any]) -> None:
    assert _messages(**record) == []


def test_size_labels_in_other_languages() -> None:
    assert _messages(title="Camiseta talla M", language="es", attributes={"size": "L"})
    assert _messages(title="T-shirt taille L", language="fr", attributes={"size": "L"}) == []


def test_a_chinese_size_suffix() -> None:
    # 码 ("size") follows the letter size without a space.
    assert _messages(title="男士卫衣 XL码", language="zh-CN", attributes={"size": "M"}) == [
        "Title says 'XL' but attribute size is 'M'"
    ]
    assert _messages(title="男士卫衣 XL码", language="zh-CN", attributes={"size": "XL"}) == []
