"""Configuration: found by walking up, validated strictly, applied to selection and severity."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from listlint.config import ConfigError, Settings, find_config, load_settings
from listlint.registry import load_registry
from listlint.selection import check_rule_names, resolve

REGISTRY = load_registry(plugins=False)


def _names(checks: list) -> set[str]:  # type: ignore[type-arg]
    return {c.name for c in checks}


def test_found_by_walking_up_from_the_linted_path(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.listlint]\nignore = ["title-all-caps"]\n')
    deep = tmp_path / "catalogs" / "eu"
    deep.mkdir(parents=True)
    (deep / "c.jsonl").write_text("")
    assert find_config(deep / "c.jsonl") == tmp_path / "pyproject.toml"


def test_pyproject_without_our_table_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "listlint.toml").write_text('ignore = ["LL1"]\n')
    inner = tmp_path / "shop"
    inner.mkdir()
    (inner / "pyproject.toml").write_text("[tool.black]\nline-length = 88\n")
    assert find_config(inner) == tmp_path / "listlint.toml"


def test_a_broken_pyproject_with_our_table_stops_the_run(tmp_path: Path) -> None:
    # Skipping it would lint with the defaults: a CI job would lose its profile and fail-on.
    broken = tmp_path / "pyproject.toml"
    broken.write_text('[tool.listlint\nfail-on = "warning"\n')
    assert find_config(tmp_path) == broken
    with pytest.raises(ConfigError, match=r"pyproject\.toml: invalid TOML"):
        load_settings(broken)
    broken.write_text('[project\nname = "shop"\n')  # not ours: skipped as before
    assert find_config(tmp_path) is None


def test_unknown_key_is_an_error_naming_file_and_key(tmp_path: Path) -> None:
    path = tmp_path / "listlint.toml"
    path.write_text('selct = ["missing-size"]\n')
    with pytest.raises(ConfigError, match=r"listlint.toml: unknown key 'selct'"):
        load_settings(path)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('fail-on = "sometimes"', "'fail-on' must be one of error, warning, info, never"),
        ("select = 3", "select must be a list of rule names or codes"),
        ('[severity]\ntitle-all-caps = "fatal"', "unknown severity 'fatal'"),
        ("profile = [", "invalid TOML"),
    ],
)
def test_bad_values_are_clear_errors(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "listlint.toml"
    path.write_text(text + "\n")
    with pytest.raises(ConfigError, match=message):
        load_settings(path)


def test_unknown_rule_and_option_names(tmp_path: Path) -> None:
    path = tmp_path / "listlint.toml"
    path.write_text('[severity]\nmissing-colour = "error"\n')
    with pytest.raises(ConfigError, match="unknown rule 'missing-colour'"):
        check_rule_names(REGISTRY, load_settings(path))
    path.write_text("[options.missing-size]\nthreshold = 3\n")
    with pytest.raises(ConfigError, match="missing-size has no option 'threshold'"):
        check_rule_names(REGISTRY, load_settings(path))


@pytest.mark.parametrize("key", ["select", "ignore", "extend-select"])
def test_an_empty_rule_selector_is_refused(tmp_path: Path, key: str) -> None:
    path = tmp_path / "listlint.toml"
    path.write_text(f'{key} = ""\n')
    with pytest.raises(ConfigError, match=f"{key} has an empty entry"):
        load_settings(path)


@pytest.mark.parametrize("value", ["nan", "inf", "-5", "true", '"3"'])
def test_a_numeric_option_must_be_a_finite_number_of_0_or_more(tmp_path: Path, value: str) -> None:
    path = tmp_path / "listlint.toml"
    path.write_text(f"[options.measurement-conflict]\ntolerance = {value}\n")
    with pytest.raises(ConfigError, match="tolerance must be a number of 0 or more, not"):
        check_rule_names(REGISTRY, load_settings(path))


def test_selection_by_code_prefix_and_name() -> None:
    settings = Settings(select=("LL2",), ignore=("missing-material",))
    assert _names(resolve(REGISTRY, settings)) == {
        "missing-color", "missing-size", "missing-attribute",
    }  # fmt: skip


def test_cli_select_replaces_config_select_and_ignore_adds() -> None:
    settings = Settings(select=("LL2",), ignore=("missing-material",))
    chosen = resolve(REGISTRY, settings, cli_select=["duplicate-id", "LL20"], cli_ignore=["LL201"])
    assert _names(chosen) == {"duplicate-id", "missing-size", "missing-attribute"}


def test_extend_select_adds_to_the_selection() -> None:
    settings = Settings(select=("duplicate-id",), extend_select=("missing-size",))
    assert _names(resolve(REGISTRY, settings)) == {"duplicate-id", "missing-size"}


def test_unknown_selector_is_an_error_that_suggests_the_spelling(tmp_path: Path) -> None:
    with pytest.raises(
        ConfigError,
        match=r"^--select: unknown rule selector 'mising-size' \(did you mean 'missing-size'\?\)",
    ):
        resolve(REGISTRY, Settings(), cli_select=["mising-size"])
    config = tmp_path / "listlint.toml"
    with pytest.raises(ConfigError, match=rf"^{re.escape(str(config))}: ignore: unknown rule"):
        resolve(REGISTRY, Settings(ignore=("missing-sise",), path=config))
    with pytest.raises(ConfigError, match=r"unknown rule selector 'zzz': use"):  # nothing close
        resolve(REGISTRY, Settings(), cli_select=["zzz"])


def test_config_applies_to_a_run(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "listlint.toml").write_text(
        'ignore = ["missing-color", "image-missing"]\n[severity]\nmissing-size = "warning"\n'
    )
    catalog = tmp_path / "c.jsonl"
    description = "A plain tee with a ribbed collar, a straight cut and short sleeves."
    record = {"id": "T1", "title": "Plain Tee", "category": "Tees", "description": description}
    catalog.write_text(json.dumps(record) + "\n")

    result = run_cli("check", str(catalog), "--format", "json")

    findings = json.loads(result.stdout)["findings"]
    assert {(f["name"], f["severity"]) for f in findings} == {
        ("missing-size", "warning"),
        ("missing-material", "warning"),
    }
    assert result.exit_code == 0  # no error left, and --fail-on defaults to error


def test_bad_config_exits_2_with_one_line(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "listlint.toml").write_text('fail-on = "sometimes"\n')
    catalog = tmp_path / "c.jsonl"
    catalog.write_text(json.dumps({"id": "T1", "title": "Plain Tee"}) + "\n")
    result = run_cli("check", str(catalog))
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("listlint: error: ")
