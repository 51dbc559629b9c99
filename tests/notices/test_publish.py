"""Publishing is not previewing: a draft is marked and not journaled; a published notice
carries the register's date, is journaled before it is visible, and is never replaced."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from clerk import notice_files
from clerk.notices import NoticeRefused
from clerk.printing import (
    WrongDate,
    draft_notice,
    folders,
    publish_forward_plan,
    publish_notice,
)
from clerk.store import Register
from clerk.verify import verify_register
from tests.notices.conftest import maidstone, private_decision, seed_decision
from tests.notices.helpers import pages_text, text

TODAY = date(2013, 3, 31)  # the reprint in March of a record published on 18 February


@pytest.fixture
def register(tmp_path: Path) -> Iterator[Register]:
    reg = Register.open(tmp_path / "register.json", write=True, create=True,
                        council=maidstone())
    reg.save_many([seed_decision(), private_decision()], action="created")
    yield reg
    reg.close()


def _published(register: Register) -> list[dict]:  # type: ignore[type-arg]
    return [e for e in register.events() if "notice" in str(e)]


def test_a_draft_says_draft_on_every_page_and_is_not_journaled(register: Register) -> None:
    written = draft_notice(register, "D2013-001", "report", today=TODAY)
    pages = pages_text(written.path.read_bytes())
    assert len(pages) > 1
    for page in pages:
        assert "DRAFT – NOT PUBLISHED" in page and "DRAFT – not published" in page
        assert "Published " not in page  # no page claims a publication date
    assert _published(register) == []
    assert written.path.parent == folders(register).copies
    assert not folders(register).published.exists()


def test_publishing_dates_the_name_and_journals_the_hash(register: Register) -> None:
    written = publish_notice(register, "D2013-001", "record", today=TODAY)
    assert written.path == folders(register).published / "D2013-001-record-2013-02-18.pdf"
    assert notice_files.sha256(written.path.read_bytes()) == written.sha256
    (event,) = _published(register)
    notice = event["notice"]
    assert notice["sha256"] == written.sha256 and notice["refs"] == ["D2013-001"]
    assert notice["published_on"] == "2013-02-18" and notice["kind"] == "record"
    assert notice["file"] == written.path.name and notice["renderer"].startswith("clerk ")
    assert "record" in register.history("D2013-001")[-1].action
    assert verify_register(register.path).ok  # type: ignore[arg-type]


def test_the_notice_carries_the_registers_date_not_todays(register: Register) -> None:
    written = publish_notice(register, "D2013-001", "record", today=TODAY)
    for page in pages_text(written.path.read_bytes()):
        assert "Published Monday 18 February 2013" in page
    assert "31 March 2013" not in text(written.path.read_bytes())
    with pytest.raises(WrongDate, match="dated Mon 18 Feb 2013"):
        publish_notice(register, "D2013-001", "record", on=TODAY, today=TODAY)


def test_publishing_waits_for_the_registers_date(register: Register) -> None:
    decision = register.get("D2013-001")
    assert decision.record is not None
    decision.record.published_on = None
    register.save(decision, action="record not yet published")
    with pytest.raises(NoticeRefused, match="clerk publish D2013-001 --on DATE"):
        publish_notice(register, "D2013-001", "record", today=TODAY)
    assert _published(register) == []
    assert draft_notice(register, "D2013-001", "record", today=TODAY).path.exists()


def test_the_same_bytes_again_are_already_published(register: Register) -> None:
    first = publish_notice(register, "D2013-001", "record", today=TODAY)
    before = os.stat(first.path)
    again = publish_notice(register, "D2013-001", "record", today=TODAY)
    assert again.already and again.path == first.path and again.sha256 == first.sha256
    assert len(_published(register)) == 1
    assert os.stat(first.path).st_ino == before.st_ino
    assert sorted(os.listdir(first.path.parent)) == [first.path.name]


def test_different_bytes_get_their_own_name_and_the_first_is_kept(register: Register) -> None:
    first = publish_notice(register, "D2013-001", "record", today=TODAY)
    kept = first.path.read_bytes()
    decision = register.get("D2013-001")
    assert decision.record is not None
    decision.record.reasons += " A clerical correction."
    register.save(decision, action="record corrected")
    second = publish_notice(register, "D2013-001", "record", today=TODAY)
    assert second.path.name == "D2013-001-record-2013-02-18-2.pdf"
    assert first.path.read_bytes() == kept
    assert len(_published(register)) == 2
    assert verify_register(register.path).ok  # type: ignore[arg-type]


def test_a_crash_before_the_journal_leaves_nothing_published(register: Register,
                                                             monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def crash(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(register, "record_event", crash)
    with pytest.raises(OSError):
        publish_notice(register, "D2013-001", "record", today=TODAY)
    assert os.listdir(folders(register).published) == []  # not even the temporary file


def test_a_crash_after_the_journal_is_not_called_forged(register: Register,
                                                        monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def crash(temp: Path, target: Path) -> Path:
        raise KeyboardInterrupt  # the process dies between journal and rename

    monkeypatch.setattr(notice_files, "place", crash)
    with pytest.raises(KeyboardInterrupt):
        publish_notice(register, "D2013-001", "record", today=TODAY)
    monkeypatch.undo()
    (left,) = os.listdir(folders(register).published)
    assert left.startswith(".")  # nothing that looks published
    report = verify_register(register.path)  # type: ignore[arg-type]
    assert report.ok, report.problems
    assert any("not there" in note for note in report.notes)
    again = publish_notice(register, "D2013-001", "record", today=TODAY)  # puts it back
    assert again.already and again.path.exists()
    assert verify_register(register.path).ok  # type: ignore[arg-type]


def test_two_registers_in_one_folder_keep_their_own_notices(tmp_path: Path) -> None:
    written = []
    for name, title in (("north.json", "North depot"), ("south.json", "South depot")):
        decision = seed_decision()
        decision.title = title
        with Register.open(tmp_path / name, write=True, create=True,
                           council=maidstone()) as reg:
            reg.save(decision, action="created")
            written.append(publish_notice(reg, "D2013-001", "record", today=TODAY))
    assert written[0].path.parent != written[1].path.parent
    assert written[0].path.parent == tmp_path / "north.json.notices"
    for one in written:
        assert notice_files.sha256(one.path.read_bytes()) == one.sha256
    for name in ("north.json", "south.json"):
        assert verify_register(tmp_path / name).ok


def test_an_empty_forward_plan_is_journaled_and_verifies(register: Register) -> None:
    written, count = publish_forward_plan(register, date(2030, 1, 1), date(2030, 1, 31),
                                          on=TODAY)
    assert count == 0
    (event,) = _published(register)
    assert event["notice"]["refs"] == [] and event["notice"]["sha256"] == written.sha256
    report = verify_register(register.path, render=True)  # type: ignore[arg-type]
    assert report.ok and report.files_checked == 1 and report.rendered == 1


def test_a_forward_plan_entry_holds_its_hash_and_refs_not_the_decisions(
        register: Register) -> None:
    undecided = register.get("D2013-001")
    undecided.record = None
    register.save(undecided, action="not yet decided")
    before = {ref: register.get_raw(ref) for ref in register.refs()}
    written, count = publish_forward_plan(register, date(2013, 2, 1), date(2013, 5, 31),
                                          on=date(2013, 1, 7))
    assert count == 1
    (event,) = _published(register)
    assert event["notice"]["refs"] == ["D2013-001"]
    assert "doc" not in event and "decisions" not in str(event)
    assert {ref: register.get_raw(ref) for ref in register.refs()} == before
    journal = Path(f"{register.path}.journal").read_bytes().splitlines()
    assert b"forward-plan" in journal[-1] and b'"doc"' not in journal[-1]
