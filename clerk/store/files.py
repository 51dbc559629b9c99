"""The files beside a register, opened safely: never through a symbolic link, owner-only,
replaced whole (temp, fsync, replace, fsync the folder), copied for real.

Everything in the register's folder is opened with O_NOFOLLOW (or refused after an lstat
where the OS has no such flag), so a link planted as REGISTER.journal or REGISTER.backups
cannot make clerk write, truncate or chmod a file elsewhere.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from clerk.store.errors import RegisterError

FILE_MODE = 0o600  # registers hold exempt information: owner only
DIR_MODE = 0o700
NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CHUNK = 8 * 1024 * 1024


def refuse_link(path: Path) -> None:
    """RegisterError if `path` is a symbolic link (a missing path is fine)."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    if stat.S_ISLNK(mode):
        raise RegisterError(
            f"{path} is a symbolic link; clerk never follows links beside a register, so "
            "nothing was read or written. Remove the link (or put the real file there).")


def open_file(path: Path, flags: int) -> int:
    """os.open (owner-only if it creates) that refuses a symbolic link with a clear message."""
    refuse_link(path)
    try:
        return os.open(path, flags | NOFOLLOW, FILE_MODE)
    except OSError as error:
        if error.errno == errno.ELOOP:
            refuse_link(path)
        raise


def read_bytes(path: Path) -> bytes:
    fd = open_file(path, os.O_RDONLY)
    with os.fdopen(fd, "rb") as handle:
        return handle.read()


def make_dir(folder: Path) -> None:
    refuse_link(folder)
    folder.mkdir(mode=DIR_MODE, exist_ok=True)
    refuse_link(folder)  # created by someone else meanwhile
    os.chmod(folder, DIR_MODE, follow_symlinks=False)  # mkdir's mode is filtered by umask


def unused_name(base: str, *suffixes: str) -> Path:
    """BASE, or BASE-2, BASE-3...: the first for which no BASE<suffix> exists (for each of
    `suffixes`, or BASE alone)."""
    candidate, number = base, 1
    while any(os.path.lexists(candidate + suffix) for suffix in suffixes or ("",)):
        number += 1
        candidate = f"{base}-{number}"
    return Path(candidate)


def fsync_dir(directory: Path) -> None:
    """Make a rename or a new file in `directory` durable (no-op where unsupported)."""
    if os.name == "nt":  # Windows cannot open a directory; NTFS journals renames
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, payload: bytes | memoryview) -> None:
    """Replace `path` with `payload` so that a crash leaves the old or the new file whole,
    durably (the folder fsynced too); a symlink at `path` is refused."""
    refuse_link(path)
    replace_file(path, payload)
    fsync_dir(path.parent)


def replace_file(path: Path, payload: bytes | memoryview) -> None:
    """A new owner-only file with `payload`, fsynced, then renamed over `path`: a crash
    leaves the old or the new file whole. The temp file's name carries our pid, so a later
    open removes it only once we are gone (see remove_stale_temps)."""
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}.",
                                suffix=".tmp")  # owner-only, O_EXCL: never a planted link
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(name, path)
    except BaseException:
        try:
            os.unlink(name)
        except OSError:
            pass
        raise


def remove_stale_temps(path: Path) -> None:
    """Delete temp files of atomic writes whose process has died (a crash mid-checkpoint)."""
    pattern = re.compile(rf"^\.{re.escape(path.name)}\.(\d+)\.[a-z0-9_]{{8}}\.tmp$")
    try:
        names = os.listdir(path.parent)
    except OSError:
        return
    for name in names:
        match = pattern.match(name)
        if match and not _alive(int(match.group(1))):
            try:
                os.unlink(path.parent / name)
            except OSError:
                pass


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process: leave its files alone
    return True


def copy_file(source: int, target: Path, length: int | None = None) -> str:
    """A real copy (a reflink where the filesystem shares blocks copy-on-write, else the
    bytes), owner-only and fsynced, of the first `length` bytes (all if None) of the open
    file `source`; returns the SHA-256 of the copy as read back."""
    size = os.fstat(source).st_size if length is None else length
    copy = open_file(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
    try:
        if not _reflink(source, copy, size):
            for piece in pieces(source, 0, size):
                view = memoryview(piece)
                while view:
                    view = view[os.write(copy, view):]
        if os.fstat(copy).st_size != size:
            raise RegisterError(f"the file copied as {target.name} is shorter than expected")
        os.fsync(copy)
    finally:
        os.close(copy)
    return sha256_of(target)


def _reflink(source: int, copy: int, size: int) -> bool:
    if size != os.fstat(source).st_size or os.name == "nt":
        return False  # a prefix cannot be cloned whole
    try:
        import fcntl

        fcntl.ioctl(copy, 0x40049409, source)  # FICLONE: Linux btrfs, XFS
        return True
    except (OSError, ImportError):
        return False


@contextmanager
def reading(path: Path) -> Iterator[int]:
    """A descriptor to read `path` (never through a link), closed afterwards."""
    fd = open_file(path, os.O_RDONLY)
    try:
        yield fd
    finally:
        os.close(fd)


def pieces(fd: int, start: int = 0, end: int | None = None) -> Iterator[bytes]:
    """An open file's bytes from `start` to `end` (its end if None), a chunk at a time."""
    stop = os.fstat(fd).st_size if end is None else end
    while start < stop:
        chunk = os.pread(fd, min(_CHUNK, stop - start), start)
        if not chunk:
            return
        yield chunk
        start += len(chunk)


def sha256_of(source: Path | int, length: int | None = None) -> str:
    """The SHA-256 of the first `length` bytes (all if None) of a file or open descriptor."""
    if not isinstance(source, int):
        with reading(source) as fd:
            return sha256_of(fd, length)
    digest = hashlib.sha256()
    for piece in pieces(source, 0, length):
        digest.update(piece)
    return digest.hexdigest()
