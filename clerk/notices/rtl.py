"""Right-to-left text (an Arabic or Urdu name in a title) drawn joined and in order.

reportlab draws characters left to right as stored, one glyph each: Arabic came out with
its letters unjoined and reversed. Before a PDF is laid out, each line holding Arabic
script (or Hebrew) is put into display order by the Unicode bidirectional algorithm
(python-bidi) after its letters are replaced by their joined forms (arabic-reshaper, to
the Arabic Presentation Forms, which the fonts map to joined glyphs); runs of Arabic
script are set in Noto Sans Arabic, which has the Urdu letters DejaVu Sans lacks (heh
goal U+06C1, yeh barree U+06D2).

Only the PDF is changed, at the last moment (`pages.build`): the notice's story keeps
the text as typed, so its web page (`html.py`) gives the browser the logical text to
order itself. Text without right-to-left characters is left exactly as it was.

Known limit: the order is found per line as typed, so a right-to-left passage that the
PDF wraps onto a second line shows its second part first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from html import unescape
from typing import Any

ARABIC_FONT = "NotoSansArabic"
ARABIC_FONT_BOLD = "NotoSansArabic-Bold"
# Arabic, its supplement and extended A, and the Presentation Forms A and B; Hebrew
ARABIC_RANGES = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF),
                 (0xFE70, 0xFEFF))
HEBREW_RANGES = ((0x0590, 0x05FF),)
_ARABIC = "".join(f"{chr(low)}-{chr(high)}" for low, high in ARABIC_RANGES)
_RTL = re.compile("[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in HEBREW_RANGES)
                  + _ARABIC + "]")
# a run of Arabic script, with the spaces between its words
_ARABIC_RUN = re.compile(f"[{_ARABIC}](?:[{_ARABIC} ]*[{_ARABIC}])?")
_TAG = re.compile(r"(<[^>]*>)")


def has_rtl(text: str) -> bool:
    return _RTL.search(text) is not None


def visual(text: str) -> str:
    """One line of text in the order it is drawn left to right, Arabic letters joined."""
    if not has_rtl(text):
        return text
    import arabic_reshaper
    from bidi import get_display

    shown: str = get_display(arabic_reshaper.reshape(text), base_dir="L")
    return shown


def runs(line: str) -> list[tuple[bool, str]]:
    """A line (already in display order) as (is Arabic script, text) runs, in order."""
    out: list[tuple[bool, str]] = []
    at = 0
    for found in _ARABIC_RUN.finditer(line):
        if found.start() > at:
            out.append((False, line[at:found.start()]))
        out.append((True, found.group()))
        at = found.end()
    if at < len(line):
        out.append((False, line[at:]))
    return out


def drawn_runs(line: str, font: str) -> list[tuple[str, str]]:
    """A line of text drawn directly on the canvas (the forward plan's table) as (font
    name, text) pieces in display order; the line itself when it has no right-to-left
    text."""
    if not has_rtl(line):
        return [(font, line)]
    from clerk.notices.styles import FONT_BOLD

    register_arabic()
    arabic = ARABIC_FONT_BOLD if font == FONT_BOLD else ARABIC_FONT
    return [(arabic if is_arabic else font, part) for is_arabic, part in runs(visual(line))]


@lru_cache(maxsize=1)
def register_arabic() -> None:
    """Register Noto Sans Arabic (regular and bold): only when a notice needs it."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics

    from clerk.notices import fonts
    from clerk.notices.styles import FONT_DIR

    faces = {ARABIC_FONT: "NotoSansArabic-Regular.ttf", ARABIC_FONT_BOLD: "NotoSansArabic-Bold.ttf"}
    for name, file in faces.items():
        pdfmetrics.registerFont(fonts.load(name, FONT_DIR / file))
    for bold, italic, face in ((0, 0, ARABIC_FONT), (1, 0, ARABIC_FONT_BOLD),
                               (0, 1, ARABIC_FONT), (1, 1, ARABIC_FONT_BOLD)):
        addMapping(ARABIC_FONT, bold, italic, face)


def _markup_text(text: str, bold: bool) -> str:
    """Paragraph text (between tags, entities escaped) in display order, Arabic runs in
    the Arabic face."""
    from clerk.notices.blocks import escape

    face = ARABIC_FONT_BOLD if bold else ARABIC_FONT
    return "".join(f'<font name="{face}">{escape(part)}</font>' if arabic else escape(part)
                   for arabic, part in runs(visual(unescape(text))))


def markup(text: str, bold: bool = False) -> str:
    """A Paragraph's markup with each piece of text between its tags in display order."""
    if not has_rtl(text):
        return text
    register_arabic()
    out = []
    inside_bold = bold
    for part in _TAG.split(text):
        if part.startswith("<"):
            tag = part.strip("<>/ ").split(" ")[0].lower()
            if tag in ("b", "strong"):
                inside_bold = bold or not part.startswith("</")
            out.append(part)
        elif part:
            out.append(_markup_text(part, inside_bold))
    return "".join(out)


def prepare(story: Sequence[Any]) -> list[Any]:
    """The story to lay out: each paragraph holding right-to-left text replaced by one in
    display order (inside tables and kept-together groups too); others as they are."""
    from reportlab.platypus import KeepTogether, Paragraph, Table

    from clerk.notices.styles import FONT_BOLD

    def fix(item: Any) -> Any:
        if isinstance(item, Paragraph):
            if not has_rtl(item.text):
                return item
            bullet = getattr(item, "bulletText", None)
            shown = Paragraph(markup(item.text, item.style.fontName == FONT_BOLD), item.style,
                              bulletText=bullet)
            shown.typed = item.getPlainText()  # type: ignore[attr-defined]  # for bookmarks
            return shown
        if isinstance(item, (list, tuple)):
            return [fix(inner) for inner in item]
        if isinstance(item, Table):  # reportlab keeps no public accessor for the cells
            item._cellvalues = [[fix(cell) for cell in row] for row in item._cellvalues]
        elif isinstance(item, KeepTogether):
            item._content = [fix(inner) for inner in item._content]
        return item

    return [fix(item) for item in story]
