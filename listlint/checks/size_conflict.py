from __future__ import annotations

from listlint.check import Severity
from listlint.checks._conflict import ConflictCheck


class SizeConflict(ConflictCheck):
    """The title or description states a size that the size attribute or the variants lack.

    What it does:
        Finds the size a title states ("Hoodie XL", "Size M", "Talla L", "EU 42", "One Size")
        or a description labels ("Size: M") and compares it with the size attribute, or with
        the variants' sizes: a title may name one of them, not a size none has. Letter sizes
        compare with letter sizes ("XXL" is "2XL"), numbers with numbers of the same system
        ("EU 42" with "42", not with "US 9"). "One size" agrees with any size.

        Not statements: compatibility and fit ("fits sizes S-L", "model wears size M", "size
        chart", "order one size up"), ranges of sizes ("S-XL"), body measurements ("32 inch
        waist" is a measurement, not a size), and model names ("iPhone XS").

    Why it matters:
        A buyer who clicks "XL" in the title and can only choose S to L abandons the listing or
        orders the wrong size; size is the top reason for clothing returns.

    Example:
        fails: {"id": "T1", "title": "Cotton Hoodie XL", "variants": [{"attributes": {"size": "S"}}, {"attributes": {"size": "M"}}, {"attributes": {"size": "L"}}]}
        fails: {"id": "T1", "title": "Running Shoes EU 42", "attributes": {"size": "40"}}
        passes: {"id": "T1", "title": "Cotton Hoodie XXL", "variants": [{"attributes": {"size": "XL"}}, {"attributes": {"size": "2XL"}}]}
        passes: {"id": "T1", "title": "Cotton Hoodie", "description": "Model wears size M.", "attributes": {"size": "L"}}

    Fix:
        Remove the size from the title (variants carry sizes), or correct the size attribute.
    """

    code = "LL303"
    name = "size-conflict"
    severity = Severity.ERROR
    kind = "size"
    noun = "size"
