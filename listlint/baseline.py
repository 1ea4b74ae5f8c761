"""Baselines: today's findings recorded, so that a run fails only on findings that are new.

``listlint baseline PATH -o listlint-baseline.json`` writes every finding as its listing id,
rule name, field and variant id: no line, no message, so the baseline survives reordered rows,
shifted lines and reworded messages. ``listlint check --baseline FILE`` then drops each finding
that matches an entry; entries are a multiset (a listing with two findings of one rule on one
field needs two entries), and entries left over are findings that were fixed.

The file (version 1)::

    {"listlint-baseline": 1, "listlint": "0.3.0",
     "findings": [{"listing_id": "TS-1002", "rule": "missing-size", "field": "attributes"},
                  {"listing_id": "HD-1301", "rule": "sale-price-above-price",
                   "field": "variants.sale_price", "variant_id": "HD-1301-L", "count": 2}]}

``count`` (default 1) says how many such findings there were.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TextIO

from listlint._files import device_problem
from listlint.check import Finding

FORMAT_KEY = "listlint-baseline"
VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be used; the message names the file and what is wrong."""


class Key(NamedTuple):
    """What a finding is matched by: never its line or message."""

    listing_id: str
    rule: str
    field: str
    variant_id: str | None = None


def key_of(finding: Finding) -> Key:
    return Key(finding.listing_id, finding.name, finding.field, finding.variant_id)


def baseline_data(findings: Iterable[Finding], version: str) -> dict[str, Any]:
    """The baseline document of ``findings``, sorted so that it diffs well."""
    counts = Counter(key_of(f) for f in findings)
    entries: list[dict[str, Any]] = []
    for key in sorted(counts, key=lambda k: (k.listing_id, k.rule, k.field, k.variant_id or "")):
        entry: dict[str, Any] = {"listing_id": key.listing_id, "rule": key.rule, "field": key.field}
        if key.variant_id is not None:
            entry["variant_id"] = key.variant_id
        if counts[key] > 1:
            entry["count"] = counts[key]
        entries.append(entry)
    return {FORMAT_KEY: VERSION, "listlint": version, "findings": entries}


def write_baseline(findings: Iterable[Finding], out: TextIO, version: str) -> int:
    """Write the baseline of ``findings`` to ``out``; return how many findings it holds."""
    data = baseline_data(findings, version)
    # One finding a line: a baseline kept in git shows in a diff which findings came and went.
    head = json.dumps({k: v for k, v in data.items() if k != "findings"}, ensure_ascii=False)
    lines = [json.dumps(entry, ensure_ascii=False) for entry in data["findings"]]
    body = ",\n  ".join(lines)
    out.write(
        f'{head[:-1]}, "findings": [\n  {body}\n]}}\n'
        if lines
        else f'{head[:-1]}, "findings": []}}\n'
    )
    return sum(entry.get("count", 1) for entry in data["findings"])


def load_baseline(path: str) -> Counter[Key]:
    """The entries of the baseline file at ``path``; raise BaselineError when it is unusable."""
    problem = device_problem(path)
    if problem is not None:
        raise BaselineError(f"{path}: {problem}")
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        raise BaselineError(
            f"{path}: baseline file not found (create it with `listlint baseline PATH -o {path}`)"
        ) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{path}: not a listlint baseline: invalid JSON ({exc})") from None
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
    except ValueError as exc:  # a NUL in the path
        raise BaselineError(f"{path}: cannot read baseline: {exc}") from None
    except RecursionError:
        raise BaselineError(f"{path}: not a listlint baseline: nested too deeply") from None
    return parse_baseline(data, path)


def parse_baseline(data: object, path: str) -> Counter[Key]:
    if not isinstance(data, Mapping) or FORMAT_KEY not in data:
        raise BaselineError(f"{path}: not a listlint baseline (no {FORMAT_KEY!r} key)")
    if data[FORMAT_KEY] != VERSION:
        raise BaselineError(
            f"{path}: baseline version {data[FORMAT_KEY]!r} is not supported (this listlint "
            f"reads version {VERSION}; write it again with `listlint baseline`)"
        )
    entries = data.get("findings")
    if not isinstance(entries, list):
        raise BaselineError(f"{path}: not a listlint baseline ('findings' must be a list)")
    counts: Counter[Key] = Counter()
    for number, entry in enumerate(entries, 1):
        counts[_entry(entry, f"{path}: finding {number}")] += _count(entry, path, number)
    return counts


def _entry(entry: object, where: str) -> Key:
    if not isinstance(entry, Mapping):
        raise BaselineError(f"{where} must be an object")
    values: list[str] = []
    for name in ("listing_id", "rule", "field"):
        value = entry.get(name)
        if not isinstance(value, str):
            raise BaselineError(f"{where}: {name!r} must be a string")
        values.append(value)
    variant = entry.get("variant_id")
    if variant is not None and not isinstance(variant, str):
        raise BaselineError(f"{where}: 'variant_id' must be a string")
    return Key(values[0], values[1], values[2], variant)


def _count(entry: Mapping[str, Any], path: str, number: int) -> int:
    count = entry.get("count", 1)
    if not isinstance(count, int) or isinstance(count, bool) or count < 1:
        raise BaselineError(f"{path}: finding {number}: 'count' must be a whole number >= 1")
    return count


@dataclass
class Filtered:
    """A run's findings against a baseline: the new ones, and how many entries matched or not."""

    new: list[Finding] = field(default_factory=list)
    matched: int = 0  # findings the baseline holds, not reported
    fixed: int = 0  # baseline entries no finding matched: fixed since it was written


def apply_baseline(findings: Iterable[Finding], baseline: Counter[Key]) -> Filtered:
    """Split ``findings`` into those the baseline holds and the new ones, in their order."""
    left = Counter(baseline)
    result = Filtered()
    for finding in findings:
        key = key_of(finding)
        if left[key] > 0:
            left[key] -= 1
            result.matched += 1
        else:
            result.new.append(finding)
    result.fixed = sum(left.values())
    return result
