"""The defects of issue 11, each tried from the outside: full disks, hand edits, cut journals,
a deleted lock, a vanished folder, planted symlinks, a file truncated under a reader.

Each test failed on the store before the rewrite; together they say what a clerk can rely on.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from clerk.store import Register, RegisterError
from clerk.store.backup import check_backup, take_backup
from tests.faults.conftest import files_of
from tests.store.conftest import decision

REPO = Path(__file__).resolve().parents[2]


def _run(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          env=env, timeout=120)


def _titles(path: Path) -> dict[str, str]:
    with Register.open(path) as register:
        return {ref: doc["title"] for ref, doc in register.raw_items()}


# ---- honest exit codes --------------------------------------------------------------------


def test_a_change_saved_when_the_checkpoint_cannot_be_written_exits_0(
        demo: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    real_replace = os.replace

    def no_space(source: Any, target: Any, *args: Any, **kwargs: Any) -> None:
        if str(target) == str(demo.db):  # the register file itself: its checkpoint
            raise OSError(errno.ENOSPC, "No space left on device")
        real_replace(source, target, *args, **kwargs)

    monkeypatch.setattr(os, "replace", no_space)
    result = demo("comment", "D2013-002", "--from", "A resident", "--text", "Saved",
                  "--on", "01/03/2013", ok=False)
    monkeypatch.undo()
    assert result.exit_code == 0, result.stderr
    assert "Warning" in result.stderr and "No space left" in result.stderr
    assert "NOT saved" not in result.stderr
    with Register.open(demo.db) as register:
        assert register.get("D2013-002").comments[-1].text == "Saved"


KILLED_WRITER = """
import os, sys
from clerk.domain.decision import Decision
from clerk.store import Register
register = Register.open(sys.argv[1], write=True)
changed = register.get("D2013-003")
changed.title = "Saved, then the process died"
register.save(changed, action="edited")
os._exit(0)  # no close: the change is only in the journal
"""


def test_not_saved_is_never_replaced_by_a_reassurance(demo: Any,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    assert _run(KILLED_WRITER, str(demo.db)).returncode == 0

    def dying_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", dying_disk)
    result = demo("comment", "D2013-002", "--from", "A resident", "--text", "Lost",
                  "--on", "01/03/2013", ok=False)
    monkeypatch.undo()
    assert result.exit_code == 1
    assert "NOT saved" in result.stderr, result.stderr
    assert "safe in the journal" not in result.stderr.split("NOT saved")[0]
    with Register.open(demo.db) as register:
        assert all(c.text != "Lost" for c in register.get("D2013-002").comments)
        assert register.get("D2013-003").title == "Saved, then the process died"


# ---- hand edits, cut journals, broken chains ----------------------------------------------


def _sed(path: Path, old: bytes, new: bytes) -> None:
    raw = path.read_bytes()
    assert old in raw
    path.write_bytes(raw.replace(old, new, 1))


def test_a_hand_edited_register_is_refused_not_laundered(demo: Any) -> None:
    title = _titles(demo.db)["D2013-002"]
    _sed(demo.db, title.encode(), b"Forged title")
    before = files_of(demo.db)
    line = demo.refused("comment", "D2013-002", "--from", "A resident", "--text", "Launder",
                        "--on", "01/03/2013")
    assert "D2013-002" in line and "title" in line  # what differs
    assert "--from-journal" in line  # the way out
    assert files_of(demo.db) == before
    assert "D2013-002" in demo.refused("list")  # readers refuse it too
    verified = demo("verify", ok=False)
    assert verified.exit_code == 1 and "D2013-002" in verified.stdout


def test_restore_from_the_journal_undoes_a_hand_edit(demo: Any) -> None:
    title = _titles(demo.db)["D2013-002"]
    _sed(demo.db, title.encode(), b"Forged title")
    forged = demo.db.read_bytes()
    out = demo("restore", "--from-journal").stdout
    assert "Rebuilt" in out and "9 decisions" in out
    assert _titles(demo.db)["D2013-002"] == title
    assert [p.read_bytes() for p in demo.db.parent.glob("register.json.before-restore-*")
            if not p.name.endswith(".journal")] == [forged]
    assert demo("verify").exit_code == 0
    demo("comment", "D2013-002", "--from", "A resident", "--text", "After",
         "--on", "01/03/2013")


@pytest.fixture
def big(clerk: Any) -> Any:
    """A register over 4 MB: the old store skipped the checkpoint on closing it."""
    clerk.today = "2013-03-01"
    clerk("demo", "--decisions", "1500")
    return clerk


def test_a_cut_journal_tail_is_found_not_forgotten(big: Any) -> None:
    ref = big("new", "--title", "Acknowledged", "--decision-maker", "Cllr Ring").stdout.strip()
    journal = Path(f"{big.db}.journal")
    with open(journal, "r+b") as handle:
        handle.truncate(journal.stat().st_size - 40)
    result = big("verify", ok=False)
    assert result.exit_code == 1 and "Register verified" not in result.stdout
    before = files_of(big.db)
    line = big.refused("new", "--title", "After the cut", "--decision-maker", "Cllr Ring")
    assert "journal" in line and "shorter" in line
    assert files_of(big.db) == before
    assert ref  # the acknowledged change is still named by its journal, not silently cut


def test_a_writer_refuses_a_journal_broken_before_the_checkpoint(demo: Any) -> None:
    journal = Path(f"{demo.db}.journal")
    lines = journal.read_bytes().splitlines(keepends=True)
    at = lines[1].index(b'"title":"') + len(b'"title":"')
    lines[1] = lines[1][:at] + b"X" + lines[1][at + 1:]
    journal.write_bytes(b"".join(lines))
    before = files_of(demo.db)
    line = demo.refused("new", "--title", "On a broken chain", "--decision-maker", "Cllr Ring")
    assert "journal" in line and "line 2" in line
    assert files_of(demo.db) == before


def test_a_missing_register_whose_journal_survives_names_the_way_back(demo: Any) -> None:
    demo.db.unlink()
    line = demo.refused("list")
    assert "clerk init" not in line
    assert "--from-journal" in line and "clerk restore" in line
    demo("restore", "--from-journal")
    assert len(_titles(demo.db)) == 9


def test_restore_replays_the_journal_over_the_backup(demo: Any) -> None:
    ref = demo("new", "--title", "After the backup", "--decision-maker", "Cllr Ring"
               ).stdout.strip()
    demo("comment", ref, "--from", "A resident", "--text", "Later", "--on", "01/03/2013")
    demo.db.write_bytes(b"{ damaged")
    out = demo("restore", "latest").stdout
    assert "Restored backup" in out
    titles = _titles(demo.db)
    assert titles[ref] == "After the backup" and len(titles) == 10
    with Register.open(demo.db) as register:
        assert register.get(ref).comments[-1].text == "Later"
    assert demo("verify").exit_code == 0


# ---- backups are copies -------------------------------------------------------------------


def test_a_backup_is_not_damaged_with_the_live_file(path: Path, council: Any) -> None:
    with Register.open(path, write=True, create=True, council=council) as register:
        register.save(decision("D2013-001"), action="created")
        register.checkpoint()
        backup = take_backup(register).wait()
        with open(path, "r+b") as handle:  # damage in place, as a failing disk or an editor
            handle.seek(10)
            handle.write(b"#####")
        assert check_backup(backup) == []
        assert backup.checkpoint.stat().st_ino != path.stat().st_ino


# ---- two writers --------------------------------------------------------------------------


def test_a_deleted_lock_file_never_forks_the_journal(path: Path, council: Any) -> None:
    first = Register.open(path, write=True, create=True, council=council)
    first.save(decision("D2013-001", "First"), action="created")
    for name in os.listdir(path.parent):
        if name.endswith(".lock"):
            os.unlink(path.parent / name)
    try:
        second = Register.open(path, write=True)
    except RegisterError:
        second = None  # refusing the second writer is honest too
    if second is not None:
        second.save(decision("D2013-002", "Second"), action="created")
        first.save(decision("D2013-003", "First again"), action="created")
        second.close()
    first.close()
    titles = _titles(path)
    assert titles["D2013-001"] == "First" and titles["D2013-003"] == "First again"
    if second is not None:
        assert titles["D2013-002"] == "Second"


def test_a_vanished_folder_is_a_refused_save(tmp_path: Path, council: Any) -> None:
    folder = tmp_path / "share"
    folder.mkdir()
    path = folder / "register.json"
    register = Register.open(path, write=True, create=True, council=council)
    register.save(decision("D2013-001"), action="created")
    shutil.rmtree(folder)
    with pytest.raises(RegisterError, match="NOT saved"):
        register.save(decision("D2013-002"), action="created")
    try:
        register.close()
    except RegisterError:
        pass


# ---- the boundary -------------------------------------------------------------------------


def test_a_planted_journal_symlink_is_refused(path: Path, council: Any, tmp_path: Path
                                              ) -> None:
    with Register.open(path, write=True, create=True, council=council) as register:
        register.save(decision("D2013-001"), action="created")
    journal = Path(f"{path}.journal")
    outside = tmp_path / "elsewhere.txt"
    outside.write_bytes(journal.read_bytes())
    os.chmod(outside, 0o644)
    journal.unlink()
    journal.symlink_to(outside)
    before = outside.read_bytes()
    with pytest.raises(RegisterError, match="symbolic link"):
        with Register.open(path, write=True) as register:
            register.save(decision("D2013-002"), action="created")
    assert outside.read_bytes() == before
    assert os.stat(outside).st_mode & 0o777 == 0o644


def test_a_planted_backups_symlink_is_refused(path: Path, council: Any, tmp_path: Path
                                              ) -> None:
    outside = tmp_path / "public"
    outside.mkdir()
    os.chmod(outside, 0o755)
    Path(f"{path}.backups").symlink_to(outside)
    with Register.open(path, write=True, create=True, council=council) as register:
        register.save(decision("D2013-001"), action="created")
        with pytest.raises(RegisterError, match="symbolic link"):
            take_backup(register).wait()
    assert list(outside.iterdir()) == []
    assert os.stat(outside).st_mode & 0o777 == 0o755


TRUNCATE_UNDER_A_READER = """
import sys
from clerk.store import Register
register = Register.open(sys.argv[1])
with open(sys.argv[1], "r+b") as handle:
    handle.truncate(0)
print(sum(len(doc["title"]) for _, doc in register.raw_items()))
"""


def test_a_file_truncated_under_a_reader_does_not_crash_it(demo: Any) -> None:
    done = _run(TRUNCATE_UNDER_A_READER, str(demo.db))
    assert done.returncode == 0, done.stderr


VERIFY_WHILE_SAVING = """
import sys, time
from clerk.store import Register
path, seconds = sys.argv[1], float(sys.argv[2])
end = time.monotonic() + seconds
n = 0
while time.monotonic() < end:
    with Register.open(path, write=True) as register:
        changed = register.get("D2013-004")
        changed.title = f"Edited {n}"
        register.save(changed, action="edited")
    n += 1
print(n)
"""


def test_verify_sees_no_difference_that_is_not_there_while_others_save(demo: Any) -> None:
    from clerk.store.verify import verify_register

    env = {**os.environ, "PYTHONPATH": str(REPO)}
    saver = subprocess.Popen([sys.executable, "-c", VERIFY_WHILE_SAVING, str(demo.db), "6"],
                             stdout=subprocess.PIPE, text=True, env=env)
    problems: list[str] = []
    time.sleep(1.0)
    while saver.poll() is None:
        report = verify_register(demo.db)
        problems += report.problems
    assert saver.wait() == 0
    assert problems == []


def test_saves_never_rewrite_the_register_file(path: Path, council: Any) -> None:
    with Register.open(path, write=True, create=True, council=council) as register:
        register.save(decision("D2013-001"), action="created")
        inode = path.stat().st_ino
        for n in range(600):
            register.save(decision("D2013-001", f"Title {n}"), action="edited")
            assert path.stat().st_ino == inode, f"save {n} rewrote the register file"
    assert _titles(path)["D2013-001"] == "Title 599"
