"""The register file on disk, TinyDB's view of it, and the writer's lock.

The file is a checkpoint in TinyDB's JSON layout ({"meta": {...}, "decisions": {...}}),
only ever replaced whole: serialise, write a temp file in the same directory, fsync,
`os.replace`, fsync the directory. A crash at any moment leaves either the old file or
the new one, never a torn one. TinyDB's own JSONStorage rewrites in place and re-parses
on every read; `AtomicJSONStorage` instead hands TinyDB the register's in-memory dict.
"""

from __future__ import annotations

import getpass
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson

from clerk.store.errors import RegisterError, RegisterLocked
from clerk.store.oslock import FileLock, LockHeld

FILE_MODE = 0o600  # registers hold exempt information: owner only


def fsync_dir(directory: Path) -> None:
    """Make a rename or a new file in `directory` durable (no-op where unsupported)."""
    if os.name == "nt":  # Windows cannot open a directory; NTFS journals renames
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, payload: bytes, *, durable: bool = True) -> None:
    """Replace `path` with `payload` so that a crash leaves the old or the new file whole
    (`durable=False`: whole, but perhaps the old one after a power cut; no fsyncs)."""
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:  # mkstemp creates the file owner-only (0600), which os.replace keeps
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with _ignoring_os_errors():
            os.unlink(tmp_name)
        raise
    if durable:
        fsync_dir(path.parent)


def remove_stale_temp_files(path: Path) -> None:
    """Delete temp files left by atomic writes that a crash interrupted.

    Only the writer holding the lock calls this, so no such file can still be in use.
    The pattern is exactly what atomic_write_bytes makes for the register and its owner
    file (mkstemp adds 8 characters), so another register's files are never matched.
    """
    pattern = re.compile(rf"^\.{re.escape(path.name)}(\.lock\.owner)?\.[a-z0-9_]{{8}}\.tmp$")
    try:
        names = os.listdir(path.parent)
    except OSError:
        return
    for name in names:
        if pattern.match(name):
            with _ignoring_os_errors():
                os.unlink(path.parent / name)


def copy_durably(source: Path, target: Path) -> None:
    """Copy a file byte for byte (owner-only), fsynced, e.g. the pre-migration copy."""
    atomic_write_bytes(target, source.read_bytes())


@contextmanager
def _ignoring_os_errors() -> Iterator[None]:
    try:
        yield
    except OSError:
        pass


class AtomicJSONStorage:
    """TinyDB storage over the register's in-memory tables (TinyDB asks only for read,
    write and close; tinydb itself is imported only when `Register.db` is first used).

    `read()` returns the live dict (no copy, no parse), so TinyDB queries see every save
    at once. `write()` is the checkpoint: an atomic replace of the file. TinyDB calls
    write() from its own insert/update/remove; those would bypass the journal, so they
    are refused unless the register itself is checkpointing.
    """

    def __init__(self, path: Path | None, data: dict[str, dict[str, Any]]) -> None:
        self.path = path
        self.data = data
        self._checkpointing = False

    def read(self) -> dict[str, dict[str, Any]]:
        return self.data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        if not self._checkpointing:
            raise RegisterError(
                "The register's TinyDB view is for queries only: change decisions with "
                "Register.save so the journal records every change."
            )
        self.data = data
        if self.path is not None:
            from clerk.store.offsets import dump_with_spans, write_index

            payload, index = dump_with_spans(data)  # the bytes of orjson.dumps(data)
            atomic_write_bytes(self.path, payload)
            write_index(self.path, index)  # lets `show` read one decision

    def close(self) -> None:
        pass  # the register closes its own files

    @contextmanager
    def checkpointing(self) -> Iterator[None]:
        self._checkpointing = True
        try:
            yield
        finally:
            self._checkpointing = False


def read_file_bytes(path: Path) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


# ---- the writer's lock ---------------------------------------------------------------


class WriterLock:
    """One writer per register: an OS lock on PATH.lock, held until release().

    The OS drops the lock when the holder dies, even by SIGKILL, so a crash never leaves
    the register locked. Who holds it is written to PATH.lock.owner so a refused writer
    can say which process to close; a stale owner file is simply overwritten.
    """

    def __init__(self, register_path: Path) -> None:
        self.register_path = register_path
        self.lock_path = Path(f"{register_path}.lock")
        self.owner_path = Path(f"{register_path}.lock.owner")
        self._lock = FileLock(self.lock_path, FILE_MODE)

    def acquire(self) -> None:
        try:
            self._lock.acquire()
        except LockHeld:
            raise RegisterLocked(self._refusal()) from None
        except OSError as error:
            raise RegisterError(
                f"Cannot take the writer's lock {self.lock_path}: {error.strerror or error}. "
                "Check the folder exists and you may write to it."
            ) from error
        try:  # not fsynced: after a crash the OS lock is gone and this file means nothing
            atomic_write_bytes(self.owner_path, orjson.dumps(_owner_record()), durable=False)
        except OSError:
            pass  # the owner file only improves the message; the lock is what counts

    def release(self) -> None:
        if not self._lock.is_locked:
            return
        # Remove the owner record while still holding the lock, so it never names us
        # after another process has taken over.
        with _ignoring_os_errors():
            os.unlink(self.owner_path)
        self._lock.release()

    def _refusal(self) -> str:
        who = "another clerk process"
        try:
            owner = orjson.loads(read_file_bytes(self.owner_path))
            started = datetime.fromisoformat(owner["started"])
            since = started.strftime("%H:%M")
            if started.date() != datetime.now().date():
                since += started.strftime(" on %d %b %Y")
            who = (
                f"{owner.get('user') or 'someone'} (pid {owner['pid']} on {owner['host']}, "
                f"since {since}: `{owner['command']}`)"
            )
        except (OSError, ValueError, KeyError, TypeError):
            pass
        return (
            f"The register {self.register_path} is open for writing by {who}. "
            "Close it there, or use a read-only command (show, list, dates)."
        )


def _owner_record() -> dict[str, Any]:
    try:
        user = getpass.getuser()
    except Exception:  # getuser raises various errors where no user name is set
        user = ""
    command = " ".join([Path(sys.argv[0]).name if sys.argv and sys.argv[0] else "python",
                        *sys.argv[1:]])
    return {
        "pid": os.getpid(),
        "host": os.uname().nodename if hasattr(os, "uname") else os.environ.get(
            "COMPUTERNAME", ""),
        "user": user,
        "started": datetime.now().isoformat(timespec="seconds"),
        "command": command,
    }
