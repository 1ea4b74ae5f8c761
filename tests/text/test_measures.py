"""The measurement extractor: numbers with units, what they are about, and what is no measure."""

from __future__ import annotations

import pytest

from listlint.model import SourceLocation, build_listing
from listlint.text import measures
from listlint.text.measures import (
    EACH,
    LIST,
    OTHER,
    OWN,
    Measure,
    attribute_measures,
    find_measures,
    in_unit,
    listing_measures,
)


def _title(text: str, **kwargs: str) -> list[Measure]:
    return find_measures(text, "title", kind="title", **kwargs)


def _text(text: str, **kwargs: str) -> list[Measure]:
    return find_measures(text, "description", **kwargs)


def _one(measures: list[Measure]) -> Measure:
    assert len(measures) == 1, measures
    return measures[0]


# --- numbers and units ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "unit", "value"),
    [
        ("weighs 1,5 kg", "de", "kg", 1.5),
        ("weighs 1,5 kg", "en", "kg", 1.5),  # a comma before one or two digits is decimal
        ("1,400W motor", "en", "W", 1400),
        ("1.400 W Motor", "de", "W", 1400),  # German thousands
        ("1.5 W", "de", "W", 1.5),
        ("1.400,50 W", "de", "W", 1400.5),
        ("2200\u00a0000 mAh", "fr", "mAh", 2_200_000),
        ("15-lb ball", "en", "lb", 15),
        ("0,43kg", "fr", "kg", 0.43),
    ],
)
def test_numbers_follow_the_language(text: str, language: str, unit: str, value: float) -> None:
    measure = _one([m for m in _text(text, language=language) if m.quantity != "count"])
    assert measure.unit == unit
    assert in_unit(measure, unit) == pytest.approx(value)


def test_values_keep_base_unit_text_and_span() -> None:
    text = "Smart TV, weighs 14,2 kg"
    measure = _one(_text(text))
    assert (measure.quantity, measure.unit, measure.text) == ("mass", "kg", "14,2 kg")
    assert measure.base_value == pytest.approx(14.2)
    assert measure.low == measure.high == measure.base_value
    assert text[measure.start : measure.end] == measure.text
    assert measure.field == "description"
    assert measure.step == pytest.approx(0.1)  # one decimal: rounded to 100 g


@pytest.mark.parametrize(
    ("text", "inches"),
    [
        ('Smart TV 55"', 55),
        ("Smart TV 55''", 55),
        ("Smart TV 55″", 55),
        ("Smart TV 55”", 55),
        ("Smart TV 55-inch", 55),
        ("Smart TV 55 in.", 55),
        ("Fernseher 55 Zoll", 55),
        ("Téléviseur 55 pouces", 55),
        ("Televisor 55 pulgadas", 55),
        ("Televisão 55 polegadas", 55),
        ("Televisore 55 pollici", 55),
        ("Телевизор 55 дюймов", 55),
        ("小米电视 55英寸", 55),
        ("Smart TV 139,7 cm", 55),
        ("Телевизор 139,7 см", 55),
        ("电视 139.7厘米", 55),
    ],
)
def test_screen_sizes_in_every_language(text: str, inches: float) -> None:
    measure = _one(_title(text, language="de" if "139,7" in text else ""))
    assert measure.spec == "diagonal"
    assert in_unit(measure, "in") == pytest.approx(inches, rel=1e-3)


def test_feet_and_inches_and_pounds_and_ounces_are_one_value() -> None:
    height = _one(_text("The ladder is 5'11\" tall"))
    assert in_unit(height, "in") == pytest.approx(71)
    assert height.spec == "height"
    weight = _one(_text("Weight: 2 lbs, 8 oz"))
    assert in_unit(weight, "lb") == pytest.approx(2.5)
    assert weight.spec == "weight"


def test_fractions_need_a_unit() -> None:
    assert _text("Lime 1/4 zip pullover, 24/7 support, 3/4 sleeves") == []
    assert in_unit(_one(_text('a 1/4" drill bit')), "in") == pytest.approx(0.25)
    assert in_unit(_one(_text('a 1 1/2" hose')), "in") == pytest.approx(1.5)
    assert in_unit(_one(_text('a 1-1/4" screw')), "in") == pytest.approx(1.25)


@pytest.mark.parametrize(
    "text",
    [
        "Dell XPS 13 in Silver",
        "Samsung Galaxy S24 Ultra",
        "Apple iPhone 15 Pro",
        "Open 24/7, 3D printed, 5G and Wi-Fi 6 ready",
        "New for 2024, only $19.99 or 19,99 €",
        "Multigroom Kit 10-in-1",
        "Zip MP3 pocket, 4K HDR, 1080p",
        "Best of the 90's",
        "Ready 2 Go",
        "HEPA H13 filter, 15-bar pump, 30 dB, 2500 Pa, 40-100C",
        "Paper 90 g/m2, 180g/min steam, 120MB/s, 2 w/ case",
        "Levi's 501 Jeans 32W x 30L",
    ],
)
def test_not_measurements(text: str) -> None:
    assert [m.text for m in _title(text) if m.quantity != "area"] == []


def test_area_is_not_a_length() -> None:
    measure = _one(_text("for rooms up to 25m2"))
    assert (measure.quantity, measure.unit, measure.high) == ("area", "m²", 25)
    assert _one(_text("für Räume bis 25m²")).quantity == "area"


def test_storage_units_and_french_octets() -> None:
    assert in_unit(_one(_title("SSD 2TB")), "GB") == 2000
    assert _one(_title("Clé USB 128Go")).spec == "storage"


def test_resolution_in_pixels_reads_as_megapixels() -> None:
    measure = _one(attribute_measures("megapixels", "16,000,000"))
    assert (measure.spec, measure.base_value, measure.note) == ("resolution", 16, "read as pixels")
    assert _one(_text("a 12.1 MP sensor")).base_value == pytest.approx(12.1)
    assert _one(_text("摄像头 1200万像素")).base_value == pytest.approx(12)
    assert _title("4K camera") == []


# --- several numbers together ------------------------------------------------------------------


def test_dimensions_share_their_unit() -> None:
    first, second, third = _title("Storage Box 40 x 30 x 20 cm")
    assert [in_unit(m, "cm") for m in (first, second, third)] == pytest.approx([40, 30, 20])
    assert {m.spec for m in (first, second, third)} == {"dimensions"}
    assert first.group == second.group == third.group > 0
    assert [m.unit for m in _title("Frame 40x60cm")] == ["cm", "cm"]


def test_labelled_dimensions_say_which_is_which() -> None:
    measures = _text('Dimensions: L 29" x W 13" x H 11"')
    assert [m.spec for m in measures] == ["length", "width", "height"]
    measures = _text("Dimensions: 40(W) x 30(H) x 20(D) cm")
    assert [m.spec for m in measures] == ["width", "height", "depth"]
    measures = _text("8' long x 1.0\" wide")
    assert [m.spec for m in measures] == ["length", "width"]


def test_dimensions_in_a_description_need_a_word_saying_whose() -> None:
    assert {m.spec for m in _text("Comes with a 40 x 60 cm bag")} == {""}
    assert {m.spec for m in _text("Package dimensions: 40 x 60 x 10 cm")} == {"package_dimensions"}


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("110-240V", 110, 240),
        ("220-240 V~", 220, 240),
        ("AC 100 - 240 V", 100, 240),
        ("dual voltage (110/220V)", 110, 220),
        ("110V/220V", 110, 220),
        ("12/24V", 12, 24),
    ],
)
def test_voltage_ranges(text: str, low: float, high: float) -> None:
    measure = _one(_text(text))
    assert (measure.quantity, measure.spec, measure.role) == ("voltage", "voltage", OWN)
    assert (measure.low, measure.high) == (low, high)


def test_bounds_are_open_ranges() -> None:
    upper = _one(_text("delivers up to 40 W"))
    assert (upper.low, upper.high, upper.base_value) == (None, 40, 40)
    assert _one(_text("max. 2200 W")).low is None
    assert _one(_text("1400 W peak")).low is None
    lower = _one(_text("at least 2 m long"))
    assert (lower.low, lower.high) == (2, None)
    assert _one(_text("Heats in 3 min. 2 lb total")).high is not None  # minutes, not "min."


def test_approximate_values() -> None:
    assert _one(_text("weighs approx. 2 kg")).approx
    assert not _one(_text("weighs 2 kg")).approx


# --- what a value is about ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "spec"),
    [
        ("13.8 in wide", "width"),
        ("Height: 40 cm", "height"),
        ("a height of approx. 40 cm", "height"),
        ("40 cm de haut", "height"),
        ("Höhe 40 cm", "height"),
        ("weighs 2 kg", "weight"),
        ("The dryer weighs only 450g", "weight"),
        ("Lightweight at 450g", "weight"),
        ("Leichtgewicht mit nur 450g", "weight"),
        ("Ultra-léger à seulement 450g", "weight"),
        ("Poids : 0,43kg", "weight"),
        ("8,2cm diameter", "diameter"),
        ("a 6 mm thick mat", "thickness"),
        ('Inseam: 32"', "inseam"),
        ("a capacity of 1.5 L", "capacity"),
        ("holds 350 ml", "capacity"),
        ("Volume: 29 L", "capacity"),
        ("a capacity of 20000 mAh", "battery"),
        ("a 55 inch screen", "diagonal"),
        ("1500W motor", "power"),
        ("Input: 100-240V", "input_voltage"),
        ("Shipping weight: 2 kg", "package_weight"),
        ("max load 150 kg", "load"),
    ],
)
def test_words_around_a_value_name_its_spec(text: str, spec: str) -> None:
    assert _one(_text(text)).spec == spec


@pytest.mark.parametrize(
    "text",
    [
        "Seat height: 45 cm",  # a part's height, not the chair's
        "Max user weight: 150 kg",
        "with an 8 m power cord",
        "150g steam boost",
        "40cm blade diameter",
        "two 4L baskets",
        "Fits 13-15 inch laptops",
    ],
)
def test_values_of_parts_have_no_spec_of_the_item(text: str) -> None:
    measure = _one(_text(text))
    assert measure.spec == "" or measure.role != OWN


def test_bare_values_in_a_title_are_the_items() -> None:
    specs = {m.quantity: m.spec for m in _title("Kettle 1.7L 2200W 220-240V 1.2 kg")}
    assert specs == {"volume": "capacity", "power": "power", "voltage": "voltage", "mass": "weight"}
    assert _one(_title("Tower Fan 100cm")).spec == "size"
    assert _one(_title('HP Laptop 15.6", Intel Core i5')).spec == "diagonal"
    assert _one(_title("Samsung 65-Inch Class QLED 4K Smart TV")).spec == "diagonal"


def test_a_length_in_the_title_of_a_screen_accessory_is_no_diagonal() -> None:
    assert _one(_title('55" TV Wall Mount Bracket')).spec == "size"
    assert _one(_title("Laptop Sleeve 15.6 inch")).spec == "size"


def test_ounces_are_ambiguous_unless_named() -> None:
    assert _one(_title("Tumbler 20 oz")).spec == ""
    fluid = _one(_text("holds 20 oz of coffee"))
    assert (fluid.quantity, fluid.spec) == ("volume", "capacity")
    assert _one(_text("weighs 12 oz")).spec == "weight"
    assert _one(attribute_measures("capacity", "32 oz")).unit == "fl oz"


def test_ram_and_storage_from_neighbouring_words() -> None:
    ram, storage = [m.spec for m in _title("Laptop 8GB RAM 256GB")]
    assert (ram, storage) == ("ram", "storage")
    assert [m.spec for m in _title('HP 15.6" Laptop, 16GB RAM, 512GB SSD')][1:] == [
        "ram",
        "storage",
    ]
    assert [m.spec for m in _title("Smartphone 4GB+64GB")] == ["ram", "storage"]
    assert _one(_title("iPhone 15, 128GB")).spec == "storage"
    assert _one(_title("Kindle Paperwhite 16 GB")).spec == ""  # RAM or storage: undecided
    assert _one(_title("Memory card 16/32GB")).role == LIST


def test_chargers_voltages_are_not_the_items() -> None:
    assert _one(_title("USB Charger 5V 2A")).spec == ""
    assert _one(_text("Input 100-240V", title="USB-C Charger 65W")).spec == "input_voltage"


# --- whose value ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Fits 13-15 inch laptops", OTHER),
        ("Case for iPhone 15, 6.1 inch", OTHER),
        ('Strap fits 7" to 10" wrists', OTHER),
        ("LED Bulb 9W (60W equivalent)", OTHER),
        ("Model is 5'11\" and wears size M", OTHER),
        ("Requires 3 AAA batteries (1.5 V)", OTHER),
        ("Also available in 65 inch", OTHER),
        ("2 x 1.5 V batteries", EACH),
        ("Speaker 2 x 10W", EACH),
        ("two independent 4L baskets", EACH),
        ("zwei unabhängigen 4L-Körben", EACH),
    ],
)
def test_values_that_are_not_the_items_own(text: str, role: str) -> None:
    roles = [m.role for m in _text(text) if m.quantity != "count"]
    assert roles[-1] == role


def test_several_items_sizes_are_a_list() -> None:
    measures = [m for m in _text("set of 3 bowls: 12, 15 and 18 cm") if m.quantity == "length"]
    assert [in_unit(m, "cm") for m in measures] == pytest.approx([12, 15, 18])
    assert {m.role for m in measures} == {LIST}
    straps = _text("There are three straps in this set: 6', 8' and 10'.")
    assert {m.role for m in straps} == {LIST}
    # Two values with their own units and no "and" are two statements.
    assert [m.role for m in _text("up to 40 W, 36 W typical")] == [OWN, OWN]


# --- pack counts ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "spec", "count"),
    [
        ("Socks, Pack of 3", "pack", 3),
        ("Socks 3-Pack", "pack", 3),
        ("AA Batteries 48 Pack", "pack", 48),
        ("Crayons 64 Count", "pack", 64),
        ("Glasses, Set of 4", "pack", 4),
        ("Chaussettes lot de 2", "pack", 2),
        ("Socken 6er-Pack", "pack", 6),
        ("Bed Sheet Set 4 Piece", "pieces", 4),
        ("Brushes 3 pcs", "pieces", 3),
        ("Носки 3 шт", "pieces", 3),
        ("袜子 3件装", "pieces", 3),
    ],
)
def test_pack_counts(text: str, spec: str, count: int) -> None:
    measure = _one(_title(text))
    assert (measure.quantity, measure.spec, measure.base_value) == ("count", spec, count)
    assert text[measure.start : measure.end] == measure.text


def test_description_pieces_are_parts_but_packs_count() -> None:
    assert _text("Includes 3 pcs of filters") == []
    assert _one(_text("This 4-pack of bottles")).spec == "pack"


# --- attributes and listings ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "value", "spec", "unit"),
    [
        ("weight", "19.8 lb", "weight", "lb"),
        ("Weight (kg)", "2,5", "weight", "kg"),
        ("height_cm", "40", "height", "cm"),
        ("screen_size", "55 inch", "diagonal", "in"),
        ("Item Dimensions L x W x H", "28 x 19 x 12 inches", "dimensions", "in"),
        ("wattage", "1400", "power", "W"),
        ("voltage", "18V Lithium", "voltage", "V"),
        ("capacity", "1.5L", "capacity", "l"),
        ("capacity", "256 GB", "storage", "GB"),
        ("capacity", "10000 mAh", "battery", "mAh"),
        ("battery_capacity", "10000 Milliamp Hours", "battery", "mAh"),
        ("memory_storage_capacity", "128 GB", "storage", "GB"),
        ("ram_memory_installed_size", "8 GB", "ram", "GB"),
        ("Package Weight", "2 kg", "package_weight", "kg"),
        ("size", "55 cm", "size", "cm"),
        ("size", "500 ml", "capacity", "ml"),
        ("blade diameter", "40 cm", "", "cm"),
        ("room_coverage", "Up to 25m²", "", "m²"),
    ],
)
def test_attribute_names_give_the_spec(name: str, value: str, spec: str, unit: str) -> None:
    measures = attribute_measures(name, value, f"attributes.{name}", language="de")
    assert {m.spec for m in measures} == {spec}
    assert measures[-1].unit == unit
    assert measures[0].field == f"attributes.{name}"


def test_attribute_bounds_and_counts() -> None:
    load = _one(attribute_measures("max_load", "150 kg"))
    assert (load.spec, load.low, load.high) == ("load", None, 150)
    count = _one(attribute_measures("unit_count", "48.0 Count"))
    assert (count.spec, count.base_value) == ("pack", 48)
    assert attribute_measures("quantity", "150") == []  # stock, not a pack size


def test_listing_measures_name_their_fields() -> None:
    listing = build_listing(
        {
            "id": "K1",
            "title": "Electric Kettle 1.7L",
            "description": "<p>A kettle that holds <b>1.7 litres</b>.</p>",
            "attributes": {"wattage": "2200W"},
            "variants": [{"id": "K1-W", "attributes": {"weight": "1.1 kg"}}],
        },
        SourceLocation("<test>"),
    )
    found = {m.field: m for m in listing_measures(listing)}
    assert set(found) == {
        "title",
        "description",
        "attributes.wattage",
        "variants[0].attributes.weight",
    }
    description = found["description"]
    assert description.text == "1.7 litres"
    assert description.spec == "capacity"
    assert "A kettle that holds 1.7 litres."[description.start : description.end] == "1.7 litres"


def test_a_value_said_of_the_title_noun_is_the_items() -> None:
    kettle = _one(_text("A cordless 1.7 L kettle.", title="Electric Kettle"))
    assert kettle.spec == "capacity"
    french = _one(_text("Une bouilloire de 1,7 L.", title="Bouilloire électrique", language="fr"))
    assert french.spec == "capacity"
    assert _one(_text("A 1.7 L jug.", title="Electric Kettle")).spec == ""


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Charges an iPhone 15 (3,349mAh) twice.", "Power Bank 10000mAh"),
        ("Uses less energy than a 2000W heater.", "Oil Radiator"),
        ("Leichter als ein 2 kg Modell.", "Staubsauger"),
        ("Charging base 100-240V.", "Electric Toothbrush"),
        ("Charger: 230 V, one hour.", "Cordless Drill"),
    ],
)
def test_values_of_other_things_in_a_description(text: str, title: str) -> None:
    assert _one(_text(text, title=title)).role == OTHER


def test_a_chargers_own_power_and_a_value_after_another_value() -> None:
    assert _one(_title("USB-C Charger 65W")).role == OWN
    power = [m for m in _title("Kettle 1.7L (2200W)") if m.quantity == "power"]
    assert _one(power).role == OWN


def test_spec_tables_in_html_descriptions() -> None:
    listing = build_listing(
        {
            "id": "T1",
            "title": "Kettle",
            "description": "<table><tr><td>Weight</td><td>1.2 kg</td></tr>"
            "<tr><td>Capacity:</td><td>1.7 L</td></tr></table><p>Returns within 30 days.</p>",
        },
        SourceLocation("<test>"),
    )
    assert [(m.text, m.spec) for m in listing_measures(listing)] == [
        ("1.2 kg", "weight"),
        ("1.7 L", "capacity"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", False),
        ("XL", False),
        ("Cotton blend", False),
        ("50 inch", True),
        ("\u0663\u0660 cm", False),  # Arabic-Indic digits are no digits to the extractor
        ("A long description without a single digit in it, " * 5, False),
        ("A long description with a digit at its very end, " * 5 + "9", True),
    ],
)
def test_has_digit(text: str, expected: bool) -> None:
    assert measures._has_digit(text) is expected


def _old_clause_begins(window: str) -> int:
    begin = 0
    for mark in measures._BREAKS + measures._SPACED_DASHES:
        found = window.rfind(mark)
        if found != -1 and found + len(mark) > begin:
            begin = found + len(mark)
    return begin


def _old_clause_ends(window: str) -> int:
    end = len(window)
    for mark in (*measures._BREAKS, "(", *measures._SPACED_DASHES):
        found = window.find(mark, 0, end)
        if found != -1:
            end = found
    return end


def test_clause_marks_are_found_as_one_by_one() -> None:
    """The breaks found by one regex search are the ones a find per mark found."""
    import random

    rng = random.Random(5)
    alphabet = [
        "a",
        " ",
        ".",
        "\n",
        ";",
        ")",
        "(",
        "[",
        "|",
        "\u2022",
        " - ",
        " \u2013 ",
        " \u2014 ",
        "-",
    ]
    for _ in range(20000):
        window = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        # Without periods, where the periods' loop has nothing to do.
        plain = window.replace(".", "a")
        assert measures._clause_begins(plain) == _old_clause_begins(plain), repr(plain)
        assert measures._clause_ends(plain) == _old_clause_ends(plain), repr(plain)


def test_descriptions_without_the_specs_units_are_not_read() -> None:
    record = {
        "id": "T1",
        "title": "Kettle",
        "description": "A 1.7 l kettle of 2200 W, 24 cm tall. Pack of 2.",
    }
    listing = build_listing(record, SourceLocation("t", 1))
    everything = measures.description_measures(listing)
    assert {m.spec for m in everything} >= {"capacity", "power", "pack"}
    assert measures.description_measures(listing, about={"capacity"}) == everything
    assert measures.description_measures(listing, about={"pack"}) == everything
    assert measures.description_measures(listing, about={"storage", "resolution"}) == []
    # "20 oz" may be fluid ounces: a mass is read when a capacity is asked about.
    listing = build_listing({**record, "description": "Holds 20 oz."}, SourceLocation("t", 1))
    assert measures.description_measures(listing, about={"capacity"}) != []


def test_cached_readings_are_not_changed_by_their_readers() -> None:
    text = "8' long x 1.0\" wide cord"
    first = find_measures(text, "description", title="Extension cord")
    again = find_measures(text, "description", title="Garden hose", language="en")
    assert [m.spec for m in first] == [m.spec for m in again] == ["length", "width"]
    chains, _ = measures._read(text, False)
    # "long" labels the first length as it is read; "wide" the second only as it is measured.
    assert [atom.label for chain in chains for atom in chain.atoms] == ["length", ""]
