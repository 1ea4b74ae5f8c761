"""An example listlint plugin: the checks it adds, listed for the entry point."""

from __future__ import annotations

from listlint_example_plugin.title_missing_brand import TitleMissingBrand

# The entry point `listlint.checks` names this list (see pyproject.toml).
CHECKS = [TitleMissingBrand]

__all__ = ["CHECKS", "TitleMissingBrand"]
