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

from clerk.store.errors import RegisterCorrupt, RegisterError
from clerk.store.schema import META_ID, Data

HASH_KEY = b'"checkpoint_sha256":"'
ZEROS = "0" * 64


class JournalStorage(Storage):
    def __init__(self, tables: Data, where: object = None) -> None:
        stored: Mapping[str, Any] = tables["decisions"]
        decisions = stored if isinstance(stored, Documents) else Documents(stored)
        decisions.where = str(where or "")
        tables["decisions"] = decisions  # type: ignore[assignment]
        self.tables = tables
        self.undo: list[tuple[dict[str, Any], str, Any]] | None = None  # None: no change

    def read(self) -> Data:
        # Inside a change, the tables themselves (RegisterTable changes them in place and
        # notes how to undo it); otherwise a shallow copy, so that a write that bypassed
        # the Register changes nothing before write() refuses it.
        return self.tables if self.undo is not None else dict(self.tables)

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        if self.undo is None:
            raise RegisterError(
                "The register's TinyDB is changed only through Register.save, change, "
                "set_council or record_event, so that the journal records every change.")

    def close(self) -> None:
        pass  # the register closes its own files

    @contextmanager
    def change(self, append: Callable[[], None]) -> Iterator[None]:
        """TinyDB writes inside this block change the tables; at its end `append` journals
        them. If anything fails, every change is undone and the tables are as they were."""
        self.undo = []
        try:
            yield
            append()
        except BaseException:
            for table, key, before in reversed(self.undo):
                if before is _MISSING:
                    table.pop(key, None)
                else:
                    table[key] = before
            raise
        finally:
            self.undo = None


_MISSING = object()


class RegisterTable(Table):
    """TinyDB's Table, writing in place: `Table._update_table` rebuilds the whole table
    key by key twice on every write (converting each document id to an int and back),
    which at 100,000 decisions is most of a save. Here TinyDB's updaters get the table
    itself, seen with int ids as they expect, and each document an updater changes is
    replaced by a changed copy: a committed document is never changed in place (a reader
    in another thread never sees one half-updated), and each replacement is noted so that
    a change the journal refused is undone."""

    def _update_table(self, updater: Callable[[dict[int, Mapping[str, Any]]], None]) -> None:
        storage = self._storage
        assert isinstance(storage, JournalStorage)
        if storage.undo is None:
            storage.write({})  # refuses: not inside a Register change
        assert storage.undo is not None
        tables = storage.read()
        updater(_IntKeys(tables.setdefault(self.name, {}), storage.undo))  # type: ignore[arg-type]
        storage.write(tables)
        self.clear_cache()


class _IntKeys(MutableMapping[int, Any]):
    """A table's str-keyed dict seen with int document ids, as TinyDB's updaters expect."""

    def __init__(self, data: dict[str, Any], undo: list[tuple[dict[str, Any], str, Any]]
                 ) -> None:
        self.data = data
        self.undo = undo

    def __getitem__(self, key: int) -> Any:
        before = self.data[str(key)]
        self.undo.append((self.data, str(key), before))
        doc = self.data[str(key)] = dict(before)  # changed as a copy
        return doc

    def __setitem__(self, key: int, value: Any) -> None:
        self.undo.append((self.data, str(key), self.data.get(str(key), _MISSING)))
        self.data[str(key)] = value

    def __delitem__(self, key: int) -> None:
        self.undo.append((self.data, str(key), self.data[str(key)]))
        del self.data[str(key)]

    def __contains__(self, key: object) -> bool:
        return str(key) in self.data

    def __iter__(self) -> Iterator[int]:
        return map(int, list(self.data))

    def __len__(self) -> int:
        return len(self.data)


class Documents(MutableMapping[str, Any]):
    """The decisions table: each document kept as the JSON bytes the checkpoint holds
    until it is read, and decoded afresh on every read; a document saved since opening is
    kept as the dict TinyDB wrote. Opening a register then costs no parse of its decisions,
    and memory stays near the file's size, not the several times more its parsed objects
    take."""

    def __init__(self, stored: Mapping[str, Any] | None = None,
                 known_refs: dict[str, str] | None = None) -> None:
        self.stored: dict[str, Any] = dict(stored or {})  # doc id -> bytes-like or dict
        self.known_refs = known_refs or {}  # doc id -> "ref" of its bytes, as read
        self.where = ""  # the register's file, for a message

    def __getitem__(self, key: str) -> Any:
        return self._decoded(key, self.stored[key])

    def _decoded(self, key: str, doc: Any) -> Any:
        if isinstance(doc, dict):
            return doc
        try:
            decoded = orjson.loads(doc)
        except orjson.JSONDecodeError:
            decoded = None
        if not isinstance(decoded, dict):  # only a file forged with its hash redone
            raise RegisterCorrupt(
                f"Decision document {key} of the register {self.where or ''} cannot be "
                "read: the file holds damaged JSON in its place. Nothing was changed. "
                "`clerk verify` reports what differs from the journal; `clerk restore "
                "--from-journal` rebuilds the register from it.")
        return decoded

    def __setitem__(self, key: str, value: Any) -> None:
        self.stored[key] = value

    def __delitem__(self, key: str) -> None:
        del self.stored[key]

    def __iter__(self) -> Iterator[str]:
        return iter(list(self.stored))  # a snapshot: another thread may save meanwhile

    def __len__(self) -> int:
        return len(self.stored)

    def __contains__(self, key: object) -> bool:
        return key in self.stored

    def snapshot(self) -> Iterator[tuple[str, Any]]:
        """(doc id, document) for every document as the table stands now, each decoded
        only when its turn comes (so a walk of them all holds one at a time)."""
        for key, doc in list(self.stored.items()):
            yield key, self._decoded(key, doc)

    def refs(self) -> Iterator[tuple[str, Any]]:
        """(doc id, its "ref", or NOT_A_DOCUMENT) for every document; a document still as
        the checkpoint's bytes has its reference as `read_checkpoint` found it."""
        for key, doc in list(self.stored.items()):
            if not isinstance(doc, dict):
                if key in self.known_refs:
                    yield key, self.known_refs[key]
                    continue
                try:
                    doc = orjson.loads(doc)
                except orjson.JSONDecodeError:
                    doc = None
            yield key, doc.get("ref") if isinstance(doc, dict) else NOT_A_DOCUMENT

    def encoded(self) -> Iterator[tuple[str, bytes | memoryview]]:
        for key, doc in list(self.stored.items()):
            yield key, orjson.dumps(doc) if isinstance(doc, dict) else doc


_REF_AT = b'{"ref":"'
NOT_A_DOCUMENT = object()


def encode_checkpoint(tables: Data, position: dict[str, Any]) -> bytes:
    """The file's bytes, one line for meta (first, so its hash field is the first of that
    name), one for the events, one per decision:
        {"meta":{"1":{...}},
        "events":{...},
        "decisions":{
        "1":{"ref":"D2013-001",...},
        ...
        }}
    JSON as TinyDB reads it; the lines let the next opening keep each decision's bytes
    as they are (`read_checkpoint`)."""
    meta = {**tables["meta"][META_ID], **position, "checkpoint_sha256": ZEROS}
    decisions = tables["decisions"]
    stored = decisions.encoded() if isinstance(decisions, Documents) else (
        (key, orjson.dumps(doc)) for key, doc in decisions.items())
    body: list[bytes | memoryview] = [
        b'"events":', orjson.dumps(tables.get("events", {})), b',\n"decisions":{']
    for key, doc in stored:
        body += [b'\n"', key.encode("ascii"), b'":', doc, b","]
    if body[-1] == b",":
        body.pop()
    body.append(b"\n}}")
    head = b'{"meta":{"' + META_ID.encode("ascii") + b'":'
    digest = hashlib.sha256(head + orjson.dumps(meta) + b"},\n")
    for piece in body:
        digest.update(piece)
    meta["checkpoint_sha256"] = digest.hexdigest()
    return b"".join([head, orjson.dumps(meta), b"},\n", *body])


def read_checkpoint(raw: bytes) -> Data | None:
    """The tables of a checkpoint in `encode_checkpoint`'s lines, each decision left as
    its bytes (a view into `raw`); None for any other layout (an older clerk's file:
    parse it whole)."""
    ends = [raw.find(b"\n")]
    ends.append(raw.find(b"\n", ends[0] + 1))
    ends.append(raw.find(b"\n", ends[1] + 1))
    if min(ends) < 0 or raw[ends[1] + 1:ends[2]] != b'"decisions":{' or not (
            raw.startswith(b'{"meta":') and raw.endswith(b"\n}}")
            and raw.startswith(b'"events":', ends[0] + 1)):
        return None
    try:
        meta = orjson.loads(raw[len(b'{"meta":'):ends[0] - 1])
        events = orjson.loads(raw[ends[0] + 1 + len(b'"events":'):ends[1] - 1])
    except orjson.JSONDecodeError:
        return None
    view, stored, refs = memoryview(raw), {}, {}
    start, last = ends[2] + 1, len(raw) - len(b"\n}}")
    while start <= last:  # each line: "ID":{...},
        end = raw.find(b"\n", start)
        colon = raw.find(b'":', start, end)
        if raw[start:start + 1] != b'"' or colon < 0:
            return None
        stop = end - 1 if raw[end - 1:end] == b"," else end
        key = raw[start + 1:colon].decode("ascii", "replace")
        stored[key] = view[colon + 2:stop]
        if raw.startswith(_REF_AT, colon + 2):
            at = colon + 2 + len(_REF_AT)
            quote = raw.find(b'"', at, stop)
            if quote > 0 and raw.find(b"\\", at, quote) < 0:
                refs[key] = raw[at:quote].decode()
        start = end + 1
    return {"meta": meta, "events": events,
            "decisions": Documents(stored, refs)}  # type: ignore[dict-item]


def checkpoint_meta(head: bytes) -> dict[str, Any]:
    """The meta document from the start of a checkpoint (its first line; in an older
    clerk's single-line file, what comes before the decisions), never parsing the rest."""
    end = head.find(b"\n")
    if end < 0:
        end = head.find(b',"decisions":') + 1
    meta: dict[str, Any] = orjson.loads(head[len(b'{"meta":'):end - 1])[META_ID]
    return meta


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
