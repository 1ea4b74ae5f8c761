"""Regenerate the rule table in README.md from the registry (`listlint rules --format markdown`).

Run after adding or changing a check: python scripts/update_readme_rules.py
tests/test_readme.py fails while the README's table is out of date.
"""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from listlint.cli import cli

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCK = re.compile(r"(<!-- rules:start -->\n).*?(<!-- rules:end -->)", re.DOTALL)


def rule_table() -> str:
    result = CliRunner().invoke(cli, ["rules", "--format", "markdown"], catch_exceptions=False)
    return result.stdout


def updated(readme: str) -> str:
    return BLOCK.sub(lambda m: m.group(1) + rule_table() + m.group(2), readme)


if __name__ == "__main__":
    README.write_text(updated(README.read_text("utf-8")), "utf-8")
