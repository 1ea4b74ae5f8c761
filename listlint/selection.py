"""Which checks run: selectors from config and command line resolved against the registry."""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from listlint.check import Check, Severity
from listlint.config import ConfigError, Settings
from listlint.registry import Registry


def split_selectors(values: Iterable[str]) -> tuple[str, ...]:
    """``--select a,b --select c`` -> ("a", "b", "c")."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def resolve(
    registry: Registry,
    settings: Settings,
    cli_select: Sequence[str] = (),
    cli_ignore: Sequence[str] = (),
    cli_extend_select: Sequence[str] = (),
) -> list[type[Check]]:
    """The checks to run, in code order.

    A command-line ``--select`` replaces the configured selection (config ``extend-select``
    included); ``--ignore`` adds to the configured ignores; anything ignored is off.
    """
    config = str(settings.path) if settings.path else "config"
    base: list[tuple[str, str]]  # (selector, where it was written)
    if cli_select:
        base = [(s, "--select") for s in cli_select]
    elif settings.select is not None:
        base = [(s, f"{config}: select") for s in settings.select]
        base += [(s, f"{config}: extend-select") for s in settings.extend_select]
    else:
        base = [("ALL", ""), *((s, f"{config}: extend-select") for s in settings.extend_select)]
    base += [(s, "--extend-select") for s in cli_extend_select]
    chosen: dict[str, type[Check]] = {}
    for selector, where in base:
        for check in _matching(registry, selector, where):
            chosen[check.code] = check
    ignored = [(s, f"{config}: ignore") for s in settings.ignore]
    for selector, where in [*ignored, *((s, "--ignore") for s in cli_ignore)]:
        for check in _matching(registry, selector, where):
            chosen.pop(check.code, None)
    return sorted(chosen.values(), key=lambda c: c.code)


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """ " (did you mean 'missing-size'?)" for a near miss of one of ``known``, else ""."""
    close = difflib.get_close_matches(name.lower(), list(known), n=1, cutoff=0.75)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _matching(registry: Registry, selector: str, where: str = "") -> list[type[Check]]:
    matches = registry.matching(selector)
    if not matches:
        raise ConfigError(
            f"{where + ': ' if where else ''}unknown rule selector {selector!r}"
            f"{did_you_mean(selector, registry.names)}: use a rule name, a code or a code prefix "
            "(see `listlint rules`)"
        )
    return matches


def check_rule_names(registry: Registry, settings: Settings) -> None:
    """Fail on config that names rules that do not exist or options they do not have."""
    where = str(settings.path) if settings.path else "config"
    for key in [*settings.severity, *(r for rs in settings.per_file_ignores.values() for r in rs)]:
        if not registry.matching(key):
            suggestion = did_you_mean(key, registry.names)
            raise ConfigError(f"{where}: unknown rule {key!r}{suggestion} (see `listlint rules`)")
    for rule, values in settings.options.items():
        check = registry.find(rule)
        if check is None:
            raise ConfigError(f"{where}: options for unknown rule {rule!r}")
        for option, value in values.items():
            if option not in check.options:
                known = ", ".join(check.options) or "none"
                raise ConfigError(
                    f"{where}: {check.name} has no option {option!r} (its options: {known})"
                )
            default = check.options[option]
            if not _same_shape(default, value):
                raise ConfigError(
                    f"{where}: options.{check.name}.{option} must be "
                    f"{_describe(default)}, not {value!r}"
                )


def options_for(check: type[Check], settings: Settings) -> dict[str, Any]:
    """The check's option defaults with the user's values (keyed by name or code) on top."""
    merged = dict(check.options)
    for key in (check.code, check.name):
        merged.update(settings.options.get(key, {}))
    return merged


def severity_for(check: type[Check], overrides: Mapping[str, Severity]) -> Severity:
    return overrides.get(check.name) or overrides.get(check.code) or check.severity


def _same_shape(default: Any, value: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, (int, float)):
        # Every numeric option is a limit, a share or a count: nan, inf or -5 cannot be one.
        return isinstance(value, (int, float)) and math.isfinite(value) and value >= 0
    if isinstance(default, list):
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return isinstance(value, type(default))


def _describe(default: Any) -> str:
    if isinstance(default, bool):
        return "true or false"
    if isinstance(default, (int, float)):
        return "a number of 0 or more"
    if isinstance(default, list):
        return "a list of strings"
    return f"a {type(default).__name__}"
