"""The Register: the decisions of one council, loaded into memory, saved through the journal.

Opening reads the checkpoint file once (orjson) and replays the journal entries written
after it; every read after that comes from memory. A save appends one hash-chained line to
the journal and fsyncs it before touching memory, so a save that returned survives any
crash. The checkpoint file is rewritten (atomically) only on close() and when the journal
tail grows past CHECKPOINT_ENTRIES or CHECKPOINT_BYTES, so a save costs the same at 100 or
100,000 decisions. Hot paths use our own {ref: doc_id} index; `db` is a real TinyDB over
the same dicts for ad-hoc queries.
"""

from __future__ import annotations

import threading
import warnings
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from clerk.domain.council import CouncilProfile
from clerk.domain.decision import Decision
from clerk.domain.entries import Entry, entry_of
from clerk.domain.validate import problems_in
from clerk.store import journal as journal_mod
from clerk.store.errors import (
    InvalidDecision,
    NotFound,
    RegisterError,
    RegisterReadOnly,
    RegisterTooNew,
)
from clerk.store.journal import JournalEntry, JournalWriter, encode_entry, now_stamp
from clerk.store.loading import load_register
from clerk.store.offsets import LazyDocs
from clerk.store.schema import META_ID, bump_counter
from clerk.store.storage import AtomicJSONStorage, WriterLock

if TYPE_CHECKING:
    from tinydb import TinyDB


class Register:
    CHECKPOINT_ENTRIES = 500  # journal entries after the checkpoint before writing a new one
    CHECKPOINT_BYTES = 4 * 1024 * 1024  # ... or this many bytes of journal
    CLOSE_CHECKPOINT_MAX_BYTES = 4 * 1024 * 1024  # files up to this size: checkpoint on close

    def __init__(
        self,
        data: dict[str, dict[str, Any]],
        *,
        path: Path | None,
        writable: bool,
        lock: WriterLock | None = None,
    ) -> None:
        self.path = path
        self.writable = writable
        self._lock = lock
        self._storage = AtomicJSONStorage(path, data)
        self._db: TinyDB | None = None
        self._meta: dict[str, Any] = data["meta"][META_ID]
        self._decisions: dict[str, dict[str, Any]] = data["decisions"]
        refs = getattr(self._decisions, "refs", None)  # offsets.LazyDocs: no parsing
        self._index = refs() if refs is not None else {
            doc["ref"]: doc_id for doc_id, doc in self._decisions.items()}
        self._next_id = max(map(int, self._decisions), default=0) + 1
        self._council: CouncilProfile | None = None
        self._seq: int = self._meta["journal_seq"]
        self._prev: str = self._meta["journal_hash"]
        self._writer: JournalWriter | None = None
        self._journal_end = self._meta["journal_offset"]
        self._memory_journal: list[dict[str, Any]] = []
        self._reserved: dict[int, int] = {}  # next_ref numbers handed out, not yet saved
        self._tail_entries = 0
        self._tail_bytes = 0
        self._dirty = False
        self._closed = False
        # Saves may come from a TUI worker thread while another saves: one at a time,
        # or two entries could claim the same seq and break the chain.
        self._write_lock = threading.RLock()

    # ---- opening -----------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        write: bool = False,
        create: bool = False,
        council: CouncilProfile | None = None,
    ) -> Register:
        """Open the register at `path`; `write` takes the writer's lock until close()."""
        path = Path(path)
        data, migrated, lock = load_register(path, write=write, create=create, council=council)
        register = cls(data, path=path, writable=write, lock=lock)
        try:
            register._replay()
            if write:
                register._writer = JournalWriter(register.journal_path, register._journal_end)
                if migrated or register._tail_due():
                    register.checkpoint()
        except BaseException as error:
            register._closed = True
            if register._writer is not None:
                register._writer.close()
            if lock is not None:
                lock.release()
            if isinstance(error, OSError):
                raise RegisterError.cannot_open(path, error) from error
            raise
        return register

    @classmethod
    def in_memory(cls, council: CouncilProfile) -> Register:
        """A register with no files (tests, the TUI's tests); the journal is kept in memory."""
        from clerk.store.schema import new_register

        return cls(new_register(council.to_dict()), path=None, writable=True)

    @property
    def journal_path(self) -> Path:
        if self.path is None:
            raise RegisterError("An in-memory register has no journal file.")
        return Path(f"{self.path}.journal")

    def _replay(self) -> None:
        assert self.path is not None
        offset = self._meta["journal_offset"]
        tail = journal_mod.read_tail(self.journal_path, self.path, offset, self._seq, self._prev)
        for entry in tail.entries:
            self._apply(entry)
            self._seq, self._prev = entry["seq"], entry["hash"]
        self._journal_end = tail.end
        self._tail_entries = len(tail.entries)
        self._tail_bytes = tail.end - offset
        self._dirty = bool(tail.entries)

    # ---- reading -----------------------------------------------------------------------

    @property
    def council(self) -> CouncilProfile:
        if self._council is None:
            self._council = CouncilProfile.from_dict(self._meta["council"])
        return self._council

    @property
    def db(self) -> TinyDB:
        """TinyDB over the live data, for ad-hoc queries: db.table("decisions").search(...)."""
        if self._db is None:
            from tinydb import TinyDB

            storage = self._storage
            self._db = TinyDB(storage=lambda: storage)
        return self._db

    def __len__(self) -> int:
        return len(self._index)

    def __contains__(self, ref: object) -> bool:
        return ref in self._index

    def get(self, ref: str) -> Decision:
        return Decision.from_dict(self.get_raw(ref))

    def get_raw(self, ref: str) -> dict[str, Any]:
        """The stored dict itself (no copy): read it, never change it."""
        doc_id = self._index.get(ref)
        if doc_id is None:
            where = self.path if self.path is not None else "the register"
            raise NotFound(f"No decision {ref} in {where}. `clerk list` shows the references.")
        return self._decisions[doc_id]

    def refs(self) -> list[str]:
        return list(self._index)

    def raw_items(self) -> Iterator[tuple[str, dict[str, Any]]]:
        decisions = self._decisions
        for ref, doc_id in list(self._index.items()):
            yield ref, decisions[doc_id]

    def index_entries(self) -> list[Entry]:
        """Every decision's `Entry` (what a list filters and sorts on), in `refs()` order.

        Decisions unchanged since the checkpoint was read give the entry the checkpoint
        stored (no decision is parsed: ~0.1 s at 100,000, the first time); the others are
        derived. Safe to call from a worker thread while another saves."""
        decisions = self._decisions
        index = dict(self._index)  # a save from another thread must not move it meanwhile
        if not isinstance(decisions, LazyDocs):  # a full parse: work every entry out
            return [entry_of(ref, decisions[doc_id]) for ref, doc_id in index.items()]
        # no tuple per decision: at 100,000 those set off ~50 ms of garbage collections
        refs, ids = list(index), list(index.values())
        out: list[Entry | None] = list(map(decisions.stored_entries().get, ids))
        changed = decisions.changed_ids()
        if changed or None in out:
            for at, doc_id in enumerate(ids):
                if out[at] is None or doc_id in changed:
                    out[at] = entry_of(refs[at], decisions[doc_id])
        return out  # type: ignore[return-value]  # no None is left

    def next_ref(self, year: int) -> str:
        """The next free reference for `year`, e.g. "D2013-004".

        The counter in meta moves when a decision is saved, so abandoned drafts leave no
        gaps in the register; within one session each call hands out a new number.
        """
        number = max(self._meta["ref_counters"].get(str(year), 0), self._reserved.get(year, 0))
        while True:
            number += 1
            ref = f"D{year}-{number:03d}"
            if ref not in self._index:
                self._reserved[year] = number
                return ref

    def history(self, ref: str) -> list[JournalEntry]:
        """Every recorded change to `ref`, oldest first."""
        if self.path is None:
            return journal_mod.with_changes(
                entry for entry in self._memory_journal if entry.get("ref") == ref)
        return journal_mod.history(self.journal_path, ref, self._journal_end)

    # ---- writing -----------------------------------------------------------------------

    def save(self, decision: Decision, *, action: str) -> None:
        """Record the decision as it now stands; durable when this returns."""
        self.save_many([decision], action=action)

    def save_many(self, decisions: list[Decision], *, action: str) -> None:
        """Save many decisions with one fsync (demo generation, import)."""
        payloads = []
        for decision in decisions:
            doc = decision.to_dict()
            if not doc.get("ref"):
                raise RegisterError(
                    f"Cannot save {decision.title or 'a decision'!r}: it has no reference yet "
                    "(Register.next_ref gives the next one)."
                )
            problems = problems_in(Decision, doc)
            if problems:  # nothing invalid is written, so every export re-imports
                raise InvalidDecision(
                    f"Cannot save {doc['ref']}: {'; '.join(problems)}. Nothing was saved."
                )
            payloads.append({"ref": doc["ref"], "doc": doc})
        self._record(payloads, action)

    def save_docs(self, docs: list[dict[str, Any]], *, action: str) -> None:
        """Save documents already in the stored shape (`Decision.to_dict()`), with one fsync.

        For bulk imports that build the dicts themselves (the synthetic registers): skips
        the Decision round trip, which costs about 0.5 ms a decision.
        """
        for doc in docs:
            if not isinstance(doc.get("ref"), str) or not doc["ref"]:
                raise RegisterError("Cannot save a document without a reference.")
        self._record([{"ref": doc["ref"], "doc": doc} for doc in docs], action)

    def set_council(self, profile: CouncilProfile) -> None:
        self._record([{"council": profile.to_dict()}], "council profile")

    def _record(self, payloads: list[dict[str, Any]], action: str) -> None:
        with self._write_lock:
            self._record_locked(payloads, action)

    def _record_locked(self, payloads: list[dict[str, Any]], action: str) -> None:
        """Journal first (durable), then memory; then a checkpoint if the tail is long."""
        self._require_writable()
        if not payloads:
            return
        at, seq, prev = now_stamp(), self._seq, self._prev
        entries, lines = [], []
        count = len(payloads)
        for index, payload in enumerate(payloads):
            seq += 1
            if count > 1:  # all or nothing on replay: see journal._finished
                payload = {**payload, "batch": [index, count]}
            entry, line = encode_entry(seq, prev, action, at, payload)
            prev = entry["hash"]
            entries.append(entry)
            lines.append(line)
        if self._writer is not None:
            self._writer.append(lines)
            self._journal_end = self._writer.end
        self._seq, self._prev = seq, prev
        for entry in entries:
            self._apply(entry)
            if self.path is None:
                self._memory_journal.append(entry)
        self._tail_entries += len(lines)
        self._tail_bytes += sum(map(len, lines))
        self._dirty = True
        if self._db is not None:
            for name in self._db.tables():
                self._db.table(name).clear_cache()  # TinyDB caches query results
        if self._writer is not None and self._tail_due():
            self._auto_checkpoint()

    def _apply(self, entry: dict[str, Any]) -> None:
        if "doc" in entry:
            doc = entry["doc"]
            ref = doc["ref"]
            doc_id = self._index.get(ref)
            if doc_id is None:
                doc_id = str(self._next_id)
                self._next_id += 1
                self._index[ref] = doc_id
            self._decisions[doc_id] = doc
            bump_counter(self._meta["ref_counters"], ref)
        elif "council" in entry:
            self._meta["council"] = entry["council"]
            self._council = None
        else:
            raise RegisterTooNew(
                f"The journal of {self.path} holds a change this clerk does not understand "
                f"(entry {entry['seq']}, {entry['action']!r}): upgrade clerk; nothing was "
                "changed."
            )

    def _require_writable(self) -> None:
        if self._closed:
            raise RegisterError(f"The register {self.path or '(in memory)'} is closed.")
        if not self.writable:
            raise RegisterReadOnly(
                f"The register {self.path} was opened read-only; this command cannot change it."
            )

    def _tail_due(self) -> bool:
        return (self._tail_entries > self.CHECKPOINT_ENTRIES
                or self._tail_bytes > self.CHECKPOINT_BYTES)

    def _auto_checkpoint(self) -> None:
        # The saves are already durable in the journal, so a failed checkpoint (a full
        # disk, say) must not fail the save: warn and try again after another tail's worth.
        try:
            self.checkpoint()
        except RegisterError as error:
            self._tail_entries = self._tail_bytes = 0
            warnings.warn(str(error), stacklevel=3)

    def _file_size(self) -> int:
        try:
            return self.path.stat().st_size if self.path is not None else 0
        except OSError:
            return 0

    def checkpoint(self) -> None:
        """Rewrite the register file to include everything in the journal so far."""
        with self._write_lock:
            self._require_writable()
            self._meta.update(
                journal_offset=self._journal_end, journal_seq=self._seq, journal_hash=self._prev
            )
            try:
                with self._storage.checkpointing():
                    self._storage.write(self._storage.data)
            except OSError as error:
                raise RegisterError(
                    f"Could not update the register file {self.path}: "
                    f"{error.strerror or error}. Every change is safe in the journal "
                    f"{self.journal_path} and will be replayed when the register is next "
                    "opened."
                ) from error
            self._tail_entries = self._tail_bytes = 0
            self._dirty = False

    def close(self) -> None:
        """Checkpoint if anything changed, release the writer's lock. Safe to call twice.

        A large register is checkpointed on close only once its journal tail is due: a
        one-save CLI command at 100k decisions must not rewrite 200 MB. The next open
        replays the (short) tail instead.
        """
        if self._closed:
            return
        try:
            if self.writable and self._dirty and self.path is not None and (
                self._tail_due() or self._file_size() <= self.CLOSE_CHECKPOINT_MAX_BYTES
            ):
                self.checkpoint()
        finally:
            self._closed = True
            if self._writer is not None:
                self._writer.close()
            if self._lock is not None:
                self._lock.release()

    def __enter__(self) -> Register:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "write" if self.writable else "read"
        return f"<Register {self.path or 'in memory'} ({mode}) {len(self)} decisions>"

