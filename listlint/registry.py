"""Every known check: the built-ins in ``listlint.checks`` and plugins from entry points.

Plugins register under the entry-point group ``listlint.checks``; the value is a list (or a single
class) of Check subclasses, e.g. ``[project.entry-points."listlint.checks"] acme =
"acme_checks:CHECKS"``. A plugin that fails to load, or whose codes or names collide with
another check, is an error naming the plugin: silently running fewer checks would be worse.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib.metadata import EntryPoint, entry_points

from listlint.check import CODE_PATTERN, NAME_PATTERN, Check

ENTRY_POINT_GROUP = "listlint.checks"


class RegistryError(Exception):
    """A plugin could not be loaded or a check is ill-formed; the message names the culprit."""


@dataclass(frozen=True)
class Registry:
    checks: tuple[type[Check], ...]

    def by_code(self) -> dict[str, type[Check]]:
        return {c.code: c for c in self.checks}

    def find(self, name_or_code: str) -> type[Check] | None:
        key = name_or_code.strip()
        for check in self.checks:
            if key.upper() == check.code or key.lower() == check.name:
                return check
        return None

    def matching(self, selector: str) -> list[type[Check]]:
        """Checks a selector names: ``ALL``, a name, a code, or a code prefix such as ``LL1``."""
        key = selector.strip()
        if key.upper() == "ALL":
            return list(self.checks)
        by_name = [c for c in self.checks if c.name == key.lower()]
        if by_name:
            return by_name
        return [c for c in self.checks if c.code.startswith(key.upper())]


def builtin_checks() -> list[type[Check]]:
    """Every Check subclass defined in a module of ``listlint.checks``, in code order."""
    import listlint.checks as package

    found: list[type[Check]] = []
    for module_info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{module_info.name}")
        found.extend(_checks_defined_in(module.__name__, vars(module).values()))
    return sorted(found, key=lambda c: c.code)


def _checks_defined_in(module_name: str, objects: Iterable[object]) -> list[type[Check]]:
    return [
        obj
        for obj in objects
        if inspect.isclass(obj)
        and issubclass(obj, Check)
        and obj is not Check
        and obj.__module__ == module_name
        and not inspect.isabstract(obj)
        and "code" in vars(obj)
    ]


def plugin_checks(entries: Sequence[EntryPoint] | None = None) -> list[type[Check]]:
    """Checks from the ``listlint.checks`` entry points of installed packages."""
    if entries is None:
        entries = list(entry_points(group=ENTRY_POINT_GROUP))
    found: list[type[Check]] = []
    for entry in sorted(entries, key=lambda e: e.name):
        where = f"plugin {entry.name!r} ({entry.value})"
        try:
            loaded = entry.load()
        except Exception as exc:  # any failure inside third-party code must name the plugin
            raise RegistryError(f"{where} failed to load: {type(exc).__name__}: {exc}") from exc
        items = loaded if isinstance(loaded, (list, tuple)) else [loaded]
        for item in items:
            if not (inspect.isclass(item) and issubclass(item, Check)):
                raise RegistryError(f"{where} provides {item!r}, which is not a listlint Check")
            found.append(item)
    return found


def validate(checks: Sequence[type[Check]]) -> None:
    """Raise RegistryError for a malformed check or a code or name used twice."""
    seen: dict[str, type[Check]] = {}
    for check in checks:
        label = f"{check.__module__}.{check.__qualname__}"
        code = getattr(check, "code", "")
        name = getattr(check, "name", "")
        if not CODE_PATTERN.match(code):
            raise RegistryError(
                f"{label}: code {code!r} must look like 'LL101' (2-3 capitals, 3 digits)"
            )
        if not NAME_PATTERN.match(name):
            raise RegistryError(f"{label}: name {name!r} must be kebab-case, like 'missing-color'")
        for key in (code, name):
            other = seen.get(key)
            if other is not None and other is not check:
                raise RegistryError(
                    f"{label} uses {key!r}, already used by {other.__module__}.{other.__qualname__}"
                )
            seen[key] = check


def load_registry(*, plugins: bool = True) -> Registry:
    checks = builtin_checks()
    if plugins:
        checks += plugin_checks()
    validate(checks)
    return Registry(tuple(sorted(checks, key=lambda c: c.code)))
