"""Backups: taken and verified at start-up and on the day's first change, rotated, listed,
restored with the current files kept aside, and never undone by the journal's replay."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import threading
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest

from clerk.store import Register, RegisterError
from clerk.store import backup as backup_mod
from clerk.store.backup import (
    KEEP_DAYS,
    KEEP_MONTHS,
    KEEP_STARTS,
    backups_dir,
    list_backups,
    take_backup,
)
from clerk.store.restore import restore
from tests.faults.conftest import files_of
from tests.store.conftest import decision


def _refs(path: Path) -> list[str]:
    with Register.open(path) as register:
        return register.refs()


def test_first_change_of_the_day_takes_a_verified_backup(demo: Any) -> None:
    ref = demo("new", "--title", "Later", "--decision-maker", "Cllr Ring").stdout.strip()
    (backup,) = list_backups(demo.db)
    assert backup.decisions == 9 and ref not in _refs(backup.checkpoint)  # before the change
    assert backup_mod.check_backup(backup) == []
    manifest = backup.manifest
    assert manifest["journal"]["seq"] == 10  # the council, then the demo's nine saves
    demo("comment", ref, "--from", "A resident", "--text", "Yes", "--on", "01/03/2013")
    assert len(list_backups(demo.db)) == 1  # one a day from the command line
    listing = demo("backups").stdout
    assert backup.name in listing and "start,daily,monthly" in listing


def test_a_backup_is_a_snapshot_not_a_link_to_the_live_files(path: Path, council: Any,
                                                             monkeypatch: Any) -> None:
    monkeypatch.setattr(Register, "CHECKPOINT_ENTRIES", 2)
    with Register.open(path, write=True, create=True, council=council) as register:
        for n in range(1, 4):
            register.save(decision(f"D2013-{n:03d}"), action="created")
        backup = take_backup(register).wait()
        for n in range(4, 9):  # appends to the journal and rewrites the checkpoint
            register.save(decision(f"D2013-{n:03d}", "changed"), action="created")
        register.save(decision("D2013-001", "changed later"), action="edited")
    assert backup_mod.check_backup(backup) == []
    with Register.open(backup.checkpoint) as copy:
        assert copy.refs() == ["D2013-001", "D2013-002", "D2013-003"]
        assert copy.get("D2013-001").title == "Community grants scheme"


def test_backup_files_and_folders_are_owner_only(path: Path, council: Any) -> None:
    old = os.umask(0o022)
    try:
        with Register.open(path, write=True, create=True, council=council) as register:
            register.save(decision("D2013-001"), action="created")
            backup = take_backup(register, background=True).wait()
    finally:
        os.umask(old)
    for folder in (backups_dir(path), backup.folder):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    for file in backup.folder.iterdir():
        assert stat.S_IMODE(file.stat().st_mode) == 0o600, file
    for name in ("", ".journal"):
        assert stat.S_IMODE(Path(f"{path}{name}").stat().st_mode) == 0o600, name


def test_rotation_keeps_recent_starts_days_and_months(path: Path, council: Any) -> None:
    start = datetime(2025, 1, 1, 9, 0)
    with Register.open(path, write=True, create=True, council=council) as register:
        register.save(decision("D2013-001"), action="created")
        moments = [start + timedelta(days=day, hours=hour)
                   for day in range(0, 400, 3) for hour in (0, 4)]
        for number, moment in enumerate(moments):
            register.save(decision("D2013-001", f"Version {number}"), action="edited")
            take_backup(register, now=moment).wait()
    kept = list_backups(path)
    newest = sorted(moments, reverse=True)
    assert [b.taken for b in kept[:KEEP_STARTS]] == newest[:KEEP_STARTS]
    days = {b.taken.date() for b in kept if "daily" in b.kinds}
    months = {(b.taken.year, b.taken.month) for b in kept if "monthly" in b.kinds}
    assert len(days) == KEEP_DAYS and len(months) == KEEP_MONTHS
    assert all(b.kinds for b in kept)
    assert len(kept) < len(moments)  # the rest were deleted
    assert max(days) == newest[0].date()


def test_a_failed_copy_keeps_no_backup_and_the_change_still_happens(
        demo: Any, monkeypatch: Any) -> None:
    def no_space(*args: Any) -> str:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup_mod, "copy_file", no_space)
    result = demo("new", "--title", "Still saved", "--decision-maker", "Cllr Ring")
    assert "Warning: Could not back up" in result.stderr and "No space left" in result.stderr
    assert list_backups(demo.db) == []
    assert [p.name for p in backups_dir(demo.db).iterdir()] == []  # no half backup left
    assert result.stdout.strip() in _refs(demo.db)


def test_an_interrupted_backup_is_never_listed_and_is_cleared(path: Path, council: Any) -> None:
    with Register.open(path, write=True, create=True, council=council) as register:
        take_backup(register).wait()
        stray = backups_dir(path) / ".incoming-2020-01-01T000000-1"
        stray.mkdir()
        (stray / "register.json").write_bytes(b"half")
        assert len(list_backups(path)) == 1
        take_backup(register).wait()
    assert not stray.exists()


def test_restore_puts_the_backup_back_and_replays_the_journal_over_it(demo: Any) -> None:
    ref = demo("new", "--title", "After the backup", "--decision-maker", "Cllr Ring"
               ).stdout.strip()
    (backup,) = list_backups(demo.db)
    before = files_of(demo.db)
    out = demo("restore", backup.name).stdout
    assert f"Restored backup {backup.name}" in out and "10 decisions" in out
    aside = sorted(demo.db.parent.glob("register.json.before-restore-*"))
    assert [p.read_bytes() for p in aside] == [before[""]]  # the journal went on: kept
    assert ref in _refs(demo.db) and len(_refs(demo.db)) == 10  # no saved change is lost
    demo("new", "--title", "After the restore", "--decision-maker", "Cllr Ring")
    with Register.open(demo.db) as register:
        assert len(register) == 11
        assert register.get(register.refs()[-1]).title == "After the restore"
    assert demo("verify").exit_code == 0


def test_restore_over_a_journal_that_does_not_follow_on_keeps_it_aside(
        path: Path, council: Any) -> None:
    with Register.open(path, write=True, create=True, council=council) as register:
        register.save(decision("D2013-001"), action="created")
        backup = take_backup(register).wait()
        register.save(decision("D2013-002"), action="created")
    journal = Path(f"{path}.journal")
    other = journal.read_bytes().replace(b"Community", b"Kommunity")  # a foreign journal
    journal.write_bytes(other)
    done = restore(path, backup.name)
    assert "does not follow on" in done.dropped
    assert _refs(path) == ["D2013-001"]
    assert Path(f"{done.aside[-1]}").read_bytes() == other
    with Register.open(path, write=True) as register:
        assert register.refs() == ["D2013-001"]


def test_a_damaged_backup_is_refused_and_nothing_changes(demo: Any) -> None:
    demo("new", "--title", "X", "--decision-maker", "Y")
    (backup,) = list_backups(demo.db)
    damaged = bytearray(backup.journal.read_bytes())
    damaged[100] ^= 1
    backup.journal.write_bytes(bytes(damaged))
    before = files_of(demo.db)
    line = demo.refused("restore", backup.name)
    assert "damaged" in line and "nothing was changed" in line
    assert files_of(demo.db) == before
    assert not list(demo.db.parent.glob("*.before-restore-*"))
    assert "No backup 'nonsense'" in demo.refused("restore", "nonsense")


def test_a_clerk_still_open_during_a_restore_loses_nothing(demo: Any) -> None:
    demo("new", "--title", "X", "--decision-maker", "Y")
    with Register.open(demo.db, write=True) as open_app:
        demo.db.write_bytes(b"{ damaged")
        demo("restore", "latest")  # the journal went on from the backup: kept in place
        open_app.save(decision("D2013-050"), action="created")
    assert "D2013-050" in _refs(demo.db) and len(_refs(demo.db)) == 11
    assert demo("verify").exit_code == 0


def test_a_clerk_still_open_when_the_journal_is_replaced_cannot_save(
        path: Path, council: Any) -> None:
    with Register.open(path, write=True, create=True, council=council) as register:
        register.save(decision("D2013-001"), action="created")
        backup = take_backup(register).wait()
    journal = Path(f"{path}.journal")
    with Register.open(path, write=True) as open_app:
        journal.write_bytes(journal.read_bytes().replace(b"Community", b"Kommunity"))
        restore(path, backup.name)  # the journal in place is foreign: replaced
        after = files_of(path)
        with pytest.raises(RegisterError, match="replaced.*NOT saved"):
            open_app.save(decision("D2013-050"), action="created")
        open_app.close(checkpoint=False)
    assert files_of(path) == after


def test_the_app_takes_a_backup_when_it_starts(demo: Any, monkeypatch: Any) -> None:
    import clerk.tui.factory as factory
    from clerk.launch import open_app

    ran = []

    class App:  # fails before its first frame: `shown` is never set by the app itself
        shown = threading.Event()

        def run(self) -> None:
            ran.append(True)

    monkeypatch.setattr(factory, "make_app", lambda register, today: App())
    open_app(demo.db, date(2026, 3, 2))
    demo("comment", "D2013-002", "--from", "A resident", "--text", "Yes", "--on", "01/03/2013")
    open_app(demo.db, date(2026, 3, 2))
    assert ran == [True, True]
    backups = list_backups(demo.db)
    assert [b.reason for b in backups] == ["start", "start"]
    assert all(backup_mod.check_backup(b) == [] for b in backups)
    manifest = orjson.loads((backups[0].folder / "manifest.json").read_bytes())
    assert manifest["decisions"] == 9
    assert backups[0].manifest["journal"]["size"] > backups[1].manifest["journal"]["size"]


def test_the_start_backup_copies_only_once_the_app_is_shown(demo: Any) -> None:
    """The snapshot is taken at once (so a save made meanwhile is not in it); the copying
    and hashing wait for the first frame."""
    shown = threading.Event()
    with Register.open(demo.db, write=True) as register:
        job = take_backup(register, reason="start", background=True, not_before=shown)
        changed = register.get(_refs(demo.db)[0])
        changed.title = "Saved after the snapshot"
        register.save(changed, action="edited")
        assert list_backups(demo.db) == []  # not copied yet
        shown.set()
        backup = job.wait()
    assert backup_mod.check_backup(backup) == []
    assert backup.manifest["journal"]["size"] < Path(f"{demo.db}.journal").stat().st_size


def test_a_start_with_nothing_saved_copies_nothing_and_no_backup_is_a_link(demo: Any) -> None:
    def start_backup() -> Any:
        with Register.open(demo.db, write=True) as register:
            return take_backup(register, reason="start").wait()

    first, second = start_backup(), start_backup()
    assert second.folder == first.folder and len(list_backups(demo.db)) == 1

    demo("new", "--title", "Saved between starts", "--decision-maker", "Cabinet")
    third = start_backup()
    assert third.folder != first.folder
    assert third.manifest["journal"]["size"] > first.manifest["journal"]["size"]
    assert b"Saved between starts" in third.journal.read_bytes()
    for backup in (first, third):
        for file in (backup.checkpoint, backup.journal):
            assert file.stat().st_nlink == 1  # a copy, not a second name of a live file
    shutil.rmtree(first.folder)  # rotation deletes the oldest: the others stay whole
    assert backup_mod.check_backup(third) == []


def test_a_rebuild_over_a_broken_chain_leaves_a_journal_that_goes_on(path: Path,
                                                                     council: Any) -> None:
    """The chain breaks just after a batch whose last entry is gone: the rebuilt journal
    must end before that batch (it was never whole), or the next save forks the chain."""
    from clerk.store.journal import verify

    with Register.open(path, write=True, create=True, council=council) as register:
        register.save(decision("D2013-001"), action="created")
        register.save_many([decision("D2013-002"), decision("D2013-003")], action="imported")
        register.save(decision("D2013-004"), action="created")
    journal = Path(f"{path}.journal")
    lines = journal.read_bytes().splitlines(keepends=True)
    del lines[3]  # the batch's last entry: line 5 no longer follows on
    journal.write_bytes(b"".join(lines))
    done = restore(path, None)
    assert done.entries == 2 and "line 4" in done.dropped
    with Register.open(path, write=True) as register:
        assert register.refs() == ["D2013-001"]
        register.save(decision("D2013-005"), action="created")
    assert verify(journal, path)[0] == 3  # the council, D2013-001, D2013-005: one chain


def test_a_journal_altered_before_the_checkpoint_is_not_backed_up_as_verified(
        demo: Any) -> None:
    journal = Path(f"{demo.db}.journal")
    lines = journal.read_bytes().splitlines(keepends=True)
    at = lines[2].index(b'"title":"') + len(b'"title":"')
    lines[2] = lines[2][:at] + b"X" + lines[2][at + 1:]  # same length, hash kept
    journal.write_bytes(b"".join(lines))
    with Register.open(demo.db) as register:  # a reader checks only the tail
        with pytest.raises(RegisterError, match="journal is not the one"):
            take_backup(register).wait()
    assert list_backups(demo.db) == []
