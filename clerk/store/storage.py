"""TinyDB's storage for the register: tables in memory, every write a journal append, the
file a checkpoint replaced whole.

TinyDB reads and writes the whole database through a Storage (`read()` -> tables,
`write(tables)`). `JournalStorage.read()` hands TinyDB the tables in memory (no parse per
query); `write()` is called by TinyDB's own insert/update inside `Register`'s changes, and
the change ends with one durable, hash-chained append to the journal: only then does the
new state become the register's. If the append fails, the new state is dropped and nothing
is acknowledged.

The register file is a checkpoint in TinyDB's JSON layout
  {"meta": {"1": {..., "journal_offset", "journal_seq", "journal_hash",
                  "journal_sha256", "checkpoint_sha256"}},
   "decisions": {"1": {...}, ...}, "events": {...}}
so a plain `TinyDB(path, access_mode="r")` reads it. It records how far into the journal
it goes and the journal's SHA-256 up to there, and the SHA-256 of its own bytes (with that
field zeroed), so a file edited by hand is refused rather than trusted.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from contextlib import contextmanager
from typing import Any

import orjson
from tinydb.storages import Storage
from tinydb.table import Table

from clerk.store.errors import RegisterError
from clerk.store.files import atomic_write as atomic_write_bytes  # noqa: F401 (printing)
from clerk.store.schema import META_ID, Data

HASH_KEY = b'"checkpoint_sha256":"'
ZEROS = "0" * 64


class JournalStorage(Storage):
    def __init__(self, tables: Data) -> None:
        self.tables = tables
        self._pending: Data | None = None
        self._changing = False

    def read(self) -> Data:
        # A shallow copy: TinyDB puts each rebuilt table into what read() returned, and
        # those must not become the register's until the journal has them.
        return dict(self._pending if self._pending is not None else self.tables)

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        if not self._changing:
            raise RegisterError(
                "The register's TinyDB is changed only through Register.save, change, "
                "set_council or record_event, so that the journal records every change.")
        self._pending = data

    def close(self) -> None:
        pass  # the register closes its own files

    @contextmanager
    def change(self, append: Callable[[], None]) -> Iterator[None]:
        """TinyDB writes inside this block are collected; at its end `append` journals them
        and the new tables are committed. If anything fails, the tables stay as they were."""
        self._changing, self._pending = True, None
        try:
            yield
            append()
        except BaseException:
            self._pending = None
            raise
        finally:
            self._changing = False
        if self._pending is not None:
            self.tables = self._pending
        self._pending = None


class RegisterTable(Table):
    """TinyDB's Table, with two changes to how a write builds the new table, both invisible
    to TinyDB's updaters (they see the same int-keyed mapping):
    - one dict copy (in C) rather than rebuilding the table key by key twice
      (`Table._update_table` converts every document id to an int and back: about ten
      times the cost, which at 100,000 decisions is most of a save);
    - a document an updater changes is copied first, so committed documents are never
      changed in place: a reader in another thread never sees one half-updated, and a
      change the journal refused is simply dropped."""

    def _update_table(self, updater: Callable[[dict[int, Mapping[str, Any]]], None]) -> None:
        tables = self._storage.read() or {}
        view = _IntKeys(dict(tables.get(self.name, {})))
        updater(view)  # type: ignore[arg-type]
        tables[self.name] = view.data
        self._storage.write(tables)
        self.clear_cache()


class _IntKeys(MutableMapping[int, Any]):
    """A table's str-keyed dict seen with int document ids, as TinyDB's updaters expect."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data

    def __getitem__(self, key: int) -> Any:
        doc = self.data[str(key)] = dict(self.data[str(key)])  # copy on write
        return doc

    def __setitem__(self, key: int, value: Any) -> None:
        self.data[str(key)] = value

    def __delitem__(self, key: int) -> None:
        del self.data[str(key)]

    def __contains__(self, key: object) -> bool:
        return str(key) in self.data

    def __iter__(self) -> Iterator[int]:
        return map(int, list(self.data))

    def __len__(self) -> int:
        return len(self.data)


def encode_checkpoint(tables: Data, position: dict[str, Any]) -> bytes:
    """The file's bytes: meta first (so its hash field is the first of that name)."""
    meta = {**tables["meta"][META_ID], **position, "checkpoint_sha256": ZEROS}
    ordered = {"meta": {META_ID: meta}, "decisions": tables["decisions"],
               "events": tables.get("events", {})}
    raw = bytearray(orjson.dumps(ordered))
    at = raw.index(HASH_KEY) + len(HASH_KEY)
    raw[at:at + 64] = hashlib.sha256(raw).hexdigest().encode("ascii")
    return bytes(raw)


def checkpoint_intact(raw: bytes) -> bool:
    """Whether the file is byte for byte what a checkpoint wrote."""
    at = raw.find(HASH_KEY)
    if at < 0:
        return False
    at += len(HASH_KEY)
    view = memoryview(raw)
    digest = hashlib.sha256(view[:at])
    digest.update(ZEROS.encode("ascii"))
    digest.update(view[at + 64:])
    return digest.hexdigest().encode("ascii") == bytes(view[at:at + 64])
