"""`listlint init` writes a commented config that loads, and never overwrites one by accident."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from listlint import profiles
from listlint.config import find_config, load_settings
from listlint.registry import load_registry
from listlint.selection import check_rule_names

# A commented-out example line: a table header or a key = value pair.
_EXAMPLE = re.compile(r'^# (\[[\w.-]+\]|"[^"]+" = |[\w-]+ = )')


def _uncommented(text: str) -> str:
    """The config with every commented-out example line made active."""
    return "\n".join(line[2:] if _EXAMPLE.match(line) else line for line in text.splitlines())


def _loads_cleanly(path: Path) -> None:
    settings = load_settings(path)
    check_rule_names(load_registry(plugins=False), settings)


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("profile", profiles.available())
def test_init_writes_a_config_that_loads(profile: str, in_tmp: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("init", "--profile", profile)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "listlint: wrote listlint.toml\n"
    written = in_tmp / "listlint.toml"
    settings = load_settings(written)
    assert settings.profile == profile
    assert settings.fail_on == "error"
    _loads_cleanly(written)


def test_every_example_in_the_config_is_valid(in_tmp: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    assert run_cli("init").exit_code == 0
    text = (in_tmp / "listlint.toml").read_text("utf-8")
    assert load_settings(in_tmp / "listlint.toml").profile is None  # the marketplace field picks
    for key in ("profile", "select", "ignore", "per-file-ignores", "options.image-blurry"):
        assert re.search(rf"^# \[?{re.escape(key)}\b", text, re.M), key
    (in_tmp / "listlint.toml").write_text(_uncommented(text), "utf-8")
    _loads_cleanly(in_tmp / "listlint.toml")
    settings = load_settings(in_tmp / "listlint.toml")
    assert settings.profile == "generic"
    assert settings.per_file_ignores == {"legacy/*.csv": ("missing-material", "LL1")}
    assert settings.options["image-blurry"]["min-sharpness"] > 0


def test_the_written_config_drives_a_check(in_tmp: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    assert run_cli("init", "--profile", "generic").exit_code == 0
    catalog = in_tmp / "catalog.jsonl"
    catalog.write_text('{"id": "T1", "title": "Cotton Tee", "category": "Clothing"}\n', "utf-8")
    result = run_cli("check", str(catalog), "--format", "json", "--ignore", "LL5", "-v")
    assert result.exit_code == 1, result.stderr
    assert f"config: {in_tmp / 'listlint.toml'}" in result.stderr
    assert '"profile": "generic"' in result.stdout


def test_existing_file_is_kept_unless_forced(in_tmp: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    target = in_tmp / "listlint.toml"
    target.write_text('profile = "amazon"\n', "utf-8")
    result = run_cli("init", "--profile", "generic")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "listlint: error: listlint.toml already exists (--force overwrites it)"
    ]
    assert target.read_text("utf-8") == 'profile = "amazon"\n'

    result = run_cli("init", "--profile", "generic", "--force")
    assert result.exit_code == 0
    assert load_settings(target).profile == "generic"


def test_output_option_and_stdout(in_tmp: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    assert run_cli("init", "-o", "conf/listlint.toml").exit_code == 2  # no such folder
    assert run_cli("init", "-o", "custom.toml").exit_code == 0
    _loads_cleanly(in_tmp / "custom.toml")
    printed = run_cli("init", "--profile", "ebay", "-o", "-")
    assert printed.exit_code == 0
    assert 'profile = "ebay"' in printed.stdout
    assert not (in_tmp / "listlint.toml").exists()


def test_pyproject_gets_a_table(in_tmp: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    pyproject = in_tmp / "pyproject.toml"
    original = '[project]\nname = "catalog"\n\n[tool.ruff]\nline-length = 100'  # no newline
    pyproject.write_text(original, "utf-8")
    result = run_cli("init", "--pyproject", "--profile", "shopify")
    assert result.exit_code == 0, result.stderr
    text = pyproject.read_text("utf-8")
    assert text.startswith(original + "\n\n")
    assert find_config(in_tmp) == pyproject
    assert load_settings(pyproject).profile == "shopify"
    _loads_cleanly(pyproject)
    pyproject.write_text(_uncommented(text), "utf-8")  # the examples' tables are tool.listlint.*
    _loads_cleanly(pyproject)
    assert load_settings(pyproject).severity

    again = run_cli("init", "--pyproject", "--force")
    assert again.exit_code == 2
    assert len(again.stderr.splitlines()) == 1
    assert "already has a [tool.listlint] table" in again.stderr


def test_pyproject_is_created_when_missing(in_tmp: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    assert run_cli("init", "--pyproject").exit_code == 0
    assert load_settings(in_tmp / "pyproject.toml").fail_on == "error"
    assert not (in_tmp / "listlint.toml").exists()


def test_unknown_profile_names_the_choices(in_tmp: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("init", "--profile", "etsy-not-a-profile")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "listlint: error: unknown profile 'etsy-not-a-profile' "
        f"(choose from {', '.join(profiles.available())})"
    ]
    assert not (in_tmp / "listlint.toml").exists()
