"""Every known check: the built-ins in ``listlint.checks`` and plugins from entry points.

Plugins register under the entry-point group ``listlint.checks``; the value is a list (or a single
class) of Check subclasses, e.g. ``[project.entry-points."listlint.checks"] acme =
"acme_checks:CHECKS"``. A plugin that fails to load, or whose codes or names collide with
another check, is an error naming the plugin: silently running fewer checks would be worse.
"""

from __future__ import annotations

import importlib
import inspect
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property, partial
from importlib import machinery, resources
from typing import TYPE_CHECKING

from listlint import _toml
from listlint.check import CODE_PATTERN, NAME_PATTERN, Check

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

ENTRY_POINT_GROUP = "listlint.checks"
_INDEX = "index.toml"  # in listlint/checks/


class RegistryError(Exception):
    """A plugin could not be loaded or a check is ill-formed; the message names the culprit."""


@dataclass(frozen=True)
class Known:
    """A check known by its code and name; its class is imported the first time it is needed."""

    code: str
    name: str
    where: str  # how an error names it: its module, or the plugin's class
    load: Callable[[], type[Check]]


class Registry:
    """The checks of a run's installation, each imported only once something selects it.

    ``--select LL5`` imports the image checks and nothing else: the text checks' modules compile
    hundreds of patterns, which is most of a warm image run's start-up.
    """

    def __init__(self, known: Iterable[Known]) -> None:
        self.known = tuple(sorted(known, key=lambda k: k.code))

    @property
    def names(self) -> tuple[str, ...]:
        """Every rule's name, no check imported (for "did you mean" suggestions)."""
        return tuple(k.name for k in self.known)

    @cached_property
    def checks(self) -> tuple[type[Check], ...]:
        """Every check, in code order (imports them all)."""
        return tuple(k.load() for k in self.known)

    def by_code(self) -> dict[str, type[Check]]:
        return {c.code: c for c in self.checks}

    def get(self, code: str) -> type[Check] | None:
        """The check with exactly this code, imported; None if none has it."""
        return next((k.load() for k in self.known if k.code == code), None)

    def find(self, name_or_code: str) -> type[Check] | None:
        key = name_or_code.strip()
        for known in self.known:
            if key.upper() == known.code or key.lower() == known.name:
                return known.load()
        return None

    def matching(self, selector: str) -> list[type[Check]]:
        """Checks a selector names: ``ALL``, a name, a code, or a code prefix such as ``LL1``."""
        key = selector.strip()
        if key.upper() == "ALL":
            return list(self.checks)
        by_name = [k for k in self.known if k.name == key.lower()]
        if not by_name:
            by_name = [k for k in self.known if k.code.startswith(key.upper())]
        return [k.load() for k in by_name]


def builtin_index() -> list[Known]:
    """The built-in checks as ``listlint/checks/index.toml`` lists them, none imported yet."""
    table = _toml.loads(resources.files("listlint.checks").joinpath(_INDEX).read_text("utf-8"))
    return [
        Known(code, name, f"the built-in rule {code} {name}", partial(_builtin, code, name))
        for code, name in table.items()
    ]


def builtin_checks() -> list[type[Check]]:
    """Every built-in check class, in code order."""
    return [known.load() for known in sorted(builtin_index(), key=lambda k: k.code)]


def _module_of(name: str) -> str:
    return name.replace("-", "_")


@cache
def _builtin(code: str, name: str) -> type[Check]:
    module_name = f"listlint.checks.{_module_of(name)}"
    listed = f"listlint/checks/{_INDEX} lists {code} {name}"
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise RegistryError(f"{listed}, but {module_name} is missing") from exc
    found = [c for c in _checks_defined_in(module_name, vars(module).values()) if c.code == code]
    if len(found) != 1 or found[0].name != name:
        raise RegistryError(f"{listed}, but {module_name} does not define it")
    return found[0]


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
        if not _plugins_possible():
            return []
        from importlib.metadata import entry_points

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


def _plugins_possible() -> bool:
    """False only when no installed distribution can declare a ``listlint.checks`` entry point.

    Most installations have no plugin, and importing importlib.metadata to find that out costs
    about 30 ms, a sixth of a small run. So the distributions on ``sys.path`` are looked at
    first: a ``*.dist-info`` or ``*.egg-info`` folder whose entry_points.txt names the group
    means there may be one; so does anything this quick look cannot see into (a zip file on the
    path, an egg, a finder of distributions other than the standard one). Then importlib.metadata
    decides, with its exact rules.
    """
    if any(
        hasattr(finder, "find_distributions") and finder is not machinery.PathFinder
        for finder in sys.meta_path
    ):
        return True
    group = ENTRY_POINT_GROUP.encode()
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except NotADirectoryError:
            return True  # a zip archive
        except OSError:
            continue
        for name in names:
            suffix = os.path.splitext(name)[1].lower()
            if suffix == ".egg":
                return True
            if suffix in (".dist-info", ".egg-info"):
                try:
                    with open(os.path.join(entry or ".", name, "entry_points.txt"), "rb") as file:
                        if group in file.read():
                            return True
                except OSError:
                    continue  # no entry points (or an old egg-info file): no plugin here
    return False


def validate(checks: Sequence[type[Check] | Known]) -> None:
    """Raise RegistryError for a malformed check or a code or name used twice."""
    seen: dict[str, str] = {}
    for check in checks:
        if isinstance(check, Known):
            label, code, name = check.where, check.code, check.name
        else:
            label = f"{check.__module__}.{check.__qualname__}"
            code, name = getattr(check, "code", ""), getattr(check, "name", "")
        if not CODE_PATTERN.match(code):
            raise RegistryError(
                f"{label}: code {code!r} must look like 'LL101' (2-3 capitals, 3 digits)"
            )
        if not NAME_PATTERN.match(name):
            raise RegistryError(f"{label}: name {name!r} must be kebab-case, like 'missing-color'")
        for key in (code, name):
            other = seen.get(key)
            if other is not None and other != label:
                raise RegistryError(f"{label} uses {key!r}, already used by {other}")
            seen[key] = label


def load_registry(*, plugins: bool = True) -> Registry:
    known = builtin_index()
    if plugins:
        known += [_plugin_known(check) for check in plugin_checks()]
    validate(known)
    return Registry(known)


def _plugin_known(check: type[Check]) -> Known:
    where = f"{check.__module__}.{check.__qualname__}"
    return Known(getattr(check, "code", ""), getattr(check, "name", ""), where, lambda: check)
