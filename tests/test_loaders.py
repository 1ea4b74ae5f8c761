"""The loader API: discovering files, choosing the format, stdin, and the contract that only
UnusableInput ever escapes."""

from __future__ import annotations

import io
import json
import os
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import listlint.loaders as loaders
from listlint.loaders import (
    SUPPORTED_SUFFIXES,
    Loaded,
    Problem,
    UnusableInput,
    discover,
    load,
    source,
)
from listlint.model import Listing

RECORDS = [
    {"id": "A1", "title": "Linen Shirt", "price": 39.9, "attributes": {"color": "white"}},
    {"id": "A2", "title": "Wool Scarf", "variants": [{"id": "A2-R", "stock": 3}]},
]


def _ids(items: list[Loaded]) -> list[str]:
    return [item.id for item in items if isinstance(item, Listing)]


# --- discover -----------------------------------------------------------------------------


def _touch(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("[]")


def test_discover_expands_directories_recursively_and_sorted(tmp_path: Path) -> None:
    _touch(
        tmp_path,
        "shop/b.csv",
        "shop/a.JSON",
        "shop/sub/c.yml",
        "shop/sub/deeper/d.ndjson",
        "shop/notes.txt",
        "shop/image.jpg",
        "shop/.hidden.json",
        "shop/.git/x.json",
        "shop/.listlint_cache/y.jsonl",
        "shop/node_modules/pkg/z.json",
    )
    found = discover([str(tmp_path / "shop")])
    assert [os.path.relpath(p, tmp_path) for p in found] == [
        "shop/a.JSON",
        "shop/b.csv",
        "shop/sub/c.yml",
        "shop/sub/deeper/d.ndjson",
    ]


def test_discover_keeps_named_files_whatever_their_suffix_and_stdin(tmp_path: Path) -> None:
    _touch(tmp_path, "feed.txt", "dir/a.tsv")
    named = [str(tmp_path / "feed.txt"), "-", str(tmp_path / "dir")]
    assert discover(named) == [named[0], "-", str(tmp_path / "dir" / "a.tsv")]


def test_discover_drops_repeats(tmp_path: Path) -> None:
    _touch(tmp_path, "dir/a.json")
    file = str(tmp_path / "dir" / "a.json")
    assert discover([file, str(tmp_path / "dir"), file, "-", "-"]) == [file, "-"]


def test_discover_missing_path(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.json")
    with pytest.raises(UnusableInput) as caught:
        discover([missing])
    assert str(caught.value) == f"{missing}: no such file or directory"


def test_supported_suffixes() -> None:
    assert SUPPORTED_SUFFIXES == (
        ".json", ".jsonl", ".ndjson", ".csv", ".tsv", ".yaml", ".yml", ".xml",
    )  # fmt: skip


# --- format choice ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        json.dumps(RECORDS, indent=2),
        json.dumps({"listings": RECORDS}),
        "".join(json.dumps(r) + "\n" for r in RECORDS),
        "id,title\nA1,Linen Shirt\nA2,Wool Scarf\n",
        "id;title\nA1;Linen Shirt\nA2;Wool Scarf\n",
    ],
    ids=["json-array", "json-object", "json-lines", "csv", "csv-semicolon"],
)
def test_unknown_suffix_is_sniffed(tmp_path: Path, content: str) -> None:
    path = tmp_path / "export.txt"
    path.write_text(content, "utf-8")
    assert _ids(list(load(str(path)))) == ["A1", "A2"]


def test_broken_array_without_suffix_is_still_reported_as_json(tmp_path: Path) -> None:
    path = tmp_path / "export"
    path.write_text('[{"id": "A1", "title": "T"},\n{"id": ]')
    items = list(load(str(path)))
    assert _ids(items) == ["A1"]
    assert isinstance(items[1], Problem)
    assert items[1].message.startswith("broken JSON")


# --- stdin --------------------------------------------------------------------------------


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def test_stdin_is_json_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    data = ("\n".join(json.dumps(r, ensure_ascii=False) for r in RECORDS) + "\n").encode()
    monkeypatch.setattr(sys, "stdin", _Stdin(data))
    seen: list[tuple[str, str]] = []
    items = list(load("-", on_encoding=lambda path, name: seen.append((path, name))))
    assert [(item.id, str(item.source)) for item in items if isinstance(item, Listing)] == [
        ("A1", "<stdin>:1"),
        ("A2", "<stdin>:2"),
    ]
    assert seen == [("<stdin>", "utf-8")]


def test_empty_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(b""))
    with pytest.raises(UnusableInput, match=r"^<stdin>: file is empty$"):
        load("-")


def test_no_stdin_at_all(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    with pytest.raises(UnusableInput, match=r"^<stdin>: no standard input to read$"):
        load("-")


# --- unusable files -----------------------------------------------------------------------


def test_unusable_files_raise_from_load_itself(tmp_path: Path) -> None:
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "blank.json").write_bytes(b" \r\n\t\n")
    (tmp_path / "bom-only.csv").write_bytes(b"\xef\xbb\xbf\n")
    (tmp_path / "dir.json").mkdir()
    cases = {
        "empty.csv": "file is empty",
        "blank.json": "file is empty",
        "bom-only.csv": "file is empty",
        "dir.json": "is a directory",
        "missing.jsonl": "no such file or directory",
    }
    for name, reason in cases.items():
        path = str(tmp_path / name)
        with pytest.raises(UnusableInput) as caught:
            load(path)  # no iteration needed: load reads up to the first record
        assert str(caught.value) == f"{path}: {reason}"


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.json"
    path.write_text("[]")

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise PermissionError(13, "Permission denied")

    # Tests may run as root, for whom chmod 000 does not stop reading.
    monkeypatch.setattr(source, "open", refuse, raising=False)
    with pytest.raises(UnusableInput, match=r"secret\.json: permission denied$"):
        load(str(path))


def test_on_encoding_is_called_once_per_file(tmp_path: Path) -> None:
    path = tmp_path / "catalog.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in RECORDS * 50), "utf-8")
    seen: list[tuple[str, str]] = []
    items = list(load(str(path), on_encoding=lambda p, name: seen.append((p, name))))
    assert len(items) == 100
    assert seen == [(str(path), "utf-8")]


def test_a_loader_bug_costs_the_file_not_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def first_then_crash(text: str, path: str) -> Iterator[Loaded]:
        yield from loaders.load_json_lines(text, path)
        raise KeyError("boom")

    def crash(text: str, path: str) -> Iterator[Loaded]:
        raise KeyError("boom")
        yield  # a generator, like the real loaders

    path = tmp_path / "catalog.jsonl"
    path.write_text(json.dumps(RECORDS[0]) + "\n")
    monkeypatch.setitem(loaders._LOADERS, "jsonl", first_then_crash)
    items = list(load(str(path)))
    assert isinstance(items[-1], Problem)
    assert items[-1].message == "could not read the rest of the file (KeyError: 'boom')"
    monkeypatch.setitem(loaders._LOADERS, "jsonl", crash)
    with pytest.raises(UnusableInput, match=r"catalog\.jsonl: cannot read: KeyError: 'boom'"):
        load(str(path))


# --- only UnusableInput escapes -----------------------------------------------------------

DEEP = "[" * 100_000 + "]" * 100_000


def _valid_catalogs() -> dict[str, str]:
    return {
        "catalog.json": json.dumps({"listings": RECORDS}, indent=2, ensure_ascii=False),
        "catalog.jsonl": "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS),
        "catalog.csv": 'id,title,price,color,images\nA1,"Linen\nShirt",39.9,white,a.jpg|b.jpg\n'
        "A2,Wool Scarf,,,\n",
        "catalog.tsv": "id\ttitle\tprice\nA1\tLinen Shirt\t39.9\nA2\tWool Scarf\t\n",
        "catalog.yaml": "listings:\n  - id: A1\n    title: Linen Shirt\n    price: 39.9\n"
        "  - {id: A2, title: Wool Scarf, variants: [{id: A2-R, stock: 3}]}\n",
        "shopify.csv": "Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price\n"
        'a1,"Linen\nShirt",Size,S,A1-S,39.9\na2,Wool Scarf,Title,Default Title,A2,9\n'
        "a1,,,M,A1-M,39.9\n",
        "woocommerce.csv": "ID,Type,SKU,Name,Parent,Regular price,Attribute 1 name,"
        'Attribute 1 value(s)\n1,variable,A1,Linen Shirt,,,Size,"S, M"\n'
        "2,variation,A1-S,Linen Shirt - S,id:1,39.9,Size,S\n3,simple,A2,Wool Scarf,,9,,\n",
        "feed.xml": '<?xml version="1.0"?>\n<rss xmlns:g="http://base.google.com/ns/1.0">'
        "<channel>\n<item><g:id>A1</g:id><title>Linen Shirt</title><g:price>39.90 USD"
        "</g:price><g:item_group_id>A</g:item_group_id></item>\n<item><g:id>A2</g:id>"
        "<title>Wool Scarf</title><g:shipping><g:price>5 EUR</g:price></g:shipping></item>\n"
        "</channel></rss>\n",
        "feed.tsv": "id\ttitle\tlink\timage_link\tprice\tshipping\n"
        "A1\tLinen Shirt\thttps://x/a\thttps://x/a.jpg\t39.90 USD\tUS:::5.00 USD\n"
        "A2\tWool Scarf\thttps://x/b\thttps://x/b.jpg\t9 EUR\t\n",
    }


def _load_or_unusable(path: Path) -> list[Loaded] | None:
    try:
        items = list(load(str(path)))
    except UnusableInput as exc:
        assert "\n" not in str(exc)
        assert str(exc).startswith(str(path))
        return None
    assert all(isinstance(item, (Listing, Problem)) for item in items)
    return items


@pytest.mark.parametrize("name", sorted(_valid_catalogs()))
def test_every_truncation_of_a_catalog(tmp_path: Path, name: str) -> None:
    data = _valid_catalogs()[name].encode()
    path = tmp_path / name
    for end in range(len(data)):
        path.write_bytes(data[:end])
        _load_or_unusable(path)


@pytest.mark.parametrize("name", sorted(_valid_catalogs()))
def test_random_damage_to_a_catalog(tmp_path: Path, name: str) -> None:
    rng = random.Random(name)
    data = _valid_catalogs()[name].encode()
    path = tmp_path / name
    for _ in range(300):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 4)):
            damaged[rng.randrange(len(damaged))] = rng.choice(b'[]{}",:;\n\r\t \x00\xff\xe9-|#&*')
        path.write_bytes(bytes(damaged))
        _load_or_unusable(path)


@pytest.mark.parametrize("name", sorted(_valid_catalogs()))
def test_hostile_content_in_every_format(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    for content in [
        DEEP.encode(),
        b'{"id": "X", "title": ' + DEEP.encode() + b"}",
        b"id,title\n" + DEEP.encode() + b",x\n",
        b"\xff\xfe" + b"\x00" * 7,  # UTF-16 BOM with an odd byte count
        b"\xef\xbb\xbf",
        b'[{"id": "X", "title": "T", "stock": ' + b"9" * 5000 + b"}]",  # int() refuses it
        b"9" * 5000,
        b"\x00" * 100,
        random.Random(0).randbytes(4096),
        "".join(chr(c) for c in range(1, 0x800)).encode(),
    ]:
        path.write_bytes(content)
        _load_or_unusable(path)


@pytest.mark.parametrize("name", ["catalog.json", "catalog.jsonl", "catalog.csv", "catalog.yaml"])
def test_ten_megabyte_title_and_invalid_utf8_mid_file(tmp_path: Path, name: str) -> None:
    title = ("Crème " * 1_500_000).strip()  # about 10 MB of UTF-8 around one byte that is not
    records = [{"id": "A1", "title": title}, {"id": "A2", "title": "Caf\udce9"}, RECORDS[0]]
    if name.endswith(".csv"):
        text = "id,title\n" + "".join(f"{r['id']},{r['title']}\n" for r in records)
    elif name.endswith(".yaml"):
        text = "".join(f"- id: {r['id']}\n  title: {r['title']}\n" for r in records)
    elif name.endswith(".jsonl"):
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    else:
        text = json.dumps(records, ensure_ascii=False, indent=1)
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8", "surrogateescape"))  # "\udce9" becomes byte 0xE9
    items = _load_or_unusable(path)
    assert items is not None
    # Read whole, then refused as a listing: no title is that long (invalid-listing says so).
    assert [type(item).__name__ for item in items] == ["Problem", "Problem", "Listing"]
    assert isinstance(items[0], Problem) and items[0].listing_id == "A1"
    assert f"'title' has {len(title):,} characters" in items[0].message
    assert isinstance(items[1], Problem)
    assert items[1].listing_id == "A2"
