"""What the command line and config say about reading input, beyond each file's own content."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from listlint.loaders.mapping import ColumnMapping

# "auto" chooses by suffix, then by content: the XML root or the CSV header.
INPUT_FORMATS = (
    "auto", "json", "jsonl", "csv", "tsv", "yaml",
    "shopify", "woocommerce", "merchant-xml", "merchant-tsv",
)  # fmt: skip


@dataclass(frozen=True)
class LoadOptions:
    input_format: str = "auto"
    # Applies to plain CSV/TSV files only: the shop formats have a layout of their own.
    columns: ColumnMapping = field(default_factory=ColumnMapping)
    # Learns the format each file is read as, e.g. ("feed.xml", "merchant-xml (detected)").
    on_format: Callable[[str, str], None] | None = None
