"""The previous version of a catalog, for the history checks (price-change, stock-drop-to-zero).

It comes from files (``--previous PATH``) or from a git revision (``--previous-ref REF``: each
catalog file being linted, as it was at REF, read with ``git show REF:path``). Either way it
becomes a mapping from listing id to Listing, which the runner hands to every check through
``CheckContext.previous``; the checks themselves read nothing.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from listlint.loaders import LoadOptions, UnusableInput, discover, load
from listlint.loaders.source import STDIN
from listlint.model import Listing

if TYPE_CHECKING:
    import subprocess


class HistoryError(Exception):
    """The previous version cannot be read; the message says why, in one line."""


def previous_from_paths(
    paths: Sequence[str], *, encoding: str | None = None, options: LoadOptions | None = None
) -> dict[str, Listing]:
    """The listings of the catalog files (or folders) at ``paths``, by id."""
    if STDIN in paths:
        raise HistoryError("--previous cannot read stdin: name the previous catalog's files")
    try:
        files = discover(paths)
    except UnusableInput as exc:
        raise HistoryError(f"--previous: {exc}") from None
    if not files:
        raise HistoryError(f"--previous: no catalog files in {', '.join(paths)}")
    return _by_id(_read(files, encoding, options, "--previous"))


def previous_from_git(
    ref: str,
    paths: Sequence[str],
    *,
    encoding: str | None = None,
    options: LoadOptions | None = None,
    on_note: Callable[[str], None] | None = None,
) -> dict[str, Listing]:
    """The listings of the files at ``paths`` as they were at git revision ``ref``, by id.

    A file named on the command line that did not exist at ``ref`` is an error; a file found
    in a named folder that did not exist then is new, and ``on_note`` is told so.
    """
    with tempfile.TemporaryDirectory(prefix="listlint-previous-") as scratch:
        copies: list[str] = []
        checked: set[str] = set()  # repository roots whose revision was verified
        for named in paths:
            if named == STDIN:
                raise HistoryError("--previous-ref cannot read an earlier version of stdin")
            try:
                files = discover([named])
            except UnusableInput:
                continue  # the run itself reports a path that does not exist
            for file in files:
                root = _repository_root(file)
                if root not in checked:
                    _verify_revision(root, ref)
                    checked.add(root)
                relative = Path(file).resolve().relative_to(Path(root).resolve()).as_posix()
                content = _show(root, ref, relative)
                if content is None:
                    if not os.path.isdir(named):
                        raise HistoryError(f"{file}: did not exist at git revision {ref!r}")
                    if on_note is not None:
                        on_note(f"{file}: new since {ref}: its listings have no previous version")
                    continue
                copy = Path(scratch, str(len(copies)), relative)
                copy.parent.mkdir(parents=True, exist_ok=True)
                copy.write_bytes(content)
                copies.append(str(copy))
        return _by_id(_read(copies, encoding, options, f"--previous-ref {ref}"))


def _read(
    files: Sequence[str], encoding: str | None, options: LoadOptions | None, label: str
) -> Iterable[Listing]:
    for file in files:
        try:
            items = load(file, encoding=encoding, options=options)
        except (UnusableInput, ValueError) as exc:
            raise HistoryError(f"{label}: {exc}") from None
        # Records that cannot be read have no previous version to compare with: skipped.
        yield from (item for item in items if isinstance(item, Listing))


def _by_id(listings: Iterable[Listing]) -> dict[str, Listing]:
    found: dict[str, Listing] = {}
    for listing in listings:
        found.setdefault(listing.id, listing)  # a duplicated id: its first listing, as read
    return found


def _git(root: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    import subprocess  # only --previous-ref runs git: other runs start faster without it

    try:
        return subprocess.run(["git", "-C", root, *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise HistoryError("--previous-ref needs git, which is not installed") from None


def _repository_root(file: str) -> str:
    folder = os.path.dirname(os.path.abspath(file))
    done = _git(folder, "rev-parse", "--show-toplevel")
    if done.returncode != 0:
        raise HistoryError(f"--previous-ref: {file} is not in a git repository")
    return done.stdout.decode("utf-8", "replace").strip()


def _verify_revision(root: str, ref: str) -> None:
    if ref.startswith("-"):
        raise HistoryError(f"--previous-ref: {ref!r} is not a git revision")
    done = _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    if done.returncode != 0:
        shallow = _git(root, "rev-parse", "--is-shallow-repository").stdout.strip() == b"true"
        hint = " (a shallow clone: fetch more history, e.g. fetch-depth: 0)" if shallow else ""
        raise HistoryError(f"--previous-ref: unknown git revision {ref!r} in {root}{hint}")


def _show(root: str, ref: str, relative: str) -> bytes | None:
    """The file's content at ``ref``; None when it did not exist then."""
    if _git(root, "cat-file", "-e", f"{ref}:{relative}").returncode != 0:
        return None
    done = _git(root, "show", f"{ref}:{relative}")
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise HistoryError(f"git show {ref}:{relative} failed: {message[-1] if message else ''}")
    return done.stdout
