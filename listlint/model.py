"""The listing record of listing-format.md, as immutable Python objects.

Every loader produces plain dicts; :func:`build_listing` turns one dict into a :class:`Listing`
or raises :class:`RecordError` listing every field that is unusable, so a loader never has to
know the record's rules.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import repeat
from typing import Any

from listlint.text.quoting import quoted


@cache
def attribute_aliases() -> Mapping[str, str]:
    """Attribute name -> the canonical one it means ("farbe" -> "color"), from
    ``listlint/vocab/attribute_names.toml``."""
    from listlint import _vocab  # the record model imports nothing else at start-up

    return {
        " ".join(alias.lower().split()): canonical
        for canonical, aliases in _vocab.load("attribute_names.toml").items()
        for alias in _vocab.strings(aliases)
    }


@lru_cache(maxsize=1024)  # catalogs use a handful of attribute names, over and over
def canonical_attribute(name: str) -> str:
    """Return the canonical attribute name: lower case, trimmed, aliases applied."""
    key = " ".join(name.strip().lower().split())
    return attribute_aliases().get(key, key)


@dataclass(frozen=True)
class SourceLocation:
    """Where a record came from: the file (or ``<stdin>``) and the 1-based line it starts on."""

    path: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line is not None else self.path


@dataclass(frozen=True)
class ListingRef:
    """A record as the reports list it, findings or not: its id, title, place and images.

    Records that could not be read have the id their problem names (else "") and no title.
    """

    id: str
    title: str
    source: SourceLocation
    images: tuple[str, ...] = ()


@dataclass(frozen=True)
class Variant:
    id: str | None = None
    attributes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    price: float | None = None
    sale_price: float | None = None
    stock: int | None = None
    gtin: str | None = None
    images: tuple[str, ...] = ()


@dataclass(frozen=True)
class Listing:
    id: str
    title: str
    source: SourceLocation
    description: str = ""
    category: str = ""
    brand: str = ""
    language: str = ""
    marketplace: str = ""
    attributes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    variants: tuple[Variant, ...] = ()
    images: tuple[str, ...] = ()
    price: float | None = None
    sale_price: float | None = None
    currency: str = ""
    stock: int | None = None
    gtin: str | None = None
    shipping: Mapping[str, Any] = field(default_factory=dict)
    updated_at: str = ""
    # Rule names or codes the seller waived for this listing ("listlint": {"ignore": [...]}).
    ignore: frozenset[str] = frozenset()
    # Keys the record format does not define, kept for plugins.
    extra: Mapping[str, Any] = field(default_factory=dict)

    def has_attribute(self, name: str) -> bool:
        """True when the listing or every one of its variants states a non-empty ``name``."""
        if self.attributes.get(name):
            return True
        return bool(self.variants) and all(v.attributes.get(name) for v in self.variants)


class RecordError(Exception):
    """A record that cannot become a Listing; ``problems`` pairs each bad field with a reason."""

    def __init__(self, problems: Sequence[tuple[str, str]], listing_id: str | None = None):
        super().__init__("; ".join(f"{f}: {m}" for f, m in problems))
        self.problems = list(problems)
        self.listing_id = listing_id


_KNOWN_KEYS = frozenset(
    {
        "id", "title", "description", "category", "brand", "language", "marketplace",
        "attributes", "variants", "images", "price", "sale_price", "currency", "stock",
        "gtin", "shipping", "updated_at", "listlint",
    }
)  # fmt: skip


# Whole numbers up to 2**53 survive a round trip through float unchanged.
_EXACT_FLOAT_INT = 2**53


class _Fields:
    """Reads typed fields out of one raw record, collecting every problem instead of stopping."""

    def __init__(self, prefix: str = "") -> None:
        self.prefix = prefix
        self.problems: list[tuple[str, str]] = []

    def bad(self, name: str, message: str) -> None:
        self.problems.append((self.prefix + name, message))

    # The type(...) is ... fast paths below take the usual case (what JSON gives for a
    # well-formed record) straight through; anything else goes the long way, unchanged.

    def text(self, record: Mapping[str, Any], name: str, *, required: bool = False) -> str:
        value = record.get(name)
        if type(value) is str and value:
            if required and not value.strip():
                self.bad(name, f"required field '{name}' is blank")
            return value
        if value is None or value == "":
            if required:
                self.bad(name, f"required field '{name}' is missing")
            return ""
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            self.bad(name, f"'{name}' must be a string, not {_type_name(value)}")
            return ""
        text = str(value)
        if required and not text.strip():
            self.bad(name, f"required field '{name}' is blank")
        return text

    def number(self, record: Mapping[str, Any], name: str) -> float | None:
        value = record.get(name)
        if type(value) is float and math.isfinite(value):
            return value
        if value is None or value == "":
            return None
        if isinstance(value, bool):
            self.bad(name, f"'{name}' must be a number, not a boolean")
            return None
        if isinstance(value, (int, float)):
            number = float(value)
        elif isinstance(value, str):
            parsed = parse_number(value)
            if parsed is None:
                self.bad(name, f"'{name}' is not a number: {quoted(value, 40)}")
                return None
            number = parsed
        else:
            self.bad(name, f"'{name}' must be a number, not {_type_name(value)}")
            return None
        if not math.isfinite(number):
            self.bad(name, f"'{name}' must be a finite number: {quoted(str(value), 40)}")
            return None
        return number

    def integer(self, record: Mapping[str, Any], name: str) -> int | None:
        value = record.get(name)
        if type(value) is int and -_EXACT_FLOAT_INT <= value <= _EXACT_FLOAT_INT:
            return value  # what the float round trip below gives such a whole number back
        number = self.number(record, name)
        if number is None:
            return None
        if not number.is_integer():
            self.bad(name, f"'{name}' must be a whole number: {record.get(name)!r}")
            return None
        return int(number)

    def gtin(self, record: Mapping[str, Any], name: str = "gtin") -> str | None:
        value = record.get(name)
        if type(value) is str and value:
            return value.strip()
        if value is None or value == "":
            return None
        # A number here is what a spreadsheet made of a GTIN; keep its text so invalid-gtin can
        # explain what went wrong instead of rejecting the whole record.
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.bad(name, f"'{name}' must be a string, not {_type_name(value)}")
            return None
        return str(value).strip()

    def strings(self, record: Mapping[str, Any], name: str) -> tuple[str, ...]:
        value = record.get(name)
        if type(value) is list and all(map(isinstance, value, repeat(str))):
            return tuple(filter(None, value))  # the usual list of strings, tested at C speed
        if value is None or value == "":
            return ()
        if isinstance(value, str):
            return (value,)
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            return tuple(item for item in value if item)
        self.bad(name, f"'{name}' must be a list of strings, not {_type_name(value)}")
        return ()

    def attributes(self, record: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
        value = record.get("attributes")
        if value is None:
            return {}
        if type(value) is not dict and not isinstance(value, Mapping):
            self.bad("attributes", f"'attributes' must be an object, not {_type_name(value)}")
            return {}
        attributes: dict[str, tuple[str, ...]] = {}
        for raw_name, raw_value in value.items():
            name = canonical_attribute(str(raw_name))
            values = _attribute_values(raw_value)
            if values is None:
                self.bad(
                    f"attributes.{raw_name}",
                    f"attribute '{raw_name}' must be a string or a list of strings, "
                    f"not {_type_name(raw_value)}",
                )
                continue
            if values:
                attributes[name] = attributes.get(name, ()) + values
        return attributes


def _attribute_values(value: Any) -> tuple[str, ...] | None:
    if type(value) is str:  # the usual case, cheaply
        text = value.strip()
        return (text,) if text else ()
    if value is None:
        return ()
    if isinstance(value, bool):
        return None
    if isinstance(value, (str, int, float)):
        text = str(value).strip()
        return (text,) if text else ()
    if isinstance(value, list):
        items = [_attribute_values(item) for item in value]
        if any(
            item is None or isinstance(raw, list) for item, raw in zip(items, value, strict=True)
        ):
            return None
        return tuple(v for item in items if item for v in item)
    return None


def parse_number(text: str) -> float | None:
    """Parse a price or count as sellers write it: ``12.50``, ``12,50``, ``1,299.00``,
    ``1.049`` (a thousands dot), ``49,00 €``, ``USD 18.00``."""
    cleaned = _CURRENCY.sub("", text.strip()).replace("\u00a0", "").replace(" ", "")
    if not cleaned:
        return None
    if "," not in cleaned and "." in cleaned:
        head, *groups = cleaned.split(".")
        # "1.049" and "1.234.567" are thousands, as "1,299" is below: no price or count has
        # three decimals, and a spreadsheet in German, Spanish or Italian writes them so.
        if all(len(g) == 3 for g in groups) and head.lstrip("+-") not in ("", "0"):
            cleaned = head + "".join(groups)
    if "," in cleaned and "." in cleaned:
        # The separator that comes last is the decimal one: "1,299.00" and "1.299,00".
        thousands = "," if cleaned.rfind(",") < cleaned.rfind(".") else "."
        cleaned = cleaned.replace(thousands, "").replace(",", ".")
    elif "," in cleaned:
        head, _, tail = cleaned.rpartition(",")
        # "12,50" is a decimal comma; "1,299" is a thousands separator.
        cleaned = f"{head}.{tail}" if len(tail) != 3 else head + tail
    try:
        return float(cleaned)
    except ValueError:
        return None


# A currency around an amount, as a spreadsheet's currency format or a feed writes it: "49,00 €",
# "€49.00", "USD 18.00", "18.00 EUR", "R$ 49,90".
_CURRENCY = re.compile(
    r"^(?:[A-Z]{3}\s+|(?:R\$|US\$|[$€£¥₹₽₩₺₪฿])\s*)"
    r"|(?:\s+[A-Z]{3}|\s*(?:[$€£¥₹₽₩₺₪฿]|zł|kr|Kč))$"
)


def _type_name(value: Any) -> str:
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return type(value).__name__


def _variant(raw: Any, index: int) -> tuple[Variant | None, list[tuple[str, str]]]:
    fields = _Fields(prefix=f"variants[{index}].")
    if type(raw) is not dict and not isinstance(raw, Mapping):
        fields.bad("", f"a variant must be an object, not {_type_name(raw)}")
        return None, fields.problems
    variant = Variant(
        id=fields.text(raw, "id") or None,
        attributes=fields.attributes(raw),
        price=fields.number(raw, "price"),
        sale_price=fields.number(raw, "sale_price"),
        stock=fields.integer(raw, "stock"),
        gtin=fields.gtin(raw),
        images=fields.strings(raw, "images"),
    )
    return variant, fields.problems


def _ignored_rules(raw: Any, fields: _Fields) -> frozenset[str]:
    if raw is None:
        return frozenset()
    if not isinstance(raw, Mapping):
        fields.bad("listlint", "'listlint' must be an object such as {\"ignore\": [...]}")
        return frozenset()
    return frozenset(fields.strings(raw, "ignore"))


def _extra(record: Mapping[str, Any]) -> dict[str, Any]:
    if _KNOWN_KEYS.issuperset(record):  # the usual record: nothing to keep, nothing to copy
        return {}
    return {k: v for k, v in record.items() if k not in _KNOWN_KEYS}


# Far beyond any marketplace's limit, and within what the text checks read in about a second:
# a field longer than this is broken data (a whole file pasted into a cell), not a listing.
_MAX_TITLE = 10_000
_MAX_DESCRIPTION = 1_000_000
_ALLOWED = {"title": "a few hundred", "description": "a few thousand, eBay 500,000"}


def build_listing(record: Any, source: SourceLocation) -> Listing:
    """Validate one raw record and return it as a Listing; raise RecordError if it is unusable."""
    if not isinstance(record, Mapping):
        raise RecordError([("", f"a listing must be an object, not {_type_name(record)}")])
    fields = _Fields()
    listing_id = fields.text(record, "id", required=True).strip()
    title = fields.text(record, "title", required=True)
    description = fields.text(record, "description")
    for name, text, limit in (
        ("title", title, _MAX_TITLE),
        ("description", description, _MAX_DESCRIPTION),
    ):
        if len(text) > limit:
            fields.bad(
                name,
                f"'{name}' has {len(text):,} characters, more than listlint reads ({limit:,}; "
                f"marketplaces allow {_ALLOWED[name]})",
            )
    variants: list[Variant] = []
    raw_variants = record.get("variants")
    if raw_variants is not None and not isinstance(raw_variants, list):
        fields.bad("variants", f"'variants' must be a list, not {_type_name(raw_variants)}")
    for index, raw in enumerate(raw_variants if isinstance(raw_variants, list) else []):
        variant, problems = _variant(raw, index)
        fields.problems.extend(problems)
        if variant is not None:
            variants.append(variant)
    shipping = record.get("shipping")
    if shipping is not None and not isinstance(shipping, Mapping):
        fields.bad("shipping", f"'shipping' must be an object, not {_type_name(shipping)}")
        shipping = None
    listing = Listing(
        id=listing_id,
        title=title,
        source=source,
        description=description,
        category=fields.text(record, "category"),
        brand=fields.text(record, "brand"),
        language=fields.text(record, "language").strip(),
        marketplace=fields.text(record, "marketplace").strip().lower(),
        attributes=fields.attributes(record),
        variants=tuple(variants),
        images=fields.strings(record, "images"),
        price=fields.number(record, "price"),
        sale_price=fields.number(record, "sale_price"),
        currency=fields.text(record, "currency").strip().upper(),
        stock=fields.integer(record, "stock"),
        gtin=fields.gtin(record),
        shipping=dict(shipping or {}),
        updated_at=fields.text(record, "updated_at").strip(),
        ignore=_ignored_rules(record.get("listlint"), fields),
        extra=_extra(record),
    )
    if fields.problems:
        raise RecordError(fields.problems, listing_id=listing_id or None)
    return listing
