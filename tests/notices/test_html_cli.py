"""`clerk notice --html` and `clerk forward-plan --html`: the web page beside the PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.cli.conftest import Clerk
from tests.notices.test_html import Page


@pytest.fixture
def clerk(tmp_path: Path) -> Clerk:
    return Clerk(tmp_path / "register.json", CliRunner())


def test_notice_html_is_written_beside_the_pdf(clerk: Clerk, tmp_path: Path) -> None:
    clerk("demo", today="2013-03-31")
    pdf = tmp_path / "record.pdf"
    out = clerk("notice", "record", "D2013-001", "-o", str(pdf), "--on", "18/02/2013",
                "--html", today="2013-03-31").stdout
    page = Page((tmp_path / "record.html").read_text(encoding="utf-8"))
    assert pdf.exists() and f"Wrote {tmp_path / 'record.html'}" in out
    assert page.lang == "en-GB"
    assert "Maidstone Community Safety Partnership Plan 2013 – 2018" in page.texts("h1")
    assert "Decision made" in page.texts("h2")


def test_without_html_no_page_is_written(clerk: Clerk, tmp_path: Path) -> None:
    clerk("demo", today="2013-03-31")
    clerk("notice", "record", "D2013-001", "-o", str(tmp_path / "r.pdf"), today="2013-03-31")
    assert not (tmp_path / "r.html").exists()


def test_forward_plan_html_is_written_beside_the_pdf(clerk: Clerk, tmp_path: Path) -> None:
    clerk("demo", today="2013-03-31")
    pdf = tmp_path / "plan.pdf"
    clerk("forward-plan", "--from", "01/06/2013", "--to", "30/06/2013", "-o", str(pdf),
          "--html", today="2013-03-31")
    page = Page((tmp_path / "plan.html").read_text(encoding="utf-8"))
    assert "Forward plan: notice of key decisions" in page.texts("h1")
