from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from listlint.check import Check, CheckContext, Finding, Severity
from listlint.model import Listing
from listlint.text.measures import (
    OWN,
    Measure,
    description_measures,
    in_unit,
    listing_measures,
)

# How specs are named in messages.
_SPEC_NAMES = {
    "diagonal": "screen size",
    "size": "size",
    "dimensions": "dimensions",
    "package_dimensions": "package dimensions",
    "package_weight": "package weight",
    "battery": "battery capacity",
    "battery_energy": "battery energy",
    "storage": "storage capacity",
    "ram": "RAM",
    "resolution": "camera resolution",
    "load": "maximum load",
    "input_voltage": "input voltage",
    "output_voltage": "output voltage",
    "pack": "pack size",
    "pieces": "piece count",
}
# A relative tolerance of at least this much for values stated as approximate ("approx. 2 kg").
_APPROX_TOLERANCE = 0.1
# The most that rounding to the last written digit may add, relative to the value.
_ROUNDING = 0.05
# The attributes that together are the item's dimensions.
_SIDES = ("length", "width", "height", "depth")


@dataclass(frozen=True)
class _Statement:
    """One value of a spec in one place: a single measure, or the lengths of one "40 x 30 cm"."""

    spec: str
    source: str  # "title", "description", "attributes" or "variants[i]"
    measures: tuple[Measure, ...]

    @property
    def field(self) -> str:
        return self.measures[0].field


class MeasurementConflict(Check):
    """A measurable spec (size, weight, capacity, power...) given with values that disagree.

    What it does:
        Finds measurements with units in the title, the description and the attribute values
        of the listing and its variants: lengths, widths, heights, depths and screen diagonals
        (mm, cm, m, in, ″, ft), weights (g, kg, oz, lb), volumes (ml, l, fl oz), storage and
        RAM (MB, GB, TB), power (W, kW), voltage (V, with ranges such as "110-240V"), battery
        capacity (mAh, Wh), camera resolution (MP) and pack counts ("pack of 3"), in English,
        Spanish, French, German, Portuguese, Italian, Russian and Chinese spellings. Attribute
        names (``weight``, ``screen_size``, ``height``, ``capacity``, ``wattage``...) and the
        words next to a number ("13.8 in wide", "weighs 2 kg", "8GB RAM", "55 inch TV") tell
        which spec a value is about; a number whose spec cannot be told is not compared.
        Fires when the title, the description and the attributes give one spec values that
        disagree after unit conversion by more than the ``tolerance`` (2.5 % by default) plus
        half the last digit of the rougher value (at most 5 %), so 55 in agrees with 139.7 cm,
        139 cm and 140 cm, but 1 kg does not agree with 500 g. A title, description or listing
        attribute value is compared with the variants' values as a set: it conflicts only when
        no variant has it. Ranges ("110-240V", "up to 40 W") conflict only when they do not
        overlap; "approx." values get 10 %. "16,000,000 megapixels" is read as 16 MP.
        Not compared: what the item fits ("fits 13-15 inch laptops", "case for iPhone 15, 6.1
        inch"), parts and several items ("two 4L baskets", "2 x 1.5 V batteries", "set of 3
        bowls: 12, 15 and 18 cm", "seat height", "charging base 100-240V"), other products
        ("60 W equivalent", "than a 2000 W heater", "also available in 65 inch"), the model
        wearing the item, packaging, a place that gives one spec several values, and numbers
        without a unit (model numbers, "1/4 zip", "5G", years, prices).

    Why it matters:
        A buyer who orders a "55 inch" TV whose attributes say 120 cm, or a 2 TB drive listed
        as 1 TB, gets something else than they read, returns it and leaves a bad review.
        Marketplaces filter on the attributes while buyers read the title, so the two must
        agree.

    Example:
        fails: {"id": "T1", "title": "Samsung 55 inch 4K Smart TV", "attributes": {"screen_size": "120 cm"}}
        fails: {"id": "T1", "title": "Compact Camera", "description": "A 12.1 MP sensor.", "attributes": {"megapixels": "16,000,000"}}
        fails: {"id": "T1", "title": "Electric Kettle 1.7L", "attributes": {"capacity": "1.2 l"}}
        passes: {"id": "T1", "title": "Samsung 55 inch 4K Smart TV", "attributes": {"screen_size": "139 cm"}}
        passes: {"id": "T1", "title": "Laptop Sleeve", "description": "Fits 13-15 inch laptops.", "attributes": {"width": "38 cm"}}
        passes: {"id": "T1", "title": "Travel Hair Dryer", "description": "Dual voltage (110/220V), lightweight at 450g.", "attributes": {"voltage": "110-240V", "weight": "1 lb"}}

    Fix:
        Correct whichever value is wrong so that the title, the description and the attributes
        state the same value; give each value once, in one unit, or with exact conversions.
        Name the spec of a number that is about something else ("fits 15 inch laptops").
    """

    code = "LL304"
    name = "measurement-conflict"
    severity = Severity.ERROR
    # tolerance: relative difference allowed on top of rounding (0.025 = 2.5 %).
    options: ClassVar[Mapping[str, Any]] = {"tolerance": 0.025}

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        tolerance = float(ctx.options.get("tolerance", self.options["tolerance"]))
        measures = listing_measures(listing, description=False)
        specs = {m.spec for m in measures if m.spec and m.role == OWN}
        if not specs:
            return  # the description alone cannot disagree with anything: not read at all
        if not specs.isdisjoint(_SIDES):
            specs.add("dimensions")  # attributes width, height... are compared as dimensions
        # Values of other specs in the description cannot disagree with anything either, so a
        # description that has none of these specs' units is not read beyond its units.
        measures += description_measures(listing, about=specs)
        statements = _statements(measures, tolerance)
        if len(statements) < 2:
            return
        pack = _pack_count(statements)
        by_spec: dict[str, list[_Statement]] = {}
        for statement in statements:
            by_spec.setdefault(statement.spec, []).append(statement)
        variant_ids = {f"variants[{i}]": v.id for i, v in enumerate(listing.variants)}
        for spec, stated in by_spec.items():
            conflict = _conflict(stated, tolerance, pack)
            if conflict is None:
                continue
            first, others = conflict
            name = _SPEC_NAMES.get(spec, spec.replace("_", " "))
            yield self.finding(
                listing,
                _message(first, others, variant_ids),
                field=first.field,
                fix=f"Make the {name} agree: correct the wrong value in "
                f"{_place(first, variant_ids)} or {_place(others[0], variant_ids, many=len(others) > 1)}",
            )


def _statements(measures: Sequence[Measure], tolerance: float) -> list[_Statement]:
    """The item's own values by spec and place; a place that gives a spec values that
    disagree (several items, or parts) is left out for that spec."""
    grouped: dict[tuple[str, str], list[_Statement]] = {}
    dimensions: list[Measure] = []
    for measure in [*measures, None]:
        if dimensions and (measure is None or not _same_group(dimensions[-1], measure)):
            spec, source = dimensions[0].spec, dimensions[0].field.split(".")[0]
            grouped.setdefault((spec, source), []).append(
                _Statement(spec, source, tuple(dimensions))
            )
            dimensions = []
        if measure is None or not measure.spec or measure.role != OWN:
            continue
        if measure.group and measure.spec in ("dimensions", "package_dimensions"):
            dimensions.append(measure)
            continue
        source = measure.field.split(".")[0]
        grouped.setdefault((measure.spec, source), []).append(
            _Statement(measure.spec, source, (measure,))
        )
    _sides_as_dimensions(grouped)
    result: list[_Statement] = []
    for same in grouped.values():
        if all(_agree(same[0], other, tolerance, 1) for other in same[1:]):
            result.append(same[0])
    return result


def _same_group(previous: Measure, measure: Measure | None) -> bool:
    """Whether ``measure`` is the next length of the "40 x 30 x 20 cm" ``previous`` is in."""
    return (
        measure is not None
        and measure.group == previous.group
        and measure.field == previous.field
        and measure.start > previous.start
    )


def _sides_as_dimensions(grouped: dict[tuple[str, str], list[_Statement]]) -> None:
    """Attributes width, height, depth (and length) also state the item's "dimensions", so
    that "40 x 30 x 20 cm" in the text can be compared with them."""
    sources = {source for _, source in grouped if source != "title" and source != "description"}
    for source in sources:
        if ("dimensions", source) in grouped:
            continue
        sides = [grouped.get((spec, source), []) for spec in _SIDES]
        if sum(1 for side in sides if len(side) == 1) >= 2 and all(len(s) <= 1 for s in sides):
            measures = tuple(side[0].measures[0] for side in sides if side)
            grouped[("dimensions", source)] = [_Statement("dimensions", source, measures)]


def _pack_count(statements: Sequence[_Statement]) -> int:
    for statement in statements:
        if statement.spec == "pack" and statement.source == "title":
            count = statement.measures[0].base_value
            return int(count) if count.is_integer() and count > 1 else 1
    return 1


def _conflict(
    stated: list[_Statement], tolerance: float, pack: int
) -> tuple[_Statement, list[_Statement]] | None:
    """The first disagreement: between title, description and attributes, then with the set
    of the variants' values."""
    listing_level = {s.source: s for s in stated if not s.source.startswith("variants")}
    variants = [s for s in stated if s.source.startswith("variants")]
    for a, b in (("title", "attributes"), ("title", "description"), ("description", "attributes")):
        first, second = listing_level.get(a), listing_level.get(b)
        if first and second and not _agree(first, second, tolerance, pack):
            return first, [second]
    if variants:
        for source in ("title", "description", "attributes"):
            statement = listing_level.get(source)
            if statement and not any(_agree(statement, v, tolerance, pack) for v in variants):
                return statement, _distinct(variants)
    return None


def _distinct(variants: list[_Statement]) -> list[_Statement]:
    seen: set[str] = set()
    result = []
    for statement in variants:
        key = _text(statement)
        if key not in seen:
            seen.add(key)
            result.append(statement)
    return result


def _agree(a: _Statement, b: _Statement, tolerance: float, pack: int) -> bool:
    if len(a.measures) != len(b.measures):
        return True  # "40 x 60 cm" and "40 x 60 x 2 cm" do not say the same thing
    if len(a.measures) > 1:
        first = sorted(a.measures, key=lambda m: m.base_value)
        second = sorted(b.measures, key=lambda m: m.base_value)
        return all(_close(x, y, tolerance) for x, y in zip(first, second, strict=True))
    x, y = a.measures[0], b.measures[0]
    if _close(x, y, tolerance):
        return True
    # "Pack of 4, 1.5 L" may give one bottle's volume in one place and the pack's in another.
    return (
        pack > 1
        and x.quantity in ("mass", "volume")
        and (_close(x, y, tolerance, factor=pack) or _close(y, x, tolerance, factor=pack))
    )


def _close(x: Measure, y: Measure, tolerance: float, *, factor: float = 1.0) -> bool:
    """Whether ``x`` (times ``factor``) and ``y`` can be the same value, given rounding."""
    x_low = -math.inf if x.low is None else x.low * factor
    x_high = math.inf if x.high is None else x.high * factor
    y_low = -math.inf if y.low is None else y.low
    y_high = math.inf if y.high is None else y.high
    if x_low <= y_high and y_low <= x_high:
        return True  # the values or ranges overlap
    if x.quantity == "count":
        return False
    near_x, near_y = (x_high, y_low) if x_high < y_low else (x_low, y_high)
    relative = max(tolerance, _APPROX_TOLERANCE) if x.approx or y.approx else tolerance
    magnitude = max(abs(near_x), abs(near_y))
    # Half the last digit of the rougher value ("55 in" may be 54.6 in), but no more than
    # _ROUNDING of the value: "1 kg" means 1 kg, not anything from 0.5 to 1.5 kg.
    rounding = min(max(x.step * factor, y.step) / 2, _ROUNDING * magnitude)
    return abs(near_x - near_y) <= relative * magnitude + rounding


def _text(statement: _Statement) -> str:
    """The value as written, with a unit: "55 inch", "40 x 30 x 20 cm"."""
    measures = statement.measures
    if len(measures) == 1:
        measure = measures[0]
        text = measure.text.strip()
        if measure.unit and text.replace(".", "").replace(",", "").isdigit():
            text += f" {measure.unit}"  # "210" of "W 210 x D 90 x H 85 cm"
        if measure.note:
            text += f" ({measure.note}: {_number(measure.base_value)} {measure.unit})"
        return text
    unit = measures[-1].unit
    return " x ".join(_number(in_unit(m, unit)) for m in measures) + f" {unit}"


def _converted(statement: _Statement, into: _Statement) -> str:
    """ " (139.7 cm)": ``statement``'s value in the unit of ``into``, when the units differ."""
    measure, target = statement.measures[-1], into.measures[-1]
    if (
        len(statement.measures) > 1
        or measure.quantity == "count"
        or measure.unit == target.unit
        or measure.low != measure.high
        or measure.note
    ):
        return ""
    return f" ({_number(in_unit(measure, target.unit))} {target.unit})"


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".") if value >= 10 else f"{value:.3g}"


def _place(
    statement: _Statement, variant_ids: Mapping[str, str | None], *, many: bool = False
) -> str:
    """Where a statement stands: "the title", "attribute weight", "variant V2 attribute
    height", "attributes width, height, depth"."""
    field = statement.field
    if field in ("title", "description"):
        return f"the {field}"
    names = list(dict.fromkeys(m.field.split(".", 2)[-1] for m in statement.measures))
    what = f"attribute {names[0]}" if len(names) == 1 else f"attributes {', '.join(names)}"
    if field.startswith("attributes."):
        return what
    if many:
        return f"variant {what}"
    return f"variant {variant_ids.get(statement.source) or statement.source} {what}"


def _verb(statement: _Statement) -> str:
    if statement.field in ("title", "description"):
        return "says"
    return "are" if len({m.field for m in statement.measures}) > 1 else "is"


def _message(
    first: _Statement, others: list[_Statement], variant_ids: Mapping[str, str | None]
) -> str:
    """ "Title says 55 in (139.7 cm) but attribute screen_size is 120 cm"."""
    lead = _place(first, variant_ids).removeprefix("the ")
    values = " or ".join(_text(o) for o in others[:5]) + (" or ..." if len(others) > 5 else "")
    return (
        f"{lead[0].upper()}{lead[1:]} {_verb(first)} {_text(first)}"
        f"{_converted(first, others[0])} but "
        f"{_place(others[0], variant_ids, many=len(others) > 1)} {_verb(others[0])} {values}"
    )
