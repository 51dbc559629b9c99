"""A write that fails (a full disk) leaves nothing half-done; saves from threads stay chained."""

from __future__ import annotations

import errno
import os
import threading
from pathlib import Path
from typing import Any

import pytest

from clerk.domain.council import CouncilProfile
from clerk.store import Register, RegisterError
from clerk.store import journal_file as journal_module
from clerk.store.journal import verify
from tests.store.conftest import decision


class FullDiskOS:
    """`os` for the journal: writes half of what is asked, then reports a full disk."""

    def __init__(self) -> None:
        self.writes = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(os, name)

    def write(self, fd: int, data: bytes | memoryview) -> int:
        self.writes += 1
        if self.writes == 1:
            return os.write(fd, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")


def test_failed_append_is_undone_and_not_acknowledged(
    path: Path, council: CouncilProfile, monkeypatch: pytest.MonkeyPatch
) -> None:
    reg = Register.open(path, write=True, create=True, council=council)
    reg.save(decision("D2013-001"), action="created")
    journal = Path(f"{path}.journal")
    before = journal.read_bytes()
    monkeypatch.setattr(journal_module, "os", FullDiskOS())
    with pytest.raises(RegisterError, match="No space left.*NOT saved"):
        reg.save(decision("D2013-002"), action="created")
    monkeypatch.undo()
    assert journal.read_bytes() == before  # the half-written line is gone
    assert "D2013-002" not in reg
    reg.save(decision("D2013-003"), action="created")  # and the chain carries on
    reg.close()
    with Register.open(path) as again:
        assert again.refs() == ["D2013-001", "D2013-003"]
    assert verify(journal, path)[0] == 3  # the council, then two saves


def test_failed_checkpoint_does_not_fail_a_durable_save(
    path: Path, council: CouncilProfile, monkeypatch: pytest.MonkeyPatch
) -> None:
    reg = Register.open(path, write=True, create=True, council=council)

    def no_space(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("clerk.store.register.atomic_write", no_space)
    for n in range(1, 4):
        reg.save(decision(f"D2013-{n:03d}"), action="created")  # saves never checkpoint
    with pytest.warns(UserWarning, match="safe in the journal"):
        reg.close()  # the checkpoint on close fails: a warning, not an error
    monkeypatch.undo()
    with Register.open(path, write=True) as again:
        assert len(again) == 3


def test_saves_from_many_threads_keep_the_chain(register: Register) -> None:
    def save_some(thread: int) -> None:
        for n in range(25):
            register.save(decision(f"D20{10 + thread}-{n + 1:03d}"), action="created")

    threads = [threading.Thread(target=save_some, args=(t,)) for t in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(register) == 100
    if register.path is not None:
        register.close()
        assert verify(Path(f"{register.path}.journal"), register.path)[0] == 101
