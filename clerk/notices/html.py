"""A notice as an accessible web page, from the very flowables its PDF is laid out from.

Councils must publish on their websites to WCAG 2.2 AA (Public Sector Bodies (Websites and
Mobile Applications) Accessibility Regulations 2018). The page is made from the story each
notice's builder returns, so there is one set of wording: a paragraph in a heading style
becomes a heading (its level from `styles.HEADING_LEVELS`, as the PDF's bookmarks), a
label and value table a table with row headers, a table whose first row is labels one
with column headers, the forward plan a table with a header cell for each column and
each decision; tables that only lay things out side by side become plain blocks. Text is
taken from each paragraph's parsed runs, never its markup, and escaped here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table

from clerk.notices.blocks import is_stamp
from clerk.notices.forward_plan import COLUMNS, LABEL, REF, TITLE, Cell, PlanTable
from clerk.notices.rtl import has_rtl
from clerk.notices.styles import FONT_BOLD, LANG, Outline

CSS = """
:root { color: #1a1a1a; background: #fff;
  font-family: "DejaVu Sans", Verdana, "Noto Sans Arabic", "Segoe UI", Tahoma, sans-serif;
  font-size: 100%; line-height: 1.45; }
body { max-width: 72rem; margin: 1.5rem auto; padding: 0 1rem; }
.council { font-weight: bold; font-size: 1.4rem; text-align: center; margin: 0; }
.muted, footer { color: #555; font-size: 0.9rem; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; } h3 { font-size: 1.05rem; }
.subtitle { text-align: center; font-size: 1.15rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #9a9a9a; padding: 0.3rem 0.5rem; text-align: left;
  vertical-align: top; }
td:empty { height: 1.8rem; }  /* the lines of a form, to be filled in when printed */
th[scope="row"] { background: #eef1f4; width: 28%; }
thead th { background: #1a1a1a; color: #fff; }
.plan { font-size: 0.85rem; }
.plan th[scope="row"] { width: auto; font-weight: normal; }
.label { display: inline-block; font-size: 0.75rem; font-weight: bold; color: #555;
  text-transform: uppercase; margin-top: 0.3rem; }
.ref { color: #555; font-weight: bold; }
.stamp { color: #7a1f1f; background: #f7ecec; border: 1px solid #7a1f1f; padding: 0.3rem;
  font-weight: bold; }
.banner { color: #fff; background: #b00020; padding: 0.4rem; font-weight: bold;
  text-align: center; }
.number { display: inline-block; min-width: 3.5rem; }
.box { border: 1px solid #9a9a9a; padding: 0.5rem 1rem; margin: 1rem 0; }
.layout p { margin: 0.2rem 0; }
p { margin: 0.3rem 0 0.5rem; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  thead { display: table-header-group; }
  tr, .box, h1, h2, h3 { break-inside: avoid; }
  h1, h2, h3 { break-after: avoid; }
  a { color: inherit; }
}
@page { size: A4; margin: 20mm; }
"""


def to_html(flowables: Sequence[Flowable], title: str, lang: str = LANG,
            footer: str = "") -> str:
    """The web page of a notice's story: `title` in the tab and to screen readers,
    `footer` (such as the publication date) beneath it."""
    writer = _Writer()
    writer.story(flowables)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        *writer.out,
        "</main>",
    ]
    if footer:
        parts.append(f"<footer><p>{escape(footer)}</p></footer>")
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)


def inline(paragraph: Paragraph) -> str:
    """A paragraph's text as HTML: its parsed runs escaped, line breaks kept, and bold
    kept where it stands out (not in a paragraph whose style is bold throughout)."""
    plain_bold = paragraph.style.fontName == FONT_BOLD
    runs: list[tuple[bool, str]] = []  # (strong, html), neighbours of one kind merged
    for frag in paragraph.frags:
        if getattr(frag, "lineBreak", False):
            strong, text = False, "<br>"
        else:
            strong = frag.fontName == FONT_BOLD and not plain_bold
            text = escape(getattr(frag, "text", ""))
        if runs and runs[-1][0] == strong:
            runs[-1] = (strong, runs[-1][1] + text)
        else:
            runs.append((strong, text))
    return "".join(f"<strong>{text}</strong>" if strong and text.strip() else text
                   for strong, text in runs).strip()


def _style(paragraph: Paragraph) -> str:
    return str(paragraph.style.name)


def _is_label(value: Any) -> bool:
    return isinstance(value, Paragraph) and _style(value) == "label"


def _contents(cell: Any) -> list[Flowable]:
    if isinstance(cell, Flowable):
        return [cell]
    if isinstance(cell, (list, tuple)):
        return [f for f in cell if isinstance(f, Flowable)]
    return []


def _is_layout(rows: list[list[Any]]) -> bool:
    """A table that only places blocks (a box, two columns), not one of data."""
    if len(rows) == 1 and len(rows[0]) <= 2 and not _is_label(rows[0][0]):
        return any(not isinstance(f, Paragraph) or f.style.name in ("h1", "h2")
                   for cell in rows[0] for f in _contents(cell)) or len(rows[0]) == 1
    return False


class _Writer:
    def __init__(self) -> None:
        self.out: list[str] = []
        self.outline = Outline()
        self._list_open = False

    def story(self, flowables: Iterable[Flowable]) -> None:
        for flowable in flowables:
            self.flowable(flowable)
        self._close_list()

    def _close_list(self) -> None:
        if self._list_open:
            self.out.append("</ul>")
            self._list_open = False

    def flowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Paragraph):
            self.paragraph(flowable)
            return
        self._close_list()
        if isinstance(flowable, PlanTable):
            self.plan(flowable.entries)
        elif isinstance(flowable, Table):
            self.table(flowable._cellvalues)  # reportlab keeps no public accessor for them
        elif isinstance(flowable, KeepTogether):
            self.story(flowable._content)  # the same: its flowables, in order
        # spacers and page breaks only place things on a page

    def paragraph(self, paragraph: Paragraph) -> None:
        style = _style(paragraph)
        text = inline(paragraph)
        # right-to-left text: the browser takes the paragraph's direction from its first
        # letter, as the PDF does (`rtl.direction`)
        way = ' dir="auto"' if has_rtl(text) else ""
        bullet = getattr(paragraph, "bulletText", None)
        if bullet == "\u2022":
            if not self._list_open:
                self.out.append("<ul>")
                self._list_open = True
            self.out.append(f"<li{way}>{text}</li>")
            return
        self._close_list()
        depth = self.outline.depth(style)
        if depth is not None:
            level = min(depth + 1, 6)
            self.out.append(f'<h{level} class="{style}"{way}>{text}</h{level}>')
        elif bullet:
            self.out.append(f'<p class="{style}"{way}><span class="number">{escape(bullet)}'
                            f"</span> {text}</p>")
        elif text:
            self.out.append(f'<p class="{style}"{way}>{text}</p>')

    def cell(self, cell: Any) -> str:
        """A cell's flowables as HTML, written apart from the page's own list state."""
        inner = _Writer()
        inner.outline = self.outline
        inner.story(_contents(cell))
        return "\n".join(inner.out)

    def table(self, rows: list[list[Any]]) -> None:
        if _is_layout(rows):
            box = ' class="box"' if len(rows[0]) == 1 else ' class="layout"'
            self.out.append(f"<div{box}>")
            for cell in rows[0]:
                self.out.append(f"<div>{self.cell(cell)}</div>")
            self.out.append("</div>")
            return
        self.out.append("<table>")
        start = 0
        if len(rows) > 1 and all(_is_label(cell) for cell in rows[0]):
            heads = "".join(f'<th scope="col">{inline(cell)}</th>' if inline(cell) else
                            "<td></td>" for cell in rows[0])
            self.out.append(f"<thead><tr>{heads}</tr></thead>")
            start = 1
        self.out.append("<tbody>")
        for row in rows[start:]:
            cells = []
            for number, cell in enumerate(row):
                if number == 0 and _is_label(cell) and len(row) == 2:
                    cells.append(f'<th scope="row">{inline(cell)}</th>')
                else:
                    cells.append(f"<td>{self.cell(cell)}</td>")
            self.out.append(f"<tr>{''.join(cells)}</tr>")
        self.out.append("</tbody></table>")

    def plan(self, entries: Sequence[Sequence[Cell]]) -> None:
        """The forward plan: a column header for each heading, a row header per decision."""
        heads = "".join(f'<th scope="col">{escape(name)}</th>' for name, _ in COLUMNS)
        self.out += ['<table class="plan">', f"<thead><tr>{heads}</tr></thead>", "<tbody>"]
        for cells in entries:
            first, *rest = cells
            row = [f'<th scope="row">{_plan_cell(first)}</th>']
            row += [f"<td>{_plan_cell(cell)}</td>" for cell in rest]
            self.out.append(f"<tr>{''.join(row)}</tr>")
        self.out.append("</tbody></table>")


def _plan_cell(cell: Cell) -> str:
    out: list[str] = []
    listing = False
    for tag, text, bullet in cell.items:
        shown = escape(text.strip()).replace("\r\n", "\n").replace("\n", "<br>")
        if bullet and not listing:
            out.append("<ul>")
            listing = True
        elif not bullet and listing:
            out.append("</ul>")
            listing = False
        if bullet:
            out.append(f"<li>{shown}</li>")
        elif tag == LABEL.tag:
            out.append(f'<span class="label">{shown}</span><br>')
        elif tag == REF.tag:
            out.append(f'<span class="ref">{shown}</span><br>')
        elif tag == TITLE.tag:
            out.append(f"<strong>{shown}</strong><br>")
        elif is_stamp(text):
            out.append(f'<span class="stamp">{shown}</span><br>')
        else:
            out.append(f"{shown}<br>")
    if listing:
        out.append("</ul>")
    return "".join(out)
