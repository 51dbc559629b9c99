"""The building blocks every notice shares. Every user string passes through `esc`.

reportlab's Paragraph parses markup: an unescaped `<Draft>` would vanish and a stray `&`
would break the build. Only the fixed words of this package are markup; everything a clerk
typed is escaped here, in one place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeAlias

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from clerk.domain.council import CouncilProfile
from clerk.domain.decision import Decision, Person
from clerk.notices.styles import RULE, SHADE, stylesheet

STAMP_START = "Not for publication"
CONTENT_WIDTH = 170 * mm  # A4 less two 20 mm margins

Value: TypeAlias = str | Sequence[str] | Flowable | Sequence[Flowable]


@dataclass(frozen=True)
class Context:
    """What a notice module needs besides the decision."""

    profile: CouncilProfile
    published_on: date
    confidential: bool = False


def escape(text: str) -> str:
    """`&`, `<` and `>` as entities: xml.sax.saxutils.escape, without its import of
    urllib.request, http.client, ssl and email (about 20 ms of a cold `clerk notice`)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def esc(text: str) -> str:
    """A user's text as Paragraph markup: escaped, line breaks kept."""
    lines = text.strip().replace("\r\n", "\n").split("\n")
    return "<br/>".join(escape(line) for line in lines)


def is_stamp(text: str) -> bool:
    return text.strip().startswith(STAMP_START)


def para(text: str, style: str = "body") -> Paragraph:
    """One paragraph of user text; exempt-information stamps get the stamp style."""
    if is_stamp(text):
        return Paragraph(esc(text), stylesheet()["stamp"])
    return Paragraph(esc(text), stylesheet()[style])


def markup(trusted: str, style: str = "body") -> Paragraph:
    """A paragraph of this package's own markup (user parts already passed through esc)."""
    return Paragraph(trusted, stylesheet()[style])


def labelled(label: str, text: str, style: str = "body") -> Paragraph:
    """'<b>Label:</b> value' with the value escaped."""
    if is_stamp(text):
        return Paragraph(f"<b>{escape(label)}</b> {esc(text)}", stylesheet()["stamp"])
    return Paragraph(f"<b>{escape(label)}</b> {esc(text)}", stylesheet()[style])


def split_paragraphs(text: str) -> list[str]:
    """A typed block split at blank lines into paragraphs."""
    blocks, current = [], []
    for line in text.replace("\r\n", "\n").split("\n"):
        if line.strip():
            current.append(line)
        elif current:
            blocks.append("\n".join(current))
            current = []
    if current:
        blocks.append("\n".join(current))
    return blocks


def body(text: str, style: str = "body") -> list[Flowable]:
    return [para(block, style) for block in split_paragraphs(text)]


def heading(text: str, level: int = 1) -> Paragraph:
    return para(text, "h1" if level == 1 else "h2")


def numbered(prefix: str, text: str, start: int = 1) -> list[Flowable]:
    """Seed-style numbered paragraphs: '1.3.1', '1.3.2', ... one per typed paragraph."""
    out: list[Flowable] = []
    for offset, block in enumerate(split_paragraphs(text)):
        number = f"{prefix}.{start + offset}"
        if is_stamp(block):
            out.append(para(block))
        else:
            out.append(Paragraph(esc(block), stylesheet()["numbered"], bulletText=number))
    return out


def numbered_heading(number: str, text: str, level: int = 1) -> Paragraph:
    style = "h1" if level == 1 else "h2"
    return markup(f"{escape(number)}\u2003{esc(text)}", style)


def bullets(items: Sequence[str], empty: str = "None") -> list[Flowable]:
    real = [item for item in items if item.strip()]
    if not real:
        return [para(empty)]
    style = stylesheet()["bullet"]
    return [
        para(item) if is_stamp(item) else Paragraph(esc(item), style, bulletText="•")
        for item in real
    ]


def person_line(person: Person, *, with_email: bool = True) -> str:
    """'Sarah Robson, Community Partnerships Manager, telephone 01622 602827, ...' (plain)."""
    parts = [person.name.strip()]
    if person.title.strip():
        parts.append(person.title.strip())
    if person.telephone.strip():
        parts.append(f"telephone {person.telephone.strip()}")
    if with_email and person.email.strip():
        parts.append(f"email {person.email.strip()}")
    return ", ".join(p for p in parts if p)


def _cell(value: Value) -> Flowable | list[Flowable]:
    if isinstance(value, Flowable):
        return value
    if isinstance(value, str):
        return body(value, "cell") or [para("—", "cell")]
    items = list(value)
    if items and all(isinstance(v, Flowable) for v in items):
        return items  # type: ignore[return-value]
    texts = [v for v in items if isinstance(v, str) and v.strip()]
    return [para(t, "cell") for t in texts] or [para("None", "cell")]


def fields(rows: Sequence[tuple[str, Value]], label_width: float = 48 * mm) -> Table:
    """A two-column label/value table: the shape of most of a notice."""
    sheet = stylesheet()
    data = [[Paragraph(escape(label), sheet["label"]), _cell(value)] for label, value in rows]
    table = Table(data, colWidths=[label_width, CONTENT_WIDTH - label_width], hAlign="LEFT",
                  splitInRow=1, spaceAfter=8)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (0, -1), SHADE),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("LINEABOVE", (0, 0), (-1, 0), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
    ]))
    return table


def boxed(flowables: list[Flowable], padding: float = 6) -> Table:
    """Flowables inside a ruled box (the seed's key decision panel)."""
    table = Table([[flowables]], colWidths=[CONTENT_WIDTH], hAlign="LEFT", splitInRow=1)
    table.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 0.8, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), padding),
        ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
        ("LEFTPADDING", (0, 0), (-1, -1), padding + 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding + 2),
    ]))
    return table


def signature(name: str, title: str, label: str = "Signed") -> KeepTogether:
    """A signature line with the name and date beneath."""
    line = "_" * 38
    return KeepTogether([
        Spacer(1, 10 * mm),
        markup(f"{escape(label)}: {line}\u2003\u2003Date: {'_' * 16}"),
        para(", ".join(p for p in (name.strip(), title.strip()) if p), "muted"),
    ])


def masthead(ctx: Context, notice: str, decision: Decision | None = None) -> list[Flowable]:
    """The council's name, the notice's name and (for a decision) its title and ref."""
    out: list[Flowable] = [para(ctx.profile.name, "council")]
    if ctx.profile.address.strip():
        out.append(markup(f"<para alignment='center'>{esc(ctx.profile.address)}</para>",
                          "muted"))
    out.append(Spacer(1, 4 * mm))
    if ctx.confidential:
        out.append(para("CONFIDENTIAL VERSION – NOT FOR PUBLICATION. This copy contains "
                        "exempt information under Schedule 12A to the Local Government "
                        "Act 1972.", "banner"))
    out.append(para(notice, "subtitle"))
    if decision is not None:
        out.append(para(decision.title, "title"))
        out.append(markup(f"Reference: <b>{esc(decision.ref)}</b>", "muted"))
    out.append(Spacer(1, 3 * mm))
    return out


def maker_block(decision: Decision) -> str:
    """The decision maker as one line: name, title and (for a body) its members."""
    maker = decision.decision_maker
    text = maker.describe()
    members = [m for m in maker.members if m.strip()]
    if members:
        text += " (" + ", ".join(members) + ")"
    return text
