"""The journal: an append-only, hash-chained record of every change; the register's truth.

One JSON object per line, e.g.
  {"action":"comment added","at":"2026-11-26T18:30:00","doc":{...},"prev":"9f..",
   "ref":"D2013-001","seq":42,"hash":"c1.."}
`hash` is sha256 over the entry without "hash", serialised canonically (orjson, keys
sorted, compact); `prev` is the previous entry's hash ("" before the first), so an edited,
dropped or reordered line breaks the chain. Payloads: {"ref", "doc"} (a decision as it now
stands), {"council"} (the council profile), or an event {"refs": [...], ...} that changes
no decision (a notice published). A batch (an import) marks its n entries "batch": [i, n]
and counts only once its last entry is there. Bytes after the last complete entry are a
write a crash interrupted before it was acknowledged: readers ignore them; the writer
holding the lock cuts them off.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson

from clerk.store.errors import RegisterCorrupt, RegisterError
from clerk.store.files import read_bytes

GENESIS = ""  # the `prev` of the first entry
RESERVED_KEYS = frozenset({"seq", "at", "action", "prev", "hash", "ref", "refs", "doc",
                           "council", "batch"})
_HASH_TAIL = len(b',"hash":""}') + 64  # what the hash adds to the canonical line


@dataclass(frozen=True)
class JournalEntry:
    """One change, as `Register.history` reports it."""

    seq: int
    at: str
    action: str
    ref: str | None
    hash: str
    changes: tuple[tuple[str, object, object], ...] = ()  # (dotted field, before, after)

    @classmethod
    def from_dict(cls, entry: dict[str, Any]) -> JournalEntry:
        return cls(entry["seq"], entry["at"], entry["action"], entry.get("ref"), entry["hash"])


def is_event(entry: dict[str, Any]) -> bool:
    return isinstance(entry.get("refs"), list) and "doc" not in entry and "council" not in entry


def encode_entry(seq: int, prev: str, action: str, at: str, payload: dict[str, Any]
                 ) -> tuple[dict[str, Any], bytes]:
    """Build an entry and its journal line; the line is the canonical form plus the hash."""
    entry = {"seq": seq, "at": at, "action": action, "prev": prev, **payload}
    try:
        canonical = orjson.dumps(entry, option=orjson.OPT_SORT_KEYS)
    except TypeError as error:  # orjson.JSONEncodeError: e.g. an integer beyond 64 bits
        raise RegisterError(
            f"Cannot save: the change has a value JSON cannot hold ({error}). Nothing was "
            "saved.") from None
    digest = hashlib.sha256(canonical).hexdigest()
    entry["hash"] = digest
    return entry, canonical[:-1] + b',"hash":"' + digest.encode("ascii") + b'"}\n'


def encode_batch(seq: int, prev: str, action: str, payloads: list[dict[str, Any]]
                 ) -> tuple[list[dict[str, Any]], bytes]:
    at, entries, lines = datetime.now().isoformat(timespec="seconds"), [], []
    for index, payload in enumerate(payloads):
        if len(payloads) > 1:  # all or nothing on replay
            payload = {**payload, "batch": [index, len(payloads)]}
        entry, line = encode_entry(seq + index + 1, prev, action, at, payload)
        prev = entry["hash"]
        entries.append(entry)
        lines.append(line)
    return entries, b"".join(lines)


def parse(line: bytes) -> dict[str, Any] | None:
    """The entry on one line (without its newline); None if it is not a journal entry."""
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


def altered(entry: dict[str, Any], line: bytes) -> bool:
    """Whether the entry's hash does not match its content."""
    if line.endswith(b'"}') and hashlib.sha256(
            line[:-_HASH_TAIL] + b"}").hexdigest() == entry["hash"]:
        return False  # the line is exactly as clerk writes it
    body = {key: value for key, value in entry.items() if key != "hash"}
    return hashlib.sha256(orjson.dumps(body, option=orjson.OPT_SORT_KEYS)).hexdigest() != (
        entry["hash"])


def chain_problems(entry: dict[str, Any], line: bytes, seq: int, prev: str) -> list[str]:
    """What is wrong with the entry on `line` (without its newline) where the entry after
    `seq`/`prev` belongs (empty: nothing)."""
    problems = []
    if entry["seq"] != seq + 1:
        problems.append(f"out of order, expected entry {seq + 1}")
    if entry["prev"] != prev:
        problems.append("does not follow from the entry before it (an entry was removed, "
                        "inserted or changed)")
    if altered(entry, line):
        problems.append("altered after it was written (its hash does not match its content)")
    return problems


def completes(entry: dict[str, Any]) -> bool:
    """Whether the change is whole with this entry: not a batch's entry before its last."""
    batch = entry.get("batch")
    return not (isinstance(batch, list) and len(batch) == 2 and batch[0] < batch[1] - 1)


@dataclass
class Chunk:
    """Complete, chained entries read from `start`; `end` is just past the last one kept."""

    entries: list[dict[str, Any]]
    end: int
    leftover: int  # bytes after `end`: an interrupted append or an unfinished batch


class BrokenChain(RegisterCorrupt):
    """The chain breaks at `line`; `good` is what came before it that can be used."""

    def __init__(self, message: str, line: int, good: Chunk) -> None:
        super().__init__(message)
        self.line = line
        self.good = good


def read_chain(data: bytes, start: int, seq: int, prev: str, first_line: int = 1,
               name: str = "the journal") -> Chunk:
    """Check and parse the complete lines of `data` (the journal from byte `start`), which
    must follow entry `seq`/`prev`. Raises BrokenChain naming the first bad line."""
    entries: list[dict[str, Any]] = []
    position = 0
    complete = data.rfind(b"\n") + 1
    line_number = first_line
    kept_end, kept = 0, 0
    while position < complete:
        newline = data.index(b"\n", position)
        line = data[position:newline]
        entry = parse(line)
        problems = (["not a journal entry"] if entry is None else
                    chain_problems(entry, line, seq, prev))
        if problems:
            raise BrokenChain(f"{name} is damaged at line {line_number} (after entry {seq}): "
                              f"{'; '.join(problems)}", line_number,
                              Chunk(entries[:kept], start + kept_end, len(data) - kept_end))
        assert entry is not None
        seq, prev = entry["seq"], entry["hash"]
        entries.append(entry)
        position = newline + 1
        line_number += 1
        if completes(entry):
            kept_end, kept = position, len(entries)
    return Chunk(entries[:kept], start + kept_end, len(data) - kept_end)


def last_entry_before(data: bytes) -> dict[str, Any] | None:
    """The entry on the last complete line of `data` (which ends with a newline)."""
    if not data.endswith(b"\n"):
        return None
    start = data.rfind(b"\n", 0, len(data) - 1) + 1
    return parse(data[start:-1])


def verify(journal: Path, register: Path) -> tuple[int, str]:
    """Check the whole chain from the first line; (entries, the last one's hash)."""
    chunk = read_chain(read_bytes(journal), 0, 0, GENESIS, name=f"The journal {journal}")
    return (chunk.entries[-1]["seq"], chunk.entries[-1]["hash"]) if chunk.entries else (0, "")
