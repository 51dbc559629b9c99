"""Opening the register file: lock, create, parse, check it is a register, migrate.

Nothing here ever overwrites a file it could not read. A file that is truncated, not
UTF-8, or JSON that is not a register raises RegisterCorrupt saying which file, what is
wrong and where the last good copy is; the file itself is left byte for byte as it was.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import orjson

from clerk.gc_pause import gc_paused
from clerk.store.errors import RegisterCorrupt, RegisterError, RegisterNotFound
from clerk.store.schema import (
    SCHEMA_VERSION,
    Data,
    check_shape,
    migrate,
    new_register,
    version_of,
)
from clerk.store.storage import (
    WriterLock,
    atomic_write_bytes,
    copy_durably,
    read_file_bytes,
    remove_stale_temp_files,
)

if TYPE_CHECKING:
    from clerk.domain.council import CouncilProfile


def advice(path: Path) -> str:
    """Where the last good copy is, for every message about an unreadable register."""
    text = (
        f"The file has not been changed. The last good copy is in {path}.backups/ "
        "(`clerk restore` puts it back)"
    )
    journal = Path(f"{path}.journal")
    if journal.exists():
        text += f"; the journal {journal} still holds every change saved, including later ones"
    return text + "."


def load_register(
    path: Path, *, write: bool, create: bool, council: CouncilProfile | None
) -> tuple[Data, bool, WriterLock | None]:
    """Everything before the Register exists: take the lock (to write or create), create
    the file if asked, parse and migrate. Returns (data, migrated, the lock if writing)."""
    if not path.exists() and not create:
        raise_not_found(path)
    lock = None
    try:
        if write or create:
            if create:
                path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            lock = WriterLock(path)
            lock.acquire()
            remove_stale_temp_files(path)
        if not path.exists():  # checked again under the lock
            if not create:
                raise_not_found(path)
            if council is None:
                raise RegisterError(f"Creating {path} needs a council profile.")
            new_register_file(path, council.to_dict())
        data, migrated = load_data(path, writable=write)
    except BaseException as error:
        if lock is not None:
            lock.release()
        if isinstance(error, OSError):
            raise RegisterError.cannot_open(path, error) from error
        raise
    if lock is not None and not write:
        lock.release()  # asked to create only: hand back a reader
        lock = None
    return data, migrated, lock


def raise_not_found(path: Path) -> NoReturn:
    raise RegisterNotFound(
        f"There is no register at {path}. Create one with `clerk init`, or point clerk at an "
        "existing one with --db or CLERK_DB."
    )


def new_register_file(path: Path, council: dict[str, Any]) -> None:
    journal = Path(f"{path}.journal")
    if journal.exists() and journal.stat().st_size:
        raise RegisterCorrupt(
            f"The register {path} is missing but its journal {journal} is still there, so a "
            f"new register would not match it. Restore the register from {path}.backups/ "
            "with `clerk restore`, or move the journal aside to start afresh."
        )
    atomic_write_bytes(path, orjson.dumps(new_register(council)))


def load_data(path: Path, *, writable: bool) -> tuple[Data, bool]:
    """Parse and check the file; migrate if old (keeping a copy). Returns (data, migrated)."""
    from clerk.store.offsets import load_lazily

    lazy = load_lazily(path)  # the file exactly as the last checkpoint indexed it
    if lazy is not None:
        check_shape({"meta": lazy["meta"], "decisions": {}}, path, advice(path))
        return lazy, False
    try:
        raw = read_file_bytes(path)
    except OSError as error:
        raise RegisterError(f"Cannot read the register {path}: {error.strerror}.") from None
    try:
        with gc_paused():
            data = orjson.loads(raw)
            # Out of the collector's sight for good: at 100k decisions every later
            # collection would otherwise walk millions of objects that hold no cycles
            # (the app's first frame paid ~0.4 s of collections at 10k).
            gc.freeze()
    except orjson.JSONDecodeError as error:
        raise RegisterCorrupt(
            f"The register {path} cannot be read: {_what_is_wrong(raw, error)}. " + advice(path)
        ) from None
    version = version_of(data, path, advice(path))
    migrated = version < SCHEMA_VERSION
    if migrated:
        if writable:
            copy_durably(path, pre_migration_path(path, version, raw))
        try:
            data = migrate(data, version)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise RegisterCorrupt(
                f"The register {path} (schema {version}) could not be brought up to date: "
                f"{error!r}. " + advice(path)
            ) from None
    check_shape(data, path, advice(path))
    if writable and not migrated and raw.startswith(b'{"meta":'):  # laid out as we write it
        reindex(path, raw, data)
    return data, migrated


def reindex(path: Path, raw: bytes, data: Data) -> None:
    """Write the index a missing, stale or older-format one should have been, when the file
    is exactly what a checkpoint of `data` writes: the next open need not parse it all."""
    from clerk.store.offsets import dump_with_spans, write_index

    payload, index = dump_with_spans(data)
    if index is not None and payload == raw:
        write_index(path, index)


def pre_migration_path(path: Path, version: int, raw: bytes) -> Path:
    """PATH.pre-migration-v{n}; never overwrite an earlier copy that differs."""
    base = Path(f"{path}.pre-migration-v{version}")
    candidate, number = base, 1
    while candidate.exists() and read_file_bytes(candidate) != raw:
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
