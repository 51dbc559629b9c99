"""Kept for ever: a reprint is the published notice byte for byte; an upgrade of the renderer
never makes `clerk verify --render` call an old notice forged; `clerk verify` checks every
published file; confidential copies are marked, private, and only where something is exempt."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

import clerk.notices
from clerk.notices import NothingExempt
from clerk.printing import (
    NotPublished,
    folders,
    publish_forward_plan,
    publish_notice,
    reprint_forward_plan,
    reprint_notice,
)
from clerk.store import Register
from clerk.verify import verify_register
from tests.notices.conftest import maidstone, private_decision, seed_decision
from tests.notices.helpers import pages_text, squashed, text

TODAY = date(2013, 3, 31)


@pytest.fixture
def register(tmp_path: Path) -> Iterator[Register]:
    reg = Register.open(tmp_path / "register.json", write=True, create=True,
                        council=maidstone())
    reg.save_many([seed_decision(), private_decision()], action="created")
    yield reg
    reg.close()


def _change_title(register: Register, ref: str) -> None:
    decision = register.get(ref)
    decision.title = "A title changed after publication"
    register.save(decision, action="title changed")


def test_a_record_reprinted_as_published_is_the_same_bytes(register: Register) -> None:
    first = publish_notice(register, "D2013-001", "record", today=TODAY)
    published = first.path.read_bytes()
    _change_title(register, "D2013-001")
    again = reprint_notice(register, "D2013-001", "record", date(2013, 2, 18))
    assert again.path.read_bytes() == published
    assert again.path.parent == folders(register).copies
    now = publish_notice(register, "D2013-001", "record", today=TODAY)  # the changed one
    assert now.sha256 != first.sha256 and now.path != first.path


def test_a_forward_plan_reprinted_as_published_is_the_same_bytes(register: Register) -> None:
    undecided = register.get("D2013-001")
    undecided.record = None
    register.save(undecided, action="not yet decided")
    first, _ = publish_forward_plan(register, date(2013, 2, 1), date(2013, 5, 31),
                                    on=date(2013, 1, 7))
    _change_title(register, "D2013-001")
    again, count = reprint_forward_plan(register, date(2013, 1, 7))
    assert count == 1 and again.path.read_bytes() == first.path.read_bytes()


def test_a_reprint_of_a_date_never_published_is_refused(register: Register) -> None:
    publish_notice(register, "D2013-001", "record", today=TODAY)
    with pytest.raises(NotPublished, match="published on: Mon 18 Feb 2013"):
        reprint_notice(register, "D2013-001", "record", date(2013, 2, 19))


def _publish_with(register: Register, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setattr(clerk.notices, "renderer", lambda: name)
    publish_notice(register, "D2013-001", "record", today=TODAY)
    monkeypatch.undo()


def test_verify_render_skips_notices_of_another_renderer(register: Register,
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    _publish_with(register, monkeypatch, "clerk 0.0.1, reportlab 3.6.0")
    # the old renderer drew other bytes: what an upgrade does to the same notice
    published = next(folders(register).published.iterdir())
    assert register.path is not None
    report = verify_register(register.path, render=True)
    assert report.ok, report.problems
    assert report.rendered == 0 and report.not_redrawn == 1 and report.files_checked == 1
    assert any("clerk 0.0.1, reportlab 3.6.0" in note and clerk.notices.renderer() in note
               and "D2013-001 record of 2013-02-18" in note for note in report.notes)
    published.write_bytes(published.read_bytes() + b"%")  # its file is still checked
    assert not verify_register(register.path, render=True).ok


def test_verify_render_redraws_notices_of_this_renderer(register: Register) -> None:
    publish_notice(register, "D2013-001", "record", today=TODAY)
    publish_notice(register, "D2013-007", "report", confidential=True, today=TODAY)
    assert register.path is not None
    report = verify_register(register.path, render=True)
    assert report.ok and report.rendered == 2 and report.not_redrawn == 0


def test_reportlab_is_pinned_exactly() -> None:
    from importlib.metadata import version

    pyproject = (Path(__file__).resolve().parents[2] / "pyproject.toml").read_text()
    assert f'"reportlab=={version("reportlab")}"' in pyproject


def test_verify_finds_a_changed_or_unjournaled_file(register: Register) -> None:
    first = publish_notice(register, "D2013-001", "record", today=TODAY)
    assert register.path is not None
    first.path.write_bytes(first.path.read_bytes() + b"%")
    (problem,) = verify_register(register.path).problems
    assert problem.startswith(str(first.path)) and "journaled" in problem
    first.path.unlink()
    stranger = first.path.with_name("D2013-001-record-2013-02-20.pdf")
    stranger.write_bytes(b"%PDF-1.4 not what was published")
    (problem,) = verify_register(register.path).problems
    assert problem.startswith(str(stranger)) and "never published" in problem


# ---- confidential copies ---------------------------------------------------------------


def test_a_confidential_copy_is_refused_when_nothing_is_exempt(register: Register) -> None:
    with pytest.raises(NothingExempt, match="holds nothing exempt"):
        publish_notice(register, "D2013-001", "report", confidential=True, today=TODAY)
    assert not folders(register).confidential.exists()


def test_a_confidential_copy_names_the_paragraph_and_marks_each_passage(
        register: Register) -> None:
    written = publish_notice(register, "D2013-007", "record", confidential=True, today=TODAY)
    pdf = written.path.read_bytes()
    for page in pages_text(pdf):
        assert "CONFIDENTIAL – NOT FOR PUBLICATION" in page
        assert "paragraph 3 of Part 1 of Schedule 12A" in page
    words = squashed(text(pdf))
    decision = register.get("D2013-007")
    assert decision.record is not None
    for passage in (decision.record.decision, decision.record.reasons,
                    decision.record.alternatives_rejected):
        start = "[EXEMPT(para3)starts]"
        assert squashed(start + passage + "[EXEMPTends]") in words


def test_a_confidential_copy_goes_owner_only_to_its_own_folder(register: Register) -> None:
    written = publish_notice(register, "D2013-007", "report", confidential=True, today=TODAY)
    where = folders(register)
    assert written.path.parent == where.confidential != where.published
    assert "CONFIDENTIAL" in written.path.name
    assert stat.S_IMODE(os.stat(where.confidential).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(written.path).st_mode) == 0o600
    assert not where.published.exists()  # nothing beside the public notices
    public = publish_notice(register, "D2013-007", "report", today=TODAY)
    assert "Acme Ltd" not in text(public.path.read_bytes())
    assert stat.S_IMODE(os.stat(public.path).st_mode) == 0o644


def test_every_file_of_a_notice_is_journaled_and_verified(register: Register) -> None:
    """The hook for the accessible HTML copy: each rendition is staged, journaled with its
    SHA-256 under the notice's one dated name, placed, and checked by `clerk verify`."""
    from clerk.printing import _publish

    pdf, html = b"%PDF-1.4 a notice", b"<!doctype html><title>A notice</title>"
    notice = {"kind": "record", "refs": ["D2013-001"], "published_on": "2013-02-18",
              "renderer": "test"}
    written = _publish(register, pdf, notice, "notice published: record", date(2013, 2, 18),
                       folders(register).published, "D2013-001-record", private=False,
                       others=[("html", html)])
    page = written.path.with_suffix(".html")
    assert page.read_bytes() == html
    (event,) = register.events("notice published")
    assert [name for name, _ in event["notice"]["files"]] == [written.path.name, page.name]
    assert register.path is not None
    report = verify_register(register.path)
    assert report.ok and report.files_checked == 2
    page.write_bytes(html + b"<!-- changed -->")
    (problem,) = verify_register(register.path).problems
    assert problem.startswith(str(page))


def test_a_confidential_reprint_stays_with_the_confidential_copies(register: Register) -> None:
    first = publish_notice(register, "D2013-007", "record", confidential=True, today=TODAY)
    again = reprint_notice(register, "D2013-007", "record", date(2013, 2, 18),
                           confidential=True)
    assert again.path.parent == folders(register).confidential / "copies"
    assert stat.S_IMODE(os.stat(again.path.parent).st_mode) == 0o700
    assert again.path.read_bytes() == first.path.read_bytes()
    assert stat.S_IMODE(os.stat(again.path).st_mode) == 0o600
    with pytest.raises(NotPublished):  # the public one was never published
        reprint_notice(register, "D2013-007", "record", date(2013, 2, 18))


def test_a_confidential_draft_is_private_and_not_taken_for_a_forgery(
        register: Register) -> None:
    from clerk.printing import draft_notice

    publish_notice(register, "D2013-007", "record", confidential=True, today=TODAY)
    draft = draft_notice(register, "D2013-007", "report", confidential=True, today=TODAY)
    assert folders(register).confidential in draft.path.parents
    assert stat.S_IMODE(os.stat(draft.path.parent).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(draft.path).st_mode) == 0o600
    for page in pages_text(draft.path.read_bytes()):
        assert "DRAFT – NOT PUBLISHED" in page and "CONFIDENTIAL" in page
    assert register.path is not None
    assert verify_register(register.path).ok
