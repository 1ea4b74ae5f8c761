"""What the spec extractors find: a stated value, normalised, with where it was stated."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Stated:
    """One value a listing states, e.g. colour 'blue' from 'Navy' in the title.

    ``kind`` is what the value is about ("color", "material", "size", "length", "weight"...);
    ``value`` its canonical form (a colour family, a material, a size label, or a number in the
    kind's base unit as text); ``text`` the words as written; ``field`` where they stand
    ("title", "description", "attributes.color", "variants[2].attributes.size");
    ``start``/``end`` the span of ``text`` inside that field's (HTML-stripped) text.
    """

    kind: str
    value: str
    text: str
    field: str
    start: int = 0
    end: int = 0
    qualifier: str = ""  # e.g. "faux", "lining", "accent", "blend": why a value may not conflict
