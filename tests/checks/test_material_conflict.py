from __future__ import annotations

from typing import Any

import pytest

from listlint.checks.material_conflict import MaterialConflict
from listlint.testing import run_check


def _messages(options: dict[str, Any] | None = None, **record: Any) -> list[str]:
    return [f.message for f in run_check(MaterialConflict, {"id": "T1", **record}, options=options)]


def test_title_against_the_attribute() -> None:
    (finding,) = run_check(
        MaterialConflict,
        {"id": "T1", "title": "Cotton Tee", "attributes": {"material": "Polyester"}},
    )
    assert finding.message == "Title says 'Cotton' but attribute material is 'Polyester'"
    assert finding.field == "title"


def test_description_composition_against_the_attribute() -> None:
    assert _messages(
        title="Sweater", description="100% wool.", attributes={"material": "Polyester"}
    ) == ["Description says '100% wool' but attribute material is 'Polyester'"]


def test_a_stated_material_conflicts_even_when_another_sentence_agrees() -> None:
    record = {
        "title": "Sparta Gym Tank",
        "description": "The tank is made with thin, light, merino wool. • Green polyester tank.",
        "attributes": {"material": "Polyester"},
    }
    (message,) = _messages(**record)
    assert message.startswith("Description says 'merino wool'")


def test_the_material_of_most_of_a_blend_must_be_in_the_attribute() -> None:
    record = {"title": "Short", "description": "76% nylon / 24% spandex."}
    assert _messages(**record, attributes={"material": ["Cotton", "Spandex"]})
    assert _messages(**record, attributes={"material": ["Nylon"]}) == []


@pytest.mark.parametrize(
    "record",
    [
        {"title": "Cotton Tee", "attributes": {"material": "60% Cotton, 40% Polyester"}},
        {
            "title": "Tee",
            "description": "60% cotton, 40% polyester.",
            "attributes": {"material": "Cotton"},
        },
        {
            "title": "Tee",
            "description": "95% cotton, 5% elastane.",
            "attributes": {"material": "Cotton"},
        },
        {
            "title": "Parka",
            "description": "Cotton with polyester lining.",
            "attributes": {"material": "Cotton"},
        },
        {
            "title": "Jacket",
            "description": "Shell: nylon; lining: polyester",
            "attributes": {"material": "Nylon"},
        },
        {
            "title": "Cushion",
            "description": "Filling 100% polyester.",
            "attributes": {"material": "Cotton"},
        },
        {"title": "Faux Leather Jacket", "attributes": {"material": "PU"}},
        {"title": "Leather-look Skirt", "attributes": {"material": "Polyurethane"}},
        {"title": "Cotton-feel Tee", "attributes": {"material": "Polyester"}},
        {"title": "Sneakers, not leather", "attributes": {"material": "Synthetic"}},
        {"title": "Leather-free Sneakers", "attributes": {"material": "Synthetic"}},
        {"title": "Soldadura sin plomo", "language": "es", "attributes": {"material": "Estaño"}},
        {"title": "Canvas Tote Bag", "attributes": {"material": "Cotton"}},
        {
            "title": "Tote Bag",
            "description": "Made of 100% cotton.",
            "attributes": {"material": "Canvas"},
        },
        {"title": "Fleece Jacket", "attributes": {"material": "Polyester"}},
        {"title": "Merino Sweater", "attributes": {"material": "Wool"}},
        {"title": "Watch with Leather Strap", "attributes": {"material": "Stainless steel"}},
        {"title": "Canvas Sneakers with Rubber Sole", "attributes": {"material": "Canvas"}},
        {"title": "Gold Plated Necklace", "attributes": {"material": "Brass"}},
        {"title": "Leather Cleaner 250ml", "attributes": {"material": "Plastic"}},
        {
            "title": "Jacket",
            "description": "The packaging is made from recycled cardboard.",
            "attributes": {"material": "Polyester"},
        },
        {
            "title": "Tank",
            "attributes": {"material": ["LumaTech™", "Polyester"]},
            "description": "100% polyester.",
        },
    ],
)
def test_blends_linings_imitations_and_negations_do_not_conflict(record: dict[str, Any]) -> None:
    assert _messages(**record) == []


def test_trade_names_do_not_excuse_a_missing_material() -> None:
    record = {"title": "Tank", "description": "Royal crewneck cotton tank."}
    assert _messages(**record, attributes={"material": ["LumaTech&trade;", "Polyester"]}) == [
        "Description says 'cotton' ('Royal crewneck cotton tank.') "
        "but attribute material is 'LumaTech™, Polyester'"
    ]


def test_an_attribute_fleece_says_polyester_but_a_text_fleece_may_be_cotton() -> None:
    assert _messages(title="Fleece Hoodie", attributes={"material": "Cotton"}) == []
    assert _messages(
        title="Tight",
        description="Breathable stretch organic cotton/spandex.",
        attributes={"material": ["Fleece", "Polyester"]},
    )


def test_an_unknown_attribute_value_stops_the_comparison() -> None:
    assert _messages(title="Cotton Tee", attributes={"material": "Blend"}) == []


@pytest.mark.parametrize(
    ("title", "language", "material"),
    [
        ("Camiseta de algodón", "es", "Poliéster"),
        ("T-shirt en coton", "fr", "Polyester"),
        ("Pullover aus Wolle", "de", "Polyester"),
        ("Borsa in pelle", "it", "Poliestere"),
        ("Футболка хлопковая", "ru", "Полиэстер"),
        ("纯棉T恤", "zh-Hans", "涤纶"),
    ],
)
def test_conflicts_in_several_languages(title: str, language: str, material: str) -> None:
    assert len(_messages(title=title, language=language, attributes={"material": material})) == 1


def test_extra_materials_option() -> None:
    record = {"title": "Coolmax Running Tee", "attributes": {"material": "Cotton"}}
    assert _messages(**record) == []
    assert _messages({"extra-materials": ["coolmax=polyester"]}, **record) == [
        "Title says 'Coolmax' but attribute material is 'Cotton'"
    ]


@pytest.mark.parametrize(
    "title", ["Steel Series Arctis Headset Cushions", "SteelSeries Arctis Cushions"]
)
def test_a_name_matches_however_it_is_spaced(title: str) -> None:
    # names.toml lists "steel series" and "steelseries"; either spelling covers both.
    assert _messages(title=title, attributes={"material": "Foam"}) == []


@pytest.mark.parametrize(
    ("title", "language", "material"),
    [
        ("Kids Down Jacket Red", "en", "Polyester"),
        ("Goose Down Duvet 200 x 200 cm", "en", "Cotton"),
        ("儿童羽绒服 红色", "zh-CN", "聚酯纤维"),
    ],
)
def test_down_names_the_filling_not_the_shell(title: str, language: str, material: str) -> None:
    assert _messages(title=title, language=language, attributes={"material": material}) == []
