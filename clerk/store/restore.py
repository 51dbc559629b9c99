"""Putting a register back: from a backup with the journal replayed over it (`clerk restore
NAME`), or from the journal alone (`clerk restore --from-journal`). The journal is the
truth, so no change it holds is lost: a restore keeps every entry of the current journal
that follows on from the backup's, and a rebuild replays the journal from its first entry.
The files in place are moved aside to PATH.before-restore-<time> (and .journal), never
deleted. Both hold the journal's lock, so no save lands meanwhile; a clerk that still has
the register open finds its journal replaced at its next save and is told to reopen.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson

from clerk.store import journal as jr
from clerk.store.backup import STAMP, Backup, check_backup, find_backup
from clerk.store.checkpoint import encode_checkpoint
from clerk.store.errors import RegisterError
from clerk.store.files import atomic_write, read_bytes, refuse_link, unused_name
from clerk.store.history import Replay
from clerk.store.journal_file import JournalFile
from clerk.store.schema import META_ID, Data


@dataclass
class Restored:
    backup: Backup | None  # None: rebuilt from the journal alone
    decisions: int
    entries: int  # journal entries the register now holds
    aside: list[Path]  # where the files that were in place now are
    dropped: str  # what of the journal could not be used (empty: nothing)


def good_prefix(data: bytes) -> tuple[jr.Chunk, str]:
    """The journal's unbroken chain from its first line to its last whole change, and what
    follows that could not be used."""
    try:
        chunk = jr.read_chain(data, 0, 0, jr.GENESIS)
        return chunk, f"{chunk.leftover} bytes of an unfinished write" if chunk.leftover else ""
    except jr.BrokenChain as broken:
        return broken.good, f"everything from line {broken.line} ({broken})"


def restore(path: Path, name: str | None) -> Restored:
    """Backup `name` with the current journal replayed over it; None: the journal alone."""
    journal_path = Path(f"{path}.journal")
    refuse_link(path)
    refuse_link(journal_path)
    try:
        journal: JournalFile | None = JournalFile(journal_path, write=False)
    except FileNotFoundError:
        journal = None
    try:
        if journal is None:
            return _put_back(path, name, b"")
        with journal.locked():
            return _put_back(path, name, journal.read(0))
    finally:
        if journal is not None:
            journal.close()


def _put_back(path: Path, name: str | None, current: bytes) -> Restored:
    original = current
    chunk, dropped = good_prefix(current)
    backup = None
    if name is not None:
        backup = find_backup(path, name)
        problems = check_backup(backup)
        if problems:
            raise RegisterError(f"Backup {backup.name} is damaged ({'; '.join(problems)}); "
                                "nothing was changed. Choose another from `clerk backups`.")
        saved = read_bytes(backup.journal)
        if current[:len(saved)] != saved or chunk.end < len(saved):  # does not follow on
            dropped = ("the journal in place, which does not follow on from the backup's "
                       "(it is kept aside)" if current else "")
            current = saved
            chunk, _ = good_prefix(saved)
    elif not chunk.entries:
        raise RegisterError(f"The journal {path}.journal holds no change to rebuild from; "
                            "nothing was changed. `clerk restore latest` puts back a backup.")
    journal, entries = current[:chunk.end], chunk.entries
    tables = _replay(path, entries, backup)
    last = entries[-1] if entries else {"seq": 0, "hash": jr.GENESIS}
    checkpoint = encode_checkpoint(tables, {
        "journal_offset": chunk.end, "journal_seq": last["seq"], "journal_hash": last["hash"],
        "journal_sha256": hashlib.sha256(journal).hexdigest()})
    aside = unused_name(f"{path}.before-restore-{datetime.now():{STAMP}}", "", ".journal")
    moved = []
    try:
        if path.exists():
            os.rename(path, aside)
            moved.append(aside)
        journal_path = Path(f"{path}.journal")
        if journal != original:
            if journal_path.exists():
                os.rename(journal_path, f"{aside}.journal")
                moved.append(Path(f"{aside}.journal"))
            atomic_write(journal_path, journal)  # a new file: clerks still open must reopen
        atomic_write(path, checkpoint)  # and fsyncs the folder: the renames too
    except OSError as error:
        raise RegisterError(
            f"Could not put the register back: {error.strerror or error}. The files now in "
            f"place are listed by `ls {path}*`; the ones before are *.before-restore-*.") from error
    return Restored(backup, len(tables["decisions"]), len(entries), moved, dropped)


def _replay(path: Path, entries: list[dict[str, Any]], backup: Backup | None) -> Data:
    """The register the journal's entries make. Registers made before the council profile
    was journaled take it from the backup or the file in place."""
    replay = Replay()
    for entry in entries:
        replay.apply(entry, path)
    if replay.council is None:
        files = ([backup.checkpoint] if backup else []) + [path]
        replay.tables["meta"][META_ID]["council"] = _council_from(files)
    return replay.tables


def _council_from(files: list[Path]) -> dict[str, Any]:
    for file in files:
        try:
            council = orjson.loads(read_bytes(file))["meta"][META_ID]["council"]
            if isinstance(council, dict):
                return council
        except (OSError, ValueError, KeyError, TypeError, RegisterError):
            continue
    raise RegisterError("The journal does not hold the council profile and no readable "
                        "register or backup does; nothing was changed.")
