"""Google Merchant Center XML feeds: RSS 2.0 (``<item>``) or Atom (``<entry>``), attributes in
the ``g:`` namespace (``<g:price>``) or plain (``<title>``, ``<link>``).

The feed is untrusted input, so it is parsed by defusedxml's SAX reader: a document that declares
entities (the billion-laughs bomb, an external entity that would read a local file) is refused
before anything is expanded or opened. SAX is incremental and knows line numbers, so each
listing points at the line of its ``<item>``/``<entry>`` start tag, and a syntax error costs only
the items after it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from xml.sax import SAXException, SAXParseException
from xml.sax.handler import ContentHandler
from xml.sax.xmlreader import AttributesImpl, Locator

from defusedxml import DefusedXmlException  # type: ignore[import-untyped, unused-ignore]
from defusedxml.expatreader import (  # type: ignore[import-untyped, unused-ignore]
    DefusedExpatParser,
)

from listlint.loaders.base import Loaded, Problem, UnusableInput, syntax_problem
from listlint.loaders.merchant import Item, merchant_listings

_ITEMS = ("item", "entry")
_ROOTS = ("rss", "feed")
_CHUNK = 1 << 16  # fed to the parser piece by piece, as a file would be read


class _NotAFeed(Exception):
    pass


def load_merchant_xml(text: str, path: str) -> Iterator[Loaded]:
    """Yield the listings of a Merchant XML feed; raise UnusableInput for a file that is not one
    or that declares entities."""
    yield from merchant_listings(_items(text, path), path)


def _items(text: str, path: str) -> Iterator[Item | Problem]:
    parser = DefusedExpatParser()
    handler = _FeedHandler(parser)  # the parser is its own locator: it knows the current line
    parser.setContentHandler(handler)
    try:
        for start in range(0, len(text), _CHUNK):
            parser.feed(text[start : start + _CHUNK])
            yield from handler.take()
        parser.close()
    except DefusedXmlException as exc:
        # Only the DTD, before the root element, can declare entities: no item is lost.
        raise UnusableInput(f"{path}: {_refused(exc, handler.line())}") from None
    except _NotAFeed as exc:
        raise UnusableInput(f"{path}: {exc}") from None
    except SAXParseException as exc:
        yield from handler.take()
        line, column = exc.getLineNumber() or 1, (exc.getColumnNumber() or 0) + 1
        if not handler.started:
            raise UnusableInput(
                f"{path}: not an XML feed: {exc.getMessage()} (line {line})"
            ) from None
        detail = f"{exc.getMessage()} (line {line}, column {column})"
        open_item = handler.open_item_id()
        yield syntax_problem(path, line, "XML", detail, rest=True, listing_id=open_item)
        return
    except SAXException as exc:
        raise UnusableInput(f"{path}: cannot read the feed: {exc.getMessage()}") from None
    yield from handler.take()
    if not handler.started:
        raise UnusableInput(f"{path}: no XML root element")


def _refused(exc: Exception, line: int) -> str:
    system_id = getattr(exc, "sysid", None)
    if system_id is not None and getattr(exc, "name", None) is None:
        what = f"refers to the external resource {system_id!r}"
    else:
        what = f"declares the XML entity {getattr(exc, 'name', '?')!r}"
    return (
        f"the feed {what} in its DOCTYPE (line {line}); listlint neither expands entities nor "
        "fetches anything a feed names, so remove the DOCTYPE"
    )


class _FeedHandler(ContentHandler):
    """Collects each item's attributes: name -> values, a value being text, or for an element
    with children (``g:shipping``) a mapping of child name to text."""

    def __init__(self, locator: Locator) -> None:
        super().__init__()
        self.started = False  # the root element was seen
        self._locator = locator
        self._done: list[Item] = []
        self._item: dict[str, list[Any]] | None = None
        self._item_line = 0
        self._depth = 0  # inside the item: 1 = an attribute element, 2 = a sub-attribute
        self._name = ""  # the attribute element being read
        self._children: dict[str, str] = {}
        self._text: list[str] = []

    def line(self) -> int:
        return self._locator.getLineNumber() or 0

    def take(self) -> list[Item]:
        done, self._done = self._done, []
        return done

    def open_item_id(self) -> str | None:
        if self._item is None:
            return None
        ids = [v for v in self._item.get("id", []) if isinstance(v, str) and v.strip()]
        return ids[0].strip() if ids else None

    def startElement(self, name: str, attrs: AttributesImpl) -> None:
        local = _local(name)
        if not self.started:
            self.started = True
            if local not in _ROOTS:
                raise _NotAFeed(
                    f"not a Google Merchant feed: the root element is <{name}>, "
                    "not <rss> (RSS 2.0) or <feed> (Atom)"
                )
            return
        if self._item is None:
            if local in _ITEMS:
                self._item, self._item_line, self._depth = {}, self.line(), 0
            return
        self._depth += 1
        if self._depth == 1:
            self._name, self._children, self._text = local, {}, []
            href = attrs.get("href") if len(attrs) else None  # Atom: <link href="..."/>
            if href:
                self._text.append(href)
        elif self._depth == 2:
            self._text = []

    def characters(self, content: str) -> None:
        if self._item is not None and self._depth in (1, 2):
            self._text.append(content)

    def endElement(self, name: str) -> None:
        if self._item is None:
            return
        if self._depth == 0:  # the item itself ends
            self._done.append((self._item_line, self._item))
            self._item = None
            return
        if self._depth == 1:
            value: Any = self._children if self._children else "".join(self._text)
            self._item.setdefault(self._name, []).append(value)
        elif self._depth == 2:
            self._children[_local(name)] = "".join(self._text).strip()
            self._text = []
        self._depth -= 1


def _local(name: str) -> str:
    """``g:price`` -> ``price``: Merchant feeds are read by local name, whatever the prefix."""
    return name.rpartition(":")[2].lower()
