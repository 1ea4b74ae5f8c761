"""The commented configuration ``listlint init`` writes: listlint.toml, or a pyproject.toml table.

Every key that is not set is shown commented out with an example value, so a user finds the
knobs in the file itself. Uncommented, each example is valid: a test loads the file both ways.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path

from listlint import _toml, profiles

DEFAULT_FILE = "listlint.toml"
PYPROJECT = "pyproject.toml"
# Rules whose default options the file shows under [options.NAME], when they exist.
_OPTION_EXAMPLES = ("image-blurry", "image-too-dark")


class StarterError(Exception):
    """The config cannot be written; the message is one line naming the file."""


def render(
    profile: str | None,
    *,
    pyproject: bool = False,
    rule_options: Mapping[str, Mapping[str, object]] | None = None,
) -> str:
    """The commented config, for listlint.toml or (``pyproject``) a ``[tool.listlint]`` table.

    ``rule_options`` maps rule names to their default options (from the registry); those of
    the rules in ``_OPTION_EXAMPLES`` are shown as examples.
    """
    table = "tool.listlint." if pyproject else ""
    choices = ", ".join(profiles.available())
    lines = [
        "# listlint configuration, written by `listlint init`. Every key is optional.",
        "# `listlint rules` lists the rules, `listlint explain RULE` says what one finds and",
        "# which options it takes, `listlint profiles` lists the marketplace profiles.",
        "",
    ]
    if pyproject:
        lines.append("[tool.listlint]")
    lines += _comment(
        "The marketplace profile: title limit and forbidden characters, image sizes and "
        "background, the attributes each kind of product needs. Built in: "
        f"{choices}. Without one here or on the command line (--profile), each listing's "
        "`marketplace` field picks its profile, else generic."
    )
    if profile is None:
        lines.append('# profile = "generic"')
    else:
        description = _description(profile)
        if description:
            lines += _comment(description)
        lines.append(f"profile = {json.dumps(profile)}")
    lines += [
        "",
        "# Which rules run: names (missing-size), codes (LL202) or code prefixes (LL2); ALL is",
        "# every rule. --select on the command line replaces the selection, --ignore adds to it.",
        '# select = ["ALL"]',
        '# extend-select = ["LL6"]',
        '# ignore = ["title-repeated-words", "LL5"]  # LL5: the image rules, no photo is opened',
        "",
        "# The lowest severity that makes `listlint check` exit with code 1: error, warning,",
        "# info, or never (exit code 0 whatever is found).",
        'fail-on = "error"',
        "",
        "# Images. Local paths are read only inside each catalog's folder and these folders,",
        "# relative to this file; http(s) URLs are fetched.",
        '# image-roots = ["../photos"]',
        "# Worker processes that measure images (0: one per core), and the folder of the",
        "# measurement cache (default .listlint_cache beside this file; LISTLINT_CACHE_DIR wins).",
        "# jobs = 0",
        '# cache-dir = ".listlint_cache"',
        "",
        "# CSV files whose columns are not named like listlint's fields: rows with equal values",
        "# in the group-by column are one listing, [columns] names what each column is.",
        '# group-by = "Parent SKU"',
        f"# [{table}columns]",
        '# "Product Name" = "title"',
        '# "Farbe" = "attributes.color"',
        "",
        "# A rule's severity instead of its default: error, warning or info.",
        f"# [{table}severity]",
        '# missing-material = "error"',
        "",
        "# Rules waived for whole files: glob patterns relative to this file's folder.",
        f"# [{table}per-file-ignores]",
        '# "legacy/*.csv" = ["missing-material", "LL1"]',
        "",
        "# A rule's own options (`listlint explain RULE` lists them with their defaults).",
        f"# [{table}options.title-all-caps]",
        '# allow = ["IKEA", "ASUS"]  # brands written in capitals',
    ]
    for name in _OPTION_EXAMPLES:
        defaults = (rule_options or {}).get(name)
        if defaults:
            lines.append(f"# [{table}options.{name}]")
            lines += [f"# {key} = {_toml_value(value)}" for key, value in defaults.items()]
    return "\n".join(lines) + "\n"


def _comment(text: str) -> list[str]:
    return textwrap.wrap(text, width=92, initial_indent="# ", subsequent_indent="# ")


def _description(profile: str) -> str:
    try:
        return " ".join(profiles.load(profile).description.split())
    except Exception:  # a profile that cannot load is reported by `check`; the comment is a nicety
        return ""


def _toml_value(value: object) -> str:
    """A TOML literal for an option default: a bool, number, string or list of those."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, Sequence):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    raise TypeError(f"no TOML literal for {value!r}")


def write(text: str, target: Path, *, pyproject: bool, force: bool = False) -> None:
    """Write ``text`` to ``target``: a new file, or appended to a pyproject.toml.

    An existing listlint.toml is overwritten only with ``force``; a pyproject.toml gets the
    table appended, and one that already configures listlint is left alone.
    """
    if pyproject and target.exists():
        _append_to_pyproject(text, target)
        return
    try:
        with open(target, "w" if force else "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        raise StarterError(f"{target} already exists (--force overwrites it)") from None
    except OSError as exc:
        raise StarterError(f"{target}: cannot write: {exc.strerror or exc}") from None


def _append_to_pyproject(text: str, target: Path) -> None:
    try:
        existing = target.read_text("utf-8")
        data = _toml.loads(existing)
    except OSError as exc:
        raise StarterError(f"{target}: cannot read: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, _toml.TOMLDecodeError) as exc:
        raise StarterError(f"{target}: not valid TOML, so nothing was added: {exc}") from None
    if "listlint" in data.get("tool", {}):
        raise StarterError(
            f"{target} already has a [tool.listlint] table: edit it, or remove it and run again"
        )
    separator = "" if not existing else "\n" if existing.endswith("\n") else "\n\n"
    combined = existing + separator + text
    try:
        _toml.loads(combined)
    except _toml.TOMLDecodeError as exc:  # e.g. a `tool = {...}` inline table
        raise StarterError(f"{target}: cannot add a [tool.listlint] table: {exc}") from None
    try:
        with open(target, "a", encoding="utf-8", newline="\n") as handle:
            handle.write(separator + text)
    except OSError as exc:
        raise StarterError(f"{target}: cannot write: {exc.strerror or exc}") from None
