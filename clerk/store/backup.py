"""Backups: a verified copy of the register when the app starts (and once a day from the
command line), kept for the last starts, the last days and the last months.

A backup is a folder in PATH.backups/ holding the two files that make a register whole:
  <name>          the checkpoint, hard-linked (the register file is only ever replaced
                  whole, never changed in place, so the link is a true snapshot; O(1));
                  copied where a link is impossible (another filesystem)
  <name>.journal  a copy of the journal up to the end the register had read (the journal
                  is appended in place, so it must be copied)
  manifest.json   when, how many decisions, sizes and SHA-256 of both files, the journal's
                  last entry (seq and hash)
Taking one: under the writer's lock, link the checkpoint and note the journal's end (in
that order, so the checkpoint never points past the end); the copy and the hashing run in
a thread (`BackupJob`) so a 200 MB register does not delay the app. A backup counts only
once the copy has been re-read and its hash matches and its last entry is the register's
last entry; until then it sits in a hidden `.incoming-*` folder that a later run removes.
Rotation keeps the newest KEEP_STARTS, the newest of each of the last KEEP_DAYS days and of
each of the last KEEP_MONTHS months; anything else is deleted, and only complete backups
are ever counted or deleted.
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

from clerk.store.errors import RegisterError
from clerk.store.storage import FILE_MODE, fsync_dir

if TYPE_CHECKING:
    from clerk.store.register import Register

DIR_MODE = 0o700
KEEP_STARTS = 5
KEEP_DAYS = 7
KEEP_MONTHS = 12
MANIFEST = "manifest.json"
_CHUNK = 4 * 1024 * 1024
_STAMP = "%Y-%m-%dT%H%M%S"


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


# ---- taking a backup ---------------------------------------------------------------------


class BackupJob:
    """A backup being copied and verified in a thread; `wait()` gives the Backup."""

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
        if self._thread is not None:
            _yield_to_the_app()
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


def _yield_to_the_app() -> None:
    """Copying and hashing hundreds of megabytes in the background must not slow the
    clerk's typing: on Linux, where a thread has its own priority, this one steps back."""
    if sys.platform.startswith("linux"):
        try:
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
        except OSError:
            pass


def take_backup(register: Register, *, reason: str = "start", background: bool = False,
                not_before: threading.Event | None = None,
                now: datetime | None = None) -> BackupJob:
    """Snapshot the open (writable) register now; copy, verify and rotate (in a thread if
    `background`, once `not_before` is set if given: the app sets it when its first frame
    is on screen, so copying and hashing the files does not compete with starting up).
    Raises RegisterError at once if even the snapshot fails."""
    path = register.path
    if path is None or not register.writable:
        raise RegisterError("Only a register open for writing on disk can be backed up.")
    now = now or datetime.now()
    root = backups_dir(path)
    try:
        _make_dir(root)
        _remove_incomplete(root)
        incoming = root / f".incoming-{now.strftime(_STAMP)}-{os.getpid()}"
        _make_dir(incoming)
        with register._write_lock:  # no save or checkpoint between the link and the end
            linked = _link_or_copy(path, incoming / path.name)
            end, seq, last = register._journal_end, register._seq, register._prev
            decisions = len(register)
    except OSError as error:
        raise RegisterError(
            f"Could not back up {path} into {root}: {error.strerror or error}."
        ) from error

    def finish() -> Backup:
        try:
            return _finish(path, incoming, linked, end, seq, last, decisions, reason, now)
        except OSError as error:
            shutil.rmtree(incoming, ignore_errors=True)
            raise RegisterError(
                f"Could not back up {path} into {root}: {error.strerror or error}. The register "
                "itself is unaffected."
            ) from error
        except BaseException:
            shutil.rmtree(incoming, ignore_errors=True)
            raise

    return BackupJob(finish, background, not_before)


def backup_if_none_today(register: Register, now: datetime | None = None) -> Backup | None:
    """The command line's daily backup: one listdir when today's already exists."""
    assert register.path is not None
    now = now or datetime.now()
    today = now.strftime("%Y-%m-%d")
    try:
        names = os.listdir(backups_dir(register.path))
    except FileNotFoundError:
        names = []
    except OSError:
        return None
    if any(name.startswith(today) for name in names):
        return None
    return take_backup(register, reason="daily", now=now).wait()


def _finish(path: Path, incoming: Path, linked: bool, end: int, seq: int, last: str,
            decisions: int, reason: str, now: datetime) -> Backup:
    checkpoint = incoming / path.name
    journal_source = Path(f"{path}.journal")
    journal_copy = incoming / journal_source.name
    previous = _latest(path)
    journal_sha = _share_journal(previous, journal_copy, end, seq, last)
    if journal_sha is None:
        journal_sha = _copy_prefix(journal_source, journal_copy, end)
        if _sha256(journal_copy) != journal_sha:
            raise RegisterError(f"The backup's copy of {journal_source} does not match the "
                                "journal (the disk may be failing); it was not kept.")
        if end and _last_entry(journal_copy) != (seq, last):
            raise RegisterError(f"The backup's copy of {journal_source} does not end at the "
                                f"register's last change (entry {seq}); it was not kept.")
    manifest = {
        "format": "clerk-backup",
        "taken": now.isoformat(timespec="seconds"),
        "reason": reason,
        "decisions": decisions,
        "checkpoint": {"name": path.name, "size": checkpoint.stat().st_size,
                       "sha256": _checkpoint_sha(previous, checkpoint), "linked": linked},
        "journal": {"name": journal_copy.name, "size": end, "sha256": journal_sha,
                    "seq": seq, "hash": last},
    }
    _write_new(incoming / MANIFEST, orjson.dumps(manifest, option=orjson.OPT_INDENT_2))
    fsync_dir(incoming)
    root = incoming.parent
    name = now.strftime(_STAMP)
    final, number = root / name, 1
    while final.exists():
        number += 1
        final = root / f"{name}-{number}"
    os.rename(incoming, final)
    fsync_dir(root)
    rotate(path, now)
    backup = _read(final)
    assert backup is not None
    return backup


# A start with nothing saved since the last backup (the usual case: the app opened, read,
# closed) would copy and hash the same hundreds of megabytes at 100,000 decisions. Backup
# files are never changed once complete, so the new backup shares the previous one's files
# (hard links: the same bytes, verified when first copied) wherever they are unchanged.


def _latest(path: Path) -> Backup | None:
    backups = list_backups(path)
    return backups[0] if backups else None


def _share_journal(previous: Backup | None, target: Path, end: int, seq: int,
                   last: str) -> str | None:
    """Link the previous backup's journal copy if it ends where the register does now;
    its SHA-256, or None (copy the journal)."""
    if previous is None:
        return None
    noted = previous.manifest["journal"]
    if (noted.get("size"), noted.get("seq"), noted.get("hash")) != (end, seq, last):
        return None
    try:
        if previous.journal.stat().st_size != end:
            return None
        os.link(previous.journal, target)
    except OSError:
        return None
    return str(noted["sha256"])


def _checkpoint_sha(previous: Backup | None, checkpoint: Path) -> str:
    """The previous backup's hash when it links this very file (no checkpoint since)."""
    if previous is not None and previous.manifest["checkpoint"].get("linked"):
        try:
            if os.path.samefile(previous.checkpoint, checkpoint):
                return str(previous.manifest["checkpoint"]["sha256"])
        except OSError:
            pass
    return _sha256(checkpoint)


def _make_dir(folder: Path) -> None:
    folder.mkdir(mode=DIR_MODE, exist_ok=True)
    os.chmod(folder, DIR_MODE)  # mkdir's mode is filtered by the umask


def _remove_incomplete(root: Path) -> None:
    """Incoming folders of backups that a crash interrupted (we hold the writer's lock)."""
    for entry in os.scandir(root):
        if entry.name.startswith(".incoming-") and entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)


def _link_or_copy(source: Path, target: Path) -> bool:
    try:
        os.link(source, target)
        return True
    except OSError:
        _copy_prefix(source, target, None)
        return False


def _write_new(target: Path, payload: bytes) -> None:
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    with os.fdopen(fd, "wb") as handle:
        handle.write(payload)
        handle.flush()
        os.fsync(handle.fileno())


def _copy_prefix(source: Path, target: Path, length: int | None) -> str:
    """Copy the first `length` bytes (all if None) owner-only and fsynced; return SHA-256."""
    digest = hashlib.sha256()
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    with os.fdopen(fd, "wb") as out:
        remaining = length
        if remaining != 0:
            try:
                handle = open(source, "rb")
            except FileNotFoundError:
                handle = None
            if handle is not None:
                with handle:
                    while remaining is None or remaining > 0:
                        chunk = handle.read(_CHUNK if remaining is None
                                            else min(_CHUNK, remaining))
                        if not chunk:
                            break
                        digest.update(chunk)
                        out.write(chunk)
                        if remaining is not None:
                            remaining -= len(chunk)
            if remaining:
                raise RegisterError(f"{source} is shorter than the register recorded; the "
                                    "backup was not kept.")
        out.flush()
        os.fsync(out.fileno())
    return digest.hexdigest()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _last_entry(journal: Path) -> tuple[int, str] | None:
    """(seq, hash) of the journal's last line, reading only its end."""
    with open(journal, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        take = min(size, 64 * 1024)
        while True:
            handle.seek(size - take)
            tail = handle.read(take)
            start = tail.rfind(b"\n", 0, len(tail) - 1)
            if start >= 0 or take == size:
                break
            take = min(size, take * 4)
    try:
        entry = orjson.loads(tail[start + 1:])
        return entry["seq"], entry["hash"]
    except (orjson.JSONDecodeError, KeyError, TypeError):
        return None


# ---- listing and rotating ----------------------------------------------------------------


def _read(folder: Path) -> Backup | None:
    try:
        manifest = orjson.loads((folder / MANIFEST).read_bytes())
        taken = datetime.fromisoformat(manifest["taken"])
        size = manifest["checkpoint"]["size"] + manifest["journal"]["size"]
        return Backup(folder.name, folder, taken, manifest.get("reason", ""),
                      manifest.get("decisions"), size, manifest)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def list_backups(path: Path, now: datetime | None = None) -> list[Backup]:
    """Complete backups, newest first, each with the kinds that keep it."""
    root = backups_dir(path)
    try:
        names = os.listdir(root)
    except FileNotFoundError:
        return []
    found = [b for name in names if not name.startswith(".")
             if (b := _read(root / name)) is not None]
    found.sort(key=lambda b: (b.taken, b.name), reverse=True)
    _mark_kinds(found)
    return found


def _mark_kinds(newest_first: list[Backup]) -> None:
    days: set[str] = set()
    months: set[str] = set()
    for number, backup in enumerate(newest_first):
        backup.kinds = []
        if number < KEEP_STARTS:
            backup.kinds.append("start")
        day, month = backup.taken.strftime("%Y-%m-%d"), backup.taken.strftime("%Y-%m")
        if day not in days and len(days) < KEEP_DAYS:
            days.add(day)
            backup.kinds.append("daily")
        if month not in months and len(months) < KEEP_MONTHS:
            months.add(month)
            backup.kinds.append("monthly")


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
            if file.stat().st_size != expected["size"]:
                problems.append(f"{file.name} is {file.stat().st_size} bytes, "
                                f"expected {expected['size']}")
            elif _sha256(file) != expected["sha256"]:
                problems.append(f"{file.name} has changed since the backup was taken")
        except FileNotFoundError:
            if part == "checkpoint" or expected["size"]:
                problems.append(f"{file.name} is missing")
    return problems


# ---- restoring ---------------------------------------------------------------------------


@dataclass
class Restored:
    backup: Backup
    decisions: int
    aside: list[Path]  # where the files that were in place now are


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


def restore(path: Path, name: str, now: datetime | None = None) -> Restored:
    """Put backup `name` in place of the register, moving the current file and journal aside
    to PATH.before-restore-<time> (nothing is deleted). Takes the writer's lock."""
    from clerk.store.register import Register
    from clerk.store.storage import WriterLock

    now = now or datetime.now()
    lock = WriterLock(path)
    lock.acquire()
    temps: list[Path] = []
    try:
        backup = find_backup(path, name)
        problems = check_backup(backup)
        if problems:
            raise RegisterError(f"Backup {backup.name} is damaged ({'; '.join(problems)}); "
                                "nothing was changed. Choose another from `clerk backups`.")
        try:
            with Register.open(backup.checkpoint) as copy:  # replays its journal: all checked
                decisions = len(copy)
        except RegisterError as error:
            raise RegisterError(f"Backup {backup.name} cannot be opened ({error}); nothing was "
                                "changed. Choose another from `clerk backups`.") from None
        journal = Path(f"{path}.journal")
        try:
            new_checkpoint = _temp_copy(backup.checkpoint, path, temps)
            new_journal = _temp_copy(backup.journal, path, temps)
            aside = Path(f"{path}.before-restore-{now.strftime(_STAMP)}")
            number = 1
            while aside.exists() or Path(f"{aside}.journal").exists():
                number += 1
                aside = Path(f"{path}.before-restore-{now.strftime(_STAMP)}-{number}")
            moved = []
            for current, target in ((path, aside), (journal, Path(f"{aside}.journal"))):
                if current.exists():
                    os.rename(current, target)
                    moved.append(target)
            # The journal first: a register file with no journal would be refused as damaged.
            os.replace(new_journal, journal)
            os.replace(new_checkpoint, path)
            Path(f"{path}.index").unlink(missing_ok=True)  # a cache of the old file's layout
            temps.clear()
            fsync_dir(path.parent)
        except OSError as error:
            raise RegisterError(
                f"Could not restore {backup.name}: {error.strerror or error}. The register "
                f"files now in place are listed by `ls {path}*`; the ones before the restore "
                "are *.before-restore-*."
            ) from error
        return Restored(backup, decisions, moved)
    finally:
        for temp in temps:
            temp.unlink(missing_ok=True)
        lock.release()


def _temp_copy(source: Path, register_path: Path, temps: list[Path]) -> Path:
    import tempfile

    fd, name = tempfile.mkstemp(dir=register_path.parent, prefix=f".{register_path.name}.",
                                suffix=".tmp")
    os.close(fd)
    temp = Path(name)
    temps.append(temp)
    temp.unlink()
    if source.exists():
        _copy_prefix(source, temp, None)
    else:
        _write_new(temp, b"")
    return temp
