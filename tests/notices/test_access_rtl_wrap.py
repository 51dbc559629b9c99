"""Right-to-left text long enough to wrap: the reader reads the lines top to bottom, each
right to left, so the first words typed are on the first line, at its right end.

The lines are read back from the PDF as drawn: each text operator's codes through its
font's ToUnicode map, placed on the page by the text and graphics positioning operators,
so a line is what a reader sees left to right at one height. The expected words come from
the text as typed, through arabic-reshaper (the joined letter forms) only: read right to
left, a drawn line of Arabic words, each word's letters reversed, must give back the typed
words in order.
"""

from __future__ import annotations

import io
import re
import unicodedata
from typing import Any

import arabic_reshaper
import pytest
from pypdf import PdfReader

from clerk.domain.decision import Decision
from clerk.notices import render_notice
from clerk.notices.rtl import display_order
from tests.notices.conftest import PUBLISHED_ON

# "The council decided to grant the fund an amount to build twelve housing flats in the
# town centre during the coming year", three times: several lines in any column
SENTENCE = ("قرر المجلس منح الصندوق مبلغا لبناء اثنتي عشرة شقة سكنية في وسط المدينة خلال "
            "العام القادم")
PASSAGE = " ".join([SENTENCE] * 3)
# an Urdu name of many words inside an English title, long enough to be broken across lines
URDU_NAME = "محمد شاہد عمران خان صدیقی چودھری بخاری قریشی"
TITLE = f"Grant to the {URDU_NAME} Welfare Trust for 12 affordable flats at Mill Street"
ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def _maps(page: Any) -> dict[str, dict[int, str]]:
    maps = {}
    for name, ref in page["/Resources"]["/Font"].items():
        cmap = ref.get_object()["/ToUnicode"].get_object().get_data().decode("latin-1")
        maps[name] = {int(code, 16): chr(int(uni, 16)) for code, uni in
                      re.findall(r"<([0-9A-Fa-f]{2})> <([0-9A-Fa-f]{4,6})>", cmap)}
    return maps


def drawn_lines(pdf: bytes) -> list[str]:
    """Every line of text in the PDF, page by page and top to bottom, each as drawn left
    to right (the strings shown at one height, in the order shown: a paragraph's line is
    drawn from its left end)."""
    out: list[str] = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        maps = _maps(page)
        lines: dict[float, str] = {}
        origin = [0.0, 0.0]  # the translation of the graphics state (no scaling is used)
        saved: list[list[float]] = []
        line_y, leading = 0.0, 0.0
        current: dict[int, str] = {}
        for operands, operator in page.get_contents().operations:
            if operator == b"q":
                saved.append(list(origin))
            elif operator == b"Q":
                origin = saved.pop()
            elif operator == b"cm":
                origin = [origin[0] + float(operands[4]), origin[1] + float(operands[5])]
            elif operator == b"Tm":
                line_y = float(operands[5])
            elif operator == b"Td":
                line_y += float(operands[1])
            elif operator == b"TL":
                leading = float(operands[0])
            elif operator == b"T*":
                line_y -= leading
            elif operator == b"Tf":
                current = maps[operands[0]]
            elif operator == b"Tj":
                y = round(origin[1] + line_y, 1)
                lines[y] = lines.get(y, "") + "".join(current.get(code, "?")
                                                      for code in operands[0].original_bytes)
        out += [lines[y] for y in sorted(lines, reverse=True)]
    return out


def arabic_words(line: str) -> list[str]:
    return [word for word in line.split() if ARABIC.search(word)]


def read_right_to_left(lines: list[str]) -> list[str]:
    """The Arabic words of the drawn lines as a reader takes them: lines top to bottom,
    each line's words from its right end, each word's letters from the right."""
    return [word[::-1] for line in lines for word in reversed(arabic_words(line))]


def typed_words(text: str) -> list[str]:
    return [word for word in arabic_reshaper.reshape(text).split() if ARABIC.search(word)]


def test_a_wrapped_arabic_passage_reads_from_its_first_line(seed: Decision, profile) -> None:  # type: ignore[no-untyped-def]
    seed.record.decision = PASSAGE
    lines = [line for line in drawn_lines(render_notice("record", seed, profile,
                                                        published_on=PUBLISHED_ON))
             if arabic_words(line)]
    assert len(lines) >= 3  # it really wraps
    first = SENTENCE.split()[:2]  # "قرر المجلس", the council decided
    assert read_right_to_left(lines[:1])[:2] == typed_words(" ".join(first))
    assert read_right_to_left(lines) == typed_words(PASSAGE)


def test_a_wrapped_english_title_keeps_its_urdu_name_in_reading_order(seed: Decision,
                                                                     profile) -> None:  # type: ignore[no-untyped-def]
    seed.title = TITLE
    lines = drawn_lines(render_notice("record", seed, profile, published_on=PUBLISHED_ON))
    start = next(at for at, line in enumerate(lines) if line.startswith("Grant to the"))
    title = lines[start:next(at for at, line in enumerate(lines)
                             if line.startswith("Reference:"))]  # the line under the title
    assert len(title) >= 2 and all(arabic_words(line) for line in title[:2])  # broken inside
    assert read_right_to_left(title) == typed_words(URDU_NAME)
    # the English reads left to right around the name: it starts the first line, and the
    # name's part on each line sits where it was typed (before "Welfare" on the last)
    assert title[0].startswith("Grant to the ")
    assert re.search(f"{ARABIC.pattern} Welfare Trust for 12", " ".join(title))
    assert " ".join(title).endswith("Mill Street")


def test_a_wrapped_urdu_passage_keeps_its_numbers_in_place(seed: Decision, profile) -> None:  # type: ignore[no-untyped-def]
    # a number inside right-to-left text reads left to right, in its place among the words
    words = SENTENCE.split()
    passage = " ".join([*words[:6], "2013", *words[6:]] * 3)
    seed.record.decision = passage
    lines = [line for line in drawn_lines(render_notice("record", seed, profile,
                                                        published_on=PUBLISHED_ON))
             if arabic_words(line)]
    read = [word[::-1] if ARABIC.search(word) else word
            for line in lines for word in reversed(line.split())]
    expected = arabic_reshaper.reshape(passage).split()
    assert read[-len(expected):] == expected


def test_a_hebrew_word_in_english_reads_right_to_left(seed: Decision, profile) -> None:  # type: ignore[no-untyped-def]
    # "קהילה" (community): drawn left to right its letters are reversed, the English not
    seed.record.decision = "Consultation with the קהילה group of Maidstone."
    lines = drawn_lines(render_notice("record", seed, profile, published_on=PUBLISHED_ON))
    assert "Consultation with the הליהק group of Maidstone." in lines


def test_a_passage_split_across_pages_reads_on(seed: Decision, profile) -> None:  # type: ignore[no-untyped-def]
    seed.record.decision = " ".join([SENTENCE] * 60)
    pdf = render_notice("record", seed, profile, published_on=PUBLISHED_ON)
    assert len(PdfReader(io.BytesIO(pdf)).pages) >= 3  # the paragraph is split over pages
    lines = [line for line in drawn_lines(pdf) if arabic_words(line)]
    assert read_right_to_left(lines) == typed_words(seed.record.decision)


@pytest.mark.parametrize("line", [
    "Grant to شاہد عمران Trust (12 flats) مدد 2013.",
    "اجتماع المجلس (الثاني) في 12 مارس، 2024.",
    "שלום (עולם) abc 12.",
    "Urdu: شاہد 12-13 عمران!",
    "\u202bembedded \u202aLTR\u202c text\u202c and قرر",
])
@pytest.mark.parametrize("base", [0, 1])
def test_each_line_is_ordered_as_python_bidi_orders_it(line: str, base: int) -> None:
    # the notices follow python-bidi's own steps to know where each character goes: they
    # must give what its public entry point gives, letters, brackets and all
    from bidi.algorithm import get_display

    shaped = arabic_reshaper.reshape(line)
    drawn = display_order(shaped, base)
    assert "".join(char for _, char in drawn) == get_display(shaped, base_dir="LR"[base])
    assert all(shaped[at] == char or at in mirrorable(shaped)
               for at, char in drawn)


def mirrorable(text: str) -> set[int]:
    """The places of the characters that may be drawn mirrored (brackets)."""
    return {at for at, char in enumerate(text) if unicodedata.mirrored(char)}


def test_brackets_in_arabic_text_face_the_words_they_hold(seed: Decision, profile) -> None:  # type: ignore[no-untyped-def]
    # "the second (meeting)": drawn left to right, the bracket on the left opens, the one on
    # the right closes, around the word's letters reversed
    seed.record.decision = "الاجتماع (الثاني) للمجلس"
    word = arabic_reshaper.reshape("الثاني")[::-1]
    lines = drawn_lines(render_notice("record", seed, profile, published_on=PUBLISHED_ON))
    assert any(f"({word})" in line for line in lines)
