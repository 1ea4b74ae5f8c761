"""Hypothesis strategies for hostile catalogs and records, and the helpers the fuzz tests share."""

from __future__ import annotations

import json
import math
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from hypothesis import strategies as st

from listlint.loaders.base import _without_lone_surrogates

# The fields of ../shared/docs/listing-format.md, and what a well-typed value of each looks like.
FIELDS = (
    "id", "title", "description", "category", "brand", "language", "marketplace", "attributes",
    "variants", "images", "price", "sale_price", "currency", "stock", "gtin", "shipping",
    "updated_at", "listlint",
)  # fmt: skip
SUFFIXES = (".csv", ".tsv", ".json", ".jsonl", ".yaml", ".xml")

# Stands for a value nested DEPTH lists or objects deep: json.dumps would recurse on the real
# thing, so the JSON text is spliced in after dumping (see dump_record).
_DEEP = "\x00deep\x00"
DEPTH = 10_000

# Text sellers' files hold at their worst: controls, NUL, BOMs, bidi marks, lone surrogates,
# line and paragraph separators, combining marks, emoji, CJK.
_NASTY_CHARS = st.sampled_from(
    [
        "\x00", "\x01", "\x1b", "\x7f", "\x85", "\u00a0", "\u200b", "\u200e", "\u202e",
        "\u2028", "\u2029", "\ufeff", "\ufffd", "\ud800", "\udfff", "\u0301", "\U0001f600",
        "\r", "\n", "\r\n", "\t", '"', "\\", "<", "&", ",", ";", "|", ":", "#", "-", "{", "[",
        "红", "色", "Ｔシャツ", "İ", "ß",
    ]
)  # fmt: skip
_WORDS = st.sampled_from(
    [
        "Red", "navy blue", "Cotton", "100%", "polyester", "T-Shirt", "Hoodie", "size", "XL",
        "55 inch", "139 cm", "1.7L", "8GB RAM", "FREE SHIPPING", "SALE", "ships in 4-6 weeks",
        "delivered in 1-2 days", "with white logo", "lorem ipsum", "TBD", "N/A", "<b>", "</p>",
        "Nordwind", "leather", "gold", "12,50", "1.299,00", "EU 42", "und", "et", "azul",
    ]
)  # fmt: skip

texts = st.one_of(
    st.text(max_size=40),
    st.lists(st.one_of(_WORDS, _NASTY_CHARS, st.text(max_size=5)), max_size=30).map(" ".join),
)
numbers = st.one_of(
    st.integers(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, -1, 2**53 + 1, -(2**63), 10**300, 1e308, -0.0, 5e-324]),
)
scalars = st.one_of(st.none(), st.booleans(), numbers, texts)
deep = st.just(_DEEP)
# Any JSON value, a little nested: what a field may hold instead of its proper type.
anything = st.recursive(
    st.one_of(scalars, deep),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.one_of(texts, _WORDS), inner, max_size=4)
    ),
    max_leaves=12,
)


def _attribute_values() -> st.SearchStrategy[Any]:
    return st.one_of(texts, st.lists(texts, max_size=3), anything)


def _field_value(name: str) -> st.SearchStrategy[Any]:
    """A value for ``name``: often of the right type, often not."""
    proper: dict[str, st.SearchStrategy[Any]] = {
        "attributes": st.dictionaries(st.one_of(_WORDS, texts), _attribute_values(), max_size=4),
        "variants": st.lists(
            st.fixed_dictionaries(
                {},
                optional={
                    "id": texts,
                    "attributes": st.dictionaries(_WORDS, _attribute_values(), max_size=3),
                    "price": numbers,
                    "sale_price": numbers,
                    "stock": numbers,
                    "gtin": st.one_of(texts, numbers),
                    "images": st.lists(texts, max_size=2),
                },
            ),
            max_size=3,
        ),
        "images": st.lists(texts, max_size=3),
        "price": st.one_of(numbers, texts),
        "sale_price": st.one_of(numbers, texts),
        "stock": st.one_of(numbers, texts),
        "gtin": st.one_of(texts, numbers, st.sampled_from(["0885909950805", "4006381333931"])),
        "shipping": st.dictionaries(
            st.sampled_from(["days_min", "days_max", "cost", "from"]), anything, max_size=4
        ),
        "listlint": st.fixed_dictionaries({"ignore": st.one_of(st.lists(texts), anything)}),
    }
    return st.one_of(proper.get(name, texts), anything)


@st.composite
def hostile_records(draw: st.DrawFn) -> Any:
    """A record as a JSON file may hold it: usually an object with the format's fields, each of
    any type; sometimes no object at all."""
    if draw(st.integers(0, 9)) == 0:
        return draw(anything)
    record: dict[str, Any] = {}
    for name in FIELDS:
        if draw(st.booleans()):
            record[name] = draw(_field_value(name))
    for key in draw(st.lists(texts, max_size=2)):
        record[key] = draw(anything)
    return record


@st.composite
def valid_records(draw: st.DrawFn) -> dict[str, Any]:
    """A record that passes validation: every field of the right type, hostile in content."""
    text = st.one_of(texts, _WORDS)
    strings = st.lists(text, max_size=3)
    finite = st.one_of(
        st.floats(allow_nan=False, allow_infinity=False),
        st.integers(-(10**6), 10**6),
        st.sampled_from([0, -1, 0.01, 19.99, 1e15]),
    )
    attributes = st.dictionaries(
        st.one_of(_WORDS, st.sampled_from(["color", "size", "material", "screen_size"])),
        st.one_of(text, strings),
        max_size=4,
    )
    record: dict[str, Any] = {
        "id": draw(text.filter(lambda s: bool(s.strip()))),
        "title": draw(text.filter(lambda s: bool(s.strip()))),
    }
    optional: dict[str, st.SearchStrategy[Any]] = {
        "description": text,
        "category": st.one_of(text, st.sampled_from(["Men/Tops/Hoodies", "Shoes > Sneakers"])),
        "brand": text,
        "language": st.one_of(text, st.sampled_from(["en", "de", "zh-CN", "ja", "fr"])),
        "marketplace": st.one_of(text, st.sampled_from(["amazon", "google", "ebay"])),
        "attributes": attributes,
        "variants": st.lists(
            st.fixed_dictionaries(
                {},
                optional={
                    "id": text,
                    "attributes": attributes,
                    "price": finite,
                    "sale_price": finite,
                    "stock": st.integers(-(10**6), 10**6),
                    "gtin": text,
                    "images": strings,
                },
            ),
            max_size=3,
        ),
        "images": strings,
        "price": finite,
        "sale_price": finite,
        "currency": st.one_of(text, st.sampled_from(["USD", "EUR"])),
        "stock": st.integers(-(10**9), 10**9),
        "gtin": st.one_of(text, st.sampled_from(["0885909950805", "12345"])),
        "shipping": st.dictionaries(
            st.sampled_from(["days_min", "days_max", "cost", "from"]),
            st.one_of(finite, text),
            max_size=4,
        ),
        "updated_at": st.one_of(text, st.sampled_from(["2026-11-01", "2020-01-01T00:00:00Z"])),
        "listlint": st.fixed_dictionaries({"ignore": strings}),
    }
    for name, strategy in optional.items():
        if draw(st.booleans()):
            record[name] = draw(strategy)
    # Half characters ("\ud800") become U+FFFD in every loader before a check sees them.
    cleaned: dict[str, Any] = _without_lone_surrogates(record)
    return cleaned


def dump_record(record: Any, *, ascii_only: bool = True) -> str:
    """One line of JSON Lines for ``record`` (NaN and Infinity as Python writes them), with
    every deep placeholder replaced by a value nested DEPTH levels deep."""
    line = json.dumps(record, ensure_ascii=ascii_only, allow_nan=True)
    placeholder = json.dumps(_DEEP)
    if placeholder in line:
        line = line.replace(placeholder, "[" * DEPTH + "]" * DEPTH, 1)
        line = line.replace(placeholder, '{"a":' * DEPTH + "1" + "}" * DEPTH)
    return line


# Seeds for mutation: a small valid catalog in each format.
SEEDS: dict[str, str] = {
    ".csv": 'id,title,price,color,images\nT1,"Red Tee, cotton",12.50,Red,a.jpg|b.jpg\nT2,Hat,3,,\n',
    ".tsv": "id\ttitle\tprice\tsize\nT1\tRed Tee\t12,50\tM\nT2\tHat\t3\t\n",
    ".json": '{"listings": [{"id": "T1", "title": "Red Tee", "price": 5},\n'
    ' {"id": "T2", "title": "Hat", "attributes": {"color": ["Red"]}}]}\n',
    ".jsonl": '{"id": "T1", "title": "Red Tee", "price": 5}\n{"id": "T2", "title": "Hat"}\n',
    ".yaml": "listings:\n  - id: T1\n    title: Red Tee\n    attributes: {color: red}\n"
    "  - id: T2\n    title: Hat\n    variants:\n      - {id: a, price: 3}\n",
    ".xml": '<?xml version="1.0"?>\n<rss xmlns:g="http://base.google.com/ns/1.0"><channel>\n'
    "<item><g:id>T1</g:id><title>Red Tee</title><g:price>15.00 USD</g:price></item>\n"
    "<item><g:id>T2</g:id><title>Hat</title><g:shipping><g:country>US</g:country>"
    "</g:shipping></item>\n</channel></rss>\n",
}
_TOKENS = st.sampled_from(
    [
        b"\x00", b"\xff", b"\xfe\xff", b"\xef\xbb\xbf", b"\xed\xa0\x80", b"\xc3", b"\r", b"\n",
        b"\r\n", b'"', b",", b"\t", b"{", b"}", b"[", b"]", b"<", b">", b"</item>", b"<item>",
        b"&amp;", b"&bogus;", b"<!DOCTYPE x [<!ENTITY a 'b'>]>", b":", b"- ", b"*a", b"&a ",
        b"!!python/object:os.system", b"NaN", b"1e999", b"-", b"\\u", b"\\ud800",
        "\u00e9".encode("cp1252"), "\u7ea2".encode("gbk"), b"\x1b[31m",
    ]
)  # fmt: skip


@st.composite
def catalog_bytes(draw: st.DrawFn, suffix: str) -> bytes:
    """Bytes for a file named ``*suffix``: random, or the seed catalog with bytes spliced in,
    cut out, repeated or truncated."""
    if draw(st.integers(0, 3)) == 0:
        return draw(st.binary(max_size=600))
    data = bytearray(SEEDS[suffix].encode("utf-8"))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.integers(0, 4))
        if action <= 1:
            data[at:at] = draw(st.one_of(_TOKENS, st.binary(min_size=1, max_size=8)))
        elif action == 2:
            del data[at : at + draw(st.integers(1, 12))]
        elif action == 3:
            data[at:at] = data[max(0, at - 40) : at] * draw(st.integers(1, 5))
        else:
            data = data[:at]
    return bytes(data)


class Hang(Exception):
    """An in-process run went past its time limit."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise Hang in the block after ``seconds`` of wall time: a hang fails the example."""

    def expired(signum: int, frame: object) -> None:
        raise Hang(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def finite_or_none(value: float | None) -> bool:
    return value is None or math.isfinite(value)
