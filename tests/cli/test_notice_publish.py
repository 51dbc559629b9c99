"""`clerk notice` and `clerk forward-plan` from the command line: publish once under a dated
name, preview with --draft, reprint with --as-published, and `clerk verify` agrees."""

from __future__ import annotations

from pathlib import Path

import pytest

from clerk.store import Register
from tests.cli.conftest import Clerk
from tests.notices.helpers import pages_text, text

MARCH = "2013-03-31"  # a reprint in March of a record published on 18 February


@pytest.fixture
def demo(clerk: Clerk) -> Clerk:
    clerk.today = MARCH
    clerk("demo")
    return clerk


def _journal(clerk: Clerk) -> bytes:
    return Path(f"{clerk.db}.journal").read_bytes()


def _retitle(clerk: Clerk, ref: str) -> None:
    """Change what the notice shows, after it was published."""
    with Register.open(clerk.db, write=True) as register:
        decision = register.get(ref)
        decision.title = "A title changed after publication"
        register.save(decision, action="title changed")


def _notices(clerk: Clerk) -> Path:
    return Path(f"{clerk.db}.notices")


def test_a_record_published_in_march_says_february(demo: Clerk) -> None:
    out = demo("notice", "record", "D2013-001").stdout
    pdf = _notices(demo) / "D2013-001-record-2013-02-18.pdf"
    assert f"Published {pdf}, dated Mon 18 Feb 2013" in out
    for page in pages_text(pdf.read_bytes()):
        assert "Published Monday 18 February 2013" in page
    assert "31 March 2013" not in text(pdf.read_bytes())


def test_a_date_other_than_the_registers_is_refused(demo: Clerk) -> None:
    before = _journal(demo)
    error = demo.refused("notice", "record", "D2013-001", "--on", "31/03/2013")
    assert "dated Mon 18 Feb 2013" in error and "not Sun 31 Mar 2013" in error
    assert _journal(demo) == before and not _notices(demo).exists()


def test_publishing_the_same_notice_again_writes_and_journals_nothing(demo: Clerk) -> None:
    demo("notice", "record", "D2013-001")
    journal = _journal(demo)
    out = demo("notice", "record", "D2013-001").stdout
    assert out.startswith("Already published:") and "Nothing new" in out
    assert _journal(demo) == journal
    assert [p.name for p in _notices(demo).iterdir()] == ["D2013-001-record-2013-02-18.pdf"]


def test_a_draft_is_marked_and_not_journaled(demo: Clerk, tmp_path: Path) -> None:
    journal = _journal(demo)
    out = demo("notice", "record", "D2013-001", "--draft", "-o", str(tmp_path / "p.pdf"))
    assert "DRAFT" in out.stdout and "not journaled" in out.stdout
    for page in pages_text((tmp_path / "p.pdf").read_bytes()):
        assert "DRAFT – NOT PUBLISHED" in page
    assert _journal(demo) == journal and not _notices(demo).exists()


def test_a_record_reprint_as_published_is_byte_identical(demo: Clerk, tmp_path: Path) -> None:
    demo("notice", "record", "D2013-001")
    published = (_notices(demo) / "D2013-001-record-2013-02-18.pdf").read_bytes()
    _retitle(demo, "D2013-001")
    out = demo("notice", "record", "D2013-001", "--as-published", "18/02/2013",
               "-o", str(tmp_path / "again.pdf")).stdout
    assert "byte for byte" in out
    assert (tmp_path / "again.pdf").read_bytes() == published
    error = demo.refused("notice", "record", "D2013-001", "--as-published", "19/02/2013")
    assert "no record of decision of D2013-001 published on Tue 19 Feb 2013" in error


def test_a_forward_plan_reprint_as_published_is_byte_identical(demo: Clerk,
                                                                tmp_path: Path) -> None:
    demo("plan", "D2013-008", "--document", "Report of the Head of Service",
         "--documents-from", "Democratic Services, Maidstone House")
    demo("plan", "D2013-002", "--documents-from", "Democratic Services, Maidstone House")
    out = demo("forward-plan", "--from", "01/04/2013", "--to", "30/04/2013",
               "--on", "19/03/2013").stdout
    assert "2 key decisions listed." in out
    pdf = _notices(demo) / "forward-plan-2013-04-01-to-2013-04-30-published-2013-03-19.pdf"
    published = pdf.read_bytes()
    _retitle(demo, "D2013-008")
    demo("forward-plan", "--as-published", "19/03/2013", "-o", str(tmp_path / "again.pdf"))
    assert (tmp_path / "again.pdf").read_bytes() == published
    demo("verify", "--render")


def test_an_empty_forward_plan_is_published_and_verifies(demo: Clerk) -> None:
    out = demo("forward-plan", "--from", "01/01/2030", "--to", "31/01/2030").stdout
    assert "0 key decisions listed." in out and "journaled" in out
    verified = demo("verify", "--render").stdout
    assert "1 file(s) matched, 1 redrawn and matched" in verified


def test_a_confidential_copy_of_a_decision_with_nothing_exempt_is_refused(demo: Clerk) -> None:
    error = demo.refused("notice", "record", "D2013-001", "--confidential")
    assert "holds nothing exempt" in error
    assert not Path(f"{demo.db}.confidential").exists()


def test_verify_checks_every_published_notice(demo: Clerk) -> None:
    demo("notice", "record", "D2013-001")
    demo("notice", "private", "D2013-002", "--confidential")
    out = demo("verify", "--render").stdout
    assert "2 notices, 2 file(s) matched, 2 redrawn and matched" in out
    (confidential,) = Path(f"{demo.db}.confidential").iterdir()
    confidential.write_bytes(confidential.read_bytes() + b"%")
    result = demo("verify", ok=False)
    assert result.exit_code == 1 and str(confidential) in result.stdout


def test_a_copy_never_replaces_a_published_notice(demo: Clerk) -> None:
    demo("notice", "record", "D2013-001")
    record = _notices(demo) / "D2013-001-record-2013-02-18.pdf"
    kept = record.read_bytes()
    result = demo("notice", "call-in", "D2013-003", "-o", str(record), ok=False)
    assert result.exit_code == 1 and "Published" in result.stdout  # it was, and says so
    assert "The copy was not written" in result.stderr and "published notice" in result.stderr
    assert record.read_bytes() == kept


def test_a_reference_that_would_name_another_folder_is_refused(demo: Clerk) -> None:
    from clerk.notice_files import NoticeFileError, check_ref
    from clerk.store import InvalidDecision

    with Register.open(demo.db, write=True) as register:
        decision = register.get("D2013-001")
        decision.ref = "../escape"
        with pytest.raises(InvalidDecision):  # the register never holds such a reference
            register.save(decision, action="imported with an odd reference")
    error = demo.refused("notice", "record", "../escape")
    assert "is not a decision reference" in error
    with pytest.raises(NoticeFileError, match="cannot name a notice file"):
        check_ref("../escape")
    assert not (demo.db.parent.parent / "escape-record-2013-02-18.pdf").exists()


def test_the_web_page_is_published_journaled_and_verified_with_the_pdf(demo: Clerk) -> None:
    out = demo("notice", "record", "D2013-001", "--html").stdout
    page = _notices(demo) / "D2013-001-record-2013-02-18.html"
    assert f"Its web page: {page}." in out and page.exists()
    assert "1 notices, 2 file(s) matched" in demo("verify").stdout  # the PDF and its page
    page.write_text(page.read_text(encoding="utf-8") + "<!-- changed -->", encoding="utf-8")
    result = demo("verify", ok=False)
    assert result.exit_code == 1 and str(page) in result.stdout
    error = demo.refused("notice", "record", "D2013-001", "--html", "--draft")
    assert "--html goes with a publication" in error
