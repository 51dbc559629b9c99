"""One journal entry applied to the register's tables: at opening (the entries after the
checkpoint), on refresh (what other clerks appended) and when rebuilding from the journal.
The one place that knows what each kind of entry changes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from clerk.store.errors import RegisterTooNew
from clerk.store.journal import is_event
from clerk.store.schema import META_ID, Data, bump_counter


class Ids:
    """Each reference's TinyDB document id, and the next id to hand out."""

    def __init__(self, decisions: dict[str, Any]) -> None:
        self.of: dict[str, int] = {doc["ref"]: int(key) for key, doc in decisions.items()}
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
