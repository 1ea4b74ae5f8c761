"""Third-party checks arrive through the ``listlint.checks`` entry-point group."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from listlint.registry import RegistryError, load_registry, plugin_checks, validate

PLUGIN = '''
from listlint.check import Check, Severity


class NoEmoji(Check):
    """A title with an emoji in it.

    What it does:
        Fires on titles holding a character from the emoji blocks.

    Why it matters:
        Marketplaces strip or reject them.

    Example:
        fails: {"id": "A", "title": "Cute Mug \\u2615"}
        passes: {"id": "A", "title": "Cute Mug"}

    Fix:
        Remove the emoji.
    """

    code = "ACM001"
    name = "no-emoji"
    severity = Severity.ERROR

    def check(self, listing, ctx):
        if any(0x2600 <= ord(ch) <= 0x1FAFF for ch in listing.title):
            yield self.finding(listing, "Title has an emoji", field="title", fix="Remove it")


CHECKS = [NoEmoji]
'''


def _install_fake_plugin(root: Path, value: str = "acme_checks:CHECKS", body: str = PLUGIN) -> Path:
    """Lay out an installed distribution on a path entry: a module plus its dist-info."""
    root.mkdir()
    (root / "acme_checks.py").write_text(body, "utf-8")
    info = root / "acme_checks-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-checks\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[listlint.checks]\nacme = {value}\n")
    return root


def _run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root), *sys.path])}
    return subprocess.run(
        [sys.executable, "-m", "listlint", *args], capture_output=True, text=True, env=env
    )


def test_installed_plugin_is_listed_and_runs(tmp_path: Path) -> None:
    root = _install_fake_plugin(tmp_path / "site")
    catalog = tmp_path / "c.jsonl"
    catalog.write_text(json.dumps({"id": "M1", "title": "Cute Mug \u2615"}) + "\n", "utf-8")

    rules = _run(root, "rules")
    assert "ACM001  no-emoji" in rules.stdout.replace("  ", "  ")

    result = _run(root, "check", str(catalog), "--select", "ACM", "--format", "json")
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)["findings"]
    assert [(f["code"], f["name"]) for f in findings] == [("ACM001", "no-emoji")]


def test_broken_plugin_is_a_clear_error(tmp_path: Path) -> None:
    root = _install_fake_plugin(
        tmp_path / "site", body="raise ImportError('no module named acme_x')\n"
    )
    catalog = tmp_path / "c.jsonl"
    catalog.write_text(json.dumps({"id": "M1", "title": "Mug"}) + "\n", "utf-8")

    result = _run(root, "check", str(catalog))

    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        "listlint: error: plugin 'acme' (acme_checks:CHECKS) failed to load: "
        "ImportError: no module named acme_x"
    ]


def test_plugin_code_colliding_with_builtin_is_refused(tmp_path: Path) -> None:
    body = PLUGIN.replace('"ACM001"', '"LL001"')
    root = _install_fake_plugin(tmp_path / "site", body=body)
    result = _run(root, "rules")
    assert result.returncode == 2
    assert "'LL001', already used by the built-in rule LL001 invalid-listing" in result.stderr


def test_entry_point_that_is_not_a_check(tmp_path: Path) -> None:
    from importlib.metadata import EntryPoint

    sys.path.insert(0, str(tmp_path))
    try:
        (tmp_path / "not_checks.py").write_text("THING = 42\n")
        entry = EntryPoint("thing", "not_checks:THING", "listlint.checks")
        with pytest.raises(RegistryError, match=r"plugin 'thing'.*not a listlint Check"):
            plugin_checks([entry])
    finally:
        sys.path.remove(str(tmp_path))


def test_builtin_checks_are_well_formed() -> None:
    registry = load_registry(plugins=False)
    validate(list(registry.checks))
    names = {c.name for c in registry.checks}
    assert {"invalid-listing", "duplicate-id", "missing-color", "missing-size"} <= names


def test_rules_markdown_lists_every_rule(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("rules", "--format", "markdown")
    registry = load_registry(plugins=False)
    for check in registry.checks:
        assert f"| {check.code} | `{check.name}` | {check.severity.value} |" in result.output


def test_explain_prints_the_docstring_sections(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("explain", "missing-size")
    assert result.exit_code == 0
    assert result.output.startswith("LL202 missing-size (default severity: error)")
    for heading in ("What it does:", "Why it matters:", "Example:", "Fix:"):
        assert heading in result.output
    assert run_cli("explain", "LL202").output == result.output


def test_explain_unknown_rule(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("explain", "no-such-rule")
    assert result.exit_code == 2
    assert "unknown rule 'no-such-rule'" in result.stderr
