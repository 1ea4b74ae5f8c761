"""The colours, materials and sizes a listing states, in its title, description and attributes.

:func:`listing_specs` reads a listing once and answers every check that asks about the same
listing right after (color-conflict, material-conflict, size-conflict and the missing-* checks
run one after the other on each listing): it keeps the last listing it read, compared by
identity, and nothing else.

What counts as a statement in a title and in a description is explained in
:mod:`listlint.text._reading`; attribute values are read with every language's words, since a
value is short and its key already says what it is. Values are canonical: a colour family or
a shade between families ("navy" -> "blue", "teal"), a material ("merino" -> "wool", "PU
leather" -> "faux-leather"), a size ("XXL" -> "2XL", "EU 42").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from listlint.model import Listing
from listlint.text import _lexicon
from listlint.text._lexicon import Lexicon
from listlint.text._reading import Found, Reader, is_trademark
from listlint.text.html import strip_html
from listlint.text.sizes import parse_size_value, sizes_agree
from listlint.text.values import Stated

KINDS = ("color", "material", "size")
_ALL = _lexicon.LANGUAGES
# Qualifiers under which a stated value is the item's own.
PLAIN = frozenset({""})
# A blend's material with at least this share is the item's material.
DOMINANT_SHARE = 70.0
# A stretch fibre under this share is left out of a comparison.
MINOR_SHARE = 20.0


@dataclass(frozen=True)
class Extras:
    """Words a user added in a check's options: (word, canonical) pairs."""

    colors: tuple[tuple[str, str], ...] = ()
    materials: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_options(cls, options: Mapping[str, object]) -> Extras:
        colors, materials = options.get("extra-colors"), options.get("extra-materials")
        if not colors and not materials:
            return NO_EXTRAS
        return _extras(_strings(colors), _strings(materials))


NO_EXTRAS = Extras()


# _lexicon_for(language, NO_EXTRAS) by language (a catalog declares a handful of languages).
_PLAIN_LEXICONS: dict[str, Lexicon] = {}


@lru_cache(maxsize=64)
def _lexicon_for(language: str, extras: Extras) -> Lexicon:
    return _lexicon.lexicon(_lexicon.languages_for(language), extras.colors, extras.materials)


@lru_cache(maxsize=64)
def _extras(colors: tuple[str, ...], materials: tuple[str, ...]) -> Extras:
    return Extras(_lexicon.parse_extra(colors), _lexicon.parse_extra(materials))


@dataclass(frozen=True)
class Reference:
    """What the attributes (or, failing them, every variant) say about one kind.

    ``values`` are canonical and distinct, ``texts`` the distinct values as written; ``where``
    is "attribute" or "variants"; ``complete`` is False when a value could not be read, in which
    case nothing should be concluded from it ("Heritage" may be any colour).
    """

    kind: str
    values: tuple[str, ...]
    texts: tuple[str, ...]
    where: str
    complete: bool


class ListingSpecs:
    """What one listing states: title, description, listing attributes and each variant.

    ``title`` and ``description`` hold every statement found, qualifiers included (an accent
    colour, a lining material); :meth:`groups` gives the plain ones grouped by sentence, the
    way the conflict checks compare them. Attribute statements have the field
    "attributes.<name>" or "variants[i].attributes.<name>"; a value that could not be read has
    the qualifier "unknown" and an empty ``value``.
    """

    __slots__ = ("_found", "_lex", "_listing", "_masks", "_readers", "_variants", "extras")

    def __init__(self, listing: Listing, extras: Extras = NO_EXTRAS) -> None:
        self._listing = listing
        self.extras = extras
        if extras is NO_EXTRAS:
            lex = _PLAIN_LEXICONS.get(listing.language)
            if lex is None:
                if len(_PLAIN_LEXICONS) >= 64:
                    _PLAIN_LEXICONS.clear()
                lex = _PLAIN_LEXICONS[listing.language] = _lexicon_for(listing.language, extras)
            self._lex = lex
        else:
            self._lex = _lexicon_for(listing.language, extras)
        brand = listing.attributes.get("brand")
        self._masks = (listing.brand, *brand) if brand else (listing.brand,)
        self._readers: dict[str, Reader | None] = {}
        self._found: dict[tuple[str, str], list[Found]] = {}
        self._variants: tuple[tuple[Stated, ...], ...] | None = None

    @property
    def lexicon(self) -> Lexicon:
        return self._lex

    def _reader(self, field: str) -> Reader | None:
        if field not in self._readers:
            listing = self._listing
            if field == "title":
                text = listing.title
            else:
                text = strip_html(listing.description) if listing.description else ""
            self._readers[field] = _shared_reader(text, field, self._lex, self._masks)
        return self._readers[field]

    def found(self, kind: str, field: str) -> list[Found]:
        """The statements of ``kind`` in ``field``, each with its sentence; read on demand."""
        key = (kind, field)
        if key not in self._found:
            reader = self._reader(field)
            self._found[key] = reader.read(kind) if reader is not None else []
        return self._found[key]

    def _all(self, field: str) -> tuple[Stated, ...]:
        found = [f.stated for kind in KINDS for f in self.found(kind, field)]
        return tuple(sorted(found, key=lambda s: s.start))

    @property
    def title(self) -> tuple[Stated, ...]:
        return self._all("title")

    @property
    def description(self) -> tuple[Stated, ...]:
        return self._all("description")

    @property
    def attributes(self) -> tuple[Stated, ...]:
        return _attribute_statements(self._listing.attributes, "attributes", self.extras)

    @property
    def variants(self) -> tuple[tuple[Stated, ...], ...]:
        if self._variants is None:
            self._variants = tuple(
                _attribute_statements(v.attributes, f"variants[{i}].attributes", self.extras)
                for i, v in enumerate(self._listing.variants)
            )
        return self._variants

    def groups(self, kind: str, field: str) -> list[tuple[Stated, ...]]:
        """The plain statements of ``kind`` in ``field``, one group per sentence."""
        return _grouped(self.found(kind, field))

    def groups_against(
        self, kind: str, field: str, values: Sequence[str]
    ) -> list[tuple[Stated, ...]]:
        """The groups of :meth:`groups` that may disagree with ``values`` (and maybe some that
        do not), in the same order: a description's sentence whose every colour (or material)
        word agrees with ``values`` is not read, since its group could only agree."""
        if kind not in ("color", "material") or field == "title" or (kind, field) in self._found:
            return self.groups(kind, field)
        reader = self._reader(field)
        if reader is None:
            return []
        keep = _disagreeing_value(self._lex, kind, values)
        units = reader.units(kind, keep) if keep is not None else set()
        return _grouped(reader.read(kind, units)) if units else []

    def reference(self, kind: str) -> Reference | None:
        """What the listing's attributes, or all its variants, say about ``kind``."""
        listing = self._listing
        raw = listing.attributes.get(kind, ())
        where = "attribute"
        variants = listing.variants
        if variants:
            values = [v.attributes.get(kind) for v in variants]
            if all(values):
                if not raw:
                    where = "variants"
                raw = (*raw, *(value for texts in values for value in texts))  # type: ignore[union-attr]
        if not raw:
            return None
        if len(raw) > 1:
            raw = tuple(dict.fromkeys(raw))
        if self.extras is NO_EXTRAS:  # the usual case: a dict lookup without hashing Extras
            key = (kind, raw, where)
            known = _PLAIN_REFERENCES.get(key)
            if known is None:
                if len(_PLAIN_REFERENCES) >= _MAX_CACHED:
                    _PLAIN_REFERENCES.clear()
                known = _PLAIN_REFERENCES[key] = _reference(kind, raw, where, NO_EXTRAS)
            return known
        return _reference(kind, raw, where, self.extras)

    def agrees(self, kind: str, group: Sequence[Stated], values: Iterable[str]) -> bool | None:
        """Whether a group of statements agrees with reference values (None: not comparable)."""
        values = tuple(values)
        if kind == "color":
            return colors_agree(self._lex, [s.value for s in group], values)
        if kind == "material":
            return materials_agree(self._lex, group, values)
        verdicts = [sizes_agree(s.value, values) for s in group]
        if any(v is True for v in verdicts):
            return True
        return False if any(v is False for v in verdicts) else None

    def disagreeing(self, kind: str, group: Sequence[Stated]) -> tuple[Stated, ...]:
        """The members of a disagreeing group worth quoting (not minor stretch fibres)."""
        if kind != "material":
            return tuple(group)
        main = tuple(s for s in group if not _minor(self._lex, s, len(group)))
        dominant = tuple(s for s in main if (_share(s.text) or 0) >= DOMINANT_SHARE)
        return dominant or main or tuple(group)


def _grouped(found: Iterable[Found]) -> list[tuple[Stated, ...]]:
    """The plain statements of ``found``, one group per sentence."""
    groups: dict[int, list[Stated]] = {}
    for item in found:
        if item.stated.qualifier in PLAIN:
            groups.setdefault(item.unit, []).append(item.stated)
    return [tuple(g) for g in groups.values()]


def _disagreeing_value(
    lex: Lexicon, kind: str, others: Sequence[str]
) -> Callable[[str], bool] | None:
    """Whether a stated colour (or material) value agrees with none of ``others``, the way
    :func:`colors_agree` and :func:`materials_agree` compare; None if every value agrees. A
    group of statements whose values all agree agrees."""
    pool: set[str] = set()
    if kind == "color":
        families = lex.color_families
        for value in others:
            if value == "multicolor":
                return None
            pool |= families.get(value, frozenset({value}))
        return lambda value: (
            value != "multicolor" and not (families.get(value, frozenset({value})) & pool)
        )
    strict, material_families = lex.material_strict, lex.material_families
    for value in others:
        pool |= strict.get(value, frozenset({value}))
    return lambda value: not (material_families.get(value, frozenset({value})) & pool)


def colors_agree(lex: Lexicon, stated: Iterable[str], others: Iterable[str]) -> bool:
    """Whether any stated colour shares a family with any of ``others`` (multicolour: always)."""
    families = lex.color_families
    pool: set[str] = set()
    for value in others:
        if value == "multicolor":
            return True
        pool |= families.get(value, frozenset({value}))
    stated = list(stated)
    if "multicolor" in stated:
        return True
    return any(families.get(value, frozenset({value})) & pool for value in stated)


def materials_agree(lex: Lexicon, group: Sequence[Stated], others: Iterable[str]) -> bool:
    """Whether a group of stated materials agrees with the attribute's ``others``.

    Minor stretch fibres (elastane under 20 %, or of unknown share next to another material) are
    left out: sellers rarely list them. The rest agrees when any of it shares a family with an
    attribute material.
    """
    pool: set[str] = set()
    for value in others:
        pool |= lex.material_strict.get(value, frozenset({value}))
    main = [s for s in group if not _minor(lex, s, len(group))]
    if not main:
        return True
    families = lex.material_families

    def agrees(stated: Stated) -> bool:
        return bool(families.get(stated.value, frozenset({stated.value})) & pool)

    # A material that makes up most of a blend must be in the attribute ("76% nylon, 24%
    # spandex" vs "Cotton, Spandex"); otherwise one shared material is enough.
    dominant = [s for s in main if (_share(s.text) or 0) >= DOMINANT_SHARE]
    if dominant:
        return all(agrees(s) for s in dominant)
    return any(agrees(s) for s in main)


def _minor(lex: Lexicon, stated: Stated, group_size: int) -> bool:
    share = _share(stated.text)
    if share is not None and share < MINOR_SHARE:
        return True
    return stated.value in lex.minor_materials and (share is None and group_size > 1)


def _share(text: str) -> float | None:
    head, sep, _ = text.partition("%")
    if not sep:
        return None
    try:
        return float(head.strip().replace(",", "."))
    except ValueError:
        return None


# -- attribute values ----------------------------------------------------------------------


_MAX_CACHED = 4096
# _reference for NO_EXTRAS, by (kind, raw, where): hashing an Extras costs more than the lookup.
_PLAIN_REFERENCES: dict[tuple[str, tuple[str, ...], str], Reference] = {}


@lru_cache(maxsize=4096)
def _reference(kind: str, raw: tuple[str, ...], where: str, extras: Extras) -> Reference:
    """The reference for a set of distinct attribute values; catalogs repeat these a lot."""
    values: list[str] = []
    texts: list[str] = []
    complete = True
    for text in raw:
        parsed = _read_value(kind, text, extras)
        if parsed is None:
            complete = False
            continue
        shown = strip_html(text) if "&" in text or "<" in text else text
        if shown not in texts:
            texts.append(shown)
        values.extend(v for v in parsed if v not in values)
    return Reference(kind, tuple(values), tuple(texts), where, complete)


def _attribute_statements(
    attributes: Mapping[str, tuple[str, ...]], prefix: str, extras: Extras
) -> tuple[Stated, ...]:
    stated: list[Stated] = []
    for kind in KINDS:
        for text in attributes.get(kind, ()):
            stated.extend(_value_statements(kind, text, f"{prefix}.{kind}", extras))
    return tuple(stated)


@lru_cache(maxsize=4096)
def _value_statements(kind: str, text: str, field: str, extras: Extras) -> tuple[Stated, ...]:
    parsed = _read_value(kind, text, extras)
    if parsed is None:
        return (Stated(kind, "", text, field, 0, len(text), "unknown"),)
    return tuple(Stated(kind, value, text, field, 0, len(text)) for value in parsed)


@lru_cache(maxsize=8192)
def _read_value(kind: str, text: str, extras: Extras) -> tuple[str, ...] | None:
    """The canonical values of one attribute value; None when it cannot be read.

    A material value that is a trade name ("LumaTech™") reads as no material at all: it says
    nothing a text could contradict.
    """
    if kind == "size":
        return parse_size_value(text)
    plain = strip_html(text) if "&" in text or "<" in text else text
    lex = _lexicon.lexicon(_ALL, extras.colors, extras.materials)
    values: list[str] = []
    for entry in lex.value_entries(plain):
        value = entry.color if kind == "color" else entry.material
        if value and value not in values:
            values.append(value)
    if values:
        return tuple(values)
    if kind == "material" and is_trademark(plain):
        return ()
    return None


@dataclass(frozen=True)
class Suggestion:
    """A value the text states for a missing attribute: where, the words, the value to add."""

    field: str
    quoted: str
    value: str


def suggest(listing: Listing, kind: str) -> Suggestion | None:
    """What the title (else the description) states for ``kind``, as an attribute value."""
    specs = listing_specs(listing)
    for field in ("title", "description"):
        for group in specs.groups(kind, field):
            texts = list(dict.fromkeys(" ".join(s.text.split()) for s in group))
            if kind == "size":
                value = group[0].value
                texts = texts[:1]
            else:
                value = "/".join(texts) if kind == "color" else ", ".join(texts)
            return Suggestion(field, ", ".join(repr(t) for t in texts), value)
    return None


# -- one listing at a time -----------------------------------------------------------------

# Readers by (field, text, lexicon, brand masks): listings repeat titles and descriptions (the
# variants of one product listed one by one), and a reader keeps what it read.
_READERS: dict[tuple[str, str, Lexicon, tuple[str, ...]], Reader] = {}
_MAX_READERS = 128


def _shared_reader(text: str, field: str, lex: Lexicon, masks: tuple[str, ...]) -> Reader | None:
    if not text:
        return None
    key = (field, text, lex, masks)
    reader = _READERS.get(key)
    if reader is None:
        if len(_READERS) >= _MAX_READERS:
            _READERS.clear()
        reader = _READERS[key] = Reader(text, field, lex, masks)
    return reader


_last: Listing | None = None
_last_specs: dict[Extras, ListingSpecs] = {}  # the last listing's specs, by extra words
_last_plain: ListingSpecs | None = None  # the same for NO_EXTRAS, found without hashing


def listing_specs(listing: Listing, extras: Extras = NO_EXTRAS) -> ListingSpecs:
    """The specs of ``listing``, read once however many checks ask in a row."""
    global _last, _last_plain
    if listing is not _last:
        _last = listing
        _last_plain = None
        _last_specs.clear()
    if extras is NO_EXTRAS:
        if _last_plain is None:
            _last_plain = _last_specs[NO_EXTRAS] = ListingSpecs(listing, extras)
        return _last_plain
    specs = _last_specs.get(extras)
    if specs is None:
        specs = _last_specs[extras] = ListingSpecs(listing, extras)
    return specs


def _strings(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (list, tuple)):
        return tuple(str(v) for v in value)
    raise TypeError(f"expected a list of strings, not {type(value).__name__}")


def attribute_values(kind: str, text: str) -> tuple[str, ...] | None:
    """The canonical values of one attribute value ("Navy/White" -> blue, white); None: unread."""
    return _read_value(kind, text, NO_EXTRAS)
