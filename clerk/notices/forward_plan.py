"""The forward plan (notice of key decisions, regulation 9): front matter, then one table
with a row per decision in date order, on landscape A4.

The table is the plan's bulk (hundreds of rows), so it is not a reportlab Table of
Paragraphs: each cell's text is broken into lines once, by word widths measured once per
word, and `PlanTable` draws those lines. It knows every row's height before layout, so
wrapping is constant time and splitting at a page end is a binary search: the column
headings repeat on every page without any row being laid out twice. Text is drawn as
given, never parsed as markup, so a clerk's `<Draft> & Savings` prints as typed.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from datetime import date
from itertools import accumulate
from typing import Any

from reportlab.lib.colors import Color, white
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table, TableStyle

from clerk.domain.council import CouncilProfile
from clerk.domain.decision import Decision
from clerk.notices.blocks import Context, bullets, fields, heading, is_stamp, markup, para
from clerk.notices.common import privacy_text
from clerk.notices.exception import REGULATIONS
from clerk.notices.rtl import drawn_runs
from clerk.notices.styles import (
    BODY_MARGINS,
    FONT,
    FONT_BOLD,
    INK,
    MARGIN,
    MUTED,
    RULE,
    SHADE,
    STAMP_INK,
    register_fonts,
)
from clerk.notices.text import BODY_KINDS, due_text, long_date, period_text, wards_text

PAGE_SIZE = landscape(A4)
FRAME_PADDING = 6  # reportlab's default Frame padding, each side
WIDTH = PAGE_SIZE[0] - 2 * MARGIN - 2 * FRAME_PADDING

# (heading, share of the width). Cells holding two or three items label each one.
COLUMNS: tuple[tuple[str, float], ...] = (
    ("Matter", 0.245),
    ("Decision maker and date", 0.13),
    ("Documents", 0.19),
    ("Consultees and method", 0.12),
    ("Contact and representations", 0.155),
    ("Wards, why key, public or private", 0.16),
)
WIDTHS = [WIDTH * share for _, share in COLUMNS]
LEFTS = [0.0, *accumulate(WIDTHS)]
PAD_X, PAD_TOP, PAD_BOTTOM = 4.0, 3.5, 4.5

OTHER_DOCUMENTS = ("Other documents relevant to the matter may be submitted to the decision "
                   "maker.")


class Face:
    """A font at a size, with the width of every word it has measured."""

    __slots__ = ("tag", "font", "size", "leading", "fill", "space", "widths", "broken")

    def __init__(self, tag: str, font: str, size: float, leading: float, color: Color) -> None:
        self.tag = tag  # one character, unique among the faces
        self.font, self.size, self.leading = font, size, leading
        self.fill = f"{fp_str(color.red, color.green, color.blue)} rg"
        self.space = stringWidth(" ", font, size)
        self.widths: dict[str, float] = {}
        self.broken: dict[tuple[str, float], list[str]] = {}  # a text's lines, by width

    def encode(self, text: str, doc: Any) -> tuple[tuple[str, str], ...]:
        """`text` as (select font, show text) operators for the document `doc`, as
        reportlab's text object writes them (the embedded font's subsets, escaped), with
        any right-to-left text in display order (`rtl`)."""
        return tuple((f"{font.getSubsetInternalName(subset, doc)} {fp_str(self.size)} Tf",
                      f"({escapePDF(chunk)}) Tj")
                     for name, part in drawn_runs(text, self.font)
                     for font in (getFont(name),)
                     for subset, chunk in font.splitString(part, doc))

    def width(self, word: str) -> float:
        found = self.widths.get(word)
        if found is None:
            found = self.widths[word] = stringWidth(word, self.font, self.size)
        return found

    def lines(self, text: str, width: float) -> list[str]:
        """`text` broken into lines no wider than `width`: at spaces, at its own line
        breaks, and inside a word only when the word alone is too wide."""
        key = (text, width)
        found = self.broken.get(key)
        if found is None:
            found = self.broken[key] = self._lines(text, width)
        return found

    def _lines(self, text: str, width: float) -> list[str]:
        if "\n" not in text and "  " not in text and "\r" not in text:
            whole = text.strip(" ")
            if whole and stringWidth(whole, self.font, self.size) <= width:
                return [whole]
        out: list[str] = []
        space = self.space
        for typed in text.replace("\r\n", "\n").split("\n"):
            line, used = "", 0.0
            for word in typed.split(" "):  # not at a no-break space
                if not word:
                    continue
                wide = self.width(word)
                if line and used + space + wide <= width:
                    line += " " + word
                    used += space + wide
                    continue
                if line:
                    out.append(line)
                if wide > width:
                    pieces = self._chop(word, width)
                    out += pieces[:-1]
                    word = pieces[-1]
                    wide = self.width(word)
                line, used = word, wide
            if line:
                out.append(line)
        return out

    def _chop(self, word: str, width: float) -> list[str]:
        """A word too wide for the column, cut after its '@' if that fits (an email address
        breaks between the mailbox and the domain, never inside the domain), else after its
        last '/', '.' or '-' that fits, or else after the last letter that fits."""
        pieces = []
        while stringWidth(word, self.font, self.size) > width:
            end = 1
            while end < len(word) and stringWidth(word[:end + 1], self.font, self.size) <= width:
                end += 1
            at = word.rfind("@", 0, end)
            marks = [word.rfind(mark, 0, end) for mark in "/.-"]
            cut = at + 1 if at > 0 else max(marks) + 1 if max(marks) > 0 else end
            pieces.append(word[:cut])
            word = word[cut:]
        return [*pieces, word]


register_fonts()  # widths are measured in the embedded font
FACES = []  # filled below, in order
TEXT = Face("t", FONT, 8, 9.8, INK)
TITLE = Face("T", FONT_BOLD, 8.5, 10.4, INK)
REF = Face("r", FONT_BOLD, 7.5, 9.4, MUTED)
LABEL = Face("l", FONT_BOLD, 6.5, 8.6, MUTED)
STAMP = Face("s", FONT_BOLD, 8, 9.8, STAMP_INK)
HEAD = Face("h", FONT_BOLD, 7.5, 9.2, white)
FACES += [TEXT, TITLE, REF, LABEL, STAMP, HEAD]

class Cell:
    """One cell's lines, broken to its column's width, and the gaps between its items."""

    def __init__(self, width: float) -> None:
        self.width = width - 2 * PAD_X
        self.lines: list[tuple[Face, str, float, float]] = []  # face, text, gap, indent
        self.items: list[tuple[str, str, str]] = []  # face tag, text, bullet: for the HTML
        self.height = 0.0
        self._gap = 0.0

    def add(self, face: Face, text: str, bullet: str = "") -> Cell:
        """`text` in `face`; after `bullet`, if given, with its lines hanging."""
        if is_stamp(text):
            face = STAMP
        self.items.append((face.tag, text, bullet))
        hang = face.width(bullet + " ") if bullet else 0.0
        for number, line in enumerate(face.lines(text, self.width - hang)):
            indent = hang if number else 0.0
            self.lines.append((face, f"{bullet} {line}" if bullet and not number else line,
                               self._gap, indent))
            self.height += face.leading + self._gap
            self._gap = 0.0
        return self

    def label(self, text: str) -> Cell:
        """A small grey capital label above the item that follows it."""
        if self.lines:
            self._gap = 3.0
        self.add(LABEL, text.upper())
        self.items[-1] = (LABEL.tag, text, "")  # as written: the HTML page styles it
        return self

    def gap(self) -> Cell:
        if self.lines:
            self._gap = 2.5
        return self

    def continued(self, text: str) -> None:
        """Start the cell with `text`: the mark on a row carried over to another page."""
        self.lines.insert(0, (REF, text, 0.0, 0.0))
        self.height += REF.leading

    def cut(self, room: float) -> tuple[Cell, Cell]:
        """The lines that fit in `room` points, and the rest."""
        head, tail = Cell(self.width + 2 * PAD_X), Cell(self.width + 2 * PAD_X)
        for face, text, gap, indent in self.lines:
            target = head if not tail.lines and head.height + gap + face.leading <= room else tail
            gap = gap if target.lines else 0.0
            target.lines.append((face, text, gap, indent))
            target.height += face.leading + gap
        return head, tail


class Row:
    """A row ready to draw: each line's face, text, left and baseline below the row's top,
    in one flat list (few objects for the garbage collector to walk in a long plan)."""

    __slots__ = ("items", "height", "shaded")

    def __init__(self, cells: Sequence[Cell], shaded: bool = False) -> None:
        items: list[Any] = []
        for left, cell in zip(LEFTS, cells, strict=False):
            below = PAD_TOP
            for face, text, gap, indent in cell.lines:
                below += gap + face.leading
                items += (face, text, left + PAD_X + indent, below - face.leading * 0.22)
        self.items = items
        self.height = max(cell.height for cell in cells) + PAD_TOP + PAD_BOTTOM
        self.shaded = shaded


def header_row() -> Row:
    return Row([Cell(w).add(HEAD, name.upper()) for (name, _), w in
                zip(COLUMNS, WIDTHS, strict=True)])


def entry_cells(decision: Decision) -> list[Cell]:
    """One decision: every regulation 9 item and what councils print beside them."""
    plan = decision.plan
    matter, maker, documents, consultation, contact, nature = (Cell(w) for w in WIDTHS)
    matter.add(REF, decision.ref).add(TITLE, decision.title).gap().add(TEXT, plan.summary)
    who = decision.decision_maker
    maker.label("Decision maker").add(TEXT, who.describe())
    members = [m.strip() for m in who.members if m.strip()]
    if who.kind in BODY_KINDS or members:  # reg 9(1)(c): a body's name and its members
        maker.label("Members").add(TEXT, ", ".join(members) or "Not recorded")
    if plan.portfolio.strip():
        maker.label("Portfolio").add(TEXT, plan.portfolio.strip())
    maker.label("Date due").add(TEXT, due_text(plan))
    maker.label("First in the plan").add(
        TEXT, long_date(plan.first_published) if plan.first_published else "New in this plan")
    for document in plan.documents:
        if document.strip():
            documents.add(TEXT, document.strip(), bullet="\u2022")
    documents.gap().add(TEXT, f"Copies from: {plan.documents_available_from.strip()}")
    other = plan.other_documents_how.strip() or (
        f"ask {plan.contact.name.strip()}, the contact officer")
    documents.gap().add(TEXT, f"Other documents may be submitted. To ask for details: "
                              f"{other.rstrip('.')}.")
    said = [p for p in (plan.consultees.strip(), plan.consultation_method.strip()) if p]
    for part in said or ["None"]:
        consultation.add(TEXT, part).gap()
    contact.label("Contact officer")
    person = plan.contact
    contact.add(TEXT, ", ".join(p for p in (person.name.strip(), person.title.strip()) if p))
    if person.telephone.strip():
        contact.add(TEXT, "Telephone " + person.telephone.strip().replace(" ", "\u00a0"))
    if person.email.strip():
        contact.add(TEXT, person.email.strip())
    contact.label("Representations by").add(
        TEXT, long_date(plan.representations_deadline) if plan.representations_deadline
        else "Before the decision is taken")
    nature.label("Wards affected").add(TEXT, wards_text(plan) or "None")
    nature.label("Why it is key").add(TEXT, decision.key.reason.strip() or "—")
    nature.label("Public or private").add(TEXT, privacy_text(decision))
    return [matter, maker, documents, consultation, contact, nature]


def fit(cells: list[Cell], room: float, shaded: bool, ref: str = "") -> list[Row]:
    """A decision's row, cut into rows that each fit in a page's `room` if it is taller;
    each part after the first starts "<ref> (continued)"."""
    out = []
    while max(cell.height for cell in cells) + PAD_TOP + PAD_BOTTOM > room:
        cut = [cell.cut(room - PAD_TOP - PAD_BOTTOM) for cell in cells]
        out.append(Row([head for head, _ in cut], shaded))
        cells = [tail for _, tail in cut]
        cells[0].continued(f"{ref} (continued)".strip())
    return [*out, Row(cells, shaded)]


class PlanTable(Flowable):
    """The plan's rows under column headings that repeat on every page."""

    def __init__(self, rows: Sequence[Row], head: Row | None = None, start: int = 0,
                 stop: int | None = None, tops: list[float] | None = None,
                 encoded: dict[str, Any] | None = None,
                 entries: Sequence[Sequence[Cell]] = ()) -> None:
        super().__init__()
        self.entries = entries  # each decision's cells, unbroken: the HTML page's rows
        self.encoded = {} if encoded is None else encoded  # shared by the pages' parts
        self.rows = rows
        self.head = head or header_row()
        self.start = start
        self.stop = len(rows) if stop is None else stop
        # tops[i] is the distance from the first row's top to row i's top
        self.tops = tops if tops is not None else [0.0, *accumulate(r.height for r in rows)]
        self.width = WIDTH

    def _body(self, start: int, stop: int) -> float:
        return self.tops[stop] - self.tops[start]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.height = self.head.height + self._body(self.start, self.stop)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        room = avail_height - self.head.height
        # the last row whose bottom is within `room` of the first row's top
        stop = bisect_right(self.tops, self.tops[self.start] + room + 1e-6, self.start,
                            self.stop + 1) - 1
        if stop <= self.start:
            return []
        return [PlanTable(self.rows, self.head, self.start, stop, self.tops, self.encoded),
                PlanTable(self.rows, self.head, stop, self.stop, self.tops, self.encoded)]

    def draw(self) -> None:
        canv = self.canv
        rows = [self.head, *self.rows[self.start:self.stop]]
        canv.saveState()
        canv.setFillColor(INK)
        canv.rect(0, self.height - self.head.height, self.width, self.head.height, stroke=0,
                  fill=1)
        canv.setFillColor(SHADE)
        edges = list(accumulate((r.height for r in rows), lambda at, h: at - h,
                                initial=self.height))  # each row's top, then the bottom
        for row, top in zip(rows, edges, strict=False):
            if row.shaded:
                canv.rect(0, top - row.height, self.width, row.height, stroke=0, fill=1)
        canv.addLiteral(self._text(rows, edges))
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.4)
        canv.lines([(0, edge, self.width, edge) for edge in edges[2:-1]])
        canv.lines([(x, 0, x, edges[1]) for x in LEFTS[1:-1]])
        canv.setLineWidth(0.6)
        canv.rect(0, 0, self.width, self.height, stroke=1, fill=0)
        canv.restoreState()

    def _text(self, rows: list[Row], edges: list[float]) -> str:
        """The PDF text operators for every line of `rows`: one text object, each line
        placed absolutely, each distinct line encoded once per document."""
        doc = self.canv._doc
        encoded = self.encoded
        if encoded.get("") is not doc:
            encoded.clear()
            encoded[""] = doc
        ops = ["BT"]
        font = color = ""
        for row, top in zip(rows, edges, strict=False):
            items = iter(row.items)
            for face, line, left, below in zip(items, items, items, items, strict=True):
                if face.fill != color:
                    color = face.fill
                    ops.append(color)
                ops.append(f"1 0 0 1 {left:.2f} {top - below:.2f} Tm")
                key = face.tag + line
                runs = encoded.get(key)
                if runs is None:
                    runs = encoded[key] = face.encode(line, doc)
                for selected, shown in runs:
                    if selected != font:
                        font = selected
                        ops.append(font)
                    ops.append(shown)
        ops.append("ET")
        return "\n".join(ops)


def key_definition(profile: CouncilProfile) -> str:
    """What a key decision is under this council's constitution, in one paragraph."""
    money = []
    if profile.key_threshold_pounds:
        money.append(f"£{profile.key_threshold_pounds:,} or more")
    if profile.key_revenue_threshold_pounds:
        money.append(f"£{profile.key_revenue_threshold_pounds:,} or more of revenue")
    if profile.key_capital_threshold_pounds:
        money.append(f"£{profile.key_capital_threshold_pounds:,} or more of capital")
    if profile.key_contract_threshold_pounds:
        money.append(f"£{profile.key_contract_threshold_pounds:,} or more under a contract")
    wards = profile.key_ward_rule
    text = ("A key decision is an executive decision which is likely to result in the council "
            "incurring expenditure, or making savings, which are significant having regard to "
            "its budget for the service or function concerned")
    if money:
        text += f" ({profile.name} treats " + " or ".join(money) + " as significant)"
    text += (", or to be significant in terms of its effects on communities living or working "
             f"in an area comprising {wards} or more ward{'s' if wards != 1 else ''}.")
    if profile.always_key:
        text += " These are always treated as key: " + ", ".join(profile.always_key) + "."
    return text


def front_matter(ctx: Context, start: date, end: date, count: int) -> list[Flowable]:
    profile = ctx.profile
    where = ", ".join(p for p in (profile.address, profile.website) if p.strip())
    left = [
        heading("What a key decision is", 2),
        para(key_definition(profile)),
        heading("Making representations", 2),
        para("Anyone may make representations about any matter in this plan to the contact "
             "officer named in its entry, by the deadline shown, or in writing to the council"
             + (f" at {where}" if where else "") + "."),
    ]
    right = [
        heading("Documents", 2),
        para("Each entry lists the documents to be submitted to the decision maker and where "
             f"copies can be had. {OTHER_DOCUMENTS} To ask for details of them, follow the "
             "entry's instructions or contact the officer named."),
        heading("Private items", 2),
        para(f"An entry marked private will be considered with the press and public excluded "
             f"under regulation 5 of {REGULATIONS}, for the reason given by reference to Part 1 "
             "of Schedule 12A to the Local Government Act 1972. Representations about why it "
             "should be considered in public may be made to the contact officer."),
    ]
    columns = Table([[left, right]], colWidths=[WIDTH / 2, WIDTH / 2], hAlign="LEFT")
    columns.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (0, -1), 8 * mm),
    ]))
    return [
        para(profile.name, "council"),
        para("Forward plan: notice of key decisions", "subtitle"),
        Spacer(1, 3 * mm),
        fields([
            ("Period covered", period_text(start, end)),
            ("Date of publication", long_date(ctx.published_on)),
            ("Entries", f"{count} key decision{'s' if count != 1 else ''}"),
        ]),
        columns,
        Spacer(1, 2 * mm),
    ]


def flowables(entries: list[Decision], ctx: Context, start: date, end: date) -> list[Flowable]:
    story = front_matter(ctx, start, end, len(entries))
    if not entries:
        story.append(heading("Key decisions", 1))
        story += bullets([], empty="There are no key decisions due in this period.")
        return story
    story += [CondPageBreak(60 * mm), para("Key decisions", "section")]
    for face in FACES:  # line breaks are remembered within one plan, not between plans
        face.broken.clear()
    head = header_row()
    room = PAGE_SIZE[1] - BODY_MARGINS - 2 * FRAME_PADDING - head.height
    cells = [entry_cells(decision) for decision in entries]
    rows = [part for number, (decision, entry) in enumerate(zip(entries, cells, strict=True))
            for part in fit(entry, room, number % 2 == 1, decision.ref)]
    story.append(PlanTable(rows, head, entries=cells))
    for face in FACES:
        face.broken.clear()
    story.append(Spacer(1, 3 * mm))
    story.append(markup("<i>End of the forward plan.</i>", "muted"))
    return story
