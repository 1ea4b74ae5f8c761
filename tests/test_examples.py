"""The bundled example catalog fires exactly the rules examples/README.md promises."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from listlint.config import load_settings
from listlint.registry import load_registry
from listlint.runner import Runner

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ROW = re.compile(r"^\| (catalog\.\w+) \| (\d+) \| ([\w-]+) \| ((?:`[\w-]+`(?:, )?)+) \|")
# A row of the "May also fire" table: ids, then the rules that may fire on them.
MAY_ROW = re.compile(r"^\| ((?:[A-Z]{2}-\d+(?:, )?)+) \| ((?:`[\w-]+`(?:, )?)+) \|")


def _expected() -> dict[tuple[str, int], set[str]]:
    expected: dict[tuple[str, int], set[str]] = {}
    for line in (EXAMPLES / "README.md").read_text("utf-8").splitlines():
        match = ROW.match(line)
        if match:
            rules = set(re.findall(r"`([\w-]+)`", match.group(4)))
            expected[(match.group(1), int(match.group(2)))] = rules
    return expected


def _may_also_fire() -> set[tuple[str, str]]:
    text = (EXAMPLES / "README.md").read_text("utf-8")
    section = text.split("### May also fire", 1)[1].split("\n## ", 1)[0]
    allowed: set[tuple[str, str]] = set()
    for line in section.splitlines():
        match = MAY_ROW.match(line)
        if match:
            for listing_id in match.group(1).split(", "):
                allowed |= {
                    (listing_id, rule) for rule in re.findall(r"`([\w-]+)`", match.group(2))
                }
    return allowed


def test_examples_fire_exactly_the_documented_rules() -> None:
    registry = load_registry(plugins=False)
    implemented = {c.name for c in registry.checks}
    # The examples' own config (image-roots) applies, as it does to `listlint check examples/`.
    settings = load_settings(EXAMPLES / "listlint.toml")
    result = Runner(list(registry.checks), settings).run([str(EXAMPLES)])
    assert not result.errors

    borderline = _may_also_fire()
    assert ("BT-4003", "image-background") in borderline
    fired: dict[tuple[str, int], set[str]] = defaultdict(set)
    for finding in result.findings:
        if (finding.listing_id, finding.name) in borderline:
            continue
        path = Path(finding.source.path).relative_to(EXAMPLES).as_posix()
        fired[(path, finding.source.line or 0)].add(finding.name)

    expected = {where: rules & implemented for where, rules in _expected().items()}
    assert len(expected) == 21
    assert {where: rules for where, rules in fired.items()} == {
        where: rules for where, rules in expected.items() if rules
    }
    assert result.listings == 40
