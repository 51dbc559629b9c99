"""Schedule 12A: the public view stamps over every exempt field and the exempt matter."""

from __future__ import annotations

import copy
from datetime import date

from clerk.domain import lifecycle as L
from clerk.domain.decision import IMPLICATIONS, Record
from clerk.domain.exempt import EXEMPTABLE_FIELDS, exempt_texts, public_view, stamp
from tests.domain.conftest import draft

SECRET = "SECRET-£412,500-Kent-Homes"
PARA_3 = ("Not for publication by virtue of paragraph 3 of Part 1 of Schedule 12A to the "
          "Local Government Act 1972")


def test_stamp_for_one_paragraph() -> None:
    assert stamp([3]) == PARA_3


def test_stamp_for_several_paragraphs_in_order() -> None:
    assert stamp([3, 1]) == ("Not for publication by virtue of paragraphs 1 and 3 of Part 1 of "
                             "Schedule 12A to the Local Government Act 1972")
    assert stamp([7, 1, 3, 3]).startswith("Not for publication by virtue of paragraphs 1, 3 "
                                          "and 7 of Part 1")


def _everything_secret():  # type: ignore[no-untyped-def]
    """A private decision with secret text in every field that can be exempt, all marked."""
    d = draft()
    d = L.update_report(d, **{name: f"{SECRET} {name}" for name in (
        "key_issue", "recommendation", "reasons", "alternatives", "corporate_objectives",
        "risk_management", "conclusions")},
        appendices=[f"{SECRET} appendix A", f"{SECRET} appendix B"],
        background_documents=[f"{SECRET} background"],
        implications={key: f"{SECRET} {key}" for key, _ in IMPLICATIONS})
    d = L.set_private(d, paragraphs=[3], public_interest="Negotiations continue.",
                      exempt_information=f"{SECRET} best offer",
                      exempt_fields=list(EXEMPTABLE_FIELDS))
    d.record = Record(date(2013, 2, 12), f"{SECRET} decision", f"{SECRET} reasons",
                      f"{SECRET} alternatives", True, [], [f"{SECRET} paper"])
    return d


def test_public_view_replaces_every_exemptable_field_and_the_exempt_matter() -> None:
    d = _everything_secret()
    public = public_view(d)
    assert SECRET not in repr(public.to_dict())
    assert public.private.exempt_information == PARA_3
    plain = public.to_dict()
    for path in EXEMPTABLE_FIELDS:
        value = plain
        for name in path.split("."):
            value = value[name]
        assert value in (PARA_3, [PARA_3]), path
    # what is public stays: the title and the public interest reasoning
    assert public.title == d.title
    assert public.private.public_interest == "Negotiations continue."


def test_public_view_does_not_change_the_original() -> None:
    d = _everything_secret()
    before = copy.deepcopy(d.to_dict())
    public_view(d)
    assert d.to_dict() == before
    assert len(exempt_texts(d)) > len(EXEMPTABLE_FIELDS)


def test_unmarked_fields_stay_public() -> None:
    d = L.update_report(draft(), key_issue="Public issue",
                        implications={"financial": f"{SECRET}", "legal": "Public legal"})
    d = L.set_private(d, paragraphs=[3], public_interest="x",
                      exempt_fields=["report.implications.financial"])
    public = public_view(d)
    assert public.report.key_issue == "Public issue"
    assert public.report.implications == {"financial": PARA_3, "legal": "Public legal"}
    assert public.private.exempt_information == ""  # none recorded: nothing to stamp


def test_public_decision_is_unchanged() -> None:
    d = L.update_report(draft(), key_issue="Public issue")
    assert public_view(d) == d
