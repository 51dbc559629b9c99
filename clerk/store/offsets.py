"""Where each decision lies in the checkpoint file, so a read-only command can read one.

A checkpoint serialises the register piece by piece (the same bytes as one orjson.dumps
of the whole dict) and notes each decision's byte span in PATH.index:
  {"v": 4, "size": <file size>, "crc": <zlib.crc32 of the file>, "meta": [start, length],
   "seq": n, "hash": "..", "ids": [doc_id, ...], "refs": ["D2013-001", ...],
   "starts": [...], "lengths": [...]
   ,"entries": {...}}
(parallel arrays in file order: at 10,000 decisions they parse in a third of the time
10,000 little [start, length, id] lists took, and build the lookups in C)
`clerk show REF` then reads the meta and one decision instead of parsing every decision
(34 MB at 10,000), and replays the journal tail as a full open would. The index is only a
cache: it is written after the checkpoint without an fsync, and whenever it is missing,
unreadable or does not match the file (size, journal position, the decision's own ref),
the caller loads the whole register instead.

The "entries", on the index's second line, keep what a register list filters and sorts on
for each decision (`clerk.domain.entries.Entry`), as parallel arrays in the docs' order:
  {"size": .., "crc": .., "hay": [..], "stage": [..], "due": [..],
   "meeting": [..], "decided": [..], "due_on": [..]}
so the TUI's filter is ready at once after opening, reading no decision. Opening parses
only the first line; the entries are read when first asked for. A checkpoint
copies the entries of unchanged decisions as it copies their bytes, and derives the rest.

Opening maps the checkpoint into memory (POSIX) rather than reading it, and checks its
CRC only when a checkpoint is about to copy its bytes: a write command at 10,000
decisions then reads 35 MB less. Until then each decision read is checked on its own
(a dict with the ref the index gives it), as `read_one` checks one. If the CRC no longer
matches (the file changed on disk since it was indexed), the checkpoint parses the whole
file as a full open would, keeps every change made since, and writes a fresh index.
"""

from __future__ import annotations

import mmap
import os
import threading
import zlib
from collections.abc import Collection, Iterator, MutableMapping
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from clerk.domain.entries import Entry, entry_of
from clerk.gc_pause import gc_paused
from clerk.store import journal as journal_mod
from clerk.store.schema import META_ID, SCHEMA_VERSION

INDEX_VERSION = 4
ENTRIES_KEY = b',"entries":'  # the index's last key, on a line of its own


def index_path(path: Path) -> Path:
    return Path(f"{path}.index")


def read_head(handle: BinaryIO) -> Any:
    """The index without its entries: the first line, closed (orjson writes no newline)."""
    line = handle.readline()
    return orjson.loads(line[:-1] + b"}" if line.endswith(b"\n") else line)


def dump_with_spans(data: dict[str, dict[str, Any]]) -> tuple[bytes, bytes | None]:
    """(the checkpoint's bytes, the index's bytes or None when the layout is unusual).

    A decision unchanged since it was read keeps its bytes and its stored entry; only the
    others are dumped and derived."""
    if list(data) != ["meta", "decisions"]:
        return orjson.dumps(data), None
    decisions = data["decisions"]
    lazy = decisions if isinstance(decisions, LazyDocs) else None
    if lazy is not None and not lazy.matches_index():
        decisions, lazy = lazy.reparsed(), None  # the file changed on disk: trust the file
    meta = orjson.dumps(data["meta"])
    parts = [b'{"meta":', meta, b',"decisions":{']
    position = len(parts[0]) + len(meta) + len(parts[2])
    ids: list[str] = []
    refs: list[str] = []
    starts: list[int] = []
    lengths: list[int] = []
    entries: list[Entry] = []
    dumps, loads = orjson.dumps, orjson.loads
    for number, doc_id in enumerate(decisions):
        key = (b',"' if number else b'"') + dumps(doc_id)[1:] + b":"
        found = lazy.stored_bytes(doc_id) if lazy is not None else None
        if found is not None:  # unchanged since it was read: its bytes, not a re-dump
            ref, body = found
            entry = lazy.stored_entry(doc_id)  # type: ignore[union-attr]
            if entry is None:
                entry = entry_of(ref, loads(body))
        else:
            doc = decisions[doc_id]
            ref, body = doc["ref"], dumps(doc)
            entry = entry_of(ref, doc)
        parts.append(key)
        parts.append(body)
        entries.append(entry)
        position += len(key)
        ids.append(doc_id)
        refs.append(ref)
        starts.append(position)
        lengths.append(len(body))
        position += len(body)
    parts.append(b"}}")
    payload = b"".join(parts)
    if len(set(refs)) != len(refs):
        return payload, None  # a reference twice: only a full parse can say so
    meta_doc = data["meta"][META_ID]
    size, crc = len(payload), zlib.crc32(payload)
    index = orjson.dumps({
        "v": INDEX_VERSION, "size": size, "crc": crc,
        "meta": [len(b'{"meta":'), len(meta)],
        "seq": meta_doc.get("journal_seq"), "hash": meta_doc.get("journal_hash"),
        "ids": ids, "refs": refs, "starts": starts, "lengths": lengths,
    })
    _, hays, stages, dues, agendas = zip(*entries, strict=True) if entries else ((),) * 5
    meetings, decided, due_on = zip(*agendas, strict=True) if agendas else ((),) * 3
    stored_entries = orjson.dumps({
        "size": size, "crc": crc, "hay": hays, "stage": stages, "due": dues,
        "meeting": meetings, "decided": decided, "due_on": due_on,
    })
    # one JSON object still, but opening parses only the first line (see read_head)
    return payload, index[:-1] + b"\n" + ENTRIES_KEY + stored_entries + b"}"


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
            index = read_head(handle)
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
            refs = index["refs"]
            if ref in refs:
                number = refs.index(ref)
                handle.seek(index["starts"][number])
                doc = orjson.loads(handle.read(index["lengths"][number]))
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


# ---- opening without parsing every decision ------------------------------------------


class LazyDocs(MutableMapping[str, dict[str, Any]]):
    """The decisions table, kept as the checkpoint's bytes and parsed one at a time.

    A decision read from the file is parsed each time it is asked for (about 10 us); one
    saved since is held as its dict. At 100,000 decisions this holds the file's bytes
    (~350 MB) where parsed dicts took ~1.4 GB, and opening needs no full parse.
    """

    def __init__(self, raw: bytes | mmap.mmap, ids: list[str], refs: list[str],
                 starts: list[int], lengths: list[int], index: Path | None = None,
                 entries_at: int = 0, crc: int | None = None) -> None:
        self._view = memoryview(raw)
        self._matches: bool | None = None  # the bytes' CRC against the index's, once asked
        self._whole: dict[str, dict[str, Any]] | None = None  # parsed if the spans fail
        # doc_id -> (start, length, ref), in file order as the index lists them
        self._spans: dict[str, tuple[int, int, str]] = dict(
            zip(ids, zip(starts, lengths, refs, strict=True), strict=True))
        if len(self._spans) != len(ids):
            raise ValueError("a decision id twice in the index")
        self._refs_at_open = refs, ids
        # the index's entries (in its docs' order) start at entries_at; read on first use
        self._index_file = index
        self._entries_at = entries_at
        self._crc = crc
        self._entries: dict[str, Entry] | None = None
        self._entries_lock = threading.Lock()
        self._changed: dict[str, dict[str, Any]] = {}
        self._removed: set[str] = set()
        self._order: dict[str, None] = dict.fromkeys(ids)

    def matches_index(self) -> bool:
        """Whether the bytes are still those the index was written for (CRC, once)."""
        if self._matches is None:
            self._matches = self._crc is not None and zlib.crc32(self._view) == self._crc
        return self._matches

    def reparsed(self) -> dict[str, dict[str, Any]]:
        """The decisions as a full parse of the file gives them, with every change since
        opening applied: for a file whose bytes no longer match its index."""

        docs = {doc_id: doc for doc_id, doc in self._parse_whole().items()
                if doc_id not in self._removed}
        docs.update(self._changed)
        return docs

    def _parse_whole(self) -> dict[str, dict[str, Any]]:
        from clerk.store.errors import RegisterCorrupt

        if self._whole is None:
            try:
                with gc_paused():
                    self._whole = orjson.loads(self._view)["decisions"]
            except (orjson.JSONDecodeError, KeyError, TypeError) as error:
                raise RegisterCorrupt(
                    "The register file changed on disk while it was open and can no longer "
                    f"be read ({error}). Every change is safe in its journal; see "
                    "`clerk verify`."
                ) from None
        return self._whole  # type: ignore[return-value]

    def refs(self) -> dict[str, str]:
        """{ref: doc_id} without parsing anything."""
        if self._removed:
            out = {span[2]: doc_id for doc_id, span in self._spans.items()}
        else:
            out = dict(zip(*self._refs_at_open, strict=True))
        out.update((doc["ref"], doc_id) for doc_id, doc in self._changed.items())
        return out

    def stored_bytes(self, doc_id: str) -> tuple[str, bytes] | None:
        if doc_id in self._changed or doc_id not in self._spans:
            return None
        start, length, ref = self._spans[doc_id]
        return ref, bytes(self._view[start:start + length])

    def stored_entry(self, doc_id: str) -> Entry | None:
        """The decision's entry as the checkpoint stored it, while it is unchanged since;
        None when it has changed or no entry was stored (derive it: `entry_of`)."""
        if doc_id in self._changed or doc_id not in self._spans:
            return None
        entries = self._entries
        if entries is None:
            entries = self._read_entries()
        return entries.get(doc_id)

    def stored_entries(self) -> dict[str, Entry]:
        """{doc_id: Entry} as the checkpoint stored them, including decisions changed since
        (`changed_ids`): skip those. Empty when none were stored."""
        entries = self._entries
        return entries if entries is not None else self._read_entries()

    def changed_ids(self) -> Collection[str]:
        return self._changed.keys()

    def _read_entries(self) -> dict[str, Entry]:
        with self._entries_lock:
            if self._entries is None:
                with gc_paused():  # 100,000s of new tuples: no cycles to look for
                    self._entries = self._entries_of_file()
            return self._entries

    def _entries_of_file(self) -> dict[str, Entry]:
        """{doc_id: Entry} from the index's entries if they were written with the file these
        bytes are (size and CRC), else {} (each entry is then derived from its decision)."""
        if self._index_file is None:
            return {}
        try:
            with open(self._index_file, "rb") as handle:
                handle.seek(self._entries_at)
                tail = handle.read()
            if not tail.startswith(ENTRIES_KEY) or not tail.endswith(b"}"):
                return {}
            stored = orjson.loads(memoryview(tail)[len(ENTRIES_KEY):-1])
            if stored["size"] != len(self._view) or stored["crc"] != self._crc:
                return {}
            ids = list(self._spans)  # in file order, as the entries are
            refs = [span[2] for span in self._spans.values()]
            agendas = zip(stored["meeting"], stored["decided"], stored["due_on"], strict=True)
            rows = zip(refs, stored["hay"], stored["stage"], stored["due"], agendas,
                       strict=True)
            return dict(zip(ids, map(Entry._make, rows), strict=True))
        except (OSError, ValueError, KeyError, TypeError):  # ValueError: lengths differ,
            return {}  # as when decisions were removed since opening: derive them all

    def __getitem__(self, doc_id: str) -> dict[str, Any]:
        doc = self._changed.get(doc_id)
        if doc is not None:
            return doc
        start, length, ref = self._spans[doc_id]
        if self._whole is None:
            try:
                parsed = orjson.loads(self._view[start:start + length])
                if isinstance(parsed, dict) and parsed.get("ref") == ref:
                    return parsed
            except orjson.JSONDecodeError:
                pass
            if self.matches_index():  # the file is as indexed: a stored decision is damaged
                from clerk.store.errors import RegisterCorrupt

                raise RegisterCorrupt(f"Decision {ref} cannot be read from the register file; "
                                      "`clerk verify` says more.")
        return self._parse_whole()[doc_id]  # the file changed on disk since it was indexed

    def __setitem__(self, doc_id: str, doc: dict[str, Any]) -> None:
        self._changed[doc_id] = doc
        self._order[doc_id] = None

    def __delitem__(self, doc_id: str) -> None:
        self._removed.add(doc_id)
        self._changed.pop(doc_id, None)
        self._spans.pop(doc_id, None)
        del self._order[doc_id]

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._order))

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._order


def load_lazily(path: Path) -> dict[str, Any] | None:
    """The register as {"meta": ..., "decisions": LazyDocs} when the index matches the file
    (size and journal position; the CRC is checked before a checkpoint copies its bytes,
    see the module's docstring) and no migration is due; else None (parse it all)."""
    try:
        with open(index_path(path), "rb") as handle:
            index = read_head(handle)
            entries_at = handle.tell()
        if index.get("v") != INDEX_VERSION:
            return None
        with open(path, "rb") as handle:
            raw = _map_or_read(handle)
        if len(raw) != index["size"]:
            return None
        start, length = index["meta"]
        meta = orjson.loads(raw[start:start + length])
        doc = meta[META_ID]
        if (doc.get("schema") != SCHEMA_VERSION or doc["journal_seq"] != index["seq"]
                or doc["journal_hash"] != index["hash"]):
            return None
        docs = LazyDocs(raw, index["ids"], index["refs"], index["starts"], index["lengths"],
                        index_path(path), entries_at, index["crc"])
        return {"meta": meta, "decisions": docs}
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _map_or_read(handle: BinaryIO) -> bytes | mmap.mmap:
    """The file's bytes, mapped read-only where that is safe: on POSIX a checkpoint
    replaces the file by rename, so a mapped old file stays whole. Windows cannot rename
    over a mapped file, so there (and for an empty file) it is read."""
    if os.name == "posix":
        try:
            return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):
            pass
    return handle.read()
