"""The register file: a checkpoint of the tables in TinyDB's JSON layout, one line per
decision, with its own SHA-256 and how far into the journal it goes.

    {"meta":{"1":{..., "journal_offset", "journal_seq", "journal_hash",
                  "journal_sha256", "checkpoint_sha256"}},
    "events":{...},
    "decisions":{
    "1":{"ref":"D2013-001",...},
    ...
    }}

A plain `TinyDB(path, access_mode="r")` reads it. The meta document comes first, so its
hash field is the first of that name: `checkpoint_intact` checks the file is byte for byte
what a checkpoint wrote (that field zeroed), and a file edited by hand is refused rather
than trusted. Opening keeps each decision's line as its bytes (`Documents`), decoded only
when the decision is read.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping, MutableMapping
from typing import Any

import orjson

from clerk.store.errors import RegisterCorrupt
from clerk.store.schema import META_ID, Data

HASH_KEY = b'"checkpoint_sha256":"'
ZEROS = "0" * 64


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
                f"Decision document {key} of the register {self.where} cannot be "
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
    stored = (decisions if isinstance(decisions, Documents) else Documents(decisions)).encoded()
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


def checkpoint_intact(head: bytes, rest: Iterable[bytes] = ()) -> bool:
    """Whether a file is byte for byte what a checkpoint wrote: `head` is its start, holding
    the meta document's hash field (or the whole file), `rest` the pieces that follow (so
    a backup checks a file without holding it)."""
    at = head.find(HASH_KEY)
    if at < 0:
        return False
    at += len(HASH_KEY)
    view = memoryview(head)
    digest = hashlib.sha256(view[:at])
    digest.update(ZEROS.encode("ascii"))
    digest.update(view[at + 64:])
    for piece in rest:
        digest.update(piece)
    return digest.hexdigest().encode("ascii") == bytes(view[at:at + 64])
