"""A decision's history from the journal: where each decision's entries are (found by one
scan, then kept up to date by scanning only what was appended since), what each changed,
and the register as the journal makes it (`Replay`: verify, restore, `Register.as_of`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from clerk.store import journal as jr
from clerk.store.journal_file import JournalFile
from clerk.store.schema import META_ID, new_register
from clerk.store.tables import Ids, apply_entry

Change = tuple[str, object, object]


class HistoryIndex:
    def __init__(self) -> None:
        self.spans: dict[str, list[tuple[int, int]]] = {}  # ref -> (offset, length) of lines
        self.end = 0  # the journal is indexed up to here

    def catch_up(self, journal: JournalFile, end: int) -> None:
        if end <= self.end:
            return
        data = journal.read(self.end, end)
        position = 0
        for line in data.split(b"\n")[:-1]:
            entry = jr.parse(line)
            if entry is not None:
                for ref in refs_of(entry):
                    self.spans.setdefault(ref, []).append((self.end + position, len(line)))
            position += len(line) + 1
        self.end = end

    def entries(self, journal: JournalFile, ref: str) -> list[dict[str, Any]]:
        found = []
        for offset, length in self.spans.get(ref, []):
            entry = jr.parse(journal.read(offset, offset + length))
            if entry is not None:
                found.append(entry)
        return found


def refs_of(entry: dict[str, Any]) -> list[str]:
    if isinstance(entry.get("ref"), str):
        return [entry["ref"]]
    if jr.is_event(entry):
        return [ref for ref in entry["refs"] if isinstance(ref, str)]
    return []


def with_changes(ref: str, entries: list[dict[str, Any]]) -> list[jr.JournalEntry]:
    """JournalEntry for each, with what changed since the decision's previous version."""
    out, before = [], None
    for entry in entries:
        doc = entry.get("doc")
        changes: tuple[Change, ...] = ()
        if isinstance(doc, dict):
            if before is not None:
                changes = tuple(field_changes(before, doc))
            before = doc
        out.append(jr.JournalEntry(entry["seq"], entry["at"], entry["action"], ref,
                                   entry["hash"], changes))
    return out


def field_changes(before: Any, after: Any, where: str = "") -> Iterator[Change]:
    """(dotted field, before, after) for each field that differs, in the fields' order."""
    if isinstance(before, dict) and isinstance(after, dict):
        for key in [*before, *(k for k in after if k not in before)]:
            name = f"{where}.{key}" if where else str(key)
            if before.get(key) != after.get(key):
                yield from field_changes(before.get(key), after.get(key), name)
    elif before != after:
        yield (where or "(the whole record)", before, after)


def read_all(journal: JournalFile, end: int) -> list[dict[str, Any]]:
    """Every complete entry up to `end` (parsed, not re-checked: as_of, not verify)."""
    entries = []
    for line in journal.read(0, end).split(b"\n")[:-1]:
        entry = jr.parse(line)
        if entry is not None:
            entries.append(entry)
    return entries


class Replay:
    """The register as the journal makes it, entry by entry: its tables, changed by
    `tables.apply_entry` (the one place that knows what an entry changes), and its
    decisions by reference. The council is None until an entry records it (registers made
    before the council profile was journaled)."""

    def __init__(self) -> None:
        self.tables = new_register(None)
        self.ids = Ids({})
        self.decisions: dict[str, dict[str, Any]] = {}

    @property
    def council(self) -> dict[str, Any] | None:
        council: dict[str, Any] | None = self.tables["meta"][META_ID]["council"]
        return council

    def apply(self, entry: dict[str, Any], where: Path | None = None) -> str | None:
        """Apply one entry; the ref it changed, if any."""
        ref = apply_entry(self.tables, self.ids, entry, where)
        if ref is not None:
            self.decisions[ref] = self.tables["decisions"][str(self.ids.of[ref])]
        return ref
