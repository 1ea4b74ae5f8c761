"""WooCommerce product CSV exports: products, their variations, and the sample export."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from listlint.loaders import Loaded, LoadOptions, Problem, load
from listlint.model import Listing

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
SAMPLE = CORPUS / "woocommerce-sample-data" / "raw" / "sample_products.csv"

HEADER = (
    "ID,Type,SKU,Name,Published,Short description,Description,In stock?,Stock,Weight (kg),"
    "Sale price,Regular price,Categories,Tags,Images,Parent,Grouped products,External URL,"
    "Attribute 1 name,Attribute 1 value(s),Attribute 1 visible,Attribute 1 global,"
    "Attribute 2 name,Attribute 2 value(s),Attribute 2 visible,Attribute 2 global\n"
)
EXPORT = HEADER + (
    # line 2: a variation listed before its product, which it names by SKU
    "12,variation,tee-red-s,Tee - Red,1,,,1,4,,,20,,,https://x/tee-red.jpg,tee,,,"
    "Color,Red,,1,Size,S,,1\n"
    # line 3: the variable product, options as lists, the first category a path
    '10,variable,tee,Tee,1,Soft.,"<p>Cotton,\nsoft.</p>",1,,0.2,,,"Clothing > Tshirts, Sale",'
    '"summer, cotton","https://x/tee.jpg, https://x/tee-2.jpg",,,,Color,"Red, Blue",1,1,'
    'Size,"S, M\\, wide",1,1\n'
    # line 5: a variation naming its product by ID, with a sale price and "any" size
    "11,variation,tee-blue,Tee - Blue,1,,,1,-1,,15,20,,,,id:10,,,Color,Blue,,1,Size,,,1\n"
    # line 6: a simple product; line 7: a grouped one; line 8: an external one
    "20,simple,mug,Mug,1,,A mug,1,7,,,9.5,Kitchen,,https://x/mug.jpg,,,,Color,White,1,0,,,,\n"
    '30,grouped,set,Gift set,1,,,,,,,,Gifts,,,,"mug, tee",,,,,,,,,\n'
    "40,external,ebook,E-book,1,,,,,,,4,Books,,,,,https://x/ebook,,,,,,,,\n"
)


def _load(tmp_path: Path, content: str, name: str = "wc-product-export.csv") -> list[Loaded]:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8"))
    return list(load(str(path)))


def _by_id(items: list[Loaded]) -> dict[str, Listing]:
    return {item.id: item for item in items if isinstance(item, Listing)}


def test_products_and_their_variations(tmp_path: Path) -> None:
    items = _load(tmp_path, EXPORT)
    listings = _by_id(items)
    assert list(listings) == ["tee", "mug", "set", "ebook"]
    tee = listings["tee"]
    assert tee.source.line == 2  # the group's first row: the variation above its product
    assert (tee.title, tee.description, tee.category) == (
        "Tee",
        "<p>Cotton,\nsoft.</p>",
        "Clothing > Tshirts",
    )
    assert tee.attributes == {
        "color": ("Red", "Blue"),
        "size": ("S", "M, wide"),
        "shipping weight": ("0.2 kg",),  # WooCommerce's weight is what shipping rates use
    }
    assert tee.images == ("https://x/tee.jpg", "https://x/tee-2.jpg")
    assert (tee.extra["product_type"], tee.extra["short_description"]) == ("variable", "Soft.")
    assert [(v.id, dict(v.attributes), v.price, v.sale_price, v.stock) for v in tee.variants] == [
        ("tee-red-s", {"color": ("Red",), "size": ("S",)}, 20.0, None, 4),
        ("tee-blue", {"color": ("Blue",)}, 20.0, 15.0, -1),  # an empty value: any size
    ]
    mug = listings["mug"]
    assert (mug.price, mug.stock, mug.variants, dict(mug.attributes)) == (
        9.5,
        7,
        (),
        {"color": ("White",)},
    )
    assert listings["set"].extra["grouped_products"] == "mug, tee"
    assert listings["ebook"].extra["external_url"] == "https://x/ebook"


def test_a_variation_whose_parent_is_missing(tmp_path: Path) -> None:
    content = HEADER + (
        "1,simple,cap,Cap,1,,,,,,,5,,,,,,,,,,,,,,\n"
        "2,variation,cap-x,Cap - X,1,,,,,,,5,,,,id:99,,,,,,,,,,\n"
        "3,variation,,Orphan,1,,,,,,,5,,,,,,,,,,,,,,\n"
    )
    items = _load(tmp_path, content)
    assert [type(item).__name__ for item in items] == ["Listing", "Problem", "Problem"]
    missing, no_parent = items[1], items[2]
    assert isinstance(missing, Problem) and isinstance(no_parent, Problem)
    assert (missing.source.line, missing.listing_id, missing.field) == (3, "cap-x", "parent")
    assert "Parent 'id:99' is not a product in this file" in missing.message
    assert (no_parent.source.line, no_parent.listing_id) == (4, "3")
    assert "no Parent" in no_parent.message


def test_detected_from_the_header(tmp_path: Path) -> None:
    seen: list[str] = []
    path = tmp_path / "export.csv"
    path.write_text(EXPORT, "utf-8")
    list(load(str(path), options=LoadOptions(on_format=lambda p, how: seen.append(how))))
    assert seen == ["woocommerce (detected)"]


def test_finding_on_a_variation_points_at_the_listing(
    tmp_path: Path, run_cli: Callable[..., Result]
) -> None:
    path = tmp_path / "export.csv"
    path.write_text(EXPORT, "utf-8")
    result = run_cli("check", str(path), "--format", "json", "--select", "negative-stock")
    (finding,) = json.loads(result.stdout)["findings"]
    assert (finding["listing_id"], finding["variant_id"]) == ("tee", "tee-blue")
    assert finding["source"]["line"] == 2


@pytest.mark.skipif(not SAMPLE.is_file(), reason=f"no WooCommerce sample export at {SAMPLE}")
def test_shipping_weight_and_box_are_no_product_specs(
    tmp_path: Path, run_cli: Callable[..., Result]
) -> None:
    path = tmp_path / "wc-product-export.csv"
    path.write_text(
        "ID,Type,SKU,Name,Description,Weight (kg),Length (cm),Width (cm),Height (cm),"
        "Regular price\n"
        "1,simple,coffee,Coffee Beans 500 g,A 27 cm tall bag of beans.,0.55,30,20,10,12\n",
        "utf-8",
    )
    result = run_cli("check", str(path), "--format", "json", "--select", "measurement-conflict")
    assert json.loads(result.stdout)["findings"] == []


def test_a_name_as_wordpress_stores_it(tmp_path: Path) -> None:
    path = tmp_path / "wc-product-export.csv"
    path.write_text(
        "ID,Type,SKU,Name,Parent,Regular price\n1,simple,sp,Salt &amp; Pepper Grinder Set,,12\n",
        "utf-8",
    )
    (listing,) = load(str(path))
    assert isinstance(listing, Listing) and listing.title == "Salt & Pepper Grinder Set"


def test_the_woocommerce_sample_export_reads_with_no_options() -> None:
    # Counted independently of the loader: every row that is not a variation is a product.
    with SAMPLE.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    variations = [row for row in rows if row["Type"] == "variation"]
    expected_listings, expected_variants = len(rows) - len(variations), len(variations)
    assert (expected_listings, expected_variants) == (15, 9)

    items = list(load(str(SAMPLE)))
    assert all(isinstance(item, Listing) for item in items), items
    listings = [item for item in items if isinstance(item, Listing)]
    assert len(listings) == expected_listings
    assert sum(len(listing.variants) for listing in listings) == expected_variants
    hoodie = _by_id(items)["cc-hoodie"]
    assert len(hoodie.variants) == 6
    assert hoodie.variants[0].sale_price == 42.0
