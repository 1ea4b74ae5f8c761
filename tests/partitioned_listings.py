"""Listings for the tests of partitioned runs (Dask and local processes): numbered, five kinds
that fire different rules, descriptions of varying length, so every part of a cut catalog holds
findings."""

from __future__ import annotations

from typing import Any


def numbered_record(number: int, listing_id: str | None = None) -> dict[str, Any]:
    """Listing ``number`` (id ``L00042``, unless ``listing_id`` is given)."""
    kinds = [
        {"title": "Linen Shirt", "category": "Clothing", "attributes": {"color": "white"}},
        {"title": "SUMMER SALE TEE!!!", "category": "Clothing"},
        {"title": "Ceramic Mug", "category": "Kitchen", "gtin": "4006381333932"},
        {"title": "Red Cotton Hoodie", "category": "Clothing", "attributes": {"color": "blue"}},
        {"title": "Desk Lamp", "category": "Home", "price": 10, "sale_price": 12},
    ]
    record: dict[str, Any] = {"id": listing_id or f"L{number:05d}", **kinds[number % len(kinds)]}
    record["description"] = f"Listing number {number}, " + "plain words " * (number % 7)
    return record
