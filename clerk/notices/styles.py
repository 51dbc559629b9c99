"""One stylesheet for every notice, and the embedded Unicode font, registered once.

DejaVu Sans draws £, curly quotes, dashes and names such as Siân, Llŷr, Zoë and Łukasz,
which the PDF base fonts cannot.
"""

from __future__ import annotations

import threading
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from clerk.notices.fonts import COMMON
from clerk.paths import shipped

FONT_DIR = shipped("fonts")
FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
LANG = "en-GB"  # the language every notice declares (PDF /Lang, HTML lang)

# The styles that are headings, and their level (1 the highest): the PDF's bookmarks and
# the HTML page's <h1>-<h3> both come from here. The council's name is not a heading.
HEADING_LEVELS = {"subtitle": 1, "title": 1, "h1": 2, "section": 2, "h2": 3}


class Outline:
    """The depth (0 the top) of each heading in document order: a heading sits one below
    the nearest heading before it of a higher level, so no depth is ever skipped (a
    notice whose first heading is second-level has it at the top)."""

    def __init__(self) -> None:
        self._open: list[int] = []  # the levels of the headings this one is under

    def depth(self, style: str) -> int | None:
        """The depth of a paragraph in `style`; None when it is not a heading."""
        level = HEADING_LEVELS.get(style)
        if level is None:
            return None
        while self._open and self._open[-1] >= level:
            self._open.pop()
        self._open.append(level)
        return len(self._open) - 1

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#9a9a9a")
SHADE = colors.HexColor("#eef1f4")
STAMP_INK = colors.HexColor("#7a1f1f")
STAMP_SHADE = colors.HexColor("#f7ecec")
CONFIDENTIAL = colors.HexColor("#b00020")

MARGIN = 20 * mm
HEADER_GAP = 14 * mm  # space the running header takes above the frame
FOOTER_GAP = 6  # points the footer takes below the frame
BODY_MARGINS = 2 * MARGIN + HEADER_GAP + FOOTER_GAP  # page height less the frame's


_FACES = {FONT: FONT_DIR / "DejaVuSans.ttf", FONT_BOLD: FONT_DIR / "DejaVuSans-Bold.ttf"}
_widening = threading.Lock()
_whole = False  # the registered fonts hold their whole faces (see fonts.COMMON)


@lru_cache(maxsize=1)
def register_fonts() -> None:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics

    from clerk.notices import fonts

    for name, path in _FACES.items():
        pdfmetrics.registerFont(fonts.load(name, path, common=True))
    # No oblique face ships: italic falls back to the upright faces.
    for bold, italic, face in ((0, 0, FONT), (1, 0, FONT_BOLD), (0, 1, FONT), (1, 1, FONT_BOLD)):
        addMapping(FONT, bold, italic, face)


def cover(*printed: object) -> None:
    """Make the fonts draw every character of what is about to be printed (decisions, a
    profile): the faces cut down to the common characters are enough for most notices;
    any other character swaps in the whole faces, for the rest of the process."""
    global _whole
    register_fonts()
    if _whole or not _uncommon(printed):
        return
    from reportlab.pdfbase import pdfmetrics

    from clerk.notices import fonts

    with _widening:
        if not _whole:
            for name, path in _FACES.items():
                pdfmetrics.getFont(name).face = fonts.load_face(path, common=False)
            _whole = True


_ASCII = bytes(range(128))


def _uncommon(printed: tuple[object, ...]) -> bool:
    """Whether any string in `printed` has a character outside COMMON. As JSON (orjson
    writes dataclasses and dates itself, in C) less its ASCII bytes, 500 decisions are
    checked in about 5 ms, where a loop over 1.7 million characters took 40."""
    import orjson

    try:
        beyond_ascii = orjson.dumps(printed).translate(None, _ASCII)
    except TypeError:  # something orjson cannot write: assume the worst
        return True
    return not {ord(char) for char in beyond_ascii.decode()} <= COMMON


@lru_cache(maxsize=1)
def stylesheet() -> dict[str, ParagraphStyle]:
    """Every paragraph style a notice uses, by name."""
    register_fonts()
    body = ParagraphStyle(  # bullets too are drawn in the embedded face, not Helvetica
        "body", fontName=FONT, fontSize=10, leading=13.5, textColor=INK, spaceAfter=5,
        bulletFontName=FONT,
    )

    def derive(name: str, **changes: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=body, **changes)  # type: ignore[arg-type]

    styles = {
        "body": body,
        "small": derive("small", fontSize=8.5, leading=11, spaceAfter=2),
        "muted": derive("muted", fontSize=8.5, leading=11, textColor=MUTED, spaceAfter=2),
        "council": derive("council", fontName=FONT_BOLD, fontSize=15, leading=19,
                          alignment=TA_CENTER, spaceAfter=2),
        "title": derive("title", fontName=FONT_BOLD, fontSize=16, leading=20,
                        spaceBefore=4, spaceAfter=8),
        "subtitle": derive("subtitle", fontName=FONT_BOLD, fontSize=11.5, leading=15,
                           alignment=TA_CENTER, spaceAfter=2),
        "h1": derive("h1", fontName=FONT_BOLD, fontSize=12.5, leading=16,
                     spaceBefore=10, spaceAfter=5, keepWithNext=1),
        "section": derive("section", fontName=FONT_BOLD, fontSize=12.5, leading=16,
                          spaceBefore=10, spaceAfter=5),
        "h2": derive("h2", fontName=FONT_BOLD, fontSize=10.5, leading=14,
                     spaceBefore=7, spaceAfter=3, keepWithNext=1),
        "numbered": derive("numbered", leftIndent=14 * mm, bulletIndent=0, bulletFontName=FONT),
        "label": derive("label", fontName=FONT_BOLD, fontSize=9, leading=12, spaceAfter=0),
        "cell": derive("cell", fontSize=9, leading=12, spaceAfter=0),
        "tight": derive("tight", fontSize=8.5, leading=10.5, spaceAfter=0),
        "bullet": derive("bullet", leftIndent=6 * mm, bulletIndent=1.5 * mm, spaceAfter=2),
        "stamp": derive("stamp", fontName=FONT_BOLD, fontSize=9.5, leading=12.5,
                        textColor=STAMP_INK, backColor=STAMP_SHADE, borderPadding=4,
                        borderColor=STAMP_INK, borderWidth=0.5, spaceBefore=4, spaceAfter=8),
        "banner": derive("banner", fontName=FONT_BOLD, fontSize=10, leading=13,
                         textColor=colors.white, backColor=CONFIDENTIAL, borderPadding=5,
                         alignment=TA_CENTER, spaceBefore=8, spaceAfter=10),
        "entry": derive("entry", fontName=FONT_BOLD, fontSize=10.5, leading=13.5,
                        textColor=colors.white, spaceAfter=0),
    }
    return styles
