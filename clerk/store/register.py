"""The Register: the decisions of one council, as TinyDB documents, saved through the journal.

Decisions live in TinyDB's "decisions" table (the council profile in "meta", notices and
other events in "events"), read with `Table.get`/`all`/`search` and written with
`insert_multiple`/`update` through `JournalStorage`, which makes each change one fsynced,
hash-chained journal append before it counts. Any number of clerks may have a register
open: each save takes the lock on the journal, reads what the others appended since this
register last looked, re-runs the caller's move on that latest state (`change`) and
appends. `refresh()` reads the others' changes without saving. The register file is a
checkpoint, written whole at close (and by `checkpoint_if_due`, off the app's UI thread),
never on the save path.
"""

from __future__ import annotations

import threading
import warnings
from collections.abc import Callable, Iterator, MutableMapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from tinydb import TinyDB
from tinydb.table import Document

from clerk.domain.council import CouncilProfile
from clerk.domain.decision import Decision
from clerk.domain.entries import Entry, entry_of
from clerk.domain.validate import problems_in
from clerk.store import history as hist
from clerk.store import journal as jr
from clerk.store.checkpoint import Documents, encode_checkpoint
from clerk.store.errors import (
    InvalidDecision,
    NotFound,
    RegisterCorrupt,
    RegisterError,
    RegisterReadOnly,
)
from clerk.store.files import atomic_write
from clerk.store.journal import JournalEntry
from clerk.store.loading import Opened, check_journal, journal_path, open_files, way_out
from clerk.store.schema import META_ID, bump_counter, new_register
from clerk.store.storage import JournalStorage, RegisterTable
from clerk.store.tables import Ids, apply_entry


class Register:
    CHECKPOINT_ENTRIES = 500  # journal entries past the checkpoint before one is due
    CHECKPOINT_BYTES = 4 * 1024 * 1024  # ... or this many bytes of journal

    def __init__(self, opened: Opened, *, path: Path | None, writable: bool) -> None:
        self.path = path
        self.writable = writable
        self.warn: Callable[[str], None] = _warn  # what close() says when a checkpoint fails
        self._storage = JournalStorage(opened.tables, where=path)
        self.db = TinyDB(storage=lambda: self._storage)
        self.db.table_class = RegisterTable
        self._decisions = self.db.table("decisions")
        self._meta = self.db.table("meta")
        self._events = self.db.table("events")
        self._ids = opened.ids or Ids(opened.tables["decisions"])
        self._journal = opened.journal
        self._end, self._seq, self._prev = opened.end, opened.seq, opened.prev
        self._digest: Any = None  # SHA-256 of the journal up to _end, once checked
        self._checked_against = dict(opened.tables["meta"][META_ID])  # the checkpoint's
        self._checkpointed = opened.tables["meta"][META_ID]["journal_offset"]
        self._checkpointed_seq = opened.tables["meta"][META_ID]["journal_seq"]
        self._memory_journal: list[dict[str, Any]] = []  # in-memory registers only
        self._history = hist.HistoryIndex()
        self._reserved: dict[int, int] = {}  # next_ref numbers handed out, not yet saved
        self._council: CouncilProfile | None = None
        self._closed = False
        # One save (or refresh, or checkpoint snapshot) at a time within this process.
        self._lock = threading.RLock()

    # ---- opening -----------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, write: bool = False, create: bool = False,
             council: CouncilProfile | None = None) -> Register:
        """Open the register at `path` (`write`: this process may save to it)."""
        path = Path(path)
        try:
            opened = open_files(path, write=write, create=create, council=council)
        except OSError as error:
            raise RegisterError.cannot_open(path, error) from error
        register = cls(opened, path=path, writable=write)
        if write and opened.migrated:
            try:
                register.checkpoint()
            except BaseException:
                register._close_files()
                raise
        return register

    @classmethod
    def in_memory(cls, council: CouncilProfile, *, writable: bool = True) -> Register:
        """A register with no files (tests, the TUI's tests); the journal is kept in memory."""
        return cls(Opened(new_register(council.to_dict()), None, 0, 0, jr.GENESIS),
                   path=None, writable=writable)

    @property
    def journal_path(self) -> Path:
        if self.path is None:
            raise RegisterError("An in-memory register has no journal file.")
        return journal_path(self.path)

    # ---- reading -----------------------------------------------------------------------

    @property
    def council(self) -> CouncilProfile:
        if self._council is None:
            meta = self._meta.get(doc_id=int(META_ID))
            assert meta is not None
            self._council = CouncilProfile.from_dict(meta["council"])
        return self._council

    def __len__(self) -> int:
        return len(self._ids.of)

    def __contains__(self, ref: object) -> bool:
        return ref in self._ids.of

    def get(self, ref: str) -> Decision:
        return Decision.from_dict(self.get_raw(ref))

    def get_raw(self, ref: str) -> dict[str, Any]:
        """The stored document (a TinyDB Document: read it, never change it)."""
        doc_id = self._ids.of.get(ref)
        doc = self._decisions.get(doc_id=doc_id) if doc_id is not None else None
        if doc is None:
            where = self.path if self.path is not None else "the register"
            raise NotFound(f"No decision {ref} in {where}. `clerk list` shows the references.")
        return doc  # type: ignore[return-value]

    def refs(self) -> list[str]:
        return list(self._ids.of)

    def raw_items(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """Every stored document, in register order, from a snapshot of the table taken
        at once (a save replaces documents, never changes one in place), so a save
        meanwhile is harmless; each decoded only when its turn comes: read them, never
        change them."""
        decisions = self._storage.tables["decisions"]
        assert isinstance(decisions, Documents)
        for _, doc in decisions.snapshot():
            yield doc["ref"], doc

    def index_entries(self) -> list[Entry]:
        """Every decision's `Entry` (what a list filters and sorts on), in `refs()` order.
        Safe to call from a worker thread while another saves."""
        return [entry_of(ref, doc) for ref, doc in self.raw_items()]

    def next_ref(self, year: int) -> str:
        """The next free reference for `year`, e.g. "D2013-004" (a save refuses it if
        another clerk took it meanwhile); within one session each call hands out a new one."""
        meta = self._meta.get(doc_id=int(META_ID))
        assert meta is not None
        number = max(meta["ref_counters"].get(str(year), 0), self._reserved.get(year, 0))
        while True:
            number += 1
            ref = f"D{year}-{number:03d}"
            if ref not in self._ids.of:
                self._reserved[year] = number
                return ref

    def history(self, ref: str) -> list[JournalEntry]:
        """Every journal entry about `ref`, oldest first, each with what it changed. The
        first call reads the journal once (call it from a worker in the app); later calls
        read only what was appended since, and the lines about `ref`."""
        with self._lock:
            if self._journal is None:
                entries = [e for e in self._memory_journal if ref in hist.refs_of(e)]
            else:
                self._history.catch_up(self._journal, self._end)
                entries = self._history.entries(self._journal, ref)
        return hist.with_changes(ref, entries)

    def events(self, action_prefix: str = "") -> list[dict[str, Any]]:
        """The entries `record_event` wrote whose action starts so, oldest first."""
        with self._lock:  # no save adds one while TinyDB walks the table
            found = [dict(doc) for doc in self._events.all()
                     if str(doc.get("action", "")).startswith(action_prefix)]
        return sorted(found, key=lambda entry: entry["seq"])

    def as_of(self, moment: datetime, *, through_seq: int | None = None) -> Register:
        """A read-only register as it stood at `moment`: every entry stamped at or before it;
        with `through_seq`, every entry up to and including that one (exact, where a stamp
        to the second cannot tell two entries of the same second apart)."""
        if moment.tzinfo is not None:
            moment = moment.astimezone().replace(tzinfo=None)  # the journal stamps local time
        stamp = moment.isoformat(timespec="seconds")
        with self._lock:
            if self._journal is None:
                entries = list(self._memory_journal)
            else:
                entries = hist.read_all(self._journal, self._end)
        council = next((e["council"] for e in entries if "council" in e),
                       self.council.to_dict())  # registers made before it was journaled
        past = Register.in_memory(CouncilProfile.from_dict(council), writable=False)
        tables = past._storage.tables
        for entry in entries:
            if (entry["seq"] <= through_seq if through_seq is not None
                    else entry["at"] <= stamp):
                apply_entry(tables, past._ids, entry, self.path)
                past._memory_journal.append(entry)
        return past

    # ---- others' changes ---------------------------------------------------------------

    def refresh(self) -> bool:
        """Read what other clerks appended to the journal since this register last looked;
        True if anything changed (`last_refreshed` names the decisions)."""
        if self._journal is None or self._closed:
            return False
        with self._lock:
            self._journal.check_in_place("this register cannot follow it.")
            return bool(self._read_new(locked=False))

    last_refreshed: tuple[str, ...] = ()

    def _read_new(self, *, locked: bool) -> set[str]:
        assert self._journal is not None
        size = self._journal.size()
        if size == self._end:
            return set()
        if size < self._end:
            raise RegisterCorrupt(
                f"The journal {self._journal.path} is shorter ({size} bytes) than this "
                f"register has already read ({self._end} bytes): it was cut short. "
                + way_out(self.path or Path("register")))
        data = self._journal.read(self._end)
        chunk = jr.read_chain(data, self._end, self._seq, self._prev, self._seq + 1,
                              name=f"The journal {self._journal.path}")
        changed: set[str] = set()
        if chunk.entries:
            for entry in chunk.entries:  # readers take whole snapshots: list(d.values())
                ref = apply_entry(self._storage.tables, self._ids, entry, self.path)
                changed.update([ref] if ref else hist.refs_of(entry))
            for table in (self._decisions, self._meta, self._events):
                table.clear_cache()
            self._council = None
            last = chunk.entries[-1]
            self._end, self._seq, self._prev = chunk.end, last["seq"], last["hash"]
            if self._digest is not None:
                self._digest.update(data[:len(data) - chunk.leftover])
        if locked and chunk.leftover:  # under the lock: a crashed writer's unfinished append
            self._journal.truncate(self._end)
        self.last_refreshed = tuple(sorted(changed))
        return changed

    # ---- writing -----------------------------------------------------------------------

    def change(self, ref: str, move: Callable[[Decision], Decision], *, action: str) -> Decision:
        """Apply `move` to the latest version of `ref` (after reading what other clerks
        saved) and save the result durably; returns it. The move may raise to refuse."""
        with self._writing():
            changed = move(self.get(ref))
            if changed.ref != ref:
                raise RegisterError(f"A change to {ref} cannot save {changed.ref}.")
            self._commit([{"ref": ref, "doc": _checked(changed)}], action)
        return changed

    def save(self, decision: Decision, *, action: str) -> None:
        """Record the decision as it now stands; durable when this returns. Refused if
        another clerk changed (or created) the same decision since this register looked."""
        self.save_many([decision], action=action)

    def save_many(self, decisions: list[Decision], *, action: str) -> None:
        """Save many decisions with one fsync (demo generation, import, notices)."""
        self.save_docs([_checked(decision) for decision in decisions], action=action,
                       checked=True)

    def save_docs(self, docs: list[dict[str, Any]], *, action: str,
                  checked: bool = False) -> None:
        """Save documents already in the stored shape (`Decision.to_dict()`), with one fsync."""
        for doc in docs:
            if not isinstance(doc.get("ref"), str) or not doc["ref"]:
                raise RegisterError("Cannot save a document without a reference.")
        with self._writing() as others:
            clash = sorted(others & {doc["ref"] for doc in docs})
            if clash:
                raise RegisterError(
                    f"{', '.join(clash)} was changed by another clerk a moment ago; this "
                    "change was NOT saved. Look at it again and make the change again.")
            self._commit([{"ref": doc["ref"], "doc": doc} for doc in docs], action)

    def set_council(self, profile: CouncilProfile) -> None:
        with self._writing():
            self._commit([{"council": profile.to_dict()}], "council profile")

    def record_event(self, action: str, payload: dict[str, Any],
                     refs: Sequence[str] = ()) -> JournalEntry:
        """Journal something that changes no decision (a notice published); durable on
        return, and in `history(ref)` for each of `refs`."""
        clash = jr.RESERVED_KEYS & payload.keys()
        if clash:
            raise RegisterError(f"An event cannot carry {', '.join(sorted(clash))}: those "
                                "names are the journal's own.")
        with self._writing():
            (entry,) = self._commit([{"refs": list(refs), **payload}], action)
        return JournalEntry.from_dict(entry)

    @contextmanager
    def _writing(self) -> Iterator[set[str]]:
        """This process's lock, then the journal's; what others saved read in first."""
        self._require_writable()
        with self._lock:
            if self._journal is None:
                yield set()
                return
            with self._journal.locked():
                self.check_journal()
                yield self._read_new(locked=True)

    def check_journal(self) -> None:
        """Check the whole journal up to the checkpoint once, before this register first
        appends (the app calls it off the UI thread just after opening)."""
        with self._lock:
            if self._digest is None and self._journal is not None and self.writable:
                self._digest = check_journal(self.path or Path(), self._journal,
                                             self._checked_against, self._end)

    def _commit(self, payloads: list[dict[str, Any]], action: str) -> list[dict[str, Any]]:
        """Through TinyDB into the tables, journaled as one fsynced append before it counts."""
        entries, data = jr.encode_batch(self._seq, self._prev, action, payloads)
        new_ids: list[str] = []

        def append() -> None:
            if self._journal is not None:
                self._journal.append(data, self._end)

        replacing: dict[str, dict[str, Any]] = {}
        inserting: dict[str, Document] = {}
        try:
            with self._storage.change(append):
                for entry in entries:
                    if "doc" in entry:
                        ref, doc = entry["ref"], entry["doc"]
                        doc_id = self._ids.of.get(ref)
                        if ref in inserting or doc_id is None:
                            if doc_id is None:
                                new_ids.append(ref)
                                doc_id = self._ids.new(ref)
                            inserting[ref] = Document(doc, doc_id=doc_id)
                        else:
                            replacing[ref] = doc
                    elif "council" in entry:
                        self._meta.update({"council": entry["council"]},
                                          doc_ids=[int(META_ID)])
                    else:
                        self._events.insert(Document(entry, doc_id=len(self._events) + 1))
                if inserting:
                    self._decisions.insert_multiple(list(inserting.values()))
                if replacing:
                    self._decisions.update(_replace_by_ref(replacing),
                                           doc_ids=[self._ids.of[ref] for ref in replacing])
        except BaseException:
            for ref in new_ids:
                del self._ids.of[ref]
            self._ids.top -= len(new_ids)
            raise
        self._end += len(data)
        self._seq, self._prev = entries[-1]["seq"], entries[-1]["hash"]
        if self._digest is not None:
            self._digest.update(data)
        counters = self._storage.tables["meta"][META_ID]["ref_counters"]  # derived: not
        for ref in [*replacing, *inserting]:  # journaled, kept in step on replay
            bump_counter(counters, ref)
        if any("council" in entry for entry in entries):
            self._council = None
        if self._journal is None:
            self._memory_journal.extend(entries)
        return entries

    def _require_writable(self) -> None:
        if self._closed:
            raise RegisterError(f"The register {self.path or '(in memory)'} is closed.")
        if not self.writable:
            raise RegisterReadOnly(
                f"The register {self.path} was opened read-only; this command cannot change it.")

    # ---- the checkpoint ----------------------------------------------------------------

    def checkpoint_if_due(self) -> bool:
        """Checkpoint when the journal has grown well past the file (call it off the UI
        thread: it writes the whole file); True if it did."""
        due = (self._seq - self._checkpointed_seq > self.CHECKPOINT_ENTRIES
               or self._end - self._checkpointed > self.CHECKPOINT_BYTES)
        if due and self.writable and not self._closed:
            self.checkpoint()
        return due

    def checkpoint(self) -> None:
        """Rewrite the register file whole to include everything in the journal so far."""
        self._require_writable()
        if self.path is None:
            return
        self.check_journal()
        with self._lock:  # a consistent snapshot: the tables as of one journal position
            assert self._digest is not None and self._journal is not None
            self._journal.check_in_place("the register file was not brought up to date.")
            end, seq = self._end, self._seq
            raw = encode_checkpoint(self._storage.tables, {
                "journal_offset": end, "journal_seq": seq, "journal_hash": self._prev,
                "journal_sha256": self._digest.hexdigest()})
        try:
            atomic_write(self.path, raw)
        except OSError as error:
            raise RegisterError(
                f"Could not update the register file {self.path}: {error.strerror or error}. "
                f"Every change saved is safe in the journal {self.journal_path}; the file "
                "will be brought up to date when the register is next closed.") from error
        if end > self._checkpointed:
            self._checkpointed, self._checkpointed_seq = end, seq

    def close(self, *, checkpoint: bool = True) -> None:
        """Bring the file up to date with the journal if it is behind; a checkpoint that
        fails is a warning (`self.warn`), never an error: every save is in the journal."""
        if self._closed:
            return
        try:
            if (checkpoint and self.writable and self.path is not None
                    and self._end != self._checkpointed):
                try:
                    self.checkpoint()
                except RegisterError as error:
                    self.warn(str(error))
        finally:
            self._close_files()

    def _close_files(self) -> None:
        self._closed = True
        if self._journal is not None:
            self._journal.close()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "write" if self.writable else "read"
        return f"<Register {self.path or 'in memory'} ({mode}) {len(self)} decisions>"


def _checked(decision: Decision) -> dict[str, Any]:
    doc = decision.to_dict()
    if not doc.get("ref"):
        raise RegisterError(f"Cannot save {decision.title or 'a decision'!r}: it has no "
                            "reference yet (Register.next_ref gives the next one).")
    problems = problems_in(Decision, doc)
    if problems:  # nothing invalid is written, so every export re-imports
        raise InvalidDecision(f"Cannot save {doc['ref']}: {'; '.join(problems)}. "
                              "Nothing was saved.")
    return doc


def _replace_by_ref(docs: dict[str, dict[str, Any]]
                    ) -> Callable[[MutableMapping[str, Any]], None]:
    def replace(stored: MutableMapping[str, Any]) -> None:
        new = docs[stored["ref"]]
        stored.clear()
        stored.update(new)
    return replace


def _warn(message: str) -> None:
    warnings.warn(message, stacklevel=3)
