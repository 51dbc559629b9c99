"""An Arabic or Urdu name in a title is printed joined and right to left, in a font that
has its letters; the web page keeps the text as typed for the browser to order.

The expected glyphs are written out by hand from the Unicode Arabic Presentation Forms:
"شاہد عمران" (Shahid Imran; ہ is the Urdu heh goal, which DejaVu Sans lacks) reads right
to left, so drawn left to right it is عمران then شاہد, each letter in its joined form:
ن isolated FEE5, ا isolated FE8D, ر final FEAE, م medial FEE4, ع initial FECB; then
د final FEAA, ہ initial FBA8, ا final FE8E, ش initial FEB7.
"""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from clerk.domain.decision import Decision
from clerk.notices import render_forward_plan, render_notice, render_notice_html
from tests.notices.conftest import PUBLISHED_ON, seed_decision
from tests.notices.helpers import squashed, text
from tests.notices.test_access_pdf import fonts_of
from tests.notices.test_forward_plan import END, PUBLISHED, START, undecided

NAME = "شاہد عمران"
DRAWN = "\ufee5\ufe8d\ufeae\ufee4\ufecb \ufeaa\ufba8\ufe8e\ufeb7"
TITLE = f"Grant to {NAME} Trust for 12 flats"


@pytest.fixture
def urdu(seed: Decision) -> Decision:
    seed.title = TITLE
    return seed


def drawn(pdf: bytes) -> str:
    """The characters in the order the PDF draws them (each text operator's codes through
    its font's ToUnicode map), whitespace removed: what a reader sees left to right.
    pypdf's own text extraction turns right-to-left runs back into reading order."""
    out = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        maps = {}
        for name, ref in page["/Resources"]["/Font"].items():
            cmap = ref.get_object()["/ToUnicode"].get_object().get_data().decode("latin-1")
            maps[name] = {int(code, 16): chr(int(uni, 16)) for code, uni in
                          re.findall(r"<([0-9A-Fa-f]{2})> <([0-9A-Fa-f]{4,6})>", cmap)}
        current: dict[int, str] = {}
        for operands, operator in page.get_contents().operations:
            if operator == b"Tf":
                current = maps[operands[0]]
            elif operator == b"Tj":
                out.append("".join(current.get(code, "?")
                                   for code in operands[0].original_bytes))
    return squashed("".join(out))


def font_names(pdf: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for ref in page["/Resources"]["/Font"].values():
            names.add(str(ref.get_object()["/BaseFont"]).split("+")[-1])
    return names


@pytest.mark.parametrize("kind", ["record", "report", "call-in"])
def test_urdu_name_is_joined_and_right_to_left(kind: str, urdu: Decision, profile) -> None:  # type: ignore[no-untyped-def]
    pdf = render_notice(kind, urdu, profile, published_on=PUBLISHED_ON)
    assert squashed(f"Grant to {DRAWN} Trust for 12 flats") in drawn(pdf)
    assert "\x00" not in text(pdf)  # no letter without a glyph
    assert {"NotoSansArabic-Bold", "DejaVuSans-Bold"} <= font_names(pdf)
    for font in fonts_of(PdfReader(io.BytesIO(pdf))):  # the Arabic face is embedded too
        assert "/FontFile2" in font["/FontDescriptor"].get_object()


def test_numbers_inside_right_to_left_text_read_left_to_right(seed: Decision, profile) -> None:  # type: ignore[no-untyped-def]
    # "مدد 2013" (help 2013): the number stays 2013, to the left of مدد (م initial FEE3,
    # د medial-less: د final FEAA, د isolated FEA9 drawn first as the last letter)
    seed.record.decision = "مدد 2013"
    found = drawn(render_notice("record", seed, profile, published_on=PUBLISHED_ON))
    assert "2013\ufea9\ufeaa\ufee3" in found


def test_latin_text_is_printed_exactly_as_before(seed: Decision, profile) -> None:  # type: ignore[no-untyped-def]
    pdf = render_notice("record", seed, profile, published_on=PUBLISHED_ON)
    assert not any(name.startswith("NotoSansArabic") for name in font_names(pdf))


def test_the_web_page_keeps_the_name_as_typed(urdu: Decision, profile) -> None:  # type: ignore[no-untyped-def]
    page = render_notice_html("record", urdu, profile, published_on=PUBLISHED_ON)
    assert TITLE in page and DRAWN not in page


def test_the_forward_plan_prints_the_name_joined_and_right_to_left(urdu: Decision,
                                                                  profile) -> None:  # type: ignore[no-untyped-def]
    pdf = render_forward_plan([undecided(urdu, "D-URDU", START)], profile, start=START,
                              end=END, published_on=PUBLISHED)
    assert squashed(f"Grant to {DRAWN} Trust for 12 flats") in drawn(pdf)
    assert "\x00" not in text(pdf)


def test_bookmarks_keep_the_name_as_typed(urdu: Decision, profile) -> None:  # type: ignore[no-untyped-def]
    outline = PdfReader(io.BytesIO(render_notice(
        "record", urdu, profile, published_on=PUBLISHED_ON))).outline
    assert TITLE in [item.title for item in outline if not isinstance(item, list)]


def test_the_web_page_lets_right_to_left_paragraphs_take_their_own_direction(
        seed: Decision, profile) -> None:  # type: ignore[no-untyped-def]
    # as the PDF does: a paragraph's direction is its first letter's, so an Arabic
    # sentence's full stop ends it on the left; the title's Urdu name sits in English
    seed.record.decision = "قرر المجلس منح الصندوق."
    seed.title = TITLE
    page = render_notice_html("record", seed, profile, published_on=PUBLISHED_ON)
    assert re.search(r'<p [^>]*dir="auto"[^>]*>قرر المجلس منح الصندوق\.</p>', page)
    assert re.search(f'<h1 [^>]*dir="auto"[^>]*>{TITLE}</h1>', page)
    assert 'dir="' not in render_notice_html("record", seed_decision(), profile,
                                             published_on=PUBLISHED_ON)
