"""Encodings: BOMs, UTF-8, the legacy encodings sellers' spreadsheets come in, and --encoding."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from listlint.loaders import Loaded, Problem, UnusableInput, check_encoding, load
from listlint.loaders.encoding import decode
from listlint.model import Listing

GBK_TITLES = ["男士纯棉圆领短袖T恤 白色", "不锈钢保温杯 500毫升", "口红", "纯棉毛巾"]
BIG5_TITLES = ["男士純棉圓領短袖T恤 白色", "不鏽鋼保溫杯 500毫升", "手機支架", "口紅 霧面"]
SJIS_TITLES = [
    "メンズ 綿100% 半袖 Tシャツ",
    "本革 財布 長財布 黒",
    "猫砂 豆腐 6L",
    "天然木 収納 棚",
]
CP1252_TITLES = [
    "Café crème \u2013 12 €",
    "Größe M, weiß",
    "Cadre photo 13\u00d718",
    "Sac « urbain »",
]


def _write(tmp_path: Path, data: bytes, name: str = "catalog.csv") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def _read(path: str, encoding: str | None = None) -> tuple[list[Loaded], list[str]]:
    seen: list[str] = []
    items = list(load(path, encoding=encoding, on_encoding=lambda _, name: seen.append(name)))
    return items, seen


def _titles(items: list[Loaded]) -> list[str]:
    assert all(isinstance(item, Listing) for item in items), items
    return [item.title for item in items if isinstance(item, Listing)]


@pytest.mark.parametrize(
    ("codec", "reported", "titles"),
    [
        ("gbk", "gb18030", GBK_TITLES),
        ("big5", "big5", BIG5_TITLES),
        ("shift_jis", "shift_jis", SJIS_TITLES),
        ("cp1252", "cp1252", CP1252_TITLES),
    ],
)
def test_legacy_encodings_of_one_row_csv_files(
    tmp_path: Path, codec: str, reported: str, titles: list[str]
) -> None:
    # One row is the hard case: too few bytes for statistics. Every title is tried on its own.
    for title in titles:
        path = _write(tmp_path, f'id,title,price\nP1,"{title}",12.50\n'.encode(codec))
        items, seen = _read(path)
        assert (_titles(items), seen) == ([title], [reported]), title


@pytest.mark.parametrize(
    ("codec", "reported", "titles"),
    [
        ("gb18030", "gb18030", GBK_TITLES),
        ("big5", "big5", BIG5_TITLES),
        ("shift_jis", "shift_jis", SJIS_TITLES),
        ("cp1252", "cp1252", CP1252_TITLES),
    ],
)
def test_legacy_encodings_of_json_lines(
    tmp_path: Path, codec: str, reported: str, titles: list[str]
) -> None:
    content = "".join(f'{{"id": "P{i}", "title": "{t}"}}\n' for i, t in enumerate(titles))
    items, seen = _read(_write(tmp_path, content.encode(codec), "catalog.jsonl"))
    assert (_titles(items), seen) == (titles, [reported])


def test_microsoft_supersets_when_the_standard_codec_fails(tmp_path: Path) -> None:
    # "①" exists only in cp932, Windows' Shift_JIS; "€" only in cp950, Windows' Big5.
    sjis = _write(tmp_path, "id,title\nP1,スマホケース ①ブラック\n".encode("cp932"), "a.csv")
    big5 = _write(tmp_path, "id,title\nP1,手機支架 特價 €9\n".encode("cp950"), "b.csv")
    assert _read(sjis)[1] == ["cp932"]
    assert _read(big5)[1] == ["cp950"]


@pytest.mark.parametrize(
    ("codec", "reported"),
    [
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),
        ("utf-16-le", "utf-16"),
        ("utf-16-be", "utf-16"),
        ("utf-32", "utf-32"),
    ],
)
def test_byte_order_marks(tmp_path: Path, codec: str, reported: str) -> None:
    text = "id,title\nP1,Café 男士\n"
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(codec, b"")
    items, seen = _read(_write(tmp_path, bom + text.encode(codec)))
    assert (_titles(items), seen) == (["Café 男士"], [reported])
    assert isinstance(items[0], Listing)
    assert items[0].id == "P1"  # the BOM did not stick to the "id" header


def test_plain_utf8_and_ascii(tmp_path: Path) -> None:
    items, seen = _read(_write(tmp_path, "id,title\nP1,Café crème \u2013 12 €\n".encode()))
    assert (_titles(items), seen) == (["Café crème \u2013 12 €"], ["utf-8"])
    assert _read(_write(tmp_path, b"id,title\nP1,Plain\n"))[1] == ["utf-8"]


def test_forced_encoding_overrides_detection(tmp_path: Path) -> None:
    path = _write(tmp_path, "id,title\nP1,Café\n".encode("cp1252"))
    items, seen = _read(path, encoding="latin-1")
    assert (_titles(items), seen) == (["Café"], ["iso8859-1"])
    # Forced UTF-8 reads a BOM file too, without the BOM in the header.
    items, _ = _read(_write(tmp_path, "\ufeffid,title\nP1,x\n".encode()), encoding="utf-8")
    assert _titles(items) == ["x"]


def test_forced_encoding_that_does_not_fit(tmp_path: Path) -> None:
    path = _write(tmp_path, b"id,title\nP1,Caf\xe9\n")
    with pytest.raises(UnusableInput) as caught:
        _read(path, encoding="utf-8")
    assert str(caught.value) == f"{path}: not valid utf-8: cannot decode byte 0xe9 at offset 15"


def test_unknown_encoding_name(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown encoding 'klingon'"):
        check_encoding("klingon")
    with pytest.raises(ValueError, match="'rot13' is not a text encoding"):
        check_encoding("rot13")
    with pytest.raises(ValueError, match="unknown encoding"):
        _read(_write(tmp_path, b"id,title\n"), encoding="klingon")
    assert check_encoding("Windows-1252") == "cp1252"
    assert check_encoding("GBK") == "gbk"


def test_decode_returns_text_and_name() -> None:
    assert decode("男士T恤".encode("gbk"), "x.csv", None) == ("男士T恤", "gb18030")
    assert decode(b"plain", "x.csv", None) == ("plain", "utf-8")
    assert decode("é".encode("utf-8-sig"), "x.csv", None) == ("é", "utf-8-sig")
    assert decode(b"\xe9t\xe9", "x.csv", "cp1252") == ("été", "cp1252")


def test_a_few_bad_bytes_in_a_utf8_file_cost_their_records_only(tmp_path: Path) -> None:
    good = "".join(f'{{"id": "P{i}", "title": "Crème brûlée n°{i}"}}\n' for i in range(5))
    data = good.encode() + b'{"id": "BAD", "title": "Caf\xe9 au lait"}\n' + good.encode()
    items, seen = _read(_write(tmp_path, data, "catalog.jsonl"))
    assert seen == ["utf-8"]
    problems = [item for item in items if isinstance(item, Problem)]
    assert [(p.source.line, p.field, p.listing_id) for p in problems] == [(6, "title", "BAD")]
    assert "not valid UTF-8" in problems[0].message
    assert sum(isinstance(item, Listing) for item in items) == 10
    assert _titles([items[0]]) == ["Crème brûlée n°0"]  # not garbled as Windows-1252


def test_one_latin1_byte_in_an_ascii_file_is_windows_1252(tmp_path: Path) -> None:
    items, seen = _read(_write(tmp_path, b"id,title\nP1,Caf\xe9 noir\nP2,Tea\n"))
    assert (_titles(items), seen) == (["Café noir", "Tea"], ["cp1252"])


@pytest.mark.parametrize(
    "data",
    [
        "id,title\nP1,x\n".encode("utf-16-le"),  # UTF-16 without a BOM: NUL bytes
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
    ],
)
def test_binary_files_are_unusable(tmp_path: Path, data: bytes) -> None:
    path = _write(tmp_path, data)
    with pytest.raises(UnusableInput, match=r"binary data, not text \(NUL byte at offset \d+\)"):
        _read(path)


def test_bytes_no_supported_encoding_reads(tmp_path: Path) -> None:
    # 0x81 is undefined in Windows-1252, and a lead byte the comma cannot follow in the others.
    path = _write(tmp_path, b"id,title\nP1,\x81,x\n")
    with pytest.raises(UnusableInput) as caught:
        _read(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: not UTF-8 (invalid byte at offset 12) nor GB18030")
    assert "--encoding" in message


def test_control_characters_everywhere_are_binary(tmp_path: Path) -> None:
    path = _write(tmp_path, bytes(range(1, 9)) * 200)
    with pytest.raises(UnusableInput, match="binary data, not text"):
        _read(path)
