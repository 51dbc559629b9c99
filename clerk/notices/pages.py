"""The page: A4, running header (council, notice, reference), footer with "Page N of M".

The canvas holds back every page until the end of the build so that the footer knows the
page count (one pass, no second layout). `invariant=1` keeps the bytes identical between
runs so a notice's hash can go in the journal.

For screen readers and PDF checkers every PDF declares its language (en-GB), asks the
viewer to show its title rather than its file name, embeds every font it uses, and has a
bookmark for each heading (`styles.HEADING_LEVELS`), opened beside the page. The
bookmarks are placed when the held-back pages are written, so each points at its own page.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate

from clerk.notices import rtl
from clerk.notices.styles import (
    CONFIDENTIAL,
    FONT,
    FONT_BOLD,
    FOOTER_GAP,
    HEADER_GAP,
    HEADING_LEVELS,
    INK,
    LANG,
    MARGIN,
    MUTED,
    RULE,
    Outline,
    register_fonts,
)
from clerk.notices.text import long_date

CONFIDENTIAL_LINE = "CONFIDENTIAL – NOT FOR PUBLICATION – contains exempt information"


@dataclass(frozen=True)
class PageMeta:
    council: str
    notice: str  # "Record of decision"
    reference: str  # "D2013-001", or the forward plan's period
    published_on: date
    confidential: bool = False
    exempt_under: str = ""  # a confidential copy: "paragraph 3 of Part 1 of Schedule 12A..."
    draft: bool = False  # a preview: DRAFT on every page, no publication date
    title: str = ""  # PDF metadata
    subject: str = ""


class _NumberedCanvas(canvas.Canvas):
    """Draws the header and footer once the page count is known."""

    def __init__(self, *args: Any, meta: PageMeta, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._meta = meta
        self._pages: list[dict[str, Any]] = []
        self._marks: list[tuple[int, str, float]] = []  # (page index, key, top) to bookmark
        self._outline = Outline()

    def mark_heading(self, text: str, style: str, top: float) -> None:
        """A bookmark for a heading drawn on the current page, `top` points up it."""
        depth = self._outline.depth(style)
        if depth is None:
            return
        key = f"h{len(self._marks)}"
        self._marks.append((len(self._pages), key, top))
        self.addOutlineEntry(text, key, level=depth, closed=False)

    def setFont(self, psfontname: str, size: float,  # noqa: N802 (reportlab's name)
                leading: float | None = None) -> None:
        """Every text in the embedded faces: a Table sets its cells' default font (the
        unembedded Helvetica) on the canvas even when every cell is a Paragraph."""
        if not isinstance(pdfmetrics.getFont(psfontname), TTFont):
            psfontname = FONT_BOLD if "bold" in psfontname.casefold() else FONT
        super().setFont(psfontname, size, leading)

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._decorate(number, total)
            for page, key, top in self._marks:
                if page == number - 1:
                    self.bookmarkPage(key, fit="XYZ", left=0, top=top)
            super().showPage()
        if self._marks:
            self.showOutline()  # the viewer opens with the bookmarks beside the page
        super().save()

    def _decorate(self, number: int, total: int) -> None:
        meta = self._meta
        width, height = self._pagesize
        left, right = MARGIN, width - MARGIN
        top = height - MARGIN + 2
        self.saveState()
        self.setFillColor(INK)
        self.setFont(FONT_BOLD, 9.5)
        self.drawString(left, top, meta.council)
        self.drawRightString(right, top, meta.reference)
        self.setFont(FONT, 8.5)
        self.setFillColor(MUTED)
        self.drawString(left, top - 11, meta.notice)
        if meta.confidential:
            self.setFillColor(CONFIDENTIAL)
            self.setFont(FONT_BOLD, 8.5)
            self.drawRightString(right, top - 11, "CONFIDENTIAL")
        self.setStrokeColor(RULE)
        self.setLineWidth(0.6)
        self.line(left, top - 16, right, top - 16)
        bottom = MARGIN - 10
        self.line(left, bottom + 10, right, bottom + 10)
        self.setFont(FONT, 8)
        self.setFillColor(MUTED)
        published = ("DRAFT – not published" if meta.draft
                     else f"Published {long_date(meta.published_on)}")
        self.drawString(left, bottom, published)
        self.drawRightString(right, bottom, f"{meta.reference} · Page {number} of {total}")
        if meta.confidential:
            self.setFillColor(CONFIDENTIAL)
            self.setFont(FONT_BOLD, 8)
            self.drawCentredString(width / 2, bottom - 11, CONFIDENTIAL_LINE)
            if meta.exempt_under:
                self.setFont(FONT, 7.5)
                self.drawCentredString(width / 2, bottom - 21,
                                       f"Exempt under {meta.exempt_under}")
        if meta.draft:
            self._draft_mark(width, height, top)
        self.restoreState()

    def _draft_mark(self, width: float, height: float, top: float) -> None:
        """DRAFT across the page, light enough to read the notice through, and in the
        header, so no page of a preview can pass for a published notice."""
        self.setFillColor(CONFIDENTIAL)
        self.setFont(FONT_BOLD, 9.5)
        self.drawCentredString(width / 2, top, "DRAFT – NOT PUBLISHED")
        self.saveState()
        self.setFillAlpha(0.12)
        self.translate(width / 2, height / 2)
        self.rotate(45)
        self.setFont(FONT_BOLD, 120)
        self.drawCentredString(0, -40, "DRAFT")
        self.restoreState()


class _Template(SimpleDocTemplate):
    """Bookmarks each heading paragraph as it is laid out."""

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (reportlab's name)
        if not isinstance(flowable, Paragraph):
            return
        canv = self.canv
        if not isinstance(canv, _NumberedCanvas) or flowable.style.name not in HEADING_LEVELS:
            return
        top = self.frame._y + flowable.height + flowable.style.spaceBefore  # type: ignore[attr-defined]
        typed = getattr(flowable, "typed", None) or flowable.getPlainText()  # see rtl.prepare
        canv.mark_heading(" ".join(typed.split()), flowable.style.name, top)


def build(story: list[Flowable], meta: PageMeta,
          pagesize: tuple[float, float] = A4) -> bytes:
    """Lay the story out on pages (A4 portrait unless told) and return the PDF."""
    register_fonts()
    story = rtl.prepare(story)  # right-to-left text in display order, joined
    out = io.BytesIO()
    doc = _Template(
        out,
        pagesize=pagesize,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + HEADER_GAP,
        bottomMargin=MARGIN + FOOTER_GAP,
        title=meta.title,
        author=meta.council,
        subject=meta.subject,
        creator="clerk",
        invariant=1,
        initialFontName=FONT,
        lang=LANG,
        displayDocTitle=1,
    )

    def make_canvas(*args: Any, **kwargs: Any) -> _NumberedCanvas:
        return _NumberedCanvas(*args, meta=meta, **kwargs)

    doc.build(story, canvasmaker=make_canvas)
    return out.getvalue()
