"""The call-in request form: only while the call-in period runs, on one page."""

from __future__ import annotations

from datetime import date

import pytest

from clerk.notices import NoticeRefused, missing_for, render_notice
from tests.notices.helpers import pages_text


def test_refused_after_the_call_in_period(seed, profile) -> None:  # type: ignore[no-untyped-def]
    # published Mon 18 Feb 2013: call-in ends 5.00pm on Mon 25 Feb 2013
    render_notice("call-in", seed, profile, published_on=date(2013, 2, 25))
    with pytest.raises(NoticeRefused, match="a call-in period still running \\(it ended at "
                       "5.00pm on Monday 25 February 2013\\)"):
        render_notice("call-in", seed, profile, published_on=date(2013, 2, 26))
    assert missing_for("call-in", seed, profile, date(2013, 2, 26))
    assert missing_for("call-in", seed, profile) == []  # no day given: nothing about it


def test_refused_for_an_implemented_decision(seed, profile) -> None:  # type: ignore[no-untyped-def]
    seed.implemented_on = date(2013, 2, 26)
    assert "a decision still open to call-in (it has been implemented)" in missing_for(
        "call-in", seed, profile)


@pytest.mark.parametrize("signatories", [1, 3, 5])
def test_fits_on_one_page(signatories, seed, profile) -> None:  # type: ignore[no-untyped-def]
    profile.call_in_signatories = signatories
    pdf = render_notice("call-in", seed, profile, published_on=date(2013, 2, 19))
    assert len(pages_text(pdf)) == 1
