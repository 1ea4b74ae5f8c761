"""Reading catalogs: every input format becomes a stream of Listings and Problems.

``discover`` expands the paths named on the command line; ``load`` reads one of them. A file
that cannot be read at all raises :class:`UnusableInput` from ``load`` itself; after that, every
record becomes a Listing or Problem(s) and nothing else is raised, so one bad record never costs
the rest of the catalog.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from functools import partial
from itertools import chain

from listlint.loaders.base import Loaded, Problem, UnusableInput
from listlint.loaders.damage import reject_damaged
from listlint.loaders.discovery import discover
from listlint.loaders.encoding import check_encoding
from listlint.loaders.formats import SUPPORTED_SUFFIXES, format_for
from listlint.loaders.jsondoc import load_json
from listlint.loaders.jsonlines import load_json_lines
from listlint.loaders.mapped import load_mapped
from listlint.loaders.mapping import ColumnMapping
from listlint.loaders.merchant_tsv import load_merchant_tsv
from listlint.loaders.options import INPUT_FORMATS, LoadOptions
from listlint.loaders.shopify import load_shopify
from listlint.loaders.source import STDIN, display_name, read_text
from listlint.loaders.table import load_table
from listlint.loaders.woocommerce import load_woocommerce
from listlint.model import SourceLocation

__all__ = [
    "INPUT_FORMATS",
    "SUPPORTED_SUFFIXES",
    "ColumnMapping",
    "LoadOptions",
    "Loaded",
    "Problem",
    "UnusableInput",
    "check_encoding",
    "discover",
    "load",
]


def _imported_when_used(module: str, function: str) -> Callable[[str, str], Iterator[Loaded]]:
    """A loader whose module is imported on first use: the YAML and XML parsers it needs would
    cost every run start-up time, whatever format it reads."""

    def load_with(text: str, name: str) -> Iterator[Loaded]:
        loader = getattr(importlib.import_module(f"listlint.loaders.{module}"), function)
        items: Iterator[Loaded] = loader(text, name)
        return items

    return load_with


_LOADERS: dict[str, Callable[[str, str], Iterator[Loaded]]] = {
    "json": load_json,
    "jsonl": load_json_lines,
    "csv": load_table,
    "tsv": partial(load_table, delimiter="\t"),
    "yaml": _imported_when_used("yamldoc", "load_yaml"),
    "shopify": load_shopify,
    "woocommerce": load_woocommerce,
    "merchant-xml": _imported_when_used("merchant_xml", "load_merchant_xml"),
    "merchant-tsv": load_merchant_tsv,
}


def load(
    path: str,
    *,
    encoding: str | None = None,
    on_encoding: Callable[[str, str], None] | None = None,
    options: LoadOptions | None = None,
) -> Iterator[Loaded]:
    """Read the catalog at ``path`` (``-``: standard input, JSON Lines unless ``options`` name
    another format).

    Raises UnusableInput, before yielding anything, for a file nothing can be read from, and
    ValueError for an unknown ``encoding`` (check it early with :func:`check_encoding`) or
    input format.
    ``on_encoding(path, name)`` learns the encoding the file was read with; ``options`` choose
    the format and map the columns of plain CSV/TSV files.
    """
    options = options or LoadOptions()
    name = display_name(path)
    decoded = read_text(path, encoding)
    if on_encoding is not None:
        on_encoding(name, decoded.encoding)
    kind, how = options.input_format, "--input-format"
    if kind == "auto":
        kind, how = ("jsonl" if path == STDIN else format_for(path, decoded.text)), "detected"
    if kind not in _LOADERS:
        raise ValueError(f"unknown input format {kind!r} (one of {', '.join(INPUT_FORMATS)})")
    loader = _LOADERS[kind]
    if kind in ("csv", "tsv") and options.columns:
        delimiter = "\t" if kind == "tsv" else None
        loader = partial(load_mapped, mapping=options.columns, delimiter=delimiter)
        how += f"; {options.columns.describe()}"
    if options.on_format is not None:
        options.on_format(name, f"{kind} ({how})")
    items = _contained(loader(decoded.text, name), name)
    if decoded.replaced:
        items = reject_damaged(items)
    # Run up to the first record now, so that a file without any raises here, not mid-stream.
    first = next(items, None)
    return iter(()) if first is None else chain([first], items)


def _contained(items: Iterator[Loaded], name: str) -> Iterator[Loaded]:
    # The loaders report bad input as Problems; anything else escaping them is a loader bug.
    # It must cost this file, not the run, and still be seen.
    started = False
    try:
        for item in items:
            started = True
            yield item
    except UnusableInput:
        raise
    except Exception as exc:
        reason = f"{type(exc).__name__}: {exc}"
        if not started:
            raise UnusableInput(f"{name}: cannot read: {reason}") from exc
        yield Problem(SourceLocation(name), f"could not read the rest of the file ({reason})")
