"""The on-disk cache of image facts: ``.listlint_cache/images.sqlite``.

Facts are stored by the content's sha256 (and the measurement version), so a photo renamed,
copied or served from another URL is measured once. Two indexes find the hash without reading
the bytes: local files by path, size and modification time, URLs by their HTTP validators (ETag,
Last-Modified), revalidated with a conditional request. A cache that cannot be opened or is
corrupt is set aside with a note; linting never depends on it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import sqlite3
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

from listlint.images.facts import MEASUREMENT_VERSION, ImageFacts
from listlint.images.formats import extension_format

_SCHEMA = """
CREATE TABLE IF NOT EXISTS facts (hash TEXT, version INTEGER, data TEXT,
                                  PRIMARY KEY (hash, version));
CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER,
                                  hash TEXT);
CREATE TABLE IF NOT EXISTS urls (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, hash TEXT);
"""

FileIndex = tuple[Path, int, int]  # a local file's path, size and mtime_ns
# Well under SQLite's limit of host parameters in one statement.
_KEYS_PER_QUERY = 500

# What a cached fact says about the reference rather than the content; filled in on the way out.
_PER_REFERENCE = ("reference", "extension_format")


class FactsCache:
    def __init__(self, folder: Path, note: Callable[[str], None] = lambda message: None) -> None:
        self.folder = folder
        self._note = note
        self._db: sqlite3.Connection | None = None
        self._pending: list[tuple[str, tuple[object, ...]]] = []
        self._holds_facts: bool | None = None
        try:
            self._db = self._open()
        except (OSError, sqlite3.Error) as exc:
            note(f"image cache {folder} is not usable ({exc}); measuring without it")

    def _open(self) -> sqlite3.Connection:
        self.folder.mkdir(parents=True, exist_ok=True)
        # Like other tools' caches: keep it out of version control and of backups.
        ignore = self.folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# Created by listlint.\n*\n", encoding="utf-8")
        tag = self.folder / "CACHEDIR.TAG"
        if not tag.exists():
            tag.write_text(
                "Signature: 8a477f597d28d172789f06886806bc55\n# listlint's image cache.\n",
                encoding="utf-8",
            )
        path = self.folder / "images.sqlite"
        try:
            return self._connect(path)
        except sqlite3.DatabaseError:
            # A damaged file (a crash mid-write, a disk that filled up): start afresh.
            path.unlink(missing_ok=True)
            self._note(f"image cache {path} was damaged and has been reset")
            return self._connect(path)

    @staticmethod
    def _connect(path: Path) -> sqlite3.Connection:
        db = sqlite3.connect(path, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.executescript(_SCHEMA)
        return db

    @property
    def usable(self) -> bool:
        return self._db is not None

    @property
    def holds_facts(self) -> bool:
        """Whether facts of this measurement version are stored (or about to be). Without any,
        reading and hashing a file to look its content up would be wasted work: the first run,
        or the first after a measurement changed."""
        if self._holds_facts is None:
            query = "SELECT 1 FROM facts WHERE version = ? LIMIT 1"
            self._holds_facts = self._one(query, (MEASUREMENT_VERSION,)) is not None
        return self._holds_facts

    def facts(self, content_hash: str, reference: str) -> ImageFacts | None:
        data = self.facts_of({content_hash}).get(content_hash)
        return None if data is None else self.facts_from(data, reference)

    def facts_of(self, hashes: Collection[str]) -> dict[str, str]:
        """The stored facts (as stored, see :meth:`facts_from`) of each of ``hashes`` known."""
        query = "SELECT hash, data FROM facts WHERE version = ? AND hash IN ({})"
        return dict(self._rows_for(query, list(hashes), (MEASUREMENT_VERSION,)))

    @staticmethod
    def facts_from(data: str, reference: str) -> ImageFacts | None:
        """Stored facts under ``reference``; None when an incompatible version wrote them."""
        try:
            fields = json.loads(data)
            fields.update(reference=reference, extension_format=extension_format(reference))
            return ImageFacts.from_dict(fields)
        except (ValueError, TypeError, KeyError):
            return None

    def hashes_of_files(self, files: Collection[FileIndex]) -> dict[FileIndex, str]:
        """The content hash of each (path, size, mtime_ns) whose file has not changed since."""
        wanted = {(str(path), size, mtime): (path, size, mtime) for path, size, mtime in files}
        query = "SELECT path, size, mtime_ns, hash FROM files WHERE path IN ({})"
        found: dict[FileIndex, str] = {}
        for path, size, mtime, content_hash in self._rows_for(query, [w[0] for w in wanted], ()):
            index = wanted.get((path, size, mtime))
            if index is not None:
                found[index] = content_hash
        return found

    def validators(self, url: str) -> tuple[str, str, str] | None:
        """(etag, last_modified, hash) remembered for ``url``."""
        row = self._one("SELECT etag, last_modified, hash FROM urls WHERE url = ?", (url,))
        return (row[0], row[1], row[2]) if row else None

    def store(
        self,
        facts: ImageFacts,
        *,
        file: FileIndex | None = None,
        url: tuple[str, str, str] | None = None,
    ) -> None:
        """Remember ``facts``; ``file`` is (path, size, mtime_ns), ``url`` (url, etag, modified)."""
        if self._db is None or not facts.content_hash:
            return
        data = {k: v for k, v in facts.to_dict().items() if k not in _PER_REFERENCE}
        self._holds_facts = True
        self._pending.append(
            (
                "INSERT OR REPLACE INTO facts VALUES (?, ?, ?)",
                (facts.content_hash, MEASUREMENT_VERSION, json.dumps(data)),
            )
        )
        if file is not None:
            path, size, mtime_ns = file
            self._pending.append(
                (
                    "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)",
                    (str(path), size, mtime_ns, facts.content_hash),
                )
            )
        if url is not None:
            self._pending.append(
                ("INSERT OR REPLACE INTO urls VALUES (?, ?, ?, ?)", (*url, facts.content_hash))
            )

    def flush(self) -> None:
        """Write what :meth:`store` collected, in one transaction."""
        statements, self._pending = self._pending, []
        if self._db is not None and statements:
            self._write(statements)

    def _one(self, query: str, parameters: tuple[object, ...]) -> tuple[str, ...] | None:
        if self._db is None:
            return None
        try:
            row = self._db.execute(query, parameters).fetchone()
        except sqlite3.Error:
            return None
        return tuple(row) if row else None

    def _rows_for(
        self, query: str, keys: list[str], parameters: tuple[object, ...]
    ) -> list[tuple[Any, ...]]:
        """Rows of ``query`` (with ``IN ({})``) for ``keys``, a few hundred keys a statement."""
        rows: list[tuple[Any, ...]] = []
        if self._db is None:
            return rows
        for start in range(0, len(keys), _KEYS_PER_QUERY):
            chunk = keys[start : start + _KEYS_PER_QUERY]
            try:
                cursor = self._db.execute(
                    query.format(", ".join("?" * len(chunk))), (*parameters, *chunk)
                )
                rows += cursor.fetchall()
            except sqlite3.Error:
                return rows  # a broken cache only costs measuring again
        return rows

    def _write(self, statements: list[tuple[str, tuple[object, ...]]]) -> None:
        assert self._db is not None
        try:
            self._db.execute("BEGIN")
            for query, parameters in statements:
                self._db.execute(query, parameters)
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            self._pending = []
            self.close()
            if type(exc) is sqlite3.DatabaseError:  # damaged pages: reset, or it fails every run
                for suffix in ("", "-wal", "-shm"):
                    with contextlib.suppress(OSError):
                        (self.folder / f"images.sqlite{suffix}").unlink()
                self._note(f"image cache in {self.folder} was damaged ({exc}) and has been reset")
            else:
                self._note(f"image cache: could not write ({exc}); measuring without it")

    def close(self) -> None:
        if self._db is not None and self._pending:
            self.flush()
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None


def replace_reference(facts: ImageFacts, reference: str) -> ImageFacts:
    """The same photo's facts under another reference (a copy, another URL)."""
    if facts.reference == reference:
        return facts
    return dataclasses.replace(
        facts, reference=reference, extension_format=extension_format(reference)
    )
