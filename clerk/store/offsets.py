"""Where each decision lies in the checkpoint file, so a read-only command can read one.

A checkpoint serialises the register piece by piece (the same bytes as one orjson.dumps
of the whole dict) and notes each decision's byte span in PATH.index:
  {"v": 1, "size": <file size>, "meta": [start, length], "seq": n, "hash": "..",
   "docs": {"D2013-001": [start, length], ...}}
`clerk show REF` then reads the meta and one decision instead of parsing every decision
(34 MB at 10,000), and replays the journal tail as a full open would. The index is only a
cache: it is written after the checkpoint without an fsync, and whenever it is missing,
unreadable or does not match the file (size, journal position, the decision's own ref),
the caller loads the whole register instead.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import orjson

from clerk.store import journal as journal_mod
from clerk.store.schema import META_ID, SCHEMA_VERSION

INDEX_VERSION = 1


def index_path(path: Path) -> Path:
    return Path(f"{path}.index")


def dump_with_spans(data: dict[str, dict[str, Any]]) -> tuple[bytes, bytes | None]:
    """(the checkpoint's bytes, the index's bytes or None when the layout is unusual)."""
    if list(data) != ["meta", "decisions"]:
        return orjson.dumps(data), None
    meta = orjson.dumps(data["meta"])
    parts = [b'{"meta":', meta, b',"decisions":{']
    position = len(parts[0]) + len(meta) + len(parts[2])
    docs: dict[str, list[int]] = {}
    dumps = orjson.dumps
    for number, (doc_id, doc) in enumerate(data["decisions"].items()):
        key = (b',"' if number else b'"') + dumps(doc_id)[1:] + b":"
        body = dumps(doc)
        parts.append(key)
        parts.append(body)
        position += len(key)
        docs[doc["ref"]] = [position, len(body)]
        position += len(body)
    parts.append(b"}}")
    payload = b"".join(parts)
    meta_doc = data["meta"][META_ID]
    index = orjson.dumps({
        "v": INDEX_VERSION, "size": len(payload), "meta": [len(b'{"meta":'), len(meta)],
        "seq": meta_doc.get("journal_seq"), "hash": meta_doc.get("journal_hash"),
        "docs": docs,
    })
    return payload, index


def write_index(path: Path, index: bytes | None) -> None:
    """Replace PATH.index (no fsync: a torn or stale index is detected and ignored)."""
    target = index_path(path)
    if index is None:
        try:
            os.unlink(target)
        except OSError:
            pass
        return
    temp = Path(f"{target}.tmp")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(index)
        os.replace(temp, target)
    except OSError:
        try:
            os.unlink(target)  # better no index than a stale one
        except OSError:
            pass


def read_one(path: Path, ref: str) -> tuple[dict[str, Any] | None, dict[str, Any]] | None:
    """(the decision's stored dict, or None if there is no such decision; the meta) as a
    full open would give them, reading only the meta and one decision. None when the index
    cannot be trusted: load the whole register instead."""
    try:
        with open(index_path(path), "rb") as handle:
            index = orjson.loads(handle.read())
        with open(path, "rb") as handle:
            if index.get("v") != INDEX_VERSION or os.fstat(handle.fileno()).st_size != \
                    index["size"]:
                return None
            start, length = index["meta"]
            handle.seek(start)
            meta = orjson.loads(handle.read(length))[META_ID]
            if (meta.get("schema") != SCHEMA_VERSION or meta["journal_seq"] != index["seq"]
                    or meta["journal_hash"] != index["hash"]):
                return None
            doc = None
            span = index["docs"].get(ref)
            if span is not None:
                handle.seek(span[0])
                doc = orjson.loads(handle.read(span[1]))
                if not isinstance(doc, dict) or doc.get("ref") != ref:
                    return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    tail = journal_mod.read_tail(Path(f"{path}.journal"), path, meta["journal_offset"],
                                 meta["journal_seq"], meta["journal_hash"])
    for entry in tail.entries:
        if "doc" in entry and entry["doc"].get("ref") == ref:
            doc = entry["doc"]
        elif "council" in entry:
            meta["council"] = entry["council"]
        elif "doc" not in entry:
            return None  # a change this reader does not know: let the full open explain
    return doc, meta
