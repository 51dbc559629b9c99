"""Where notices go, what they are called, and how a file is put there without ever
replacing a published one.

Beside the register `REGISTER` (e.g. `register.json`), each register has its own folders,
so two registers in one folder never write over each other's notices:

- `REGISTER.notices/`: published notices, as published (what goes on the website);
- `REGISTER.confidential/`: confidential copies, owner-only (folder 0700, files 0600), and
  in its `copies/` their drafts and reprints;
- `REGISTER.copies/`: drafts and reprints, never journaled, replaced freely.

A published file is named after what it is and its publication date
(`D2013-001-record-2013-02-18.pdf`); a second publication of different bytes on the same
date gets `-2`, `-3`... A file is first written under a hidden temporary name, journaled,
and only then linked into place, refusing to replace anything already there.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clerk.store.files import atomic_write as atomic_write_bytes
from clerk.store.files import fsync_dir

if TYPE_CHECKING:
    from clerk.store.register import Register

PUBLIC_FILE_MODE = 0o644  # a published notice is public
PRIVATE_FILE_MODE = 0o600  # a confidential copy: the owner only
PRIVATE_DIR_MODE = 0o700
TEMP_SUFFIX = ".publishing"  # hidden `.NAME.PID.publishing`: not yet journaled


class NoticeFileError(Exception):
    """A notice could not be written where it belongs; nothing was published."""


@dataclass(frozen=True)
class Folders:
    published: Path
    confidential: Path
    copies: Path

    @property
    def kept(self) -> tuple[Path, Path]:
        """Where published notices and confidential copies are kept: no copy goes there."""
        return self.published, self.confidential


def folders_for(register_path: Path | None, published: Path | None = None) -> Folders:
    """The register's notice folders; `published` puts published notices elsewhere (the
    app's output folder), with the other two beside it, never inside it."""
    if published is None:
        base = Path(f"{register_path}") if register_path is not None else Path.cwd() / "clerk"
        return Folders(Path(f"{base}.notices"), Path(f"{base}.confidential"),
                       Path(f"{base}.copies"))
    return Folders(published, published.with_name(f"{published.name}.confidential"),
                   published.with_name(f"{published.name}.copies"))


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ---- what the journal says was published -------------------------------------------


@dataclass(frozen=True)
class Published:
    """One notice the journal records: a `record_event` entry's "notice" payload."""

    kind: str
    sha256: str
    refs: tuple[str, ...]
    published_on: str  # ISO date
    renderer: str  # "" when not recorded (notices from before it was)
    file: str  # the PDF's name in its folder ("" when not recorded)
    confidential: bool
    at: str  # when it was journaled
    seq: int  # its journal entry (0 when not known): a reprint replays the journal to it
    period: tuple[str, str] | None  # a forward plan's [from, to]
    files: tuple[tuple[str, str], ...]  # every (file name, sha256) written for it

    @classmethod
    def from_event(cls, entry: dict[str, Any]) -> Published | None:
        notice = notice_payload(entry)
        if notice is None or not isinstance(notice.get("sha256"), str):
            return None
        try:
            seq = entry.get("seq")
            return cls._of(notice, str(entry.get("at", "")),
                           seq if isinstance(seq, int) and not isinstance(seq, bool) else 0)
        except (TypeError, ValueError):  # not the shape clerk journals: not a notice
            return None

    @classmethod
    def _of(cls, notice: dict[str, Any], at: str, seq: int = 0) -> Published:
        file = str(notice.get("file") or "")
        files = tuple((str(name), str(digest)) for name, digest in notice.get("files") or ())
        period = notice.get("period")
        return cls(
            kind=str(notice.get("kind", "")), sha256=notice["sha256"],
            refs=tuple(map(str, notice.get("refs") or ())),
            published_on=str(notice.get("published_on", "")),
            renderer=str(notice.get("renderer", "")), file=file,
            confidential=bool(notice.get("confidential")), at=at, seq=seq,
            period=(str(period[0]), str(period[1])) if period else None,
            files=files or (((file, notice["sha256"]),) if file else ()),
        )


def notice_payload(entry: dict[str, Any]) -> dict[str, Any] | None:
    """The "notice" an event carries, whether the store keeps the payload's keys at the top
    of the entry (as this one does) or under one key of its own."""
    for holder in (entry, entry.get("payload"), entry.get("event")):
        if isinstance(holder, dict) and isinstance(holder.get("notice"), dict):
            found: dict[str, Any] = holder["notice"]
            return found
    return None


def published_notices(register: Register) -> list[Published]:
    """Every notice the register's journal records, oldest first."""
    found = (Published.from_event(entry) for entry in register.events())
    return [notice for notice in found if notice is not None]


def find_published(notices: Iterable[Published], digest: str) -> Published | None:
    return next((notice for notice in notices if notice.sha256 == digest), None)


# ---- writing -------------------------------------------------------------------------


def ensure_folder(folder: Path, *, private: bool) -> None:
    """Make the folder (owner-only if private); refuse a symlink or a file in its place."""
    try:
        info = os.lstat(folder)
    except FileNotFoundError:
        folder.mkdir(parents=True, mode=PRIVATE_DIR_MODE if private else 0o755)
        info = os.lstat(folder)
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        raise NoticeFileError(f"{folder} is not a folder clerk made (a link or a file): "
                              "move it away and try again. Nothing was published.")
    if private and stat.S_IMODE(info.st_mode) != PRIVATE_DIR_MODE:
        os.chmod(folder, PRIVATE_DIR_MODE)


def check_ref(ref: str) -> None:
    """A reference goes into a file name: only clerk's own form (`clerk.domain.refs`),
    nothing that could name another folder."""
    from clerk.domain.refs import ref_problem

    problem = ref_problem(ref)
    if problem is not None:
        raise NoticeFileError(f"{problem}, so it cannot name a notice file: nothing was "
                              "written.")


def dated_name(stem: str, on: date) -> str:
    return f"{stem}-{on:%Y-%m-%d}.pdf"


def free_base(folder: Path, base: str, extensions: list[str]) -> str:
    """`base`, or BASE-2, BASE-3... so that no BASE.EXT is taken for any extension."""
    candidate, number = base, 1
    while any(os.path.lexists(folder / f"{candidate}.{ext}") for ext in extensions):
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def free_name(folder: Path, name: str) -> Path:
    """`name` in `folder`, or NAME-2, NAME-3... if a file already has it."""
    base, dot, ext = name.rpartition(".")
    candidate, number = folder / name, 1
    while os.path.lexists(candidate):
        number += 1
        candidate = folder / f"{base}-{number}{dot}{ext}"
    return candidate


def stage(folder: Path, name: str, data: bytes, *, private: bool) -> Path:
    """Write `data` durably under a hidden temporary name in `folder`."""
    temp = folder / f".{name}.{os.getpid()}{TEMP_SUFFIX}"
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(temp, flags, PRIVATE_FILE_MODE if private else PUBLIC_FILE_MODE)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    finally:
        os.close(fd)
    return temp


def place(temp: Path, target: Path) -> Path:
    """Link the staged file in at `target`, or at the next free name if one appeared
    meanwhile (never replacing a file); remove the temporary name."""
    while True:
        try:
            os.link(temp, target)
            break
        except FileExistsError:
            target = free_name(target.parent, target.name)
    os.unlink(temp)
    fsync_dir(target.parent)
    return target


def discard(temp: Path) -> None:
    try:
        os.unlink(temp)
    except OSError:
        pass


def write_copy(path: Path, data: bytes, kept: Iterable[Path]) -> None:
    """A draft, reprint or copy: replaced freely, but never written into a folder where
    published notices and confidential copies are kept (where it could replace one)."""
    if path.exists() and not path.is_file():  # /dev/null, a pipe: written to as it is
        with open(path, "wb") as handle:
            handle.write(data)
        return
    folder = os.path.realpath(path.parent)
    if any(folder == os.path.realpath(place) for place in kept):
        raise NoticeFileError(f"{path.parent} keeps published notices: a copy is never "
                              "written there. Choose another name with -o.")
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, data)
