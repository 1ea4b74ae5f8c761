"""The registry's index of built-in checks, and selecting checks without importing the rest."""

from __future__ import annotations

import importlib
import inspect
import os
import pkgutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import listlint.checks
from listlint.check import Check
from listlint.registry import Known, Registry, RegistryError, builtin_index, validate


def _defined_in_modules() -> dict[str, str]:
    """code -> name of every Check subclass the modules of listlint.checks define."""
    found = {}
    for module_info in pkgutil.iter_modules(listlint.checks.__path__):
        module = importlib.import_module(f"listlint.checks.{module_info.name}")
        for obj in vars(module).values():
            if (
                inspect.isclass(obj)
                and issubclass(obj, Check)
                and obj.__module__ == module.__name__
                and "code" in vars(obj)
            ):
                found[obj.code] = obj.name
                assert module_info.name == obj.name.replace("-", "_"), (
                    f"{obj.name} must live in listlint/checks/{obj.name.replace('-', '_')}.py"
                )
    return found


def test_the_index_lists_exactly_the_checks_the_modules_define() -> None:
    listed = {known.code: known.name for known in builtin_index()}
    assert listed == _defined_in_modules(), "update listlint/checks/index.toml"


def test_every_indexed_check_loads_as_the_class_with_its_code() -> None:
    for known in builtin_index():
        check = known.load()
        assert (check.code, check.name) == (known.code, known.name)


def test_an_index_line_without_its_module_is_an_error_naming_it() -> None:
    from listlint.registry import _builtin

    with pytest.raises(RegistryError, match=r"lists LL999 no-such-check, but .* is missing"):
        _builtin("LL999", "no-such-check")
    with pytest.raises(RegistryError, match=r"lists LL998 title-too-long, but .* not define it"):
        _builtin("LL998", "title-too-long")


def test_selecting_image_rules_imports_no_text_rule() -> None:
    script = (
        "import sys\n"
        "from listlint.registry import load_registry\n"
        "checks = load_registry(plugins=False).matching('LL5')\n"
        "print(len(checks))\n"
        "print(' '.join(m for m in sys.modules if m.startswith('listlint.checks.')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert int(out[0]) == len([k for k in builtin_index() if k.code.startswith("LL5")])
    imported = set(out[1].split())
    assert "listlint.checks.image_blurry" in imported
    assert not imported & {"listlint.checks.color_conflict", "listlint.checks.placeholder_text"}


def test_a_plugin_code_taken_by_a_builtin_is_refused() -> None:
    class Clash(Check):
        code = "LL101"
        name = "acme-title"

    known = [*builtin_index(), Known("LL101", "acme-title", "acme.Clash", lambda: Clash)]
    with pytest.raises(RegistryError, match=r"acme.Clash uses 'LL101', already used by"):
        validate(known)


def test_names_codes_and_prefixes_select_checks() -> None:
    registry = Registry(builtin_index())
    assert [c.name for c in registry.matching("missing-size")] == ["missing-size"]
    assert [c.code for c in registry.matching("ll202")] == ["LL202"]
    assert {c.code[:3] for c in registry.matching("LL5")} == {"LL5"}
    assert registry.get("LL202") is registry.find("missing-size")
    assert registry.get("missing-size") is None
    assert registry.matching("LL9") == []


def _plugins_possible_on(path: list[str]) -> bool:
    script = "from listlint.registry import _plugins_possible; print(_plugins_possible())"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(path)}
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    )
    return out.stdout.strip() == "True"


def _distribution(root: Path, name: str, entry_points: str | None) -> None:
    info = root / f"{name}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    if entry_points is not None:
        (info / "entry_points.txt").write_text(entry_points)


def test_without_a_plugin_importlib_metadata_is_not_even_imported(tmp_path: Path) -> None:
    _distribution(tmp_path / "site", "tool", "[console_scripts]\ntool = tool:main\n")
    _distribution(tmp_path / "site", "bare", None)
    script = (
        "import sys\n"
        "from listlint.registry import load_registry\n"
        "load_registry()\n"
        "print('importlib.metadata' in sys.modules)\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path / "site"), *sys.path])}
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    )
    assert out.stdout.strip() == "False"


def test_a_distribution_declaring_the_group_is_looked_up_properly(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _distribution(site, "acme", "[listlint.checks]\nacme = acme:CHECKS\n")
    assert _plugins_possible_on([str(site), *sys.path])


@pytest.mark.parametrize("kind", ["zip", "egg"])
def test_what_the_quick_look_cannot_read_goes_to_importlib_metadata(
    tmp_path: Path, kind: str
) -> None:
    if kind == "zip":
        archive = tmp_path / "plugins.zip"
        with zipfile.ZipFile(archive, "w") as zipped:
            zipped.writestr("acme.py", "CHECKS = []\n")
        entry = str(archive)
    else:
        (tmp_path / "acme-1.0-py3.11.egg").mkdir()
        entry = str(tmp_path)
    assert _plugins_possible_on([entry, *sys.path])
