"""measurement-conflict (LL304): one spec, two values that disagree after unit conversion."""

from __future__ import annotations

from typing import Any

import pytest

from listlint.checks.measurement_conflict import MeasurementConflict
from listlint.testing import run_check


def _messages(options: dict[str, Any] | None = None, **record: Any) -> list[str]:
    record.setdefault("id", "M1")
    record.setdefault("title", "Product")
    return [f.message for f in run_check(MeasurementConflict, record, options=options)]


def _variants(*attributes: dict[str, str]) -> list[dict[str, Any]]:
    return [{"id": f"V{i}", "attributes": a} for i, a in enumerate(attributes, 1)]


# --- conflicts ------------------------------------------------------------------------------------


def test_title_against_attribute_names_both_sides_and_converts() -> None:
    (message,) = _messages(
        title="Samsung 55 inch 4K Smart TV", attributes={"screen_size": "120 cm"}
    )
    assert message == "Title says 55 inch (139.7 cm) but attribute screen_size is 120 cm"


def test_pixels_against_megapixels() -> None:
    (message,) = _messages(
        title="Compact Camera",
        description="<p>A 12.1 MP sensor.</p>",
        attributes={"megapixels": "16,000,000"},
    )
    assert "12.1 MP" in message and "16,000,000" in message and "16 MP" in message


@pytest.mark.parametrize(
    ("record", "quoted"),
    [
        ({"title": "Electric Kettle 1.7L", "attributes": {"capacity": "1.2 l"}}, "1.2 l"),
        (
            {"title": "Kettle", "description": "It weighs 2 kg.", "attributes": {"weight": "3 kg"}},
            "3 kg",
        ),
        ({"title": "Laptop 8GB RAM 512GB SSD", "attributes": {"storage": "256 GB"}}, "256 GB"),
        ({"title": "Blender 1500W", "attributes": {"wattage": "1000W"}}, "1000W"),
        ({"title": "Cordless Drill 18V", "attributes": {"voltage": "12 V"}}, "12 V"),
        (
            {"title": "Power Bank 20000mAh", "attributes": {"battery_capacity": "10000 mAh"}},
            "10000 mAh",
        ),
        ({"title": "Socks, Pack of 3", "attributes": {"pack_size": "2"}}, "2"),
        (
            {
                "title": "Fernseher 55 Zoll",
                "attributes": {"Bildschirmdiagonale": "65 Zoll"},
                "language": "de",
            },
            "65 Zoll",
        ),
        ({"title": "Rug 160 x 230 cm", "attributes": {"size": "120 x 170 cm"}}, "120 x 170 cm"),
        (
            {
                "title": "Desk Lamp",
                "description": "Height: 45 cm.",
                "attributes": {"height": "60 cm"},
            },
            "60 cm",
        ),
        ({"title": "Stasis Ball 65 cm", "attributes": {"size": "55 cm"}}, "55 cm"),
        # An article before the spec word, as noun-first languages put it.
        (
            {
                "title": "Bouilloire électrique 1,7 L",
                "description": "Bouilloire en inox d'une capacité de 1 litre.",
                "language": "fr",
            },
            "1 litre",
        ),
        (
            {
                "title": "Hervidor eléctrico 1,7 L",
                "description": "Hervidor con una capacidad de 1 litro.",
                "language": "es",
            },
            "1 litro",
        ),
    ],
)
def test_conflicts(record: dict[str, Any], quoted: str) -> None:
    (message,) = _messages(**record)
    assert quoted in message


def test_title_value_that_no_variant_has() -> None:
    variants = _variants({"weight": "8 kg"}, {"weight": "12 kg"})
    (message,) = _messages(title="Kettlebell 16 kg", variants=variants)
    assert message == "Title says 16 kg but variant attribute weight is 8 kg or 12 kg"
    assert _messages(title="Kettlebell 12 kg", variants=variants) == []


def test_one_finding_per_spec_on_the_first_field() -> None:
    findings = run_check(
        MeasurementConflict,
        {
            "id": "M1",
            "title": "Kettle 1.7L 2200W",
            "description": "A 1.5 L kettle.",
            "attributes": {"capacity": "1.2 l", "wattage": "1500 W"},
        },
    )
    assert sorted(f.message for f in findings) == [
        "Title says 1.7L but attribute capacity is 1.2 l",
        "Title says 2200W but attribute wattage is 1500 W",
    ]
    assert {f.field for f in findings} == {"title"}
    assert all(f.fix.startswith("Make the ") for f in findings)


def test_tolerance_option() -> None:
    record = {"title": "Dumbbell 2.00 kg", "attributes": {"weight": "2.10 kg"}}
    assert _messages(**record)
    assert _messages({"tolerance": 0.05}, **record) == []


# --- rounding ------------------------------------------------------------------------------------


@pytest.mark.parametrize("centimetres", ["139.7 cm", "139 cm", "140 cm", "1397 mm", "1.4 m"])
def test_rounding_is_no_conflict(centimetres: str) -> None:
    assert _messages(title="Smart TV 55 inch", attributes={"screen_size": centimetres}) == []


def test_rounded_weights_and_units() -> None:
    record = {"title": "Travel Hair Dryer", "description": "Lightweight at 450g."}
    assert _messages(**record, attributes={"weight": "1 lb"}) == []
    assert _messages(title="Vacuum 25V", attributes={"voltage": "25.2V Lithium"}) == []
    assert _messages(title="Kettle 1.5L", attributes={"capacity": "1500 ml"}) == []
    assert _messages(title="Tumbler", attributes={"capacity": "20 oz", "volume": "591 ml"}) == []


def test_tower_fan_of_100_cm_that_is_40_2_in_high() -> None:
    # A bare length in a title names no dimension, and 100 cm is within rounding of 102.1 cm.
    variants = _variants({"height": "40.2 in", "width": "12.2 in", "depth": "12.2 in"})
    assert _messages(title="Tower Fan 100cm", variants=variants) == []


def test_approximate_values_get_a_wider_tolerance() -> None:
    record = {
        "title": "Bag",
        "description": "Weighs approx. 2 kg.",
        "attributes": {"weight": "2.15 kg"},
    }
    assert _messages(**record) == []


# --- false positives guarded ---------------------------------------------------------------------


def test_what_the_item_fits_is_not_its_size() -> None:
    assert (
        _messages(
            title="Laptop Sleeve",
            description="Fits 13-15 inch laptops.",
            attributes={"size": "38 cm", "width": "38 cm"},
        )
        == []
    )
    assert (
        _messages(
            title="Case for iPhone 15, 6.1 inch",
            attributes={"screen_size": "6.7 in", "size": "15 cm"},
        )
        == []
    )
    assert _messages(title='55" TV Wall Mount', attributes={"screen_size": "32-65 in"}) == []


def test_up_to_is_a_bound() -> None:
    description = "Charges at up to 40 W; 36 W typical."
    assert (
        _messages(title="USB-C Charger", description=description, attributes={"power": "36 W"})
        == []
    )
    assert _messages(title="Speaker up to 40 W", attributes={"power": "36 W"}) == []
    assert _messages(title="Speaker up to 40 W", attributes={"power": "60 W"})


def test_several_items_with_different_sizes() -> None:
    record = {
        "title": "Set of 3 Bowls",
        "description": "Set of 3 bowls: 12, 15 and 18 cm.",
        "attributes": {"diameter": "15 cm", "size": "18 cm"},
    }
    assert _messages(**record) == []
    # A description that gives a spec two values is left out for that spec.
    record = {
        "title": "Bowl",
        "description": "Small bowl height: 8 cm. Large bowl height: 12 cm.",
        "attributes": {"height": "10 cm"},
    }
    assert _messages(**record) == []


def test_variants_with_different_dimensions() -> None:
    variants = _variants(
        {"dimension": "40x60cm"}, {"dimension": "60x90cm"}, {"dimension": "80x120cm"}
    )
    assert _messages(title="Framed Poster 60x90cm", variants=variants) == []
    assert _messages(title="Framed Poster 50x70cm", variants=variants)
    assert _messages(title="Framed Poster", variants=variants) == []


def test_overlapping_voltage_ranges() -> None:
    assert _messages(title="Kettle 110-240V", attributes={"voltage": "220-240V"}) == []
    assert (
        _messages(
            title="Travel Hair Dryer",
            description="Dual voltage (110/220V).",
            attributes={"voltage": "110-240V"},
        )
        == []
    )
    assert _messages(title="Kettle 110-120V", attributes={"voltage": "220-240V"})


def test_box_against_product() -> None:
    record = {
        "title": "Storage Box 30L",
        "description": "Package dimensions: 45 x 35 x 30 cm. Shipping weight: 2.5 kg.",
        "attributes": {"capacity": "30 l", "dimensions": "40 x 30 x 25 cm", "weight": "1.8 kg"},
    }
    assert _messages(**record) == []
    record = {
        "title": "Blender 2L",
        "attributes": {"capacity": "2 l", "package_weight": "4 kg", "weight": "3 kg"},
    }
    assert _messages(**record) == []


def test_parts_and_batteries() -> None:
    assert (
        _messages(
            title="Dual Basket Air Fryer 8L",
            description="Two independent 4L baskets.",
            attributes={"capacity": "8L"},
        )
        == []
    )
    assert (
        _messages(
            title="Remote Control",
            description="Uses 2 x 1.5 V batteries.",
            attributes={"voltage": "3 V"},
        )
        == []
    )
    assert (
        _messages(
            title="Steam Iron 2400W",
            description="150g steam boost and 45g/min continuous steam.",
            attributes={"weight": "1.2 kg"},
        )
        == []
    )
    assert _messages(title="LED Bulb 9W (60W equivalent)", attributes={"wattage": "9 W"}) == []


@pytest.mark.parametrize(
    "title",
    [
        "Dell XPS 13 Laptop",
        "Samsung Galaxy S24",
        "Apple iPhone 15",
        "Lime 1/4 zip pullover",
        "24/7 Support 3D 5G Wi-Fi 6 Router 2024",
        "Multigroom Kit 10-in-1",
        "Gift card 100",
        "Paul's Balance 420",
    ],
)
def test_numbers_without_units(title: str) -> None:
    attributes = {"screen_size": "14 in", "storage": "512 GB", "weight": "1 kg", "size": "50 cm"}
    assert _messages(title=title, description="Only $19.99.", attributes=attributes) == []


def test_pack_of_several_states_one_item_or_all() -> None:
    assert _messages(title="Water, Pack of 6, 500 ml", attributes={"capacity": "3 l"}) == []
    assert _messages(title="Water, Pack of 6, 500 ml", attributes={"capacity": "750 ml"})


def test_ounces_that_may_be_fluid() -> None:
    assert _messages(title="Tumbler 20 oz", attributes={"weight": "0.9 lb"}) == []


def test_other_versions_and_parts_in_the_description() -> None:
    record = {
        "title": "Smart TV 55 inch",
        "description": "Also available in 65 inch.",
        "attributes": {"screen_size": "55 in"},
    }
    assert _messages(**record) == []
    record = {
        "title": "Office Chair",
        "description": "Seat height: 45 cm.",
        "attributes": {"height": "110 cm"},
    }
    assert _messages(**record) == []


def test_ram_is_not_storage() -> None:
    assert (
        _messages(title="Laptop 8GB RAM 256GB SSD", attributes={"storage": "256 GB", "ram": "8 GB"})
        == []
    )
    assert _messages(title="Tablet 16 GB", attributes={"storage": "128 GB"}) == []


def test_chargers_have_two_voltages() -> None:
    record = {"title": "USB Charger 5V 2A", "attributes": {"voltage": "100-240V"}}
    assert _messages(**record) == []


def test_rounding_never_stretches_a_round_number() -> None:
    # "1kg" is 1 kg, not anything from 0.5 to 1.5 kg.
    assert _messages(title="Coffee Beans 1kg", attributes={"net_weight": "500 g"})
    assert _messages(title="Coffee Beans 1kg", attributes={"net_weight": "1000 g"}) == []


def test_dimensions_against_width_height_and_depth() -> None:
    sides = {"width": "40 cm", "height": "30 cm", "depth": "20 cm"}
    record = {"title": "Storage Box", "description": "Dimensions: 40 x 30 x 20 cm."}
    assert _messages(**record, attributes=sides) == []
    (message,) = _messages(**record, attributes={**sides, "width": "50 cm"})
    assert message == (
        "Description says 40 x 30 x 20 cm but attributes width, height, depth are 50 x 30 x 20 cm"
    )


def test_labelled_dimensions_name_their_unit() -> None:
    record = {
        "title": "Sofa",
        "description": "Overall: W 210 x D 90 x H 85 cm.",
        "attributes": {"width": "180 cm"},
    }
    assert _messages(**record) == ["Description says 210 cm but attribute width is 180 cm"]


@pytest.mark.parametrize(
    "record",
    [
        {
            "title": "Power Bank 10000mAh",
            "description": "Charges an iPhone 15 (3,349mAh) about 2 times.",
            "attributes": {"battery_capacity": "10000 mAh"},
        },
        {
            "title": "Oil Radiator",
            "description": "Uses less energy than a 2000W heater.",
            "attributes": {"wattage": "1500 W"},
        },
        {
            "title": "Electric Toothbrush",
            "description": "Charging base 100-240V.",
            "attributes": {"voltage": "3.7 V"},
        },
    ],
)
def test_other_things_in_the_description(record: dict[str, Any]) -> None:
    assert _messages(**record) == []


def test_a_sibling_attribute_gives_the_unit() -> None:
    assert _messages(title="Coffee 1kg", attributes={"weight": "500", "weight_unit": "g"}) == [
        "Title says 1kg (1000 g) but attribute weight is 500 g"
    ]
    assert _messages(title="Coffee 1kg", attributes={"weight": "1000", "weight_unit": "g"}) == []
    assert _messages(title="Coffee 1kg", attributes={"weight": "1"}) == []  # no unit: not read
