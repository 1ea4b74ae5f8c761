"""User configuration: ``[tool.listlint]`` in pyproject.toml or ``listlint.toml`` -> Settings.

The file is found by walking up from the first linted path, as ruff and black do, so a catalog
repository configures listlint once at its root. Unknown keys and bad values are errors: a typo
that silently disables nothing would leave users believing a rule is off.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from listlint import _toml
from listlint._files import device_problem
from listlint.check import Severity
from listlint.loaders.mapping import check_target
from listlint.profiles import Profile, ProfileError, custom_profiles

CONFIG_FILES = ("listlint.toml", ".listlint.toml", "pyproject.toml")
FAIL_ON_CHOICES = ("error", "warning", "info", "never")


class ConfigError(Exception):
    """A configuration that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class Settings:
    path: Path | None = None  # the file the settings came from, None for defaults
    profile: str | None = None
    select: tuple[str, ...] | None = None  # None: the default set of checks
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str = "error"
    severity: Mapping[str, Severity] = field(default_factory=dict)
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    columns: Mapping[str, str] = field(default_factory=dict)  # CSV column -> record field
    group_by: str | None = None  # the CSV column whose equal values make one listing
    image_roots: tuple[Path, ...] = ()  # folders images may be read from besides the catalog's
    jobs: int = 0  # image worker processes; 0: one per core
    cache_dir: Path | None = None  # None: .listlint_cache in the config's folder
    baseline: Path | None = None  # the baseline file `check` applies (relative to the config)
    # The config's own profiles ([tool.listlint.profiles.NAME], each extending another).
    profiles: Mapping[str, Profile] = field(default_factory=dict)

    @property
    def root(self) -> Path:
        """The folder that relative paths in the config (per-file-ignores) are relative to."""
        return self.path.parent if self.path else Path.cwd()


def find_config(start: Path) -> Path | None:
    """The nearest config file at or above ``start`` (a file's folder, or a folder)."""
    folder = start if start.is_dir() else start.parent
    for candidate in [folder.resolve(), *folder.resolve().parents]:
        for name in CONFIG_FILES:
            path = candidate / name
            if path.is_file() and (name != "pyproject.toml" or _has_tool_table(path)):
                return path
    return None


def _has_tool_table(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    try:
        data = _toml.loads(text)
    except _toml.TOMLDecodeError:
        # A broken pyproject.toml is not our business, unless it holds our table: then the run
        # must stop on it (load_settings says where) rather than go on with the defaults.
        return "tool.listlint" in text
    return "listlint" in data.get("tool", {})


def load_settings(path: Path) -> Settings:
    """Read and validate the settings in ``path``; raise ConfigError with a clear message."""
    problem = device_problem(str(path))
    if problem is not None:
        raise ConfigError(f"{path}: {problem}")
    try:
        data = _toml.loads(path.read_text("utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: config is not UTF-8 text") from None
    except _toml.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("listlint", {})
        where = f"{path} [tool.listlint]"
    else:
        where = str(path)
    return _parse(data, path, where)


_KEYS = (
    "profile", "select", "extend-select", "ignore", "fail-on",
    "severity", "per-file-ignores", "options", "columns", "group-by",
    "image-roots", "jobs", "cache-dir", "profiles", "baseline",
)  # fmt: skip


def _parse(data: Mapping[str, Any], path: Path, where: str) -> Settings:
    unknown = sorted(set(data) - set(_KEYS))
    if unknown:
        raise ConfigError(f"{where}: unknown key {unknown[0]!r} (known keys: {', '.join(_KEYS)})")
    profile = data.get("profile")
    if profile is not None and not isinstance(profile, str):
        raise ConfigError(f"{where}: 'profile' must be a string")
    fail_on = data.get("fail-on", "error")
    if fail_on not in FAIL_ON_CHOICES:
        raise ConfigError(
            f"{where}: 'fail-on' must be one of {', '.join(FAIL_ON_CHOICES)}, not {fail_on!r}"
        )
    severity: dict[str, Severity] = {}
    for rule, level in _table(data, "severity", where).items():
        try:
            severity[rule] = Severity.parse(str(level))
        except ValueError as exc:
            raise ConfigError(f"{where}: severity of {rule!r}: {exc}") from None
    per_file = {
        pattern: _strings(rules, f"per-file-ignores.{pattern!r}", where)
        for pattern, rules in _table(data, "per-file-ignores", where).items()
    }
    options: dict[str, Mapping[str, Any]] = {}
    for rule, table in _table(data, "options", where).items():
        if not isinstance(table, Mapping):
            raise ConfigError(f"{where}: options.{rule} must be a table of option = value")
        options[rule] = dict(table)
    group_by = data.get("group-by")
    if group_by is not None and (not isinstance(group_by, str) or not group_by.strip()):
        raise ConfigError(f"{where}: 'group-by' must be a column name")
    select = data.get("select")
    jobs = data.get("jobs", 0)
    if not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 0:
        raise ConfigError(f"{where}: 'jobs' must be a whole number >= 0 (0: one per core)")
    baseline = data.get("baseline")
    if baseline is not None and (not isinstance(baseline, str) or not baseline.strip()):
        raise ConfigError(f"{where}: 'baseline' must be a file path")
    cache_dir = data.get("cache-dir")
    if cache_dir is not None and (not isinstance(cache_dir, str) or not cache_dir.strip()):
        raise ConfigError(f"{where}: 'cache-dir' must be a folder path")
    return Settings(
        path=path,
        profile=profile,
        select=None if select is None else _strings(select, "select", where),
        extend_select=_strings(data.get("extend-select", []), "extend-select", where),
        ignore=_strings(data.get("ignore", []), "ignore", where),
        fail_on=fail_on,
        severity=severity,
        per_file_ignores=per_file,
        options=options,
        columns=_columns(data, where),
        group_by=group_by.strip() if group_by else None,
        # Paths in the config are relative to the config's folder, wherever listlint runs.
        image_roots=tuple(
            path.parent / root
            for root in _strings(data.get("image-roots", []), "image-roots", where)
        ),
        jobs=jobs,
        cache_dir=path.parent / cache_dir if cache_dir else None,
        baseline=path.parent / baseline if baseline else None,
        profiles=_profiles(data, where),
    )


def _profiles(data: Mapping[str, Any], where: str) -> dict[str, Profile]:
    try:
        return custom_profiles(_table(data, "profiles", where))
    except ProfileError as exc:
        raise ConfigError(f"{where}: {exc}") from None


def _columns(data: Mapping[str, Any], where: str) -> dict[str, str]:
    columns: dict[str, str] = {}
    for column, target in _table(data, "columns", where).items():
        if not isinstance(target, str):
            raise ConfigError(f"{where}: columns.{column!r} must be a field name such as 'title'")
        try:
            columns[column] = check_target(target)
        except ValueError as exc:
            raise ConfigError(f"{where}: columns.{column!r}: {exc}") from None
    return columns


def _table(data: Mapping[str, Any], key: str, where: str) -> Mapping[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, Mapping):
        raise ConfigError(f"{where}: {key!r} must be a table")
    return value


def _strings(value: Any, key: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: {key} must be a list of rule names or codes")
    if any(not v.strip() for v in value):
        # select = "" would otherwise select nothing, and the run would pass without a word.
        raise ConfigError(f"{where}: {key} has an empty entry; name a rule or a code")
    return tuple(v.strip() for v in value)
