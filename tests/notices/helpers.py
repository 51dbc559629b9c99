"""Reading a rendered PDF back for the tests."""

from __future__ import annotations

import io

from pypdf import PdfReader


def pages_text(pdf: bytes) -> list[str]:
    """Each page's text with runs of whitespace collapsed to one space."""
    reader = PdfReader(io.BytesIO(pdf))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def text(pdf: bytes) -> str:
    return " ".join(pages_text(pdf))


def squashed(value: str) -> str:
    """No whitespace at all: line wrapping cannot hide or fake a match."""
    return "".join(value.split())


def metadata(pdf: bytes) -> dict[str, str]:
    info = PdfReader(io.BytesIO(pdf)).metadata or {}
    return {key: str(value) for key, value in info.items()}


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    reader = PdfReader(io.BytesIO(pdf))
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]


def story_texts(story: list) -> list[str]:  # type: ignore[type-arg]
    """Every paragraph's plain text in a notice's flowables, in order, looking inside
    KeepTogether groups and table cells."""
    from reportlab.platypus import KeepTogether, Paragraph, Table

    out: list[str] = []
    for flowable in story:
        if isinstance(flowable, Paragraph):
            out.append(" ".join(flowable.getPlainText().split()))
        elif isinstance(flowable, KeepTogether):
            out += story_texts(flowable._content)
        elif isinstance(flowable, Table):
            for row in flowable._cellvalues:
                for cell in row:
                    out += story_texts(cell if isinstance(cell, list | tuple) else [cell])
    return out


def build_story(kind: str, decision, profile, published_on):  # type: ignore[no-untyped-def]
    """The flowables of one notice, as the renderer builds them (public view)."""
    from clerk.domain.exempt import public_view
    from clerk.notices.blocks import Context
    from clerk.notices.render import builder

    ctx = Context(profile=profile, published_on=published_on)
    return builder(kind)(public_view(decision), ctx)
