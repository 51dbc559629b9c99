"""Right-to-left text (an Arabic or Urdu name in a title, an Arabic passage) drawn joined
and in reading order.

reportlab draws characters left to right as stored, one glyph each: Arabic came out with
its letters unjoined and reversed. So before a PDF is laid out, the letters of Arabic
script are replaced by their joined forms (arabic-reshaper, to the Arabic Presentation
Forms, which the fonts map to joined glyphs) and runs of Arabic script are set in Noto
Sans Arabic, which has the Urdu letters DejaVu Sans lacks (heh goal U+06C1, yeh barree
U+06D2). The text stays in the order it was typed while reportlab breaks the paragraph
into lines (`RightToLeft`); each line is put into display order only as it is drawn, by
the Unicode bidirectional algorithm (python-bidi), so the first words typed are on the
first line, at its right end, and the reader reads the lines top to bottom.

A paragraph's direction is that of its first letter (rules P2-P3 of the algorithm): one
that starts in Arabic or Hebrew is set flush right; one that starts in English keeps its
alignment, its right-to-left words in place among the English. Numbers read left to
right, and brackets in right-to-left text are mirrored. python-bidi's implementation that
reports where each character goes has no bracket pairing (rule N0): brackets holding
English inside an Arabic sentence may face the wrong way.

Only the PDF is changed, at the last moment (`pages.build`): the notice's story keeps
the text as typed, so its web page (`html.py`) gives the browser the logical text to
order itself, each paragraph holding right-to-left text marked dir="auto" to take its
direction from its first letter as here. Text without right-to-left characters is left
exactly as it was.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from html import unescape
from typing import Any

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table

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


def joined(text: str) -> str:
    """Arabic letters replaced by their joined forms; the order left as typed."""
    if not has_rtl(text):
        return text
    import arabic_reshaper

    shaped: str = arabic_reshaper.reshape(text)
    return shaped


def direction(text: str) -> int:
    """0 for a paragraph that reads left to right, 1 right to left: the direction of its
    first letter (rules P2-P3), left to right when it has none."""
    from bidi import get_base_level

    level: int = get_base_level(text)
    return level


def display_order(line: str, base: int) -> list[tuple[int, str]]:
    """One line's characters as drawn left to right, each with its place in `line` (the
    character itself mirrored where it is drawn right to left, a bracket say), in a
    paragraph of direction `base`. Formatting controls the algorithm removes are left out.

    python-bidi's Python implementation, whose steps keep each character's record, so a
    character's place in the line (and so its font) goes with it."""
    from bidi import algorithm

    storage = algorithm.get_empty_storage()
    storage["base_level"] = base
    storage["base_dir"] = "LR"[base]
    algorithm.get_embedding_levels(line, storage)
    for at, char in enumerate(storage["chars"]):
        char["at"] = at
    algorithm.explicit_embed_and_overrides(storage)
    algorithm.resolve_weak_types(storage)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    algorithm.reorder_resolved_levels(storage, False)
    algorithm.apply_mirroring(storage, False)
    return [(char["at"], char["ch"]) for char in storage["chars"]]


def visual(line: str, base: int | None = None) -> str:
    """One line of text in the order it is drawn left to right, Arabic letters joined (in
    a paragraph of direction `base`, else of the line's own)."""
    if not has_rtl(line):
        return line
    shaped = joined(line)
    return "".join(char for _, char in display_order(
        shaped, direction(shaped) if base is None else base))


def runs(line: str) -> list[tuple[bool, str]]:
    """A line as (is Arabic script, text) runs, in order."""
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
    """A line of text drawn directly on the canvas (the forward plan's table, which breaks
    its lines itself) as (font name, text) pieces in display order; the line itself when
    it has no right-to-left text."""
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
    """Paragraph text (between tags, entities escaped) joined, as typed, Arabic runs in
    the Arabic face."""
    from clerk.notices.blocks import escape

    face = ARABIC_FONT_BOLD if bold else ARABIC_FONT
    return "".join(f'<font name="{face}">{escape(part)}</font>' if arabic else escape(part)
                   for arabic, part in runs(joined(unescape(text))))


def markup(text: str, bold: bool = False) -> str:
    """A Paragraph's markup with its Arabic letters joined and set in the Arabic face,
    still in the order typed."""
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


class RightToLeft(Paragraph):
    """A paragraph holding right-to-left text. reportlab breaks it into lines in the order
    typed (the letters already joined and in their face, so every width is the drawn one);
    each line is put into display order as it is drawn, and only then."""

    base = 0  # the paragraph's direction (`direction`); the parts of a split keep it
    typed = ""  # the text as typed, for the PDF's bookmarks
    blPara: Any  # reportlab's broken lines, set by `wrap`  # noqa: N815 (reportlab's name)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 (reportlab's names)
        parts: list[Flowable] = super().split(availWidth, availHeight)
        for part in parts:
            if isinstance(part, RightToLeft):
                part.base, part.typed = self.base, self.typed
        return parts

    def drawPara(self, debug: int = 0) -> None:  # noqa: N802 (reportlab's name)
        typed = self.blPara
        self.blPara = _displayed(typed, self.base)
        try:
            super().drawPara(debug)
        finally:
            self.blPara = typed


def _displayed(lines: Any, base: int) -> Any:
    """reportlab's broken lines (`Paragraph.breakLines`) with each line in display order:
    for one font, each line's words; for several, each line's pieces of text, regrouped
    by the font (and colour, size, ...) of each character."""
    if lines.kind == 0:
        return lines.clone(lines=[
            (space, "".join(char for _, char in display_order(" ".join(words), base)).split(" "))
            for space, words in lines.lines])
    return lines.clone(lines=[line.clone(words=_displayed_frags(line.words, base))
                              for line in lines.lines])


def _displayed_frags(frags: list[Any], base: int) -> list[Any]:
    """One line's pieces of text (reportlab's fragments) in display order. Pieces that
    are not text (an anchor) come first: they draw nothing."""
    others = [frag for frag in frags if hasattr(frag, "cbDefn")]
    texts = [frag for frag in frags if not hasattr(frag, "cbDefn")]
    owner = [at for at, frag in enumerate(texts) for _ in frag.text]
    out: list[Any] = []
    for at, char in display_order("".join(frag.text for frag in texts), base):
        frag = texts[owner[at]]
        if out and out[-1][0] is frag:
            out[-1][1].append(char)
        else:
            out.append((frag, [char]))
    return others + [frag.clone(text="".join(chars)) for frag, chars in out]


def paragraph(item: Paragraph) -> Paragraph:
    """The paragraph to lay out for `item`: itself without right-to-left text, else one
    with its Arabic joined and in its face, flush right if it reads right to left."""
    if not has_rtl(item.text):
        return item
    from clerk.notices.styles import FONT_BOLD

    typed = item.getPlainText()
    base = direction(typed)
    style = item.style
    if base and style.alignment == TA_LEFT:
        style = ParagraphStyle(style.name, parent=style, alignment=TA_RIGHT)
    shown = RightToLeft(markup(item.text, item.style.fontName == FONT_BOLD), style,
                        bulletText=getattr(item, "bulletText", None))
    shown.base, shown.typed = base, typed
    return shown


def prepare(story: Sequence[Any]) -> list[Any]:
    """The story to lay out: each paragraph holding right-to-left text replaced by a
    `RightToLeft` one (inside tables and kept-together groups too); others as they are."""

    def fix(item: Any) -> Any:
        if isinstance(item, Paragraph):
            return paragraph(item)
        if isinstance(item, (list, tuple)):
            return [fix(inner) for inner in item]
        if isinstance(item, Table):  # reportlab keeps no public accessor for the cells
            item._cellvalues = [[fix(cell) for cell in row] for row in item._cellvalues]
        elif isinstance(item, KeepTogether):
            item._content = [fix(inner) for inner in item._content]
        return item

    return [fix(item) for item in story]
