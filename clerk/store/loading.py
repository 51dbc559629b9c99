"""Opening a register: create it, read and check the checkpoint, check the journal reaches
it, replay what was journaled after it.

Nothing here writes over a file it could not trust. A checkpoint whose bytes are not the
ones it wrote (edited by hand), a journal shorter than the checkpoint records (its tail
cut), a journal whose chain is broken: each raises RegisterCorrupt saying what differs and
the way out, and leaves every file as it was. The journal is the truth: `clerk restore
--from-journal` rebuilds the register from it alone.
"""

from __future__ import annotations

import gc
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import orjson

from clerk.store import journal as jr
from clerk.store.checkpoint import checkpoint_intact, encode_checkpoint, read_checkpoint
from clerk.store.errors import RegisterCorrupt, RegisterError, RegisterNotFound
from clerk.store.files import atomic_write, read_bytes, refuse_link, remove_stale_temps
from clerk.store.journal_file import JournalFile
from clerk.store.schema import (
    META_ID,
    SCHEMA_VERSION,
    Data,
    check_shape,
    migrate,
    new_register,
    version_of,
)
from clerk.store.tables import Ids, MalformedTable, apply_entry

if TYPE_CHECKING:
    from clerk.domain.council import CouncilProfile


def journal_path(path: Path) -> Path:
    return Path(f"{path}.journal")


def way_out(path: Path) -> str:
    return (f"Nothing was changed. `clerk --db {path} restore --from-journal` rebuilds the "
            f"register from its journal (the file in place is kept aside); `clerk restore "
            f"latest` puts back the last backup from {path}.backups/ and replays the journal "
            "over it.")


def advice(path: Path) -> str:
    """Where the last good copy is, for every message about an unreadable register."""
    text = (f"The file has not been changed. The last good copy is in {path}.backups/ "
            "(`clerk restore` puts it back)")
    if journal_path(path).exists():
        text += (f"; the journal {journal_path(path)} still holds every change saved, "
                 "including later ones (`clerk restore --from-journal`)")
    return text + "."


@dataclass
class Opened:
    tables: Data
    journal: JournalFile | None
    end: int
    seq: int
    prev: str
    migrated: bool = False
    ids: Ids | None = None


def open_files(path: Path, *, write: bool, create: bool,
               council: CouncilProfile | None) -> Opened:
    refuse_link(path)
    refuse_link(journal_path(path))
    if not path.exists():
        if journal_path(path).exists() and journal_path(path).stat().st_size:
            raise RegisterCorrupt(
                f"The register {path} is missing but its journal {journal_path(path)} is "
                "still there: `clerk restore --from-journal` rebuilds the register from it, "
                f"or `clerk restore latest` puts back the last backup and replays the journal "
                "over it. (Move the journal aside only to start afresh.)")
        if not create:
            raise_not_found(path)
        if council is None:
            raise RegisterError(f"Creating {path} needs a council profile.")
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        create_register(path, council.to_dict())
    tables, ids, migrated = parse_checkpoint(read_bytes(path), path, write)
    meta = tables["meta"][META_ID]
    try:
        journal: JournalFile | None = JournalFile(journal_path(path), write=write)
    except FileNotFoundError:
        journal = None
    opened = Opened(tables, journal, meta["journal_offset"], meta["journal_seq"],
                    meta["journal_hash"], migrated=migrated, ids=ids)
    try:
        if write:
            remove_stale_temps(path)
        _check_and_replay(path, opened, meta, write)
    except BaseException:
        if journal is not None:
            journal.close()
        raise
    return opened


def raise_not_found(path: Path) -> NoReturn:
    raise RegisterNotFound(
        f"There is no register at {path}. Create one with `clerk init`, or point clerk at an "
        "existing one with --db or CLERK_DB.")


def create_register(path: Path, council: dict[str, Any]) -> None:
    """The journal's first entry is the council profile, so the journal alone can rebuild
    the register; the checkpoint follows."""
    journal = JournalFile(journal_path(path), write=True)
    try:
        with journal.locked():
            if path.exists():
                return  # another clerk created it meanwhile
            tables = new_register(council)
            end = journal.size()
            if end:
                raise RegisterCorrupt(f"{journal_path(path)} already holds changes; "
                                      + way_out(path))
            (entry,), line = jr.encode_batch(0, jr.GENESIS, "register created",
                                             [{"council": council}])
            journal.append(line, 0)
            atomic_write(path, encode_checkpoint(tables, {
                "journal_offset": len(line), "journal_seq": 1, "journal_hash": entry["hash"],
                "journal_sha256": hashlib.sha256(line).hexdigest()}))
    finally:
        journal.close()


def parse_checkpoint(raw: bytes, path: Path, write: bool) -> tuple[Data, Ids, bool]:
    """The checkpoint's tables, checked; each reference's document id; whether they were
    migrated. A file clerk wrote itself, intact, keeps each decision as its bytes
    (`checkpoint.Documents`)."""
    intact = checkpoint_intact(raw)
    lined = read_checkpoint(raw) if intact else None
    data = lined if lined is not None else _parse_whole(raw, path)
    version = version_of(data if lined is None else {**lined, "decisions": {}}, path,
                         advice(path))
    if version == SCHEMA_VERSION and not intact:
        _check(data, path)
        raise RegisterCorrupt(f"The register file {path} was changed outside clerk: "
                              f"{_what_differs(path, data).rstrip('.')}. " + way_out(path))
    migrated = version < SCHEMA_VERSION
    if migrated:
        if write:
            atomic_write(pre_migration_path(path, version, raw), raw)
        try:
            data = migrate(data, version)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise RegisterCorrupt(f"The register {path} (schema {version}) could not be "
                                  f"brought up to date: {error!r}. " + advice(path)) from None
    data.setdefault("events", {})
    return data, _check(data, path), migrated


def _parse_whole(raw: bytes, path: Path) -> Data:
    enabled = gc.isenabled()
    gc.disable()  # many new objects and no cycles: collecting would find nothing
    try:
        data: Data = orjson.loads(raw)
        return data
    except orjson.JSONDecodeError as error:
        raise RegisterCorrupt(f"The register {path} cannot be read: "
                              f"{_what_is_wrong(raw, error)}. " + advice(path)) from None
    finally:
        if enabled:
            gc.enable()


def _check(data: Data, path: Path) -> Ids:
    """Every field the register relies on is there with the right type, and each
    decision's reference and document id (the decisions themselves are not decoded)."""
    check_shape(data, path, advice(path))
    try:
        return Ids(data["decisions"])
    except MalformedTable as error:
        raise RegisterCorrupt(f"{path}: {error}. " + advice(path)) from None


def _what_differs(path: Path, data: Data) -> str:
    from clerk.store.verify import differences, replay_journal

    try:
        replayed = replay_journal(journal_path(path), data["meta"][META_ID]["journal_offset"])
    except (OSError, RegisterError):
        return "its content no longer matches the hash its last checkpoint recorded"
    docs = {doc["ref"]: doc for doc in data["decisions"].values()}
    found = differences(docs, data["meta"][META_ID]["council"], replayed)
    if not found:
        return "its bytes are not those its last checkpoint wrote, though every decision agrees"
    return "; ".join(found[:5]) + ("" if len(found) <= 5 else f"; and {len(found) - 5} more")


def _check_and_replay(path: Path, opened: Opened, meta: dict[str, Any], write: bool) -> None:
    journal, offset = opened.journal, opened.end
    if journal is None:
        if offset:
            raise RegisterCorrupt(f"The journal {journal_path(path)} is missing, but the "
                                  f"register {path} records {opened.seq} changes in it. "
                                  + way_out(path))
        return
    size = journal.size()
    if size < offset:
        raise RegisterCorrupt(
            f"The journal {journal.path} is shorter ({size} bytes) than the register {path} "
            f"records ({offset} bytes): it was cut short or replaced, and changes saved in "
            "it are missing. " + way_out(path))
    name = f"The journal {journal.path}"
    if offset and not write:  # a writer checks the whole journal before it appends
        last = jr.last_entry_before(journal.read(max(0, offset - 4 * 1024 * 1024), offset))
        if last is not None and (last["seq"], last["hash"]) != (opened.seq, opened.prev):
            raise RegisterCorrupt(f"{name} does not reach the point the register was "
                                  f"checkpointed at (entry {opened.seq}). " + way_out(path))
    data = journal.read(offset)
    try:
        chunk = jr.read_chain(data, offset, opened.seq, opened.prev, opened.seq + 1, name=name)
    except jr.BrokenChain as broken:
        raise RegisterCorrupt(f"{broken}. Run `clerk verify` for a full report. "
                              + way_out(path)) from None
    assert opened.ids is not None
    for entry in chunk.entries:
        apply_entry(opened.tables, opened.ids, entry, path)
    if chunk.entries:
        opened.end, opened.seq, opened.prev = (chunk.end, chunk.entries[-1]["seq"],
                                               chunk.entries[-1]["hash"])
    if write and chunk.leftover:  # a write a crash interrupted: never acknowledged
        with journal.locked():
            if journal.size() == offset + len(data):  # nobody appended meanwhile
                journal.truncate(chunk.end)


def check_journal(path: Path, journal: JournalFile, meta: dict[str, Any], end: int) -> Any:
    """Before a writer first appends: the journal up to the checkpoint must be the one it
    was checkpointed against (its SHA-256), else the chain is checked to name the line.
    Returns the SHA-256 of the journal up to `end`, kept up to date as entries follow."""
    offset, name = meta["journal_offset"], f"The journal {journal.path}"
    digest = hashlib.sha256()
    for piece in journal.pieces(0, offset):  # a piece at a time: little memory
        digest.update(piece)
    if digest.hexdigest() != meta["journal_sha256"]:
        try:
            jr.read_chain(journal.read(0, offset), 0, 0, jr.GENESIS, name=name)
        except jr.BrokenChain as broken:
            raise RegisterCorrupt(f"{broken}; nothing was saved. Run `clerk verify` for a "
                                  "full report. " + way_out(path)) from None
        if meta["journal_sha256"]:
            raise RegisterCorrupt(f"{name} is not the one the register was checkpointed "
                                  "against; nothing was saved. " + way_out(path))
    for piece in journal.pieces(offset, end):
        digest.update(piece)
    return digest


def pre_migration_path(path: Path, version: int, raw: bytes) -> Path:
    """PATH.pre-migration-v{n}; never overwrite an earlier copy that differs."""
    base = Path(f"{path}.pre-migration-v{version}")
    candidate, number = base, 1
    while candidate.exists() and read_bytes(candidate) != raw:
        number += 1
        candidate = Path(f"{base}.{number}")
    return candidate


def _what_is_wrong(raw: bytes, error: orjson.JSONDecodeError) -> str:
    if not raw.strip():
        return "it is empty"
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as bad:
        return f"it is not UTF-8 text (byte {bad.start} is not valid)"
    if error.pos >= len(raw.rstrip()) - 1:
        return f"it ends part-way through (after {len(raw)} bytes): it was cut short"
    return f"its JSON is damaged at byte {error.pos} ({error.msg})"
