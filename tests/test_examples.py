"""The bundled example catalog fires exactly the rules examples/README.md promises."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from listlint.config import Settings
from listlint.registry import load_registry
from listlint.runner import Runner

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ROW = re.compile(r"^\| (catalog\.\w+) \| (\d+) \| ([\w-]+) \| ((?:`[\w-]+`(?:, )?)+) \|")


def _expected() -> dict[tuple[str, int], set[str]]:
    expected: dict[tuple[str, int], set[str]] = {}
    for line in (EXAMPLES / "README.md").read_text("utf-8").splitlines():
        match = ROW.match(line)
        if match:
            rules = set(re.findall(r"`([\w-]+)`", match.group(4)))
            expected[(match.group(1), int(match.group(2)))] = rules
    return expected


def test_examples_fire_exactly_the_documented_rules() -> None:
    registry = load_registry(plugins=False)
    implemented = {c.name for c in registry.checks}
    result = Runner(list(registry.checks), Settings()).run([str(EXAMPLES)])
    assert not result.errors

    fired: dict[tuple[str, int], set[str]] = defaultdict(set)
    for finding in result.findings:
        path = Path(finding.source.path).relative_to(EXAMPLES).as_posix()
        fired[(path, finding.source.line or 0)].add(finding.name)

    expected = {where: rules & implemented for where, rules in _expected().items()}
    assert len(expected) == 15
    assert {where: rules for where, rules in fired.items()} == {
        where: rules for where, rules in expected.items() if rules
    }
    assert result.listings == 34
