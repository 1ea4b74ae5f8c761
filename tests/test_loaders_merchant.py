"""Google Merchant Center feeds: RSS and Atom XML, the text feed, and hostile XML."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from listlint.loaders import Loaded, LoadOptions, Problem, UnusableInput, load
from listlint.model import Listing

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">
<channel>
  <title>Example shop</title>
  <link>https://shop.example</link>
  <item>
    <g:id>TEE-R-S</g:id>
    <title>Cotton Tee - Red - S</title>
    <description><![CDATA[<p>Soft & light.</p>]]></description>
    <link>https://shop.example/tee</link>
    <g:image_link>https://shop.example/tee-red.jpg</g:image_link>
    <g:additional_image_link>https://shop.example/a.jpg,https://shop.example/b.jpg</g:additional_image_link>
    <g:additional_image_link>https://shop.example/c.jpg</g:additional_image_link>
    <g:price>15.00 USD</g:price>
    <g:sale_price>12.00 USD</g:sale_price>
    <g:availability>in_stock</g:availability>
    <g:brand>Acme</g:brand>
    <g:gtin>0885909950805</g:gtin>
    <g:color>Red</g:color>
    <g:size>S</g:size>
    <g:material>Cotton</g:material>
    <g:age_group>adult</g:age_group>
    <g:google_product_category>212</g:google_product_category>
    <g:product_type>Apparel &gt; Shirts &gt; T-Shirts</g:product_type>
    <g:item_group_id>TEE</g:item_group_id>
    <g:shipping>
      <g:country>US</g:country>
      <g:service>Standard</g:service>
      <g:price>4.95 USD</g:price>
      <g:min_transit_time>2</g:min_transit_time>
      <g:max_transit_time>5</g:max_transit_time>
    </g:shipping>
  </item>
  <item>
    <g:id>MUG</g:id>
    <g:title>Mug</g:title>
    <g:price>7,50 EUR</g:price>
    <g:google_product_category>Home &amp; Garden &gt; Kitchen</g:google_product_category>
    <g:shipping>DE:::3.00 EUR</g:shipping>
    <g:ships_from_country>CN</g:ships_from_country>
  </item>
  <item>
    <g:id>TEE-B-M</g:id>
    <title>Cotton Tee - Blue - M</title>
    <g:image_link>https://shop.example/tee-blue.jpg</g:image_link>
    <g:price>15.00 USD</g:price>
    <g:color>Blue</g:color>
    <g:size>M</g:size>
    <g:material>Cotton</g:material>
    <g:age_group>adult</g:age_group>
    <g:item_group_id>TEE</g:item_group_id>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:g="http://base.google.com/ns/1.0">
  <title>Example shop</title>
  <entry>
    <g:id>SCARF</g:id>
    <title>Wool Scarf</title>
    <summary>Warm.</summary>
    <link href="https://shop.example/scarf"/>
    <g:price>19.99 GBP</g:price>
    <g:condition>new</g:condition>
  </entry>
</feed>
"""


def _load(tmp_path: Path, content: str | bytes, name: str = "feed.xml") -> list[Loaded]:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return list(load(str(path)))


def _by_id(items: list[Loaded]) -> dict[str, Listing]:
    return {item.id: item for item in items if isinstance(item, Listing)}


def test_rss_feed_items_and_groups(tmp_path: Path) -> None:
    items = _load(tmp_path, RSS)
    listings = _by_id(items)
    assert list(listings) == ["TEE", "MUG"]
    tee, mug = listings["TEE"], listings["MUG"]
    # Each listing is at its (first) item's start tag.
    assert (tee.source.line, mug.source.line) == (6, 34)
    assert (tee.title, tee.brand, tee.currency) == ("Cotton Tee - Red - S", "Acme", "USD")
    assert tee.description == "<p>Soft & light.</p>"
    assert tee.category == "Apparel > Shirts > T-Shirts"  # the shop's own path comes first
    assert tee.extra["google_product_category"] == "212"
    assert (tee.extra["link"], tee.extra["availability"]) == (
        "https://shop.example/tee",
        "in_stock",
    )
    assert tee.attributes == {"age_group": ("adult",), "material": ("Cotton",)}
    assert tee.shipping == {
        "country": "US", "service": "Standard", "cost": 4.95, "currency": "USD",
        "days_min": 2, "days_max": 5,
    }  # fmt: skip
    red, blue = tee.variants
    assert (red.id, dict(red.attributes), red.price, red.sale_price, red.gtin) == (
        "TEE-R-S", {"color": ("Red",), "size": ("S",)}, 15.0, 12.0, "0885909950805",
    )  # fmt: skip
    assert red.images == tuple(f"https://shop.example/{n}.jpg" for n in ("tee-red", "a", "b", "c"))
    assert (blue.id, blue.price, blue.images) == (
        "TEE-B-M",
        15.0,
        ("https://shop.example/tee-blue.jpg",),
    )
    assert (mug.title, mug.price, mug.currency, mug.category) == (
        "Mug",
        7.5,
        "EUR",
        "Home & Garden > Kitchen",
    )
    assert mug.shipping == {"country": "DE", "cost": 3.0, "currency": "EUR", "from": "CN"}


def test_atom_feed(tmp_path: Path) -> None:
    (scarf,) = _load(tmp_path, ATOM, "atom.xml")
    assert isinstance(scarf, Listing)
    assert (scarf.id, scarf.title, scarf.description, scarf.price) == (
        "SCARF",
        "Wool Scarf",
        "Warm.",
        19.99,
    )
    assert (scarf.source.line, scarf.extra["link"], scarf.extra["condition"]) == (
        4,
        "https://shop.example/scarf",
        "new",
    )


def test_broken_xml_mid_file_keeps_the_items_before_it(tmp_path: Path) -> None:
    content = (
        '<rss xmlns:g="http://base.google.com/ns/1.0"><channel>\n'
        "<item><g:id>A</g:id><title>First</title></item>\n"
        "<item>\n<g:id>B</g:id>\n<title>Second</titel>\n</item>\n"
        "<item><g:id>C</g:id><title>Never read</title></item>\n"
        "</channel></rss>\n"
    )
    items = _load(tmp_path, content)
    assert [type(item).__name__ for item in items] == ["Listing", "Problem"]
    problem = items[1]
    assert isinstance(problem, Problem)
    assert (problem.source.line, problem.listing_id) == (5, "B")
    assert problem.message.startswith("broken XML: mismatched tag (line 5, column")
    assert problem.message.endswith("the rest of the file was skipped")


def test_items_without_id_or_title_name_their_line(tmp_path: Path) -> None:
    content = (
        '<rss xmlns:g="http://base.google.com/ns/1.0"><channel>\n'
        "<item><g:title>No id</g:title></item>\n"
        "<item>\n  <g:id>NT</g:id>\n</item>\n"
        "</channel></rss>\n"
    )
    items = _load(tmp_path, content)
    assert [(p.source.line, p.message) for p in items if isinstance(p, Problem)] == [
        (2, "required field 'id' is missing"),
        (3, "required field 'title' is missing"),
    ]


BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE rss [\n <!ENTITY lol "lol">\n'
    + "".join(
        f' <!ENTITY lol{n} "{f"&lol{n - 1};" * 10 if n > 1 else "&lol;" * 10}">\n'
        for n in range(1, 10)
    )
    + ']>\n<rss xmlns:g="http://base.google.com/ns/1.0"><channel>'
    "<item><g:id>X</g:id><title>&lol9;</title></item></channel></rss>\n"
)


def test_billion_laughs_is_refused_without_expanding(tmp_path: Path) -> None:
    started = time.monotonic()
    with pytest.raises(UnusableInput, match=r"declares the XML entity 'lol'.*remove the DOCTYPE"):
        _load(tmp_path, BILLION_LAUGHS)
    assert time.monotonic() - started < 2


def test_external_entities_are_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    for doctype in (
        f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>',
        f'<!DOCTYPE rss SYSTEM "file://{secret}">',
    ):
        content = (
            f'<?xml version="1.0"?>\n{doctype}\n<rss xmlns:g="http://base.google.com/ns/1.0">'
            "<channel><item><g:id>X</g:id><title>&xxe;</title></item></channel></rss>\n"
        )
        with pytest.raises(UnusableInput) as caught:
            _load(tmp_path, content)
        assert "TOP-SECRET" not in str(caught.value)
        assert "remove the DOCTYPE" in str(caught.value)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "<catalog><product/></catalog>",
            "not a Google Merchant feed: the root element is <catalog>",
        ),
        ("not xml at all", "not an XML feed"),
    ],
)
def test_files_that_are_no_feed(tmp_path: Path, content: str, message: str) -> None:
    with pytest.raises(UnusableInput, match=message):
        _load(tmp_path, content)


TEXT_FEED = (
    "g:id\tg:title\tg:description\tg:link\tg:image_link\tg:price\tg:availability\tg:brand\t"
    "g:color\tg:item_group_id\tshipping\tshipping(country:price)\n"
    "A-R\tShirt\tNice\thttps://x/a\thttps://x/a.jpg\t10.00 USD\tin_stock\tAcme\tRed\tA\t"
    "US:::5.00 USD\t\n"
    "B\tBag\t\thttps://x/b\thttps://x/b.jpg\tUSD 20\tout_of_stock\tAcme\t\t\t\tCA:7.50 CAD\n"
    "A-B\tShirt\tNice\thttps://x/a\thttps://x/a2.jpg\t10.00 USD\tin_stock\tAcme\tBlue\tA\t\t\n"
)


def test_text_feed(tmp_path: Path) -> None:
    seen: list[str] = []
    path = tmp_path / "feed.txt"
    path.write_text(TEXT_FEED, "utf-8")
    items = list(load(str(path), options=LoadOptions(on_format=lambda p, how: seen.append(how))))
    assert seen == ["merchant-tsv (detected)"]
    listings = _by_id(items)
    assert list(listings) == ["A", "B"]
    shirt, bag = listings["A"], listings["B"]
    assert shirt.source.line == 2 and [v.id for v in shirt.variants] == ["A-R", "A-B"]
    assert shirt.shipping == {"country": "US", "cost": 5.0, "currency": "USD"}
    assert (bag.source.line, bag.price, bag.currency) == (3, 20.0, "USD")
    assert bag.shipping == {"country": "CA", "cost": 7.5, "currency": "CAD"}


@pytest.mark.parametrize("name", ["feed.xml", "feed.txt"])
def test_image_urls_that_hold_commas_stay_whole(tmp_path: Path, name: str) -> None:
    # Image CDNs put their transformations in the path, separated by commas.
    first = "https://cdn.example/upload/w_1200,h_1200,c_pad/mug-1.jpg"
    second = "https://cdn.example/upload/w_1200,h_1200,c_pad/mug-2.jpg"
    if name == "feed.xml":
        content = (
            '<rss xmlns:g="http://base.google.com/ns/1.0" version="2.0"><channel><item>'
            "<g:id>M</g:id><g:title>Mug</g:title><g:image_link>https://cdn.example/mug.jpg"
            f"</g:image_link><g:additional_image_link>{first}</g:additional_image_link>"
            f"<g:additional_image_link>{second}</g:additional_image_link>"
            "</item></channel></rss>"
        )
    else:
        content = (
            "id\ttitle\timage_link\tadditional_image_link\n"
            f"M\tMug\thttps://cdn.example/mug.jpg\t{first},{second}\n"
        )
    (mug,) = _by_id(_load(tmp_path, content, name)).values()
    assert mug.images == ("https://cdn.example/mug.jpg", first, second)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("id\ttitle\tlink\timage_link\tprice\tavailability", "merchant-tsv"),
        ("ID,Title,Image link,Price,Availability,Condition", "merchant-tsv"),
        ("id,title,price,color,images", "csv"),  # a plain table: nothing only a feed has
        ("id,title,link,price,supplier,notes,stock,images", "csv"),
    ],
)
def test_text_feed_detection(tmp_path: Path, header: str, expected: str) -> None:
    seen: list[str] = []
    path = tmp_path / "export.csv"
    path.write_text(header + "\n")  # the header alone decides
    list(load(str(path), options=LoadOptions(on_format=lambda p, how: seen.append(how))))
    assert seen == [f"{expected} (detected)"]


def test_findings_point_at_the_item(tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(RSS.replace("<g:sale_price>12.00 USD", "<g:sale_price>19.00 USD"), "utf-8")
    result = run_cli("check", str(path), "--format", "json", "--select", "sale-price-above-price")
    (finding,) = json.loads(result.stdout)["findings"]
    assert (finding["listing_id"], finding["variant_id"], finding["source"]["line"]) == (
        "TEE",
        "TEE-R-S",
        6,
    )


def test_xml_files_are_found_in_folders(tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "atom.xml").write_text(ATOM, "utf-8")
    result = run_cli("check", str(tmp_path / "feeds"), "--format", "json")
    assert json.loads(result.stdout)["summary"]["listings"] == 1


def test_stdin_with_an_input_format(run_cli: Callable[..., Result]) -> None:
    args = ("check", "-", "--input-format", "merchant-xml", "--format", "json")
    result = run_cli(*args, "--ignore", "image-missing", input=ATOM)  # the item has no photo
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["summary"]["listings"] == 1
