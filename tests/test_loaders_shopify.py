"""Shopify product CSV exports: both header generations, handles that group rows, and the
awkward shapes spreadsheets give them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from listlint.loaders import Loaded, LoadOptions, Problem, load
from listlint.model import Listing

# The classic header (abridged to what the loader reads, plus a column it ignores).
CLASSIC = (
    "Handle,Title,Body (HTML),Vendor,Product Category,Type,Tags,Published,"
    "Option1 Name,Option1 Value,Option2 Name,Option2 Value,Variant SKU,Variant Grams,"
    "Variant Inventory Qty,Variant Price,Variant Compare At Price,Variant Barcode,"
    "Image Src,Image Position,Variant Image,Status\n"
    # line 2: the product row, which is also its first variant; its body spans three lines
    'linen-shirt,Linen Shirt,"<p>Light and airy.</p>\n<p>Made in ""Portugal"".</p>\n",Acme,'
    'Apparel & Accessories > Clothing > Shirts,Shirts,"summer, linen",TRUE,'
    "Color,Blue,Size,S,LS-B-S,200,5,39.90,49.90,0885909950805,https://x/ls-1.jpg,1,"
    "https://x/ls-blue.jpg,active\n"
    # line 5: a second variant; option names are only on the product row
    "linen-shirt,,,,,,,,,Blue,,M,LS-B-M,200,3,39.90,,0885909950812,https://x/ls-2.jpg,2,,\n"
    # line 6: another product, between rows of the first
    "mug,Mug,Plain mug,Acme,,Kitchen,,TRUE,Title,Default Title,,,MUG-1,300,12,9.50,,"
    ",https://x/mug.jpg,1,,draft\n"
    # line 7: a variant of the shirt after the mug; line 8: an image-only row
    "linen-shirt,,,,,,,,,White,,S,LS-W-S,200,-2,39.90,,,,,,\n"
    "linen-shirt,,,,,,,,,,,,,,,,,,https://x/ls-3.jpg,3,,\n"
)

# The same catalog in the current header generation (Title first, then URL handle, ...).
CURRENT = (
    "Title,URL handle,Description,Vendor,Product category,Type,Tags,Published on online store,"
    "Status,SKU,Barcode,Option1 name,Option1 value,Option1 Linked To,Option2 name,"
    "Option2 value,Option2 Linked To,Option3 name,Option3 value,Option3 Linked To,Price,"
    "Compare-at price,Cost per item,Inventory quantity,Product image URL,Image position,"
    "Image alt text,Variant image URL\n"
    "Linen Shirt,linen-shirt,<p>Light and airy.</p>,Acme,Apparel & Accessories > Clothing > "
    'Shirts,Shirts,"summer, linen",TRUE,active,LS-B-S,0885909950805,Color,Blue,,Size,S,,,,,'
    "39.90,49.90,12.00,5,https://x/ls-1.jpg,1,Front,https://x/ls-blue.jpg\n"
    ",linen-shirt,,,,,,,,LS-B-M,0885909950812,,Blue,,,M,,,,,39.90,,12.00,3,"
    "https://x/ls-2.jpg,2,,\n"
    "Mug,mug,Plain mug,Acme,,Kitchen,,TRUE,draft,MUG-1,,Title,Default Title,,,,,,,,9.50,,"
    "3.00,12,https://x/mug.jpg,1,,\n"
    ",linen-shirt,,,,,,,,LS-W-S,,,White,,,S,,,,,39.90,,12.00,-2,,,,\n"
    ",linen-shirt,,,,,,,,,,,,,,,,,,,,,,,https://x/ls-3.jpg,3,Back,\n"
)


def _load(tmp_path: Path, content: str | bytes, name: str = "products_export.csv") -> list[Loaded]:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return list(load(str(path)))


def _by_id(items: list[Loaded]) -> dict[str, Listing]:
    return {item.id: item for item in items if isinstance(item, Listing)}


def _check_shirt_and_mug(items: list[Loaded], mug_line: int) -> None:
    listings = _by_id(items)
    assert list(listings) == ["linen-shirt", "mug"]
    shirt, mug = listings["linen-shirt"], listings["mug"]
    assert shirt.source.line == 2 and shirt.title == "Linen Shirt" and shirt.brand == "Acme"
    assert shirt.category == "Apparel & Accessories > Clothing > Shirts"
    assert shirt.extra["product_type"] == "Shirts" and shirt.extra["tags"] == "summer, linen"
    assert shirt.images == ("https://x/ls-1.jpg", "https://x/ls-2.jpg", "https://x/ls-3.jpg")
    assert [
        (v.id, dict(v.attributes), v.price, v.sale_price, v.stock, v.gtin) for v in shirt.variants
    ] == [
        ("LS-B-S", {"color": ("Blue",), "size": ("S",)}, 49.9, 39.9, 5, "0885909950805"),
        ("LS-B-M", {"color": ("Blue",), "size": ("M",)}, 39.9, None, 3, "0885909950812"),
        ("LS-W-S", {"color": ("White",), "size": ("S",)}, 39.9, None, -2, None),
    ]
    assert shirt.variants[0].images == ("https://x/ls-blue.jpg",)
    # One variant named "Default Title": an ordinary listing without option attributes.
    assert (mug.source.line, mug.variants, dict(mug.attributes)) == (mug_line, (), {})
    assert (mug.price, mug.stock, mug.extra["sku"], mug.extra["status"]) == (
        9.5,
        12,
        "MUG-1",
        "draft",
    )


def test_classic_header(tmp_path: Path) -> None:
    items = _load(tmp_path, CLASSIC)
    _check_shirt_and_mug(items, mug_line=6)  # the shirt's body spans lines 2 to 4
    shirt = _by_id(items)["linen-shirt"]
    assert shirt.description == '<p>Light and airy.</p>\n<p>Made in "Portugal".</p>'
    assert shirt.extra["status"] == "active"


def test_current_header(tmp_path: Path) -> None:
    _check_shirt_and_mug(_load(tmp_path, CURRENT), mug_line=4)


def test_european_excel_semicolons_decimal_commas_and_bom(tmp_path: Path) -> None:
    content = (
        "Handle;Title;Vendor;Option1 Name;Option1 Value;Variant SKU;Variant Price;"
        "Variant Compare At Price;Variant Barcode\n"
        "schal;Wollschal;Acme;Farbe;Rot;S-R;19,90;24,90;4006381333931\n"
        "schal;;;;Blau;S-B;19,90;;4006381333948\n"
    )
    items = _load(tmp_path, b"\xef\xbb\xbf" + content.encode("cp1252"))
    (scarf,) = _by_id(items).values()
    assert [(v.id, dict(v.attributes), v.price, v.sale_price) for v in scarf.variants] == [
        ("S-R", {"color": ("Rot",)}, 24.9, 19.9),  # "Farbe" is an alias of color
        ("S-B", {"color": ("Blau",)}, 19.9, None),
    ]


def test_missing_optional_columns(tmp_path: Path) -> None:
    content = "Handle,Title,Variant SKU,Variant Price\ntee,Tee,T-1,10\ntee,,T-2,12\n"
    (tee,) = _by_id(_load(tmp_path, content)).values()
    assert (tee.description, tee.brand, tee.category, tee.images) == ("", "", "", ())
    assert [(v.id, v.price, dict(v.attributes)) for v in tee.variants] == [
        ("T-1", 10.0, {}),
        ("T-2", 12.0, {}),
    ]


def test_category_metafields_are_attributes(tmp_path: Path) -> None:
    content = (
        "Handle,Title,Variant Price,Color (product.metafields.shopify.color-pattern),"
        "Fabric (product.metafields.shopify.fabric),Size (product.metafields.shopify.size)\n"
        "sweater,Merino Sweater,80,navy; white,wool,\n"
    )
    (sweater,) = _by_id(_load(tmp_path, content)).values()
    # "Fabric" is read as the material; an empty metafield is no attribute.
    assert dict(sweater.attributes) == {"color": ("navy", "white"), "material": ("wool",)}


def test_rows_of_a_handle_without_product_row_are_a_problem(tmp_path: Path) -> None:
    content = (
        "Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price\n"
        "tee,Tee,Size,S,T-S,10\n"
        "ghost,,,M,G-M,5\n"
        "ghost,,,L,G-L,5\n"
        ",,,XL,X,5\n"
    )
    items = _load(tmp_path, content)
    assert [type(item).__name__ for item in items] == ["Listing", "Problem", "Problem"]
    ghost, orphan = items[1], items[2]
    assert isinstance(ghost, Problem) and isinstance(orphan, Problem)
    assert (ghost.source.line, ghost.listing_id) == (3, "ghost")
    assert "handle 'ghost' have no product row" in ghost.message
    assert orphan.source.line == 5 and "no handle and no Title" in orphan.message


def test_a_bad_variant_names_its_own_row(tmp_path: Path) -> None:
    content = (
        "Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price\n"
        "tee,Tee,Size,S,T-S,10\ntee,,,M,T-M,ten\n"
    )
    (problem,) = _load(tmp_path, content)
    assert isinstance(problem, Problem)
    assert (problem.source.line, problem.field) == (3, "variants[1].price")
    assert problem.message == "'price' is not a number: 'ten'"


def test_format_is_detected_and_can_be_forced(tmp_path: Path) -> None:
    seen: list[str] = []
    path = tmp_path / "export.txt"  # no telling suffix: the header decides
    path.write_text(CLASSIC, "utf-8")
    items = list(load(str(path), options=LoadOptions(on_format=lambda p, how: seen.append(how))))
    assert list(_by_id(items)) == ["linen-shirt", "mug"]
    assert seen == ["shopify (detected)"]
    forced = LoadOptions("shopify", on_format=lambda p, how: seen.append(how))
    (listing,) = list(load(str(_write(tmp_path, "x.csv", "Handle,Title\nh,T\n")), options=forced))
    assert isinstance(listing, Listing) and listing.id == "h"
    assert seen[-1] == "shopify (--input-format)"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def test_findings_point_at_the_first_row_of_the_handle(
    tmp_path: Path, run_cli: Callable[..., Result]
) -> None:
    path = _write(tmp_path, "products_export.csv", CLASSIC)
    result = run_cli("check", str(path), "--format", "json", "--select", "negative-stock", "-v")
    (finding,) = json.loads(result.stdout)["findings"]
    # The -2 stock is on line 7, after the mug; the listing is where its handle starts.
    assert (finding["listing_id"], finding["variant_id"]) == ("linen-shirt", "LS-W-S")
    assert finding["source"] == {"path": str(path), "line": 2}
    assert f"{path}: format shopify (detected)" in result.stderr


def test_a_row_without_handle_is_a_product_of_its_own(tmp_path: Path) -> None:
    # The current template needs a URL handle only for products with variants.
    content = "Title,URL handle,SKU,Price\nSolo Tee \u2013 Organic!,,ST-1,10\n"
    (listing,) = _load(tmp_path, content)
    assert isinstance(listing, Listing)
    assert (listing.id, listing.price, listing.extra["sku"]) == ("solo-tee-organic", 10.0, "ST-1")
