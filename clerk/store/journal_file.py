"""The journal file: one descriptor per open register, locked for each save, appended
durably, read from where this register last looked.

The writer's lock is an OS lock on the journal file itself, taken for one save at a time,
so any number of clerks (apps and commands) may have the register open and each save
appends after every other. Because the lock is on the file it guards, no lock file can
be deleted to let a second writer in; after locking, the path must still be the file that
was opened, else the journal was moved, replaced (a restore) or deleted (its folder
removed) and the save is refused. The OS drops the lock when a process dies.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from clerk.store.errors import RegisterError, RegisterLocked
from clerk.store.files import open_file, pieces

LOCK_WAIT = 10.0  # seconds a save waits for another clerk's save (each takes milliseconds)


class JournalFile:
    def __init__(self, path: Path, *, write: bool) -> None:
        self.path = path
        flags = (os.O_RDWR | os.O_APPEND | os.O_CREAT) if write else os.O_RDONLY
        self.fd = open_file(path, flags)
        info = os.fstat(self.fd)
        self.identity = (info.st_dev, info.st_ino)

    def size(self) -> int:
        return os.fstat(self.fd).st_size

    def read(self, start: int, end: int | None = None) -> bytes:
        """The bytes from `start` to `end` (the end of the file if None)."""
        return b"".join(pieces(self.fd, start, end))

    def pieces(self, start: int, end: int | None = None) -> Iterator[bytes]:
        return pieces(self.fd, start, end)

    def check_in_place(self, doing: str) -> None:
        """RegisterError unless the path is still the journal this register opened."""
        try:
            info = os.lstat(self.path)
            same = (info.st_dev, info.st_ino) == self.identity
        except FileNotFoundError:
            raise RegisterError(
                f"The journal {self.path} is gone (was the register's folder moved or "
                f"deleted?): {doing} Put the folder back, or restore it from its backups."
            ) from None
        if not same:
            raise RegisterError(
                f"The journal {self.path} was replaced since this register was opened (a "
                f"restore, or a copy put over it): {doing} Close clerk and open the register "
                "again.")

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the writer's lock; the journal must still be in place."""
        deadline = time.monotonic() + LOCK_WAIT
        while not _try_lock(self.fd):
            if time.monotonic() > deadline:
                raise RegisterLocked(
                    f"Another clerk has been saving to {self.path} for over "
                    f"{LOCK_WAIT:.0f} seconds; nothing was saved. Try again, or close the "
                    "clerk that is stuck.")
            time.sleep(0.005)
        try:
            self.check_in_place("the change was NOT saved.")
            yield
        finally:
            _unlock(self.fd)

    def append(self, data: bytes, end: int) -> None:
        """Write `data` at `end` (the journal's end, under the lock) and fsync; on failure
        cut it back so the journal is as it was, and say the change was not saved."""
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(self.fd, view):]
            os.fsync(self.fd)
        except OSError as error:
            repaired = self.truncate(end)
            raise RegisterError(
                f"Could not write to the journal {self.path}: {error.strerror or error}. The "
                "change was NOT saved; free some disk space or check the drive, then try again."
                + ("" if repaired else " Close clerk and open the register again first.")
            ) from error

    def truncate(self, end: int) -> bool:
        """Cut the journal back to `end` (under the lock); False if even that failed."""
        try:
            if self.size() > end:
                os.ftruncate(self.fd, end)
                os.fsync(self.fd)
            return True
        except OSError:
            return False

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


if os.name == "nt":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
