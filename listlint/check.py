"""What a check is: the ``Check`` base class, the ``Finding`` it yields and its ``Severity``."""

from __future__ import annotations

import enum
import inspect
import re
import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar

from listlint.images.facts import ImageFacts
from listlint.model import Listing, SourceLocation
from listlint.profiles import Profile


class Severity(str, enum.Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANKS[self]

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls(text.strip().lower())
        except ValueError:
            choices = ", ".join(s.value for s in cls)
            raise ValueError(f"unknown severity {text!r} (choose from {choices})") from None


_RANKS = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@dataclass(frozen=True)
class Finding:
    """One problem in one listing; plain data, rendered by the reports."""

    code: str
    name: str
    severity: Severity
    listing_id: str
    field: str
    message: str
    fix: str
    source: SourceLocation
    variant_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "listing_id": self.listing_id,
        }
        if self.variant_id is not None:
            data["variant_id"] = self.variant_id
        data.update(
            field=self.field,
            message=self.message,
            fix=self.fix,
            source={"path": self.source.path, "line": self.source.line},
        )
        return data


@dataclass(frozen=True)
class CheckContext:
    """What a check may know besides the listing: the profile, its options, image facts.

    ``images`` holds the facts of the current listings' images, keyed by (catalog file,
    reference as written); the runner fills it before the checks run when a selected check
    sets ``needs_images``. Use :meth:`image` to read it.
    """

    profile: Profile
    options: Mapping[str, Any] = field(default_factory=dict)
    images: Mapping[tuple[str, str], ImageFacts] = field(default_factory=dict)
    # The previous version of the catalog (--previous, --previous-ref), keyed by listing id;
    # empty when none was given. Use :meth:`previous` to read it.
    previous_listings: Mapping[str, Listing] = field(default_factory=dict)
    # The date the run judges ages against (LISTLINT_TODAY, else the real date).
    today: date = field(default_factory=date.today)

    def image(self, listing: Listing, reference: str) -> ImageFacts | None:
        """The facts of one of ``listing``'s images; None when images were not measured."""
        return self.images.get((listing.source.path, reference))

    def previous(self, listing: Listing) -> Listing | None:
        """The same listing (by id) in the previous version of the catalog; None when the run
        has no previous version or the listing is new."""
        return self.previous_listings.get(listing.id) if self.previous_listings else None


CODE_PATTERN = re.compile(r"^[A-Z]{2,3}[0-9]{3}$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
DOC_SECTIONS = ("What it does", "Why it matters", "Example", "Fix")


class Check:
    """Base class of every check, built-in or plugin.

    A subclass sets ``code``, ``name`` and ``severity``, documents itself in its docstring with the
    sections What it does / Why it matters / Example / Fix, and implements :meth:`check`. The
    runner makes one instance per run, so a check that must compare listings (``duplicate-id``)
    may keep compact state on ``self`` and report leftovers from :meth:`finish`.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    # Options a user may set under [tool.listlint.options.<name>]; the defaults give the types.
    options: ClassVar[Mapping[str, Any]] = {}
    # True for checks that read image facts: the runner then decodes and measures the images.
    needs_images: ClassVar[bool] = False
    # True for checks whose findings on a listing depend on other listings (duplicate-id,
    # image-reused). A partitioned run (listlint.distributed) lints the parts of a catalog in
    # separate processes, so such a check splits :meth:`check` in two: :meth:`collect` runs on
    # the workers and keeps what the check must remember of one listing, and :meth:`replay`
    # runs once, in the client, over every listing's collected data in reading order. A check
    # that keeps state across listings, or yields from finish(), must set it: without it, it
    # would see only the part of the catalog its worker reads.
    cross_listing: ClassVar[bool] = False

    @classmethod
    def check_options(cls, options: Mapping[str, Any]) -> None:
        """Raise ValueError for option values of the right type that cannot be used (a date
        that is no date, a negative limit); the runner calls it once, before any listing."""

    def check(self, listing: Listing, ctx: CheckContext) -> Iterable[Finding]:
        raise NotImplementedError

    def finish(self, ctx: CheckContext) -> Iterable[Finding]:
        """Called once after the last listing; yields findings that need the whole catalog."""
        return ()

    def collect(self, listing: Listing, ctx: CheckContext) -> Any:
        """What a ``cross_listing`` check must remember of ``listing``: small and picklable (it
        travels from a worker to the client), or None for nothing. ``check`` must give exactly
        ``replay(collect(listing, ctx), ctx)``."""
        raise NotImplementedError(f"{self.name} sets cross_listing but has no collect()")

    def replay(self, collected: Any, ctx: CheckContext) -> Iterable[Finding]:
        """The findings :meth:`check` yields on the listing ``collected`` (from :meth:`collect`)
        was made of, after this instance replayed every earlier listing's collected data."""
        raise NotImplementedError(f"{self.name} sets cross_listing but has no replay()")

    def finding(
        self,
        listing: Listing,
        message: str,
        *,
        field: str,
        fix: str,
        variant_id: str | None = None,
        source: SourceLocation | None = None,
    ) -> Finding:
        return Finding(
            code=self.code,
            name=self.name,
            severity=self.severity,
            listing_id=listing.id,
            field=field,
            message=message,
            fix=fix,
            source=source or listing.source,
            variant_id=variant_id,
        )

    @classmethod
    def summary(cls) -> str:
        """The first line of the docstring: a one-sentence description for rule tables."""
        return (cls.__doc__ or "").strip().splitlines()[0].strip() if cls.__doc__ else ""

    @classmethod
    def sections(cls) -> dict[str, str]:
        """The docstring split into its sections, keyed by heading."""
        return split_sections(cls.__doc__ or "")


def split_sections(doc: str) -> dict[str, str]:
    text = inspect.cleandoc(doc)
    sections: dict[str, str] = {}
    current = "summary"
    lines: list[str] = []
    for line in text.splitlines():
        heading = line.strip().rstrip(":")
        if heading in DOC_SECTIONS and line.strip().endswith(":"):
            sections[current] = textwrap.dedent("\n".join(lines)).strip()
            current, lines = heading, []
        else:
            lines.append(line)
    sections[current] = textwrap.dedent("\n".join(lines)).strip()
    return sections
