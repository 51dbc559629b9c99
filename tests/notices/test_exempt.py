"""No exempt information ever appears in a public notice: a property over random content."""

from __future__ import annotations

import copy

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerk.domain.decision import Decision
from clerk.domain.exempt import EXEMPTABLE_FIELDS, exempt_texts, stamp
from clerk.notices import KINDS, render_notice
from tests.notices.conftest import PUBLISHED_ON, maidstone, private_decision
from tests.notices.helpers import metadata, squashed, text

PROFILE = maidstone()
BASE = private_decision()

# Printable Latin text, markup characters included; no control characters.
latin = st.characters(min_codepoint=0x20, max_codepoint=0x17F,
                      blacklist_categories=("Cc", "Cs"))
content = st.text(latin, min_size=3, max_size=60)


def place(decision: Decision, path: str, value: str) -> None:
    *parents, last = path.split(".")
    target: object = decision
    for name in parents:
        target = getattr(target, name)
    if isinstance(target, dict):
        target[last] = value
    elif isinstance(getattr(target, last), list):
        setattr(target, last, [value])
    else:
        setattr(target, last, value)


@st.composite
def exempt_decisions(draw: st.DrawFn) -> Decision:
    decision = copy.deepcopy(BASE)
    fields = draw(st.lists(st.sampled_from(EXEMPTABLE_FIELDS), min_size=1, unique=True))
    decision.exempt_fields = list(fields)
    for index, path in enumerate(fields):
        # A marker makes an accidental match with the notice's own words impossible,
        # and a leak would print it with the rest.
        value = f"ZQX{index}{draw(content)}"
        if draw(st.booleans()):
            value += f"\n\nZQY{index}" + draw(content)
        place(decision, path, value)
    decision.private.exempt_information = "ZQXmatter" + draw(content)
    decision.private.paragraphs = draw(st.lists(st.integers(1, 7), min_size=1, max_size=3))
    return decision


def leaks(decision: Decision, pdf: bytes) -> list[str]:
    printed = squashed(text(pdf)) + squashed(" ".join(metadata(pdf).values()))
    found = []
    for secret in exempt_texts(decision):
        for block in secret.split("\n\n"):
            if squashed(block) and squashed(block) in printed:
                found.append(block)
    return found


@pytest.mark.parametrize("kind", list(KINDS))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(decision=exempt_decisions())
def test_no_exempt_text_in_any_public_notice(kind: str, decision: Decision) -> None:
    pdf = render_notice(kind, decision, PROFILE, published_on=PUBLISHED_ON)
    assert leaks(decision, pdf) == []


@pytest.mark.parametrize("kind", list(KINDS))
def test_public_notice_carries_the_stamp(kind: str) -> None:
    decision = copy.deepcopy(BASE)
    pdf = render_notice(kind, decision, PROFILE, published_on=PUBLISHED_ON)
    wanted = stamp(decision.private.paragraphs)
    printed = squashed(text(pdf))
    if kind not in ("general-exception", "exception-reasons", "urgency", "private-urgency"):
        assert squashed(wanted) in printed, kind
    assert leaks(decision, pdf) == []


def test_detection_works_on_the_confidential_version() -> None:
    decision = copy.deepcopy(BASE)
    pdf = render_notice("report", decision, PROFILE, published_on=PUBLISHED_ON,
                        confidential=True)
    found = leaks(decision, pdf)
    assert "Which bid for the depot to accept: Acme Ltd offered £1,250,000." in found
    assert "A capital receipt of £1,250,000 from Acme Ltd." in found
