"""The colour families a photo's pixels are named with, and which of them border each other.

The same basic families as listlint/vocab/colors.toml, so "the colour attribute says red" and
"the photo is mostly blue" compare directly. Kept apart from listlint.images.colors (which names
pixels with numpy) so that the checks import no numpy.
"""

from __future__ import annotations

FAMILIES = (
    "black",
    "gray",
    "white",
    "beige",
    "brown",
    "red",
    "orange",
    "yellow",
    "green",
    "blue",
    "purple",
    "pink",
)

# Families a photo of the other may show under studio light or in shadow. Canonical text colours
# that are not families here map on: silver -> gray, gold -> yellow, clear -> anything.
NEIGHBOURS: dict[str, frozenset[str]] = {
    "black": frozenset({"gray", "brown", "blue", "purple"}),  # dark navy, dark brown read black
    "gray": frozenset({"black", "white", "beige", "blue"}),
    "white": frozenset({"gray", "beige", "yellow"}),
    "beige": frozenset({"white", "gray", "brown", "yellow", "orange", "pink"}),
    "brown": frozenset({"black", "beige", "orange", "red"}),
    "red": frozenset({"orange", "pink", "brown", "purple"}),
    # Coral, salmon and peach are sold as orange or as pink, and photograph as either.
    "orange": frozenset({"red", "yellow", "brown", "beige", "pink"}),
    "yellow": frozenset({"orange", "beige", "green", "white"}),
    "green": frozenset({"yellow", "blue", "gray"}),
    "blue": frozenset({"green", "purple", "gray", "black"}),
    "purple": frozenset({"blue", "pink", "red", "black"}),
    "pink": frozenset({"red", "purple", "beige", "white", "orange"}),
}

# Text colours that are not photo families.
TEXT_TO_FAMILY = {"silver": "gray", "gold": "yellow"}


def families_of(text_colour: str) -> str | None:
    """The photo family of a canonical text colour, or None for colours a photo cannot show."""
    name = TEXT_TO_FAMILY.get(text_colour, text_colour)
    return name if name in FAMILIES else None


def compatible(declared: str, seen: str) -> bool:
    return declared == seen or seen in NEIGHBOURS.get(declared, frozenset())
