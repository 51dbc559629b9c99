"""The one boundary where a clerk's text meets Textual markup.

Titles, names and reasons are the clerk's words and may hold anything, `Budget [/] 2027
[red` included. They go on screen as text: either inside markup through `esc`, or as
`Content` built with `plain`. Textual's own `escape` leaves `[$name]` alone (a variable
in Textual markup), so it is not enough: every opening bracket is escaped here.
"""

from __future__ import annotations

from textual.content import Content


def esc(text: object) -> str:
    """`text` made safe to put inside Textual markup: it shows exactly as typed."""
    return str(text).replace("[", "\\[")


def plain(text: object) -> Content:
    """`text` as Content, never read as markup."""
    return Content(str(text))
