from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from listlint.check import Severity
from listlint.checks._conflict import ConflictCheck


class MaterialConflict(ConflictCheck):
    """The title or description states a material that the material attribute contradicts.

    What it does:
        Finds the materials the title states ("Cotton Tee", "Leather Wallet") and the ones the
        description states explicitly ("Material: ...", "100% wool", "60% cotton, 40%
        polyester", "made with merino wool", "nylon shell", "Royal blue cotton shorts."), in
        eight languages, and compares them with the material attribute (or composition,
        fabric), else with every variant's. Each statement must share a family with an
        attribute material: "merino" is wool, "canvas" may be cotton, "faux leather" is
        polyurethane or PVC, "fleece" in a text may be cotton or polyester. Without a material
        attribute, the description is compared with the title.

        Not conflicts: blends that list the attribute's material along with others, stretch
        fibres under 20 % ("4% elastane"), linings, fillings and parts ("cotton with polyester
        lining", "rubber sole", "leather strap"), imitations ("leather-look", "cotton-feel",
        "gold-plated"), negations ("leather-free", "not leather", "sin plomo"), and trade names
        in the attribute ("LumaTech™"). Option ``extra-materials`` adds words as
        "word=material" strings, e.g. ``["coolmax=polyester"]``.

    Why it matters:
        Material decides care, feel, allergies and price. A "100% wool" sweater that arrives
        as polyester is returned, and consumer law treats a false composition as misleading.

    Example:
        fails: {"id": "T1", "title": "Cotton Tee", "attributes": {"material": "Polyester"}}
        fails: {"id": "T1", "title": "Sparta Gym Tank", "description": "Made with thin, light, merino wool.", "attributes": {"material": "Polyester"}}
        passes: {"id": "T1", "title": "Cotton Tee", "attributes": {"material": "60% Cotton, 40% Polyester"}}
        passes: {"id": "T1", "title": "Faux Leather Jacket", "attributes": {"material": "PU"}}
        passes: {"id": "T1", "title": "Parka", "description": "Cotton shell with polyester lining.", "attributes": {"material": "Cotton"}}

    Fix:
        Correct the side that is wrong. If the attribute names only the lining or the filling,
        state the outer fabric there too.
    """

    code = "LL302"
    name = "material-conflict"
    severity = Severity.ERROR
    kind = "material"
    noun = "material"
    # extra-materials: more material words, each as "word=material" ("coolmax=polyester").
    options: ClassVar[Mapping[str, Any]] = {"extra-materials": []}
