"""An exclusive, non-blocking lock on a file, held by the OS for an open descriptor.

The OS drops it when the holder exits or is killed (even by SIGKILL), so a crash never
leaves a register locked. This is what `filelock` does too, in a dozen lines; importing
`filelock` cost every write command about 15 ms (it pulls in logging, decimal, socket and
asyncio support), a tenth of a cold `clerk notice`.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path


class LockHeld(Exception):
    """Another process (or another descriptor in this one) holds the lock."""


class FileLock:
    def __init__(self, path: Path, mode: int) -> None:
        self.path = path
        self.mode = mode
        self._fd: int | None = None

    @property
    def is_locked(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock now or raise LockHeld; OSError if the file cannot be opened."""
        if self._fd is not None:
            return
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, self.mode)
        try:
            _lock(fd)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            _unlock(fd)
        except OSError:
            pass  # closing the descriptor releases it anyway
        finally:
            os.close(fd)


if os.name == "nt":
    import msvcrt

    def _lock(fd: int) -> None:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError as error:
            if error.errno in (errno.EACCES, errno.EDEADLK):
                raise LockHeld() from None
            raise

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]

else:
    import fcntl

    def _lock(fd: int) -> None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise LockHeld() from None

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
