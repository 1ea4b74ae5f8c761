"""Marketplace profiles: limits and required attributes, read from the TOML data files here.

A profile file may start with ``extends = "generic"`` and list only what differs: its tables are
merged into the parent's, key by key (a list or a value replaces the parent's, a table merges).
A user's config may define more profiles the same way (``[tool.listlint.profiles.NAME]``); those
are resolved by :func:`custom_profiles` and passed to :func:`load` as ``custom``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from typing import Any

from listlint import _toml


@dataclass(frozen=True)
class Profile:
    name: str
    description: str = ""
    # The marketplace whose rules these are, as messages name it ("eBay"); empty for generic
    # and for custom profiles, whose messages then say "the NAME profile".
    marketplace: str = ""
    extends: str | None = None
    title_max_length: int = 150
    title_forbidden_characters: str = ""
    image_min_side: int = 500
    # Which side image_min_side applies to: "shorter" (every side) or "longer" (eBay's rule).
    image_min_side_of: str = "shorter"
    image_max_side: int = 10_000
    image_max_megapixels: float = 64.0
    image_max_file_mb: float = 16.0
    # At most this many images per listing (and per variant); 0: no limit.
    image_max_count: int = 0
    # What the main image's background must be: "any", "light" (light and uniform) or "white".
    image_background: str = "any"
    required_attributes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # The language listings are written in when they do not say (BCP 47, e.g. "de" for a German
    # storefront); None: no default, so language-mismatch only compares title and description.
    language: str | None = None
    # GTIN prefixes (of the GTIN-13 form: a GTIN-12 gets a leading 0, a GTIN-14 loses its
    # indicator digit) that the marketplace refuses: restricted circulation and coupons.
    gtin_restricted_prefixes: tuple[str, ...] = ()
    gtin_coupon_prefixes: tuple[str, ...] = ()
    # Whether every listing must state a delivery time (shipping days_min/days_max).
    shipping_required: bool = False

    @cached_property
    def all_required_attributes(self) -> frozenset[str]:
        """Every attribute some product kind requires."""
        return frozenset(a for attrs in self.required_attributes.values() for a in attrs)

    @property
    def label(self) -> str:
        """Who sets the limits, for messages: "eBay", or "the my-shop profile"."""
        return self.marketplace or f"the {self.name} profile"


class UnknownProfile(ValueError):
    pass


class ProfileError(ValueError):
    """A profile (a built-in file or a config table) with an unknown key or a wrong value."""


def available() -> list[str]:
    """Names of the built-in profiles."""
    return list(_builtin_names())


@cache
def _builtin_names() -> tuple[str, ...]:
    folder = resources.files(__name__)
    return tuple(
        sorted(p.name[: -len(".toml")] for p in folder.iterdir() if p.name.endswith(".toml"))
    )


def load(name: str, custom: Mapping[str, Profile] | None = None) -> Profile:
    """Return the profile ``name``: one of ``custom`` (a config's profiles), else a built-in.

    Raise UnknownProfile naming the choices.
    """
    if custom and name in custom:
        return custom[name]
    if name not in _builtin_names():
        choices = sorted({*available(), *(custom or {})})
        raise UnknownProfile(f"unknown profile {name!r} (choose from {', '.join(choices)})")
    return _load_builtin(name)


@cache
def _load_builtin(name: str) -> Profile:
    return _from_data(_resolved(name, _builtin_data, ()))


@cache
def _builtin_data(name: str) -> Mapping[str, Any]:
    text = resources.files(__name__).joinpath(f"{name}.toml").read_text("utf-8")
    data = _toml.loads(text)
    check_data(data, f"profile {name}")
    return data


def custom_profiles(tables: Mapping[str, Any]) -> dict[str, Profile]:
    """Resolve a config's ``profiles`` table (name -> table); raise ProfileError when wrong.

    Each table extends a built-in or another custom profile (``extends``, default "generic")
    and may override any key of a profile file.
    """
    for name, table in tables.items():
        if not isinstance(table, Mapping):
            raise ProfileError(f"profiles.{name} must be a table")
        if name in available():
            raise ProfileError(
                f"profiles.{name}: {name!r} is a built-in profile; give yours another name "
                f'and write extends = "{name}"'
            )
        check_data(table, f"profiles.{name}")

    def data_of(name: str) -> Mapping[str, Any]:
        if name in tables:
            return {"extends": "generic", **tables[name], "name": name}
        if name in available():
            return _builtin_data(name)
        known = ", ".join(sorted({*available(), *tables}))
        raise ProfileError(f"profile {name!r} does not exist (known profiles: {known})")

    return {name: _from_data(_resolved(name, data_of, ())) for name in tables}


# How many profiles one may extend in a chain: far more than a config needs, far less than the
# interpreter's recursion limit.
_MAX_EXTENDS = 50
# Keys a profile names itself with: never inherited from the profile it extends.
_OWN_KEYS = ("name", "description", "marketplace", "extends")


def _resolved(
    name: str, data_of: Callable[[str], Mapping[str, Any]], seen: tuple[str, ...]
) -> dict[str, Any]:
    """The data of profile ``name`` merged over the data of the profiles it extends."""
    if name in seen:
        chain = " -> ".join((*seen, name))
        raise ProfileError(f"profile {seen[0]!r} extends itself: {chain}")
    if len(seen) >= _MAX_EXTENDS:
        raise ProfileError(
            f"profile {seen[0]!r} extends a chain of more than {_MAX_EXTENDS} profiles"
        )
    data = dict(data_of(name))
    parent = data.get("extends")
    if not parent:
        return data
    base = {
        key: value
        for key, value in _resolved(str(parent), data_of, (*seen, name)).items()
        if key not in _OWN_KEYS
    }
    return _merged(base, data)


def _merged(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _merged(merged[key], value)
        else:
            merged[key] = value
    return merged


# Every key a profile may have, with the type of its value; "kinds" is a table of product
# kind -> list of attribute names.
_SCHEMA: Mapping[str, Any] = {
    "name": str,
    "description": str,
    "marketplace": str,
    "extends": str,
    "language": str,
    "title": {"max-length": int, "forbidden-characters": str},
    "images": {
        "min-side": int,
        "min-side-of": str,
        "max-side": int,
        "max-megapixels": float,
        "max-file-mb": float,
        "max-count": int,
        "background": str,
    },
    "required-attributes": "kinds",
    "gtin": {"restricted-prefixes": list, "coupon-prefixes": list},
    "shipping": {"required": bool},
}
_TYPE_NAMES = {
    str: "a string",
    int: "a whole number",
    float: "a number",
    list: "a list",
    bool: "true or false",
}


def check_data(data: Mapping[str, Any], where: str) -> None:
    """Raise ProfileError for an unknown key or a value of the wrong type in profile ``data``."""
    _check_table(data, _SCHEMA, where, "")


def _check_table(data: Mapping[str, Any], schema: Mapping[str, Any], where: str, at: str) -> None:
    for key, value in data.items():
        path = f"{at}{key}"
        expected = schema.get(key)
        if expected is None:
            known = ", ".join(schema)
            raise ProfileError(f"{where}: unknown key {path!r} (known keys: {known})")
        if isinstance(expected, Mapping):
            if not isinstance(value, Mapping):
                raise ProfileError(f"{where}: {path!r} must be a table")
            _check_table(value, expected, where, f"{path}.")
        elif expected == "kinds":
            _check_kinds(value, where, path)
        elif not _is(value, expected):
            raise ProfileError(f"{where}: {path!r} must be {_TYPE_NAMES[expected]}")
        elif expected is int and value < 0:
            raise ProfileError(f"{where}: {path!r} must not be negative")
        elif key.endswith("prefixes"):
            for prefix in value:
                if not (isinstance(prefix, str) and prefix.isascii() and prefix.isdigit()):
                    raise ProfileError(f'{where}: {path!r} must list digit strings like "02"')
        elif key == "background":
            _background_rule(value, where)
        elif key == "min-side-of":
            _min_side_of(value, where)


def _is(value: object, expected: type) -> bool:
    if isinstance(value, bool):
        return expected is bool
    if expected is float:
        return isinstance(value, (int, float)) and value > 0
    return isinstance(value, expected)


def _check_kinds(value: object, where: str, path: str) -> None:
    if not isinstance(value, Mapping):
        raise ProfileError(f"{where}: {path!r} must be a table of product kind = [attributes]")
    kinds = _product_kinds()
    for kind, attrs in value.items():
        if kind not in kinds:
            raise ProfileError(
                f"{where}: {path}.{kind}: unknown product kind (known kinds: {', '.join(kinds)})"
            )
        if not isinstance(attrs, list) or not all(isinstance(a, str) and a for a in attrs):
            raise ProfileError(f"{where}: {path}.{kind} must be a list of attribute names")


@cache
def _product_kinds() -> tuple[str, ...]:
    text = resources.files("listlint.vocab").joinpath("product_kinds.toml").read_text("utf-8")
    # "other" and "departments" are what has no kind: nothing can be required of them.
    return tuple(kind for kind in _toml.loads(text) if kind not in ("other", "departments"))


def _from_data(data: Mapping[str, Any]) -> Profile:
    title = data.get("title", {})
    images = data.get("images", {})
    required = data.get("required-attributes", {})
    gtin = data.get("gtin", {})
    return Profile(
        name=str(data["name"]),
        description=str(data.get("description", "")),
        marketplace=str(data.get("marketplace", "")),
        extends=str(data["extends"]) if data.get("extends") else None,
        title_max_length=int(title.get("max-length", 150)),
        title_forbidden_characters=str(title.get("forbidden-characters", "")),
        image_min_side=int(images.get("min-side", 500)),
        image_min_side_of=_min_side_of(images.get("min-side-of", "shorter")),
        image_max_side=int(images.get("max-side", 10_000)),
        image_max_megapixels=float(images.get("max-megapixels", 64.0)),
        image_max_file_mb=float(images.get("max-file-mb", 16.0)),
        image_max_count=int(images.get("max-count", 0)),
        image_background=_background_rule(images.get("background", "any")),
        required_attributes={kind: tuple(attrs) for kind, attrs in required.items()},
        language=str(data.get("language") or "").strip() or None,
        gtin_restricted_prefixes=tuple(str(p) for p in gtin.get("restricted-prefixes", ())),
        gtin_coupon_prefixes=tuple(str(p) for p in gtin.get("coupon-prefixes", ())),
        shipping_required=bool(data.get("shipping", {}).get("required", False)),
    )


BACKGROUND_RULES = ("any", "light", "white")


def _background_rule(value: object, where: str = "") -> str:
    rule = str(value).strip().lower()
    if rule not in BACKGROUND_RULES:
        prefix = f"{where}: " if where else ""
        raise ProfileError(
            f"{prefix}images.background must be one of {', '.join(BACKGROUND_RULES)}"
        )
    return rule


MIN_SIDE_OF = ("shorter", "longer")


def _min_side_of(value: object, where: str = "") -> str:
    side = str(value).strip().lower()
    if side not in MIN_SIDE_OF:
        prefix = f"{where}: " if where else ""
        raise ProfileError(f"{prefix}images.min-side-of must be one of {', '.join(MIN_SIDE_OF)}")
    return side


def settings_text(profile: Profile) -> str:
    """The resolved settings of ``profile`` as TOML, for ``listlint profiles NAME``."""
    lines = [f"name = {_toml_value(profile.name)}"]
    if profile.description:
        lines.append(f"description = {_toml_value(profile.description)}")
    if profile.marketplace:
        lines.append(f"marketplace = {_toml_value(profile.marketplace)}")
    if profile.extends:
        lines.append(f"extends = {_toml_value(profile.extends)}")
    if profile.language:
        lines.append(f"language = {_toml_value(profile.language)}")
    tables: dict[str, Mapping[str, object]] = {
        "title": {
            "max-length": profile.title_max_length,
            "forbidden-characters": profile.title_forbidden_characters,
        },
        "images": {
            "min-side": profile.image_min_side,
            "min-side-of": profile.image_min_side_of,
            "max-side": profile.image_max_side,
            "max-megapixels": profile.image_max_megapixels,
            "max-file-mb": profile.image_max_file_mb,
            "max-count": profile.image_max_count,
            "background": profile.image_background,
        },
        "required-attributes": {
            kind: list(attrs) for kind, attrs in profile.required_attributes.items()
        },
        "gtin": {
            "restricted-prefixes": list(profile.gtin_restricted_prefixes),
            "coupon-prefixes": list(profile.gtin_coupon_prefixes),
        },
        "shipping": {"required": profile.shipping_required},
    }
    for table, values in tables.items():
        lines += ["", f"[{table}]"]
        lines += [f"{key} = {_toml_value(value)}" for key, value in values.items()]
    return "\n".join(lines) + "\n"


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    if isinstance(value, float):
        return f"{value:g}" if value != int(value) else str(int(value))
    return str(value)
