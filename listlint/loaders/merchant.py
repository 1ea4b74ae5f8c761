"""Google Merchant Center attributes -> the listing record; shared by the XML and text feeds.

An item arrives as attribute name (lower case, without the ``g:`` prefix) to its values: text,
or for ``shipping`` and ``product_detail`` a mapping of sub-attributes. Items that share an
``item_group_id`` are the variants of one listing whose id is that group id.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeAlias

from listlint.loaders.base import Loaded, Problem, records
from listlint.loaders.grouping import Groups, Member, grouped_listing
from listlint.model import SourceLocation, parse_number

Values: TypeAlias = Sequence["str | Mapping[str, str]"]
Item: TypeAlias = tuple[int, Mapping[str, Values]]  # the item's line, its attributes

# Merchant attributes that are product attributes in the record.
ATTRIBUTES = (
    "color", "size", "material", "pattern", "gender", "age_group", "size_type", "size_system",
)  # fmt: skip
# Every attribute name of the Merchant product data specification that listlint reads or that
# identifies a feed; the text-feed detection counts header names against it.
KNOWN = frozenset(
    {
        "id", "title", "description", "link", "image_link", "additional_image_link",
        "mobile_link", "availability", "availability_date", "price", "sale_price",
        "sale_price_effective_date", "google_product_category", "product_type", "brand", "gtin",
        "mpn", "identifier_exists", "condition", "adult", "multipack", "is_bundle",
        "item_group_id", "shipping", "shipping_weight", "shipping_label", "ships_from_country",
        "min_handling_time", "max_handling_time", "tax", "product_detail", "product_highlight",
        "custom_label_0", "custom_label_1", "custom_label_2", "custom_label_3", "custom_label_4",
        "expiration_date", "unit_pricing_measure", "unit_pricing_base_measure",
        "energy_efficiency_class", "excluded_destination", "included_destination",
        "cost_of_goods_sold", "lifestyle_image_link",
        *ATTRIBUTES,
    }
)  # fmt: skip
_CATEGORIES = ("product_type", "google_product_category")
# A text feed lists additional images separated by commas, but a URL may hold commas too
# (".../upload/w_1200,h_1200,c_pad/mug.jpg"): only a comma before the next URL separates.
_URL_LIST = re.compile(r",\s*(?=[A-Za-z][A-Za-z0-9+.-]*://)")
_HANDLED = frozenset(
    {"id", "title", "description", "summary", "content", "image_link", "additional_image_link",
     "price", "sale_price", "gtin", "brand", "item_group_id", "shipping", "product_detail",
     "ships_from_country", "min_handling_time", "max_handling_time", *_CATEGORIES, *ATTRIBUTES}
)  # fmt: skip
_SHIPPING_FIELDS = frozenset(
    {"shipping", "min_handling_time", "max_handling_time", "ships_from_country"}
)
_MONEY = re.compile(r"^\s*(?:([A-Za-z]{3})\s+)?([-+]?[\d.,\s]*\d)\s*(?:([A-Za-z]{3}))?\s*$")
_SHIPPING_TEXT = (
    "country", "region", "service", "price",
    "min_handling_time", "max_handling_time", "min_transit_time", "max_transit_time",
)  # fmt: skip


def merchant_listings(items: Iterable[Item | Problem], path: str) -> Iterator[Loaded]:
    """Listings of a feed's items, grouped by ``item_group_id``, in the order of first items."""
    groups: Groups[Item] = Groups()
    for item in items:
        if isinstance(item, Problem):
            groups.add_problem(item)
        elif group := _first_text(item[1], "item_group_id"):
            groups.add(group, item)
        else:
            groups.add_alone(item)
    for slot in groups:
        if isinstance(slot, Problem):
            yield slot
        elif group := _first_text(slot[0][1], "item_group_id"):
            members = [Member(line, *item_parts(fields)) for line, fields in slot]
            yield from grouped_listing(group, members, path)
        else:
            line, fields = slot[0]
            listing, variant = item_parts(fields)
            yield from records({**listing, **variant}, SourceLocation(path, line))


def item_parts(fields: Mapping[str, Values]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The item as (what it says about the listing, what it says about its own variant)."""
    first = _first_texts(fields)
    listing: dict[str, Any] = {}
    variant: dict[str, Any] = {}
    _put(variant, "id", first.get("id"))
    _put(listing, "title", first.get("title"))
    _put(
        listing,
        "description",
        first.get("description") or first.get("summary") or first.get("content"),
    )
    _put(listing, "brand", first.get("brand"))
    _put(variant, "gtin", first.get("gtin"))
    # The shop's own product_type path says more than Google's taxonomy, so it comes first.
    categories = {name: first[name] for name in _CATEGORIES if name in first}
    if categories:
        chosen = listing["category"] = next(iter(categories.values()))
        listing.update((name, text) for name, text in categories.items() if text != chosen)
    for name in ("price", "sale_price"):
        amount, currency = money(first.get(name, ""))
        _put(variant, name, amount)
        if currency:
            listing.setdefault("currency", currency)
    images = _texts(fields, "image_link") + [
        url.strip()
        for text in _texts(fields, "additional_image_link")
        for url in _URL_LIST.split(text)
    ]
    _put(variant, "images", [url for url in images if url])
    attributes = {name: first[name] for name in ATTRIBUTES if name in first}
    for detail in fields.get("product_detail", ()):
        if (
            isinstance(detail, Mapping)
            and detail.get("attribute_name")
            and detail.get("attribute_value")
        ):
            attributes.setdefault(detail["attribute_name"], detail["attribute_value"])
    _put(variant, "attributes", attributes)
    _put(listing, "shipping", shipping(fields, first))
    for name, text in first.items():
        if name not in _HANDLED:
            listing.setdefault(name, text)
    return listing, variant


def money(text: str) -> tuple[Any, str]:
    """``"15.00 USD"`` -> (15.0, "USD"); text that is no amount is passed on for the record
    check to report."""
    match = _MONEY.match(text)
    if not match:
        return (text or None), ""
    number = parse_number(match.group(2))
    currency = (match.group(1) or match.group(3) or "").upper()
    return (number if number is not None else text), currency


def shipping(fields: Mapping[str, Values], first: Mapping[str, str]) -> dict[str, Any]:
    """The first ``shipping`` (XML sub-elements, or the text form ``US:CA:Express:5.00 USD``)
    as the record's shipping object, with the item's handling times and origin (``first``:
    the item's first text per attribute)."""
    if not _SHIPPING_FIELDS.intersection(fields):
        return {}
    parts: dict[str, str] = {}
    given = next(iter(fields.get("shipping", ())), None)
    if isinstance(given, Mapping):
        parts = {key: value.strip() for key, value in given.items() if value.strip()}
    elif isinstance(given, str) and given.strip():
        text = given.split(",")[0]
        parts = {
            key: value.strip()
            for key, value in zip(_SHIPPING_TEXT, text.split(":"), strict=False)
            if value.strip()
        }
    for key in ("min_handling_time", "max_handling_time"):
        parts.setdefault(key, first.get(key, ""))
    result: dict[str, Any] = {
        key: parts[key] for key in ("country", "region", "service") if parts.get(key)
    }
    cost, currency = money(parts.get("price", ""))
    if cost is not None:
        result["cost"] = cost
    if currency:
        result["currency"] = currency
    for bound in ("min", "max"):
        days = [
            parse_number(parts.get(f"{bound}_{kind}_time", "")) for kind in ("handling", "transit")
        ]
        if any(d is not None for d in days):
            result[f"days_{bound}"] = int(sum(d for d in days if d is not None))
    if origin := first.get("ships_from_country"):
        result["from"] = origin
    return result


def _first_texts(fields: Mapping[str, Values]) -> dict[str, str]:
    first: dict[str, str] = {}
    for name, values in fields.items():
        text = next((v.strip() for v in values if isinstance(v, str) and v.strip()), "")
        if text:
            first[name] = text
    return first


def _texts(fields: Mapping[str, Values], name: str) -> list[str]:
    return [
        value.strip() for value in fields.get(name, ()) if isinstance(value, str) and value.strip()
    ]


def _first_text(fields: Mapping[str, Values], name: str) -> str:
    texts = _texts(fields, name)
    return texts[0] if texts else ""


def _put(record: dict[str, Any], key: str, value: Any) -> None:
    if value not in (None, "", [], {}):
        record[key] = value
