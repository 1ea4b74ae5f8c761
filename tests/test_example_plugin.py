"""examples/plugin installs with pip, and listlint finds its check through the entry point."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PLUGIN = Path(__file__).resolve().parents[1] / "examples" / "plugin"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(site folder the plugin is installed into, copy of its source with its tests)."""
    root = tmp_path_factory.mktemp("plugin")
    source = root / "src"
    # Built from a copy: the build leaves build/ and *.egg-info behind, not in the repository.
    # --no-deps: listlint itself is the one under test, importable through sys.path.
    shutil.copytree(
        PLUGIN, source, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__")
    )
    site = root / "site"
    done = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
         "--disable-pip-version-check", "--target", str(site), str(source)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert list(site.glob("listlint_example_plugin-*.dist-info/entry_points.txt"))
    return site, source


def _run(site: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), *sys.path])}
    return subprocess.run(
        [sys.executable, "-m", *args], capture_output=True, text=True, env=env, cwd=cwd
    )


def test_installed_plugin_check_is_selected_by_its_code(
    installed: tuple[Path, Path], tmp_path: Path
) -> None:
    site, _ = installed
    catalog = tmp_path / "catalog.jsonl"
    records = [
        {"id": "SH-1", "title": "Trail Running Shoe", "brand": "Nordwind"},
        {"id": "SH-2", "title": "NORDWIND Trail Running Shoe", "brand": "Nordwind"},
    ]
    catalog.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")

    rules = _run(site, "listlint", "rules")
    assert rules.returncode == 0, rules.stderr
    assert any(line.split()[:2] == ["EX101", "title-missing-brand"]
               for line in rules.stdout.splitlines())  # fmt: skip

    result = _run(site, "listlint", "check", str(catalog), "--select", "EX101", "--format", "json")
    assert result.returncode == 0, result.stderr  # a warning: below the default --fail-on
    findings = json.loads(result.stdout)["findings"]
    assert [(f["code"], f["name"], f["listing_id"]) for f in findings] == [
        ("EX101", "title-missing-brand", "SH-1")
    ]
    assert findings[0]["message"] == "The title does not name the brand 'Nordwind'"

    explained = _run(site, "listlint", "explain", "EX101")
    assert explained.stdout.startswith("EX101 title-missing-brand (default severity: warning)")


def test_plugin_tests_pass_with_listlint_testing(installed: tuple[Path, Path]) -> None:
    site, source = installed
    done = _run(site, "pytest", "-q", "-p", "no:cacheprovider", cwd=source)
    assert done.returncode == 0, done.stdout + done.stderr


def test_plugin_folder_holds_no_catalog() -> None:
    # `listlint check examples/` must not pick up anything from the plugin package.
    from listlint.loaders import SUPPORTED_SUFFIXES

    assert not [p for p in PLUGIN.rglob("*") if p.suffix.lower() in SUPPORTED_SUFFIXES]
