from __future__ import annotations

from listlint.checks.missing_material import MissingMaterial
from listlint.testing import run_check


def test_offers_the_composition_the_description_states() -> None:
    (finding,) = run_check(
        MissingMaterial,
        {
            "id": "T1",
            "title": "Hoodie",
            "category": "Men/Hoodies",
            "description": "Soft and warm. Composition: 80% cotton, 20% polyester.",
        },
    )
    assert finding.message.endswith(
        "; the description says '80% cotton', '20% polyester': "
        "add material=80% cotton, 20% polyester"
    )


def test_a_lining_is_not_offered() -> None:
    (finding,) = run_check(
        MissingMaterial,
        {
            "id": "T1",
            "title": "Parka",
            "category": "Coats",
            "description": "Lining: 100% polyester.",
        },
    )
    assert "says" not in finding.message


def test_the_material_attribute_named_in_the_sellers_language() -> None:
    for name in ("Matière", "materiale", "Obermaterial", "composición", "材质"):
        record = {
            "id": "T1",
            "title": "Hoodie",
            "category": "Hoodies",
            "attributes": {name: "Coton"},
        }
        assert run_check(MissingMaterial, record) == [], name
