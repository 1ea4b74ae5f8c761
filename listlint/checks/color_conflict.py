from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from listlint.check import Severity
from listlint.checks._conflict import ConflictCheck


class ColorConflict(ConflictCheck):
    """The title or description states a color that the color attribute or the variants contradict.

    What it does:
        Finds the colors the title states ("Red Hoodie", "Sneakers - Navy") and the colors the
        description states explicitly ("Color: Red", or a sentence that opens with the color and
        the product: "Light blue 1/4 zip pullover."), in English, Spanish, French, German,
        Portuguese, Italian, Russian and Chinese, and compares them with the color attribute, or
        with the variants' colors: a title may name one of several variant colors, but not a
        color none of them has. Shades belong to families ("navy" is blue, "teal" is blue and
        green, "cream" is white and beige) and only colors of different families conflict.
        Without a color attribute, the description is compared with the title.

        Not conflicts: brand and product names ("Red Bull", "Black+Decker", "Blue Yeti", the
        listing's ``brand``), accents ("black with white stripes", "white sole", "red logo"),
        colors of other things ("pairs well with black jeans", "case for black iPhone"), other
        options ("also available in red"), multicolor, and a description that only mentions a
        color in passing. A color value listlint does not know ("Heritage", "Dune") stops the
        comparison rather than guess. Option ``extra-colors`` adds words as "word=color"
        strings, e.g. ``["dune=beige", "anthrazit=gray"]``.

    Why it matters:
        A buyer who orders the red hoodie of the title and receives the blue one of the
        attribute returns it, and marketplaces count "item not as described" against the
        seller. Filters use the attribute, so the listing also shows up under the wrong color.

    Example:
        fails: {"id": "T1", "title": "Red Cotton Hoodie", "attributes": {"color": "Blue"}}
        fails: {"id": "T1", "title": "Hoodie", "description": "Light blue 1/4 zip pullover.", "variants": [{"attributes": {"color": "Black"}}, {"attributes": {"color": "Orange"}}]}
        passes: {"id": "T1", "title": "Navy Cotton Hoodie", "attributes": {"color": "Blue"}}
        passes: {"id": "T1", "title": "Hoodie Red", "variants": [{"attributes": {"color": "Red"}}, {"attributes": {"color": "Blue"}}]}
        passes: {"id": "T1", "title": "Black Hoodie with White Logo", "attributes": {"color": "Black"}}
        passes: {"id": "T1", "title": "Red Bull Energy Drink 250ml", "attributes": {"color": "Silver"}}

    Fix:
        Correct whichever side is wrong: the title, the description or the color attribute. If
        the title names one color of a multi-color listing, make sure a variant has it.
    """

    code = "LL301"
    name = "color-conflict"
    severity = Severity.ERROR
    kind = "color"
    noun = "color"
    # extra-colors: more color words, each as "word=color" ("dune=beige").
    options: ClassVar[Mapping[str, Any]] = {"extra-colors": []}
