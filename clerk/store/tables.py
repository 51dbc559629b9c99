"""One journal entry applied to the register's tables: at opening (the entries after the
checkpoint), on refresh (what other clerks appended) and when rebuilding from the journal.
The one place that knows what each kind of entry changes."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from clerk.store.checkpoint import NOT_A_DOCUMENT, Documents
from clerk.store.errors import RegisterTooNew
from clerk.store.journal import is_event
from clerk.store.schema import META_ID, Data, bump_counter


class MalformedTable(ValueError):
    """What is wrong with a decisions table, for the caller to say where."""


class Ids:
    """Each reference's TinyDB document id, and the next id to hand out. Raises
    MalformedTable for a table whose ids, references or documents the register cannot
    rely on (one decision hidden behind another, a document with no reference)."""

    def __init__(self, decisions: Mapping[str, Any]) -> None:
        table = decisions if isinstance(decisions, Documents) else Documents(decisions)
        self.of: dict[str, int] = {}
        for key, ref in table.refs():
            if not key.isdigit() or ref is NOT_A_DOCUMENT:
                raise MalformedTable(f"decision document {key!r} is malformed")
            if not isinstance(ref, str) or not ref:
                raise MalformedTable(f"decision document {key} has no reference")
            if ref in self.of:
                raise MalformedTable(f"decision {ref} appears twice")
            self.of[ref] = int(key)
        self.top = max(self.of.values(), default=0)

    def new(self, ref: str) -> int:
        self.top += 1
        self.of[ref] = self.top
        return self.top


def apply_entry(tables: Data, ids: Ids, entry: dict[str, Any],
                where: Path | None = None) -> str | None:
    """Change `tables` (and the ids) as `entry` says; the ref it changed, if any."""
    if "doc" in entry:
        doc = entry["doc"]
        ref = doc["ref"]
        doc_id = ids.of.get(ref)
        if doc_id is None:
            doc_id = ids.new(ref)
        tables["decisions"][str(doc_id)] = doc
        bump_counter(tables["meta"][META_ID]["ref_counters"], ref)
        return str(ref)
    if "council" in entry:
        tables["meta"][META_ID]["council"] = entry["council"]
        return None
    if is_event(entry):
        events = tables.setdefault("events", {})
        events[str(len(events) + 1)] = entry
        return None
    raise RegisterTooNew(
        f"The journal of {where or 'the register'} holds a change this clerk does not "
        f"understand (entry {entry['seq']}, {entry['action']!r}): upgrade clerk; nothing "
        "was changed.")
