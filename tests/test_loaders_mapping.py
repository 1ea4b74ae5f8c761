"""Column mapping and group-by: any CSV layout, read through config or --map/--group-by."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from listlint.config import ConfigError, load_settings
from listlint.loaders import ColumnMapping, Loaded, LoadOptions, Problem, UnusableInput, load
from listlint.loaders.mapping import check_target, parse_map_option
from listlint.model import Listing

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
SPREE = CORPUS / "spree" / "raw" / "products.csv"

# The README's example mapping for Spree's product export, as a listlint.toml.
SPREE_CONFIG = """\
group-by = "slug"

[columns]
"name" = "title"
"sku" = "variants.id"
"category1" = "category"
"image1_src" = "images"
"price" = "variants.price"
"inventory_count" = "variants.stock"
"option1_value" = "variants.attributes.color"
"custom_field.custom.wattage" = "attributes.wattage"
"custom_field.custom.voltage" = "attributes.voltage"
"custom_field.custom.warranty" = "attributes.warranty"
"custom_field.custom.capacity" = "attributes.capacity"
"custom_field.custom.runtime" = "attributes.runtime"
"custom_field.custom.room_coverage" = "attributes.room_coverage"
"custom_field.custom.noise_level" = "attributes.noise_level"
"custom_field.custom.connectivity" = "attributes.connectivity"
"""

# One variant per row: a master row, then colour rows, then the same SKUs priced in EUR.
SPREE_LIKE = (
    "slug,sku,name,price,currency,description,category1,option1_name,option1_value,"
    "image1_src,width,inventory_count,custom_field.custom.wattage\n"
    'fan,FAN,Tower Fan,0,USD,"Quiet,\noscillating.",Home -> Fans,,,fan.webp,,,40W\n'
    "fan,FAN-W,,49.99,USD,,,Color,White,fan-w.webp,30,10,\n"
    "kettle,KET,Kettle,25,USD,,Kitchen,,,kettle.webp,,5,\n"
    "fan,FAN-B,,49.99,USD,,,Color,Black,fan-b.webp,30,-4,\n"
    "fan,FAN-W,,45.99,EUR,,,,,,,,\n"
)


def _mapping(config: str = SPREE_CONFIG, tmp_path: Path | None = None) -> ColumnMapping:
    assert tmp_path is not None
    path = tmp_path / "listlint.toml"
    path.write_text(config, "utf-8")
    settings = load_settings(path)
    return ColumnMapping.build(settings.columns.items(), settings.group_by)


def _load(
    tmp_path: Path, content: str, mapping: ColumnMapping, name: str = "export.csv"
) -> list[Loaded]:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8"))
    return list(load(str(path), options=LoadOptions(columns=mapping)))


def _by_id(items: list[Loaded]) -> dict[str, Listing]:
    return {item.id: item for item in items if isinstance(item, Listing)}


def test_group_by_makes_variants_and_a_master_row_describes_the_product(tmp_path: Path) -> None:
    items = _load(tmp_path, SPREE_LIKE, _mapping(tmp_path=tmp_path))
    listings = _by_id(items)
    assert list(listings) == ["fan", "kettle"]
    fan = listings["fan"]
    assert fan.source.line == 2  # the group's first row
    assert (fan.title, fan.description, fan.category) == (
        "Tower Fan",
        "Quiet,\noscillating.",
        "Home -> Fans",
    )
    assert (fan.currency, fan.images) == ("USD", ("fan.webp",))
    # The master row's price 0 is not a price: price is a variants.* column.
    assert fan.price is None
    # Equal on every variant: the listing's. Differing (or pinned): each variant's.
    assert fan.attributes == {"wattage": ("40W",), "width": ("30",)}
    assert [(v.id, dict(v.attributes), v.price, v.stock, v.images) for v in fan.variants] == [
        ("FAN-W", {"color": ("White",)}, 49.99, 10, ("fan-w.webp",)),
        ("FAN-B", {"color": ("Black",)}, 49.99, -4, ("fan-b.webp",)),
    ]
    # A group of one row is an ordinary listing; its SKU is kept.
    kettle = listings["kettle"]
    assert (kettle.source.line, kettle.price, kettle.stock, kettle.variants) == (5, 25.0, 5, ())
    assert kettle.extra["sku"] == "KET"


def test_differing_attributes_decide_the_variant_rows_without_pins(tmp_path: Path) -> None:
    content = (
        "Parent,Artikelnummer,Bezeichnung,Farbe,Material,Preis\n"
        "P1,P1-R,Hemd,Rot,Leinen,30\n"
        "P1,P1-B,Hemd,Blau,Leinen,32\n"
        ",Q1,Tasse,Weiß,,9\n"  # no group: a listing of its own
    )
    mapping = ColumnMapping.build(
        [("artikelnummer", "id"), ("Bezeichnung", "title"), ("Preis", "price")], "parent"
    )
    listings = _by_id(_load(tmp_path, content, mapping))
    assert list(listings) == ["P1", "Q1"]
    shirt = listings["P1"]
    assert shirt.attributes == {"material": ("Leinen",)}  # "Material" is a known attribute column
    assert [(v.id, dict(v.attributes), v.price) for v in shirt.variants] == [
        ("P1-R", {"color": ("Rot",)}, 30.0),  # "Farbe" is an alias of color
        ("P1-B", {"color": ("Blau",)}, 32.0),
    ]
    assert listings["Q1"].attributes == {"color": ("Weiß",)}


def test_mapping_without_group_by_renames_columns(tmp_path: Path) -> None:
    content = "Art.-Nr.;Produktname;Farbe;Bild 1;Bild 2;Preis\nA1;Hemd;Rot;a.jpg;b.jpg;12,50\n"
    mapping = ColumnMapping.build(
        [
            ("Art.-Nr.", "id"),
            ("Produktname", "title"),
            ("Farbe", "attributes.Farbe"),
            ("Bild 1", "images"),
            ("Bild 2", "images"),  # several columns may feed one list
            ("Preis", "price"),
        ],
        None,
    )
    (listing,) = _load(tmp_path, content, mapping)
    assert isinstance(listing, Listing)
    assert (listing.id, listing.title, listing.price) == ("A1", "Hemd", 12.5)
    assert (dict(listing.attributes), listing.images) == ({"color": ("Rot",)}, ("a.jpg", "b.jpg"))


def test_a_bad_variant_row_is_named_by_its_line(tmp_path: Path) -> None:
    content = "group,sku,title,price\ng,A,Tee,10\ng,B,,ten\n"
    mapping = ColumnMapping.build([("sku", "id")], "group")
    (problem,) = _load(tmp_path, content, mapping)
    assert isinstance(problem, Problem)
    assert (problem.source.line, problem.listing_id) == (3, "g")
    assert problem.message == "'price' is not a number: 'ten'"


def test_group_by_column_missing_from_the_file(tmp_path: Path) -> None:
    with pytest.raises(UnusableInput, match=r"the group-by column 'slug' is not in the header"):
        _load(tmp_path, "id,title\nA,T\n", ColumnMapping.build([], "slug"))


def test_two_columns_mapped_to_one_field(tmp_path: Path) -> None:
    mapping = ColumnMapping.build([("name", "title")], None)
    with pytest.raises(
        UnusableInput, match=r"names column 'title' twice.*after the column mapping"
    ):
        _load(tmp_path, "id,name,title\nA,N,T\n", mapping)


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("title", "title"),
        (" Attributes.Farbe ", "attributes.Farbe"),
        ("variants.Attributes.size", "variants.attributes.size"),
        ("VARIANTS.PRICE", "variants.price"),
        ("shipping.days_min", "shipping.days_min"),
        ("listlint.ignore", "listlint.ignore"),
    ],
)
def test_targets(target: str, expected: str) -> None:
    assert check_target(target) == expected


@pytest.mark.parametrize(
    "target", ["name", "atributes.color", "variants.title", "shipping.speed", "attributes."]
)
def test_unknown_targets(target: str) -> None:
    with pytest.raises(ValueError, match=r"unknown target .* a target is a field \(id, title"):
        check_target(target)


def test_later_mappings_win() -> None:
    pairs = [
        ("Name", "title"),
        ("Img", "images"),
        ("Label", "title"),
        ("Pic", "images"),
        ("Name", "brand"),
    ]
    assert ColumnMapping.build(pairs, None).targets == {
        "img": "images", "label": "title", "pic": "images", "name": "brand",
    }  # fmt: skip


def test_map_option_syntax() -> None:
    assert parse_map_option("Product Name = title") == ("Product Name", "title")
    assert parse_map_option("a=b=c=title") == ("a=b=c", "title")
    with pytest.raises(ValueError, match=r"expected COLUMN=TARGET"):
        parse_map_option("Product Name")


def test_per_variant_targets_need_group_by() -> None:
    with pytest.raises(ValueError, match=r"'variants.price', which needs a group-by column"):
        ColumnMapping.build([("Preis", "variants.price")], None)


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ('[columns]\n"Name" = "nmae"\n', r"columns.'Name': unknown target 'nmae'"),
        ('[columns]\n"Name" = 3\n', r"columns.'Name' must be a field name"),
        ("columns = 3\n", r"'columns' must be a table"),
        ('group-by = ""\n', r"'group-by' must be a column name"),
        ('group_by = "x"\n', r"unknown key 'group_by'"),
    ],
)
def test_config_errors(tmp_path: Path, config: str, message: str) -> None:
    path = tmp_path / "listlint.toml"
    path.write_text(config, "utf-8")
    with pytest.raises(ConfigError, match=message):
        load_settings(path)


def test_cli_map_and_group_by(tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    path = tmp_path / "export.csv"
    path.write_text(SPREE_LIKE, "utf-8")
    result = run_cli(
        "check", str(path), "--format", "json", "--select", "negative-stock", "-v",
        "--group-by", "slug", "--map", "name=title", "--map", "sku=variants.id",
        "--map", "option1_value=variants.attributes.color", "--map", "inventory_count=stock",
    )  # fmt: skip
    assert result.exit_code == 1, result.stderr
    (finding,) = json.loads(result.stdout)["findings"]
    assert (finding["listing_id"], finding["variant_id"], finding["source"]["line"]) == (
        "fan",
        "FAN-B",
        2,
    )
    assert f"{path}: format csv (detected; 4 mapped columns, grouped by 'slug')" in result.stderr


def test_cli_config_mapping_and_command_line_over_it(
    tmp_path: Path, run_cli: Callable[..., Result]
) -> None:
    (tmp_path / "listlint.toml").write_text('group-by = "nope"\n[columns]\n"Name" = "title"\n')
    path = tmp_path / "export.csv"
    path.write_text("grp,Name,Label\ng,Tee,Shirt\n", "utf-8")
    result = run_cli("check", str(path), "--format", "json")
    assert result.exit_code == 2
    assert "the group-by column 'nope' is not in the header" in result.stderr
    result = run_cli(
        "check", str(path), "--format", "json", "--group-by", "grp", "--map", "Label=title",
        "--select", "invalid-listing",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["summary"]["listings"] == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--map", "Name=nmae"], "unknown target 'nmae'"),
        (["--map", "Name"], "expected COLUMN=TARGET"),
        (["--map", "Preis=variants.price"], "needs a group-by column"),
        (["--input-format", "xlsx"], "Invalid value for '--input-format'"),
    ],
)
def test_cli_usage_errors(
    tmp_path: Path, run_cli: Callable[..., Result], args: list[str], message: str
) -> None:
    path = tmp_path / "export.csv"
    path.write_text("id,title\nA,T\n", "utf-8")
    result = run_cli("check", str(path), *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_mapping_leaves_shop_exports_alone(tmp_path: Path) -> None:
    path = tmp_path / "products_export.csv"
    path.write_text("Handle,Title,Variant SKU,Variant Price\ntee,Tee,T-1,10\n", "utf-8")
    options = LoadOptions(columns=ColumnMapping.build([("Title", "description")], "Variant SKU"))
    (listing,) = list(load(str(path), options=options))
    assert isinstance(listing, Listing) and (listing.id, listing.title) == ("tee", "Tee")


@pytest.mark.skipif(not SPREE.is_file(), reason=f"no Spree product export at {SPREE}")
def test_the_spree_export_reads_with_the_readme_mapping(tmp_path: Path) -> None:
    # Counted independently of the loader: one product per slug; its variants are the rows
    # with an option value (the master row has none; the EUR price rows repeat their SKUs).
    with SPREE.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    expected_listings = len({row["slug"] for row in rows})
    expected_variants = len({(row["slug"], row["sku"]) for row in rows if row["option1_value"]})
    assert (expected_listings, expected_variants) == (37, 87)

    items = list(load(str(SPREE), options=LoadOptions(columns=_mapping(tmp_path=tmp_path))))
    assert all(isinstance(item, Listing) for item in items), [
        i for i in items if isinstance(i, Problem)
    ]
    listings = [item for item in items if isinstance(item, Listing)]
    assert len(listings) == expected_listings
    assert sum(len(listing.variants) for listing in listings) == expected_variants
    assert all(
        v.price and v.attributes.get("color") for listing in listings for v in listing.variants
    )
