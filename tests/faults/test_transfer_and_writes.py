"""Export re-imports to an identical register (JSON and CSV); a bad file is refused whole
with every error listed. A failing fsync or rename loses nothing and acknowledges nothing."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Any

import orjson
import pytest

from clerk.store import Register, RegisterError
from clerk.store import files as files_module
from clerk.store import journal_file as journal_module
from tests.faults.conftest import files_of
from tests.store.conftest import decision


def _content(db: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    with Register.open(db) as register:
        return dict(register.raw_items()), register.council.to_dict()


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_a_full_export_re_imports_to_an_identical_register(demo: Any, fmt: str) -> None:
    demo("notice", "record", "D2013-001")
    demo("comment", "D2013-002", "--from", "Cyngor ŵŷ", "--text", "<Draft> & \u202e\nline 2")
    exported = demo.db.parent / f"all.{fmt}"
    demo("export", f"--{fmt}", "-o", str(exported))
    copy = type(demo)(demo.db.parent / "copy.json", demo.runner, demo.today)
    if fmt == "csv":
        copy("init")
    copy("import", str(exported))
    docs, council = _content(demo.db)
    again, council_again = _content(copy.db)
    assert list(again) == list(docs) and again == docs
    assert council_again == council
    assert copy("verify").exit_code == 0


def test_a_file_with_errors_is_refused_whole_with_every_error(demo: Any) -> None:
    exported = demo.db.parent / "all.json"
    demo("export", "-o", str(exported))
    payload = orjson.loads(exported.read_bytes())
    for doc in payload["decisions"]:
        doc["ref"] = doc["ref"].replace("D2013", "D2014")
    payload["decisions"][2]["created_on"] = "2013-02-31"
    payload["decisions"][5]["title"] = "bell\x07"
    payload["decisions"][7]["plan"]["wards"] = "not a list"
    exported.write_bytes(orjson.dumps(payload))
    before = files_of(demo.db)
    result = demo("import", str(exported), ok=False)
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert "(3 error(s); nothing was changed)" in result.stderr
    for where in ("record 3: created_on", "record 6: title", "record 8: plan.wards"):
        assert where in result.stderr
    assert files_of(demo.db) == before


class FailingOS:
    """`os` with one call failing as a dying disk would."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __getattr__(self, name: str) -> Any:
        if name == self.name:
            def fail(*args: Any, **kwargs: Any) -> Any:
                raise OSError(errno.EIO, "Input/output error")
            return fail
        return getattr(os, name)


def test_a_failing_fsync_of_the_journal_acknowledges_nothing(
        path: Path, council: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    register = Register.open(path, write=True, create=True, council=council)
    register.save(decision("D2013-001"), action="created")
    before = Path(f"{path}.journal").read_bytes()
    monkeypatch.setattr(journal_module, "os", FailingOS("fsync"))
    with pytest.raises(RegisterError, match="NOT saved"):
        register.save(decision("D2013-002"), action="created")
    monkeypatch.undo()
    assert "D2013-002" not in register
    assert Path(f"{path}.journal").read_bytes() == before  # the unsynced line was cut off
    register.close()
    with Register.open(path) as again:
        assert again.refs() == ["D2013-001"]


@pytest.mark.parametrize("call", ["replace", "fsync"])
def test_a_failing_checkpoint_keeps_the_old_file_and_every_save(
        path: Path, council: Any, monkeypatch: pytest.MonkeyPatch, call: str) -> None:
    register = Register.open(path, write=True, create=True, council=council)
    register.save(decision("D2013-001"), action="created")
    register.checkpoint()
    register.save(decision("D2013-002"), action="created")
    old = path.read_bytes()
    monkeypatch.setattr(files_module, "os", FailingOS(call))
    with pytest.raises(RegisterError, match="safe in the journal"):
        register.checkpoint()
    monkeypatch.undo()
    assert path.read_bytes() == old
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []
    register.close(checkpoint=False)  # die without closing
    with Register.open(path) as again:
        assert again.refs() == ["D2013-001", "D2013-002"]


def test_a_value_an_import_would_refuse_is_never_saved(demo: Any) -> None:
    before = files_of(demo.db)
    line = demo.refused("new", "--title", "bell\x07", "--decision-maker", "Cllr Ring")
    assert "title: contains control characters '\\x07'" in line and "Nothing was saved" in line
    assert files_of(demo.db) == before


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_an_export_is_readable_by_its_owner_only(demo: Any, fmt: str) -> None:
    # An export holds exempt information (Schedule 12A) in full.
    target = demo.db.parent / f"all.{fmt}"
    target.write_text("an older export")
    target.chmod(0o644)
    old_umask = os.umask(0o022)
    try:
        demo("export", f"--{fmt}", "-o", str(target))
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_bytes().startswith(b"{" if fmt == "json" else b"ref,")
    assert [p.name for p in target.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_an_export_replaces_a_symlink_rather_than_writing_through_it(demo: Any) -> None:
    elsewhere = demo.db.parent / "elsewhere.txt"
    elsewhere.write_text("not yours to overwrite")
    link = demo.db.parent / "all.json"
    link.symlink_to(elsewhere)
    demo("export", "-o", str(link))
    assert not link.is_symlink() and stat.S_IMODE(link.stat().st_mode) == 0o600
    assert elsewhere.read_text() == "not yours to overwrite"


def test_an_export_to_a_pipe_writes_to_it(demo: Any) -> None:
    # As `-o /dev/stdout` would be: the pipe is written to, not replaced by a file (for a
    # device such as /dev/null, replacing it would take it from every program).
    pipe, received = _pipe_reader(demo.db.parent)
    demo("export", "-o", str(pipe))
    assert orjson.loads(_received(pipe, received))["format"] == "clerk-export"
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)


def _pipe_reader(folder: Path) -> tuple[Path, list[bytes]]:
    """A named pipe in `folder` and a thread reading it whole."""
    import threading

    pipe = folder / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True).start()
    return pipe, received


def _received(pipe: Path, received: list[bytes]) -> bytes:
    """What the reader got, once the writer has closed the pipe."""
    import time

    for _ in range(600):
        if received:
            return received[0]
        time.sleep(0.1)
    os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))  # let the reader go
    raise AssertionError("nothing was written to the pipe")


def test_a_notice_is_never_named_after_a_reference_not_in_clerks_form() -> None:
    from clerk.notice_files import NoticeFileError, check_ref

    check_ref("D2013-001")
    for ref in ("../../x", "/abs/path", "D2013-001/../x", ""):
        with pytest.raises(NoticeFileError, match="is not a decision reference"):
            check_ref(ref)


def test_a_decision_at_every_limit_round_trips_through_csv(demo: Any) -> None:
    # Its implications and comments cells are far over the csv module's 128 KB default.
    from clerk.domain.decision import IMPLICATIONS
    from clerk.domain.validate import MAX_TEXT, MAX_TITLE

    source = demo.db.parent / "big.json"
    demo("export", "-o", str(source))
    payload = orjson.loads(source.read_bytes())
    doc = payload["decisions"][0]
    doc["title"] = "T" * MAX_TITLE
    doc["report"]["implications"] = {key: "i" * MAX_TEXT for key, _ in IMPLICATIONS}
    doc["comments"] = [{"author": "A", "text": "c" * MAX_TEXT}] * 20
    payload["decisions"] = [doc]
    source.write_bytes(orjson.dumps(payload))
    big = type(demo)(demo.db.parent / "big-register.json", demo.runner, demo.today)
    big("import", str(source))
    exported = demo.db.parent / "big.csv"
    big("export", "--csv", "-o", str(exported))
    again = type(demo)(demo.db.parent / "again.json", demo.runner, demo.today)
    again("init")
    again("import", str(exported))
    assert _content(again.db)[0] == _content(big.db)[0]


@pytest.mark.parametrize("command", [["notice", "record", "D2013-001"],
                                     ["forward-plan", "--from", "01/01/2020", "--to",
                                      "31/01/2020"]])
def test_a_notice_to_a_pipe_writes_to_it(demo: Any, command: list[str]) -> None:
    # `-o /dev/null` run as root replaced the device with a file, for every program.
    pipe, received = _pipe_reader(demo.db.parent)
    result = demo(*command, "-o", str(pipe), ok=False)
    assert _received(pipe, received).startswith(b"%PDF"), result.stderr
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)
