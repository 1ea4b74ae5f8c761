"""The README documents what the code does: its rule table and its quick-start commands."""

from __future__ import annotations

from pathlib import Path

from scripts.update_readme_rules import README, updated

ROOT = Path(__file__).resolve().parents[1]


def test_rule_table_is_generated_from_the_registry() -> None:
    text = README.read_text("utf-8")
    assert updated(text) == text, "run: python scripts/update_readme_rules.py"


def test_ci_runs_the_readme_test_command() -> None:
    readme = README.read_text("utf-8")
    start = readme.index("## Quick start")
    commands = [
        line for line in readme[start:].split("## Usage")[0].splitlines()
        if line.startswith("python3 -m venv")
    ]  # fmt: skip
    assert len(commands) == 2, "the quick start has exactly two set-up commands"
    assert "listlint check examples/" in commands[0]
    assert commands[1] in (ROOT / ".ci" / "run").read_text("utf-8")
