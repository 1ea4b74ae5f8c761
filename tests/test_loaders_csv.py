"""CSV and TSV catalogs: header mapping, cell values, row lines and malformed tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from listlint.loaders import Loaded, Problem, UnusableInput, load
from listlint.model import Listing


def _load(tmp_path: Path, name: str, content: str | bytes) -> list[Loaded]:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_bytes(content.encode("utf-8"))  # write_text would translate "\n"
    else:
        path.write_bytes(content)
    return list(load(str(path)))


def _listings(items: list[Loaded]) -> list[Listing]:
    assert all(isinstance(item, Listing) for item in items), items
    return [item for item in items if isinstance(item, Listing)]


def test_rows_keep_the_line_they_start_on_across_quoted_newlines(tmp_path: Path) -> None:
    content = (
        "id,title,description,price\n"
        'P1,Linen Shirt,"Light and airy.\nMachine washable.\n\nMade in Portugal.",39.90\n'
        "P2,Wool Scarf,Warm,19\n"
        "\n"
        'P3,"Tee, cotton",,9.5\n'
    )
    listings = _listings(_load(tmp_path, "catalog.csv", content))
    assert [(item.id, item.source.line) for item in listings] == [("P1", 2), ("P2", 6), ("P3", 8)]
    assert listings[0].description == "Light and airy.\nMachine washable.\n\nMade in Portugal."
    assert listings[0].price == 39.9
    assert listings[2].title == "Tee, cotton"
    assert listings[2].description == ""  # an empty cell is an absent field


def test_header_names_are_case_insensitive_and_trimmed(tmp_path: Path) -> None:
    content = " ID ,Title,  Sale Price,CURRENCY,Stock,GTIN\nQ1,Mug,4.5,eur,7,0885909950805\n"
    (listing,) = _listings(_load(tmp_path, "catalog.csv", content))
    assert (listing.id, listing.title, listing.sale_price) == ("Q1", "Mug", 4.5)
    assert (listing.currency, listing.stock, listing.gtin) == ("EUR", 7, "0885909950805")


def test_semicolon_delimiter_with_decimal_comma(tmp_path: Path) -> None:
    content = "id;title;price;sale_price\nR1;Chemise lin;12,50;9,99\nR2;Écharpe;1299,00;\n"
    listings = _listings(_load(tmp_path, "catalog.csv", content))
    assert [(item.id, item.price, item.sale_price) for item in listings] == [
        ("R1", 12.5, 9.99),
        ("R2", 1299.0, None),
    ]


def test_prices_as_a_spreadsheet_formats_them(tmp_path: Path) -> None:
    # A German Excel: thousands dots, decimal commas, the currency format's "€".
    content = (
        "id;title;price;sale_price\n"
        "G1;Gürtel;1.049;999\n"
        "G2;Lampe;49,00 €;39,90 €\n"
        "G3;Sofa;1.234,50;\n"
        "G4;Mug;USD 18.00;0.125\n"
    )
    listings = _listings(_load(tmp_path, "catalog.csv", content))
    assert [(item.id, item.price, item.sale_price) for item in listings] == [
        ("G1", 1049.0, 999.0),
        ("G2", 49.0, 39.9),
        ("G3", 1234.5, None),
        ("G4", 18.0, 0.125),
    ]


def test_pipe_delimiter_is_sniffed(tmp_path: Path) -> None:
    content = "id|title|price\nS1|Mug|3\n"
    (listing,) = _listings(_load(tmp_path, "catalog.csv", content))
    assert (listing.id, listing.title, listing.price) == ("S1", "Mug", 3.0)


def test_tsv(tmp_path: Path) -> None:
    content = "id\ttitle\tprice\tcolor\nT1\tShirt, linen\t12.5\tblue|white\n"
    (listing,) = _listings(_load(tmp_path, "catalog.tsv", content))
    assert listing.title == "Shirt, linen"
    assert listing.attributes == {"color": ("blue", "white")}


def test_attribute_shipping_listlint_and_extra_columns(tmp_path: Path) -> None:
    content = (
        "id,title,attributes.Neckline,Colour,Shoe Size,material,images,"
        "shipping.days_min,shipping.days_max,shipping.cost,shipping.from,listlint.ignore,supplier\n"
        'U1,Sneaker,crew, Red | Blue ,42,Leather|Rubber,a.jpg| b.jpg,3,12,"4,99",CN,'
        "title-all-caps|LL201,ACME\n"
    )
    (listing,) = _listings(_load(tmp_path, "catalog.csv", content))
    assert listing.attributes == {
        "neckline": ("crew",),
        "color": ("Red", "Blue"),
        "size": ("42",),
        "material": ("Leather", "Rubber"),
    }
    assert listing.images == ("a.jpg", "b.jpg")
    assert listing.shipping == {"days_min": 3, "days_max": 12, "cost": 4.99, "from": "CN"}
    assert listing.ignore == frozenset({"title-all-caps", "LL201"})
    assert listing.extra == {"supplier": "ACME"}


def test_empty_cells_are_absent(tmp_path: Path) -> None:
    content = "id,title,price,color,images,shipping.days_min\nV1,Cup,  ,,,\n"
    (listing,) = _listings(_load(tmp_path, "catalog.csv", content))
    assert listing.price is None
    assert listing.attributes == {}
    assert listing.images == ()
    assert listing.shipping == {}


def test_text_keeps_its_spaces(tmp_path: Path) -> None:
    # Trailing and double spaces in a title are defects for a check to find, not to hide.
    (listing,) = _listings(_load(tmp_path, "catalog.csv", "id,title\nW1,Frankie  Sweatshirt \n"))
    assert listing.title == "Frankie  Sweatshirt "


def test_variants_as_json_in_a_cell(tmp_path: Path) -> None:
    content = 'id,title,variants\nX1,Tee,"[{""id"": ""X1-S"", ""stock"": 2}]"\n'
    (listing,) = _listings(_load(tmp_path, "catalog.csv", content))
    assert listing.variants[0].id == "X1-S"


def test_byte_order_mark_and_crlf(tmp_path: Path) -> None:
    content = '\ufeffid,title\r\nY1,One\r\n\r\nY2,"Two\r\nlines"\r\nY3,Three\r\n'
    listings = _listings(_load(tmp_path, "catalog.csv", content))
    assert [(item.id, item.source.line) for item in listings] == [("Y1", 2), ("Y2", 4), ("Y3", 6)]
    assert listings[1].title == "Two\r\nlines"


def test_numbers_stay_text_until_the_record_is_built(tmp_path: Path) -> None:
    content = "id,title,price,stock\nZ1,Cup,cheap,1.5\n"
    items = _load(tmp_path, "catalog.csv", content)
    assert {(item.field, item.message) for item in items if isinstance(item, Problem)} == {
        ("price", "'price' is not a number: 'cheap'"),
        ("stock", "'stock' must be a whole number: '1.5'"),
    }


def test_a_row_with_the_wrong_number_of_cells(tmp_path: Path) -> None:
    content = (
        "id,title,price,color,size,material,brand\n"
        "A1,One,1,red,S,cotton,Acme\n"
        "A2,Two,2,red,S\n"
        ",,,,,,\n"
        "A4,Four,4,red,S,cotton,Acme,,\n"  # trailing empty cells: nothing is lost
        "A5,Five,5,red,S,cotton,Acme,surprise\n"
        "A6,Six,6,red,S,cotton,Acme\n"
    )
    items = _load(tmp_path, "catalog.csv", content)
    summary = [
        (item.source.line, item.id if isinstance(item, Listing) else item.message) for item in items
    ]
    assert summary == [
        (2, "A1"),
        (3, "row has 5 cells, header has 7"),
        (5, "A4"),
        (6, "row has 8 cells, header has 7"),
        (7, "A6"),
    ]
    assert [item.listing_id for item in items if isinstance(item, Problem)] == ["A2", "A5"]


def test_a_quote_never_closed_swallows_the_rest(tmp_path: Path) -> None:
    content = 'id,title\nB1,One\nB2,"Two\nB3,Three\n'
    items = _load(tmp_path, "catalog.csv", content)
    assert isinstance(items[0], Listing)
    assert isinstance(items[1], Problem)
    assert items[1].source.line == 3
    assert items[1].message == (
        "broken CSV: a quoted cell is never closed; the rest of the file was skipped"
    )
    assert len(items) == 2


def test_a_stray_quote_costs_its_row_only(tmp_path: Path) -> None:
    content = 'id,title\nC1,"Big" shirt\nC2,5" screen\nC3,"He said ""hi"""\n'
    items = _load(tmp_path, "catalog.csv", content)
    assert isinstance(items[0], Problem)
    assert items[0].source.line == 2
    assert items[0].message.startswith("broken CSV: ',' expected after '\"'")
    assert [(item.id, item.title) for item in _listings(items[1:])] == [
        ("C2", '5" screen'),
        ("C3", 'He said "hi"'),
    ]


def test_a_ten_megabyte_cell(tmp_path: Path) -> None:
    # Read, then refused as no listing's description (too long to be one); the next row is fine.
    description = "x" * 10_000_000
    content = f"id,title,description\nD1,Big,{description}\nD2,Small,\n"
    big, small = _load(tmp_path, "catalog.csv", content)
    assert isinstance(big, Problem) and "'description' has 10,000,000 characters" in big.message
    assert isinstance(small, Listing) and small.source.line == 3


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("sku,title", "the header has no 'id' column (it has: sku, title)"),
        ("id,name", "the header has no 'title' column (it has: id, name)"),
        ("handle,name", "the header has no 'id' and 'title' columns (it has: handle, name)"),
        ("id,title,Color,color", "the header names column 'color' twice (columns 3 and 4)"),
        ("id,title,Sale Price,sale_price", "names column 'sale_price' twice"),
    ],
)
def test_unusable_headers(tmp_path: Path, header: str, message: str) -> None:
    with pytest.raises(UnusableInput) as caught:
        _load(tmp_path, "catalog.csv", f"{header}\nA,B,C,D\n")
    assert str(caught.value).startswith(f"{tmp_path / 'catalog.csv'}: ")
    assert message in str(caught.value)


def test_a_file_of_blank_rows_has_no_header(tmp_path: Path) -> None:
    with pytest.raises(UnusableInput, match=r"catalog\.csv: no header row"):
        _load(tmp_path, "catalog.csv", ",,,\n , ,\n")


def test_a_header_without_rows_is_an_empty_catalog(tmp_path: Path) -> None:
    assert _load(tmp_path, "catalog.csv", "id,title\n") == []


def test_unnamed_columns_are_kept(tmp_path: Path) -> None:
    (listing,) = _listings(_load(tmp_path, "catalog.csv", "id,title,,\nE1,One,note,\n"))
    assert listing.extra == {"column 3": "note"}
