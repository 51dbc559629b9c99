"""Backups: a verified copy of the register when the app starts (and once a day from the
command line), kept for the last starts, the last days and the last months.

A backup is a folder in PATH.backups/ holding real copies (a reflink where the filesystem
shares blocks copy-on-write, else the bytes; never a hard link) of
  <name>          the checkpoint, as it was when the backup began
  <name>.journal  the journal up to its end at that moment
  manifest.json   when, how many decisions, sizes and SHA-256 of both files
A copy counts only once both files have been read back and hash as the originals did, the
checkpoint is intact and the journal copy is, up to the point it records, the journal it
was checkpointed against; until then it sits in a hidden `.incoming-*` folder that a later
run removes. A start with nothing changed
since the newest backup copies nothing. Rotation keeps the newest KEEP_STARTS, the newest
of each of the last KEEP_DAYS days and of each of the last KEEP_MONTHS months.
"""

from __future__ import annotations

import os
import shutil
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from clerk.store import journal as jr
from clerk.store.checkpoint import checkpoint_intact, checkpoint_meta
from clerk.store.errors import RegisterError
from clerk.store.files import (
    copy_file,
    fsync_dir,
    make_dir,
    open_file,
    pieces,
    read_bytes,
    reading,
    refuse_link,
    replace_file,
    sha256_of,
    unused_name,
)

if TYPE_CHECKING:
    from clerk.store.register import Register

KEEP_STARTS = 5
KEEP_DAYS = 7
KEEP_MONTHS = 12
MANIFEST = "manifest.json"
STAMP = "%Y-%m-%dT%H%M%S"


def backups_dir(path: Path) -> Path:
    return Path(f"{path}.backups")


@dataclass
class Backup:
    """One complete backup, as `clerk backups` lists it."""

    name: str
    folder: Path
    taken: datetime
    reason: str
    decisions: int | None
    size: int
    manifest: dict[str, Any]
    kinds: list[str] = field(default_factory=list)  # start / daily / monthly: why it is kept

    @property
    def checkpoint(self) -> Path:
        return self.folder / self.manifest["checkpoint"]["name"]

    @property
    def journal(self) -> Path:
        return self.folder / self.manifest["journal"]["name"]


class BackupJob:
    """A backup being copied and verified (in a thread if asked); `wait()` gives it."""

    def __init__(self, take: Callable[[], Backup], background: bool,
                 not_before: threading.Event | None = None) -> None:
        self.result: Backup | None = None
        self.error: BaseException | None = None
        self._thread: threading.Thread | None = None
        if background:
            self._thread = threading.Thread(target=self._run, args=(take, not_before),
                                            name="clerk-backup", daemon=True)
            self._thread.start()
        else:
            self._run(take, not_before)

    def _run(self, take: Callable[[], Backup], not_before: threading.Event | None) -> None:
        if not_before is not None:
            not_before.wait()
        if self._thread is not None and sys.platform.startswith("linux"):
            try:  # copying must not slow the clerk's typing: this thread steps back
                os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
            except OSError:
                pass
        try:
            self.result = take()
        except BaseException as error:  # reported by wait(); never kills the app
            self.error = error

    def wait(self) -> Backup:
        if self._thread is not None:
            self._thread.join()
        if self.error is not None:
            if isinstance(self.error, RegisterError):
                raise self.error
            raise RegisterError(f"The backup could not be made: {self.error}.") from self.error
        assert self.result is not None
        return self.result


def take_backup(register: Register, *, reason: str = "start", background: bool = False,
                not_before: threading.Event | None = None,
                now: datetime | None = None) -> BackupJob:
    """Copy and verify the register's files (in a thread if `background`, once
    `not_before` is set if given: the app sets it when its first frame is on screen)."""
    path = register.path
    if path is None:
        raise RegisterError("Only a register on disk can be backed up.")
    moment = now or datetime.now()
    refuse_link(backups_dir(path))
    # The snapshot now, the copying later: the checkpoint as it is (an open descriptor
    # keeps it even if a checkpoint replaces it), then the journal's end. The journal only
    # grows, so the copy reaches at least as far as the checkpoint records.
    try:
        fd = open_file(path, os.O_RDONLY)
        end = os.lstat(f"{path}.journal").st_size
    except OSError as error:
        raise RegisterError(f"Could not back up {path}: {error.strerror or error}.") from error
    decisions = len(register)
    return BackupJob(lambda: _take(path, fd, end, decisions, reason, moment), background,
                     not_before)


def _take(path: Path, fd: int, end: int, decisions: int, reason: str,
          now: datetime) -> Backup:
    root = backups_dir(path)
    incoming = root / f".incoming-{now.strftime(STAMP)}-{os.getpid()}"
    live_journal = Path(f"{path}.journal")
    try:
        make_dir(root)
        _remove_incomplete(root)
        latest = next(iter(list_backups(path)), None)
        if latest is not None and _same(latest, fd, end):
            return latest
        make_dir(incoming)
        checkpoint, journal = incoming / path.name, incoming / live_journal.name
        checkpoint_sha = copy_file(fd, checkpoint)
        with reading(live_journal) as source:
            journal_sha = copy_file(source, journal, end)
            if journal_sha != sha256_of(source, end):
                raise RegisterError("the copy of the journal does not read back as the journal")
            tail = os.pread(source, min(end, _HEAD), max(0, end - _HEAD))
        _check_pair(checkpoint, journal)
        last = jr.last_entry_before(tail) or {}
        manifest = {
            "format": "clerk-backup", "taken": now.isoformat(timespec="seconds"),
            "reason": reason, "decisions": decisions,
            "checkpoint": {"name": checkpoint.name, "size": os.fstat(fd).st_size,
                           "sha256": checkpoint_sha},
            "journal": {"name": journal.name, "size": end, "sha256": journal_sha,
                        "seq": last.get("seq", 0), "hash": last.get("hash", "")},
        }
        replace_file(incoming / MANIFEST, orjson.dumps(manifest, option=orjson.OPT_INDENT_2))
        fsync_dir(incoming)
        final = unused_name(str(root / now.strftime(STAMP)))
        os.rename(incoming, final)
        fsync_dir(root)
    except (OSError, ValueError, RegisterError) as error:
        shutil.rmtree(incoming, ignore_errors=True)
        what = error.strerror or error if isinstance(error, OSError) else error
        raise RegisterError(f"Could not back up {path} into {root}: {what}. The register "
                            "itself is unaffected.") from error
    finally:
        os.close(fd)
    rotate(path)
    backup = _read(final)
    assert backup is not None
    return backup


_HEAD = 4 * 1024 * 1024  # enough of a file's start for the meta, of its end for a line


def _same(latest: Backup, fd: int, end: int) -> bool:
    """Nothing changed since `latest`: the same journal length, the same checkpoint bytes,
    and the backup still whole."""
    noted = latest.manifest
    return (noted["journal"]["size"] == end and noted["checkpoint"]["size"] == os.fstat(fd).st_size
            and noted["checkpoint"]["sha256"] == sha256_of(fd) and not check_backup(latest))


def _check_pair(checkpoint: Path, journal: Path) -> None:
    """RegisterError unless the checkpoint is byte for byte what a checkpoint wrote (read
    a piece at a time: a backup need not hold the file) and the journal, up to the point
    it records, is the one it was checkpointed against."""
    with reading(checkpoint) as fd:
        head = os.pread(fd, _HEAD, 0)
        intact = checkpoint_intact(head, pieces(fd, len(head)))
    if not intact:
        raise RegisterError("the register file is not as its checkpoint wrote it")
    meta = checkpoint_meta(head)  # the meta document alone: no decision is parsed
    if sha256_of(journal, meta["journal_offset"]) != meta["journal_sha256"]:
        raise RegisterError("the journal is not the one the register file was checkpointed "
                            "against")


def backup_if_none_today(register: Register) -> Backup | None:
    """The command line's daily backup: one listdir when today's already exists."""
    assert register.path is not None
    now = datetime.now()
    try:
        names = os.listdir(backups_dir(register.path))
    except FileNotFoundError:
        names = []
    except OSError:
        return None
    if any(name.startswith(now.strftime("%Y-%m-%d")) for name in names):
        return None
    return take_backup(register, reason="daily", now=now).wait()


def _remove_incomplete(root: Path) -> None:
    """Incoming folders of backups that a crash interrupted (not ours: another pid's)."""
    for entry in os.scandir(root):
        if entry.name.startswith(".incoming-") and entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)


# ---- listing and rotating ----------------------------------------------------------------


def _read(folder: Path) -> Backup | None:
    try:
        manifest = orjson.loads(read_bytes(folder / MANIFEST))
        taken = datetime.fromisoformat(manifest["taken"])
        size = manifest["checkpoint"]["size"] + manifest["journal"]["size"]
        return Backup(folder.name, folder, taken, manifest.get("reason", ""),
                      manifest.get("decisions"), size, manifest)
    except (OSError, ValueError, KeyError, TypeError, RegisterError):
        return None


def list_backups(path: Path) -> list[Backup]:
    """Complete backups, newest first, each with the kinds that keep it."""
    root = backups_dir(path)
    refuse_link(root)
    try:
        names = os.listdir(root)
    except FileNotFoundError:
        return []
    found = [b for name in names if not name.startswith(".")
             if (b := _read(root / name)) is not None]
    found.sort(key=lambda b: (b.taken, b.name), reverse=True)
    days: set[str] = set()
    months: set[str] = set()
    for number, backup in enumerate(found):
        backup.kinds = ["start"] if number < KEEP_STARTS else []
        day, month = backup.taken.strftime("%Y-%m-%d"), backup.taken.strftime("%Y-%m")
        if day not in days and len(days) < KEEP_DAYS:
            days.add(day)
            backup.kinds.append("daily")
        if month not in months and len(months) < KEEP_MONTHS:
            months.add(month)
            backup.kinds.append("monthly")
    return found


def rotate(path: Path) -> None:
    """Delete the complete backups no rule keeps."""
    for backup in list_backups(path):
        if not backup.kinds:
            shutil.rmtree(backup.folder, ignore_errors=True)


def check_backup(backup: Backup) -> list[str]:
    """What is wrong with a backup's files against its manifest (empty: all well)."""
    problems = []
    for part, file in (("checkpoint", backup.checkpoint), ("journal", backup.journal)):
        expected = backup.manifest[part]
        try:
            size = os.lstat(file).st_size
            if size != expected["size"]:
                problems.append(f"{file.name} is {size} bytes, expected {expected['size']}")
            elif sha256_of(file) != expected["sha256"]:
                problems.append(f"{file.name} has changed since the backup was taken")
        except FileNotFoundError:
            problems.append(f"{file.name} is missing")
        except RegisterError as error:
            problems.append(str(error))
    return problems


def find_backup(path: Path, name: str) -> Backup:
    backups = list_backups(path)
    if not backups:
        raise RegisterError(f"There are no backups of {path} (in {backups_dir(path)}).")
    if name == "latest":
        return backups[0]
    for backup in backups:
        if backup.name == name:
            return backup
    raise RegisterError(f"No backup {name!r} of {path}. `clerk backups` lists them "
                        f"(newest: {backups[0].name}).")
