"""Backups: a verified copy of the register when the app starts (and once a day from the
command line), kept for the last starts, the last days and the last months.

A backup is a folder in PATH.backups/ holding real copies (a reflink where the filesystem
shares blocks copy-on-write, else the bytes; never a hard link) of
  <name>          the checkpoint, as it was when the backup began
  <name>.journal  the journal up to its end at that moment
  manifest.json   when, how many decisions, sizes and SHA-256 of both files
A copy counts only once both files have been read back and hash as the originals did, the
checkpoint is intact and the journal copy reaches the point it records; until then it sits
in a hidden `.incoming-*` folder that a later run removes. A start with nothing changed
since the newest backup copies nothing. Rotation keeps the newest KEEP_STARTS, the newest
of each of the last KEEP_DAYS days and of each of the last KEEP_MONTHS months.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import threading
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from clerk.store import journal as jr
from clerk.store.errors import RegisterError
from clerk.store.files import (
    FILE_MODE,
    copy_file,
    fsync_dir,
    make_dir,
    open_file,
    read_bytes,
    read_window,
    refuse_link,
    sha256_of,
    unused_name,
)
from clerk.store.storage import HASH_KEY, ZEROS

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

    def __init__(self, target: Any, background: bool,
                 not_before: threading.Event | None = None) -> None:
        self.result: Backup | None = None
        self.error: BaseException | None = None
        self._thread: threading.Thread | None = None
        self._not_before = not_before
        if background:
            self._thread = threading.Thread(target=self._run, args=(target,),
                                            name="clerk-backup", daemon=True)
            self._thread.start()
        else:
            self._run(target)

    def _run(self, target: Any) -> None:
        if self._not_before is not None:
            self._not_before.wait()
        if self._thread is not None and sys.platform.startswith("linux"):
            try:  # copying must not slow the clerk's typing: this thread steps back
                os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
            except OSError:
                pass
        try:
            self.result = target()
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

    def take() -> Backup:
        return _take(path, fd, end, len(register), reason, moment)

    return BackupJob(take, background, not_before)


def _take(path: Path, fd: int, end: int, decisions: int, reason: str,
          now: datetime) -> Backup:
    root = backups_dir(path)
    incoming = root / f".incoming-{now.strftime(STAMP)}-{os.getpid()}"
    try:
        size = os.fstat(fd).st_size
        make_dir(root)
        _remove_incomplete(root)
        latest = _latest(path)
        if latest is not None and _same(latest, os.pread(fd, _HEAD, 0), size, end):
            os.close(fd)
            return latest
        make_dir(incoming)
        source, fd = fd, -1
        checkpoint_sha = copy_file(source, incoming / path.name)  # closes it
        journal_sha = copy_file(Path(f"{path}.journal"), incoming / f"{path.name}.journal", end)
        if journal_sha != sha256_of(Path(f"{path}.journal"), end):
            raise RegisterError("the copy of the journal does not read back as the journal")
        problems = _consistent(incoming / path.name, incoming / f"{path.name}.journal")
        if problems:
            raise RegisterError(problems)
        last = jr.last_entry_before(read_window(incoming / f"{path.name}.journal",
                                                max(0, end - _HEAD), end)) or {}
        manifest = {
            "format": "clerk-backup", "taken": now.isoformat(timespec="seconds"),
            "reason": reason, "decisions": decisions,
            "checkpoint": {"name": path.name, "size": size, "sha256": checkpoint_sha},
            "journal": {"name": f"{path.name}.journal", "size": end, "sha256": journal_sha,
                        "seq": last.get("seq", 0), "hash": last.get("hash", "")},
        }
        _write_new(incoming / MANIFEST, orjson.dumps(manifest, option=orjson.OPT_INDENT_2))
        fsync_dir(incoming)
        final = unused_name(str(root / now.strftime(STAMP)))
        os.rename(incoming, final)
        fsync_dir(root)
    except (OSError, RegisterError) as error:
        if fd >= 0:
            os.close(fd)
        shutil.rmtree(incoming, ignore_errors=True)
        what = error.strerror or error if isinstance(error, OSError) else error
        raise RegisterError(f"Could not back up {path} into {root}: {what}. The register "
                            "itself is unaffected.") from error
    rotate(path)
    backup = _read(final)
    assert backup is not None
    return backup


_HEAD = 4 * 1024 * 1024  # enough of a file's start for the meta, of its end for a line


def _same(latest: Backup, head: bytes, size: int, end: int) -> bool:
    """Nothing changed since `latest`: the same checkpoint (its own hash, at its start)
    and the same journal length, and the backup still whole."""
    noted = latest.manifest
    if noted["journal"]["size"] != end or noted["checkpoint"]["size"] != size:
        return False
    theirs = read_window(latest.checkpoint, 0, _HEAD)
    return _checkpoint_id(head) == _checkpoint_id(theirs) and not check_backup(latest)


def _checkpoint_id(raw: bytes) -> bytes:
    at = raw.find(HASH_KEY)
    return raw[at:at + len(HASH_KEY) + 64] if at >= 0 else raw


def _consistent(checkpoint: Path, journal: Path) -> str:
    """What is wrong with a checkpoint and journal as a pair (empty: nothing)."""
    if not _intact(checkpoint):
        return "the register file is not as its checkpoint wrote it"
    meta = _meta_of(read_window(checkpoint, 0, _HEAD))
    offset = meta["journal_offset"]
    if offset > os.lstat(journal).st_size:
        return "the journal is shorter than the register file records"
    last = jr.last_entry_before(read_window(journal, max(0, offset - _HEAD), offset))
    if offset and (last is None or last["hash"] != meta["journal_hash"]):
        return "the journal does not reach the point the register file records"
    return ""


def _intact(checkpoint: Path) -> bool:
    """storage.checkpoint_intact, a piece at a time (a backup need not hold the file)."""
    head = read_window(checkpoint, 0, _HEAD)
    at = head.find(HASH_KEY)
    if at < 0:
        return False
    at += len(HASH_KEY)
    digest = hashlib.sha256(head[:at] + ZEROS.encode("ascii"))
    fd = open_file(checkpoint, os.O_RDONLY)
    try:
        offset = at + 64
        while chunk := os.pread(fd, 8 * 1024 * 1024, offset):
            digest.update(chunk)
            offset += len(chunk)
    finally:
        os.close(fd)
    return digest.hexdigest().encode("ascii") == head[at:at + 64]


def _meta_of(raw: bytes) -> dict[str, Any]:
    """The meta document alone: a checkpoint writes it first, so the decisions (and the
    time it takes to parse them) are never needed here."""
    end = raw.find(b',"decisions":')
    meta: dict[str, Any] = orjson.loads(raw[len(b'{"meta":'):end])["1"]
    return meta


def backup_if_none_today(register: Register, now: datetime | None = None) -> Backup | None:
    """The command line's daily backup: one listdir when today's already exists."""
    assert register.path is not None
    now = now or datetime.now()
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


def _write_new(target: Path, payload: bytes) -> str:
    fd = open_file(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    with os.fdopen(fd, "wb") as handle:
        handle.write(payload)
        handle.flush()
        os.fsync(handle.fileno())
    return sha256_of(target)


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


def _latest(path: Path) -> Backup | None:
    backups = list_backups(path)
    return backups[0] if backups else None


def list_backups(path: Path, now: datetime | None = None) -> list[Backup]:
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


def rotate(path: Path, now: datetime | None = None) -> list[str]:
    """Delete complete backups no rule keeps; return their names."""
    removed = []
    for backup in list_backups(path, now):
        if not backup.kinds:
            shutil.rmtree(backup.folder, ignore_errors=True)
            removed.append(backup.name)
    return removed


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
