"""Which format a catalog file is in: by its suffix, else by its content; a CSV/TSV file's
header then tells a Shopify, WooCommerce or Merchant export from a plain table."""

from __future__ import annotations

import csv
import io
import json
import os

from listlint.loaders.merchant import KNOWN as MERCHANT_ATTRIBUTES
from listlint.loaders.merchant_tsv import merchant_column
from listlint.loaders.rows import column_key, sniff_delimiter

_BY_SUFFIX = {
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".xml": "merchant-xml",
}
SUPPORTED_SUFFIXES = tuple(_BY_SUFFIX)


def suffix_of(path: str) -> str:
    return os.path.splitext(path)[1].lower()


# Header names that only a Merchant feed has (a plain table may well have id, title, price).
_MERCHANT_ONLY = frozenset(
    {
        "link", "image_link", "additional_image_link", "availability", "condition",
        "google_product_category", "product_type", "item_group_id", "identifier_exists", "mpn",
        "shipping", "age_group", "custom_label_0",
    }
)  # fmt: skip
_SHOPIFY = (  # (required columns, at least one of these): the classic and the current header
    ({"handle", "title"}, {"variant sku", "variant price", "option1 name", "body (html)"}),
    ({"url handle", "title"}, {"sku", "price", "option1 name", "product image url"}),
)
_WOOCOMMERCE = {"id", "type", "sku", "name", "parent"}


def format_for(path: str, text: str) -> str:
    """The format name (see options.INPUT_FORMATS) for the file at ``path`` holding ``text``."""
    kind = _BY_SUFFIX.get(suffix_of(path)) or sniff(text)
    if kind in ("csv", "tsv"):
        return table_format(text, "\t" if kind == "tsv" else None) or kind
    return kind


def table_format(text: str, delimiter: str | None = None) -> str | None:
    """Return "shopify", "woocommerce" or "merchant-tsv" when the header says so, else None."""
    try:
        header = next(
            row
            for row in csv.reader(
                io.StringIO(text, newline=""), delimiter=delimiter or sniff_delimiter(text)
            )
            if any(cell.strip() for cell in row)
        )
    except (csv.Error, StopIteration):
        return None
    names = {column_key(cell) for cell in header}
    if any(required <= names and names & some for required, some in _SHOPIFY):
        return "shopify"
    if names >= _WOOCOMMERCE:
        return "woocommerce"
    merchant = {merchant_column(cell)[0] for cell in header if cell.strip()}
    prefixed = any(column_key(cell).startswith("g:") for cell in header)
    mostly = 2 * len(merchant & MERCHANT_ATTRIBUTES) >= len(merchant)
    if {"id", "title"} <= merchant and (
        prefixed or (mostly and len(merchant & _MERCHANT_ONLY) >= 2)
    ):
        return "merchant-tsv"
    return None


def sniff(text: str) -> str:
    """Guess the format of a file without a known suffix: XML, JSON, JSON Lines, else CSV."""
    start = text.lstrip()[:1]
    if start == "<":
        return "merchant-xml"  # the only XML listlint reads; its loader says if it is not one
    if start == "[":
        return "json"  # no CSV header starts with "["; a broken array is best reported as JSON
    if start == "{":
        try:
            json.loads(text)
        except (ValueError, RecursionError):
            pass
        else:
            return "json"
    return "jsonl" if looks_like_json_lines(text) else "csv"


def looks_like_json_lines(text: str, *, at_least: int = 1) -> bool:
    """True when every non-blank line starts with "{" and there are ``at_least`` of them."""
    count = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("{"):
            return False
        count += 1
    return count >= at_least
