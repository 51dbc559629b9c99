"""The journal: an append-only, hash-chained record of every change to the register.

One JSON object per line, e.g.
  {"action":"comment added","at":"2026-11-26T18:30:00","doc":{...},"prev":"9f..",
   "ref":"D2013-001","seq":42,"hash":"c1.."}
`hash` is sha256 over the entry without "hash", serialised canonically (orjson, keys
sorted, compact); `prev` is the previous entry's hash ("" before the first), so an edited,
dropped or reordered line breaks the chain. An append is durable once fsync returns;
that is when `Register.save` returns. Bytes after the last newline are a write that a
crash interrupted before it was acknowledged: readers ignore them, a writer cuts them off.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson

from clerk.store.errors import RegisterCorrupt, RegisterError
from clerk.store.storage import FILE_MODE, fsync_dir

GENESIS = ""  # the `prev` of the first entry
_CHUNK = 8 * 1024 * 1024  # bulk appends are written in pieces of about this size


@dataclass(frozen=True)
class JournalEntry:
    """One change, as `Register.history` reports it."""

    seq: int
    at: str
    action: str
    ref: str | None
    hash: str
    # (dotted field path, before, after) against the decision's previous entry; empty for
    # its first entry
    changes: tuple[tuple[str, object, object], ...] = ()

    @classmethod
    def from_dict(cls, entry: dict[str, Any]) -> JournalEntry:
        return cls(entry["seq"], entry["at"], entry["action"], entry.get("ref"), entry["hash"])


def diff(before: Any, after: Any, path: str = "") -> list[tuple[str, object, object]]:
    """Where two stored decisions differ, field by field (lists compared whole)."""
    if isinstance(before, dict) and isinstance(after, dict):
        out = []
        for key in sorted(set(before) | set(after), key=str):
            out += diff(before.get(key), after.get(key), f"{path}.{key}" if path else key)
        return out
    return [] if before == after else [(path, before, after)]


def with_changes(entries: Iterator[dict[str, Any]]) -> list[JournalEntry]:
    """Each of one decision's entries (oldest first) with what it changed."""
    found, previous = [], None
    for entry in entries:
        doc = entry.get("doc")
        changes = tuple(diff(previous, doc)) if previous is not None and doc is not None \
            else ()
        if doc is not None:
            previous = doc
        found.append(JournalEntry(entry["seq"], entry["at"], entry["action"],
                                  entry.get("ref"), entry["hash"], changes))
    return found


def now_stamp() -> str:
    return datetime.now().isoformat(timespec="seconds")


def encode_entry(
    seq: int, prev: str, action: str, at: str, payload: dict[str, Any]
) -> tuple[dict[str, Any], bytes]:
    """Build an entry and its journal line; the line is the canonical form plus the hash."""
    entry = {"seq": seq, "at": at, "action": action, "prev": prev, **payload}
    try:
        canonical = orjson.dumps(entry, option=orjson.OPT_SORT_KEYS)
    except TypeError as error:  # orjson.JSONEncodeError: e.g. an integer beyond 64 bits
        raise RegisterError(
            f"Cannot save: the change has a value JSON cannot hold ({error})."
        ) from None
    digest = hashlib.sha256(canonical).hexdigest()
    entry["hash"] = digest
    return entry, canonical[:-1] + b',"hash":"' + digest.encode("ascii") + b'"}\n'


def entry_hash(entry: dict[str, Any]) -> str:
    body = {key: value for key, value in entry.items() if key != "hash"}
    return hashlib.sha256(orjson.dumps(body, option=orjson.OPT_SORT_KEYS)).hexdigest()


def restore_advice(register_path: Path) -> str:
    return (
        f"Nothing was changed. Run `clerk verify` for a full report, or restore the last "
        f"good copy from {register_path}.backups/ with `clerk restore`."
    )


# ---- reading -------------------------------------------------------------------------


@dataclass
class Tail:
    """The entries after a checkpoint, and where the good bytes end."""

    entries: list[dict[str, Any]]
    end: int  # byte offset just past the last complete line
    torn: int  # bytes of an interrupted append after `end` (0 if none)


def read_tail(journal: Path, register: Path, offset: int, seq: int, prev: str) -> Tail:
    """Read and check the entries after byte `offset`, which follow entry `seq`/`prev`."""
    try:
        with open(journal, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size < offset:
                raise RegisterCorrupt(
                    f"The journal {journal} is shorter ({size} bytes) than the register "
                    f"{register} records ({offset} bytes): it was cut short or replaced. "
                    + restore_advice(register)
                )
            if offset:
                handle.seek(offset - 1)
                if handle.read(1) != b"\n":
                    raise _damaged(journal, register, offset, seq, "the register's "
                                   "checkpoint does not fall at the end of a line")
            else:
                handle.seek(0)
            buffer = handle.read()
    except FileNotFoundError:
        if offset:
            raise RegisterCorrupt(
                f"The journal {journal} is missing, but the register {register} records "
                f"{seq} changes in it. " + restore_advice(register)
            ) from None
        return Tail([], 0, 0)
    last_newline = buffer.rfind(b"\n")
    complete = buffer[: last_newline + 1]
    entries = list(_checked_entries(complete, journal, register, offset, seq, prev))
    keep = _finished(entries)
    if keep < len(entries):  # a batch cut short by a crash was never acknowledged
        lines = complete.split(b"\n")[:keep]
        complete = complete[: sum(len(line) + 1 for line in lines)]
        entries = entries[:keep]
    return Tail(entries, offset + len(complete), len(buffer) - len(complete))


def _finished(entries: list[dict[str, Any]]) -> int:
    """How many entries to keep: all but an unfinished batch at the end.

    A batch (an import, the demo) is written as n entries marked `batch: [i, n]` with one
    fsync; it counts only when its last entry is there, so nothing is half-imported.
    """
    if entries and "batch" in entries[-1]:
        index, count = entries[-1]["batch"]
        if index < count - 1:
            return len(entries) - (index + 1)
    return len(entries)


def _checked_entries(
    lines: bytes, journal: Path, register: Path, offset: int, seq: int, prev: str
) -> Iterator[dict[str, Any]]:
    position = offset
    for line in lines.split(b"\n")[:-1]:
        entry = _parse(line)
        if entry is None:
            raise _damaged(journal, register, position, seq, "the line is not a journal entry")
        if entry["seq"] != seq + 1:
            raise _damaged(journal, register, position, seq,
                           f"entry {entry['seq']} is out of order (expected {seq + 1})")
        if entry["prev"] != prev:
            raise _damaged(journal, register, position, seq,
                           f"entry {entry['seq']} does not follow from the one before it")
        if entry_hash(entry) != entry["hash"]:
            raise _damaged(journal, register, position, seq,
                           f"entry {entry['seq']} was altered after it was written")
        seq, prev = entry["seq"], entry["hash"]
        position += len(line) + 1
        yield entry


def _parse(line: bytes) -> dict[str, Any] | None:
    try:
        entry = orjson.loads(line)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(entry, dict):
        return None
    required = (("seq", int), ("at", str), ("action", str), ("prev", str), ("hash", str))
    if any(not isinstance(entry.get(key), kind) for key, kind in required):
        return None
    return entry


def _damaged(journal: Path, register: Path, position: int, seq: int, what: str) -> Exception:
    line = _line_number(journal, position)
    return RegisterCorrupt(
        f"The journal {journal} is damaged at line {line} (after entry {seq}): {what}. "
        + restore_advice(register)
    )


def _line_number(journal: Path, position: int) -> int:
    """1-based line number of the line starting at byte `position` (error path only)."""
    count = 1
    with open(journal, "rb") as handle:
        while position > 0:
            chunk = handle.read(min(_CHUNK, position))
            if not chunk:
                break
            count += chunk.count(b"\n")
            position -= len(chunk)
    return count


def scan(journal: Path, end: int | None = None) -> Iterator[tuple[bytes, int]]:
    """Each complete line (without its newline) and its starting offset, up to `end`."""
    position = 0
    try:
        handle = open(journal, "rb")
    except FileNotFoundError:
        return
    with handle:
        for line in handle:
            if not line.endswith(b"\n") or (end is not None and position + len(line) > end):
                return
            yield line[:-1], position
            position += len(line)


def history(journal: Path, ref: str, end: int) -> list[JournalEntry]:
    """Every entry about `ref`, oldest first (reads the whole journal: not a hot path)."""
    needle = b'"ref":' + orjson.dumps(ref)

    def about_ref() -> Iterator[dict[str, Any]]:
        for line, _ in scan(journal, end):
            if needle in line:
                entry = _parse(line)
                if entry is not None and entry.get("ref") == ref:
                    yield entry

    return with_changes(about_ref())


def verify(journal: Path, register: Path) -> tuple[int, str]:
    """Check the whole chain from the first line; return (entries, last hash)."""
    seq, prev, position = 0, GENESIS, 0
    for line, position in scan(journal):
        (entry,) = _checked_entries(line + b"\n", journal, register, position, seq, prev)
        seq, prev = entry["seq"], entry["hash"]
    return seq, prev


# ---- writing -------------------------------------------------------------------------


class JournalWriter:
    """Appends lines durably; owned by the one writer holding the register's lock."""

    def __init__(self, journal: Path, end: int) -> None:
        self.path = journal
        existed = journal.exists()
        self._fd = os.open(journal, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE)
        self.end = end
        self.broken = ""
        if os.fstat(self._fd).st_size > end:
            # An append that a crash interrupted: never acknowledged, so cut it off
            # before the next entry is written after it.
            os.ftruncate(self._fd, end)
            os.fsync(self._fd)
        if not existed:
            fsync_dir(journal.parent)

    def append(self, lines: list[bytes]) -> None:
        """Write the lines and fsync once; on failure, leave the journal as it was."""
        if self.broken:
            raise RegisterError(self.broken)
        written = 0
        try:
            for chunk in _chunks(lines):
                view = memoryview(chunk)
                while view:
                    count = os.write(self._fd, view)
                    view = view[count:]
                    written += count
            os.fsync(self._fd)
        except OSError as error:
            self._undo(written)
            raise RegisterError(
                f"Could not write to the journal {self.path}: {error.strerror or error}. "
                "The change was NOT saved; free some disk space or check the drive, then try "
                "again."
            ) from error
        self.end += written

    def _undo(self, written: int) -> None:
        if not written:
            return
        try:
            os.ftruncate(self._fd, self.end)
            os.fsync(self._fd)
        except OSError:
            self.broken = (
                f"The journal {self.path} could not be repaired after a failed write. "
                "Close clerk and open the register again before making more changes."
            )

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1


def _chunks(lines: list[bytes]) -> Iterator[bytes]:
    batch: list[bytes] = []
    size = 0
    for line in lines:
        batch.append(line)
        size += len(line)
        if size >= _CHUNK:
            yield b"".join(batch)
            batch, size = [], 0
    if batch:
        yield b"".join(batch)
