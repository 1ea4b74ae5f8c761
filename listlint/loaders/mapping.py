"""Column mapping for CSV/TSV layouts listlint does not know: which column is which field, and
which column ties the rows of one product together.

A target is a record field (``title``, ``price``, ...), ``attributes.NAME``, ``shipping.KEY``,
``listlint.ignore``, or, with a group-by column, ``variants.FIELD`` / ``variants.attributes.NAME``
for a column that only ever describes a variant (its value on a product-only row is not used).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from listlint.loaders.rows import column_key

LISTING_FIELDS = (
    "id", "title", "description", "category", "brand", "language", "marketplace", "images",
    "price", "sale_price", "currency", "stock", "gtin", "updated_at",
)  # fmt: skip
VARIANT_FIELDS = ("id", "price", "sale_price", "stock", "gtin", "images")
_SHIPPING_KEYS = ("days_min", "days_max", "cost", "from")

TARGET_FORMS = (
    "a field (" + ", ".join(LISTING_FIELDS) + "), attributes.NAME, "
    "shipping.KEY (" + ", ".join(_SHIPPING_KEYS) + "), listlint.ignore, "
    "variants.FIELD (" + ", ".join(VARIANT_FIELDS) + ") or variants.attributes.NAME"
)


def check_target(target: str) -> str:
    """Return ``target`` tidied (``Attributes.Farbe`` -> ``attributes.Farbe``); raise ValueError
    for anything that is not a field of the record."""
    tidy = target.strip()
    head, _, rest = tidy.partition(".")
    head = head.lower()
    if head == "variants":
        sub, _, name = rest.partition(".")
        if sub.lower() == "attributes" and name.strip():
            return f"variants.attributes.{name.strip()}"
        if rest.lower() in VARIANT_FIELDS:
            return f"variants.{rest.lower()}"
    elif head == "attributes" and rest.strip():
        return f"attributes.{rest.strip()}"
    elif head == "shipping" and rest.lower() in _SHIPPING_KEYS:
        return f"shipping.{rest.lower()}"
    elif tidy.lower() == "listlint.ignore" or (not rest and head in LISTING_FIELDS):
        return tidy.lower()
    raise ValueError(f"unknown target {target!r}; a target is {TARGET_FORMS}")


def parse_map_option(text: str) -> tuple[str, str]:
    """Split ``--map "Product Name=title"``; raise ValueError when it is not COLUMN=TARGET."""
    column, sep, target = text.rpartition("=")
    if not sep or not column.strip() or not target.strip():
        raise ValueError(f'--map {text!r}: expected COLUMN=TARGET, e.g. "Product Name=title"')
    return column.strip(), check_target(target)


@dataclass(frozen=True)
class ColumnMapping:
    """Validated column targets (keyed by :func:`column_key` of the column name) and the
    optional group-by column."""

    targets: Mapping[str, str] = field(default_factory=dict)
    group_by: str | None = None

    @classmethod
    def build(cls, pairs: Iterable[tuple[str, str]], group_by: str | None) -> ColumnMapping:
        """Later pairs win over earlier ones (command line over config), for a column and for
        a field that takes one column. Raise ValueError for a bad target, or for ``variants.*``
        targets without a group-by column."""
        targets: dict[str, str] = {}
        for column, target in pairs:
            tidy = check_target(target)
            if not _takes_several(tidy):
                targets = {c: t for c, t in targets.items() if t != tidy}
            targets[column_key(column)] = tidy
        group = group_by.strip() if group_by else None
        per_variant = sorted(c for c, t in targets.items() if t.startswith("variants."))
        if per_variant and not group:
            raise ValueError(
                f"column '{per_variant[0]}' is mapped to {targets[per_variant[0]]!r}, "
                "which needs a group-by column (--group-by, or group-by in the config)"
            )
        return cls(targets, group)

    def __bool__(self) -> bool:
        return bool(self.targets) or self.group_by is not None

    def describe(self) -> str:
        parts = [f"{len(self.targets)} mapped columns"] if self.targets else []
        if self.group_by:
            parts.append(f"grouped by '{self.group_by}'")
        return ", ".join(parts)


def _takes_several(target: str) -> bool:
    """Lists take any number of columns: "Image 1", "Image 2" -> images."""
    field = target.removeprefix("variants.")
    return field == "images" or field.startswith("attributes.")
