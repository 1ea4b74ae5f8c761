"""Marketplace profiles: limits and required attributes, read from the TOML data files here."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from listlint import _toml


@dataclass(frozen=True)
class Profile:
    name: str
    description: str = ""
    title_max_length: int = 150
    title_forbidden_characters: str = ""
    image_min_side: int = 500
    image_max_side: int = 10_000
    image_max_megapixels: float = 64.0
    image_max_file_mb: float = 16.0
    # What the main image's background must be: "any", "light" (light and uniform) or "white".
    image_background: str = "any"
    required_attributes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # The language listings are written in when they do not say (BCP 47, e.g. "de" for a German
    # storefront); None: no default, so language-mismatch only compares title and description.
    language: str | None = None


class UnknownProfile(ValueError):
    pass


def available() -> list[str]:
    """Names of the built-in profiles."""
    folder = resources.files(__name__)
    return sorted(p.name[: -len(".toml")] for p in folder.iterdir() if p.name.endswith(".toml"))


@cache
def load(name: str) -> Profile:
    """Return the built-in profile ``name``; raise UnknownProfile naming the choices."""
    if name not in available():
        raise UnknownProfile(f"unknown profile {name!r} (choose from {', '.join(available())})")
    data = _toml.loads(resources.files(__name__).joinpath(f"{name}.toml").read_text("utf-8"))
    return _from_data(data)


def _from_data(data: Mapping[str, Any]) -> Profile:
    title = data.get("title", {})
    images = data.get("images", {})
    required = data.get("required-attributes", {})
    return Profile(
        name=str(data["name"]),
        description=str(data.get("description", "")),
        title_max_length=int(title.get("max-length", 150)),
        title_forbidden_characters=str(title.get("forbidden-characters", "")),
        image_min_side=int(images.get("min-side", 500)),
        image_max_side=int(images.get("max-side", 10_000)),
        image_max_megapixels=float(images.get("max-megapixels", 64.0)),
        image_max_file_mb=float(images.get("max-file-mb", 16.0)),
        image_background=_background_rule(images.get("background", "any")),
        required_attributes={kind: tuple(attrs) for kind, attrs in required.items()},
        language=str(data.get("language") or "").strip() or None,
    )


BACKGROUND_RULES = ("any", "light", "white")


def _background_rule(value: object) -> str:
    rule = str(value).strip().lower()
    if rule not in BACKGROUND_RULES:
        raise ValueError(f"images.background must be one of {', '.join(BACKGROUND_RULES)}")
    return rule
