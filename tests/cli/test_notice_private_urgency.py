"""`clerk notice private-urgency`: the regulation 5(7) reasons notice, published from the
command line once the register holds the agreement and the notice's date, each refusal
naming the step that records what is missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.conftest import Clerk
from tests.notices.helpers import pages_text, text

REF = "D2013-002"  # the demo's private disposal of land, not yet decided


@pytest.fixture
def demo(clerk: Clerk) -> Clerk:
    clerk.today = "2013-03-31"
    clerk("demo")
    return clerk


def test_the_reasons_notice_is_published_once_its_agreement_and_date_are_held(
        demo: Clerk) -> None:
    error = demo.refused("notice", "private-urgency", REF)
    assert "Cannot print the notice of reasons for urgent private meeting" in error
    assert f"clerk private-urgency {REF}" in error  # the agreement first, not its date
    demo("private-urgency", REF, "--agreed-by", "Cllr Fran Wilson", "--role", "scrutiny-chair",
         "--agreed-on", "25/03/2013", "--reasons", "The purchaser's finance lapses on 19 April.")
    error = demo.refused("notice", "private-urgency", REF)
    assert f"clerk reasons-notice {REF} --route private-urgency --on DATE" in error
    demo("reasons-notice", REF, "--route", "private-urgency", "--on", "26/03/2013")
    out = demo("notice", "private-urgency", REF).stdout
    pdf = Path(f"{demo.db}.notices") / f"{REF}-private-urgency-2013-03-26.pdf"
    assert f"Published {pdf}" in out
    found = text(pdf.read_bytes())
    assert "Agreed urgent by Cllr Fran Wilson" in found
    assert "The purchaser's finance lapses on 19 April." in found
    assert "Date of this notice Tuesday 26 March 2013" in found
    assert all("Published Tuesday 26 March 2013" in page
               for page in pages_text(pdf.read_bytes()))
    assert "1 redrawn and matched" in demo("verify", "--render").stdout  # drawn again, same
