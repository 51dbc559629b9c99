"""What a screen reader and a PDF checker need from every notice: its language, its title
shown in place of the file name, every font embedded, and bookmarks for its sections."""

from __future__ import annotations

import io
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from clerk.domain.decision import Decision
from clerk.notices import KINDS, render_forward_plan, render_notice
from tests.notices.conftest import PUBLISHED_ON
from tests.notices.test_forward_plan import END, PUBLISHED, START, undecided


def every_pdf(private: Decision, profile: Any) -> dict[str, bytes]:
    pdfs = {kind: render_notice(kind, private, profile, published_on=PUBLISHED_ON)
            for kind in KINDS}
    listed = undecided(private, "D-PLAN", START)
    pdfs["forward-plan"] = render_forward_plan([listed], profile, start=START, end=END,
                                               published_on=PUBLISHED)
    pdfs["empty forward plan"] = render_forward_plan([], profile, start=START, end=END,
                                                     published_on=PUBLISHED)
    return pdfs


@pytest.fixture(scope="module")
def pdfs() -> dict[str, bytes]:
    from tests.notices.conftest import maidstone, private_decision

    return every_pdf(private_decision(), maidstone())


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


NAMES = [*KINDS, "forward-plan", "empty forward plan"]


@pytest.mark.parametrize("name", NAMES)
def test_every_pdf_declares_british_english(pdfs: dict[str, bytes], name: str) -> None:
    root = reader(pdfs[name]).trailer["/Root"]
    assert root.get("/Lang") == "en-GB"


@pytest.mark.parametrize("name", NAMES)
def test_every_pdf_shows_its_title_not_its_file_name(pdfs: dict[str, bytes], name: str) -> None:
    pdf = reader(pdfs[name])
    prefs = pdf.trailer["/Root"].get("/ViewerPreferences")
    assert prefs is not None and prefs.get_object()["/DisplayDocTitle"].value is True
    assert pdf.metadata is not None and pdf.metadata.title  # the title it shows


def fonts_of(pdf: PdfReader) -> list[DictionaryObject]:
    found = []
    for page in pdf.pages:
        for ref in page["/Resources"].get("/Font", {}).values():
            found.append(ref.get_object())
    return found


@pytest.mark.parametrize("name", NAMES)
def test_every_font_used_is_embedded(pdfs: dict[str, bytes], name: str) -> None:
    fonts = fonts_of(reader(pdfs[name]))
    assert fonts
    for font in fonts:
        descriptor = font.get("/FontDescriptor")
        assert descriptor is not None, f"{font.get('/BaseFont')} is not embedded"
        assert "/FontFile2" in descriptor.get_object(), f"{font.get('/BaseFont')} has no file"


def outline_titles(pdf: PdfReader) -> list[Any]:
    def walk(items: list[Any]) -> list[Any]:
        return [walk(item) if isinstance(item, list) else item.title for item in items]
    return walk(pdf.outline)


def flat(items: list[Any]) -> list[str]:
    return [t for item in items for t in (flat(item) if isinstance(item, list) else [item])]


@pytest.mark.parametrize("name", NAMES)
def test_every_pdf_has_bookmarks_and_opens_them(pdfs: dict[str, bytes], name: str) -> None:
    pdf = reader(pdfs[name])
    assert pdf.outline, "no bookmarks"
    assert pdf.trailer["/Root"].get("/PageMode") == "/UseOutlines"


def test_record_bookmarks_are_its_sections_under_its_title(pdfs: dict[str, bytes]) -> None:
    pdf = reader(pdfs["record"])
    titles = outline_titles(pdf)
    names = flat(titles)
    for section in ("Decision made", "Reasons for the decision", "Call-in",
                    "Conflicts of interest and dispensations"):
        assert section in names
    # the sections are nested under the title, side by side: none under another
    under_title = titles[titles.index(
        "Disposal of land at Park Wood depot <Draft> & Savings") + 1]
    assert isinstance(under_title, list)
    assert {"Decision made", "Reasons for the decision", "Call-in"} <= set(under_title)


def test_a_bookmark_goes_to_the_page_its_section_is_on() -> None:
    from tests.notices.conftest import maidstone, seed_decision

    pdf = reader(render_notice("report", seed_decision(), maidstone(),
                               published_on=PUBLISHED_ON))
    assert len(pdf.pages) > 1
    found = {}

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                found[item.title] = pdf.get_destination_page_number(item)
    walk(pdf.outline)
    for title, page in found.items():
        words = " ".join(pdf.pages[page].extract_text().split())
        assert " ".join(title.split())[:30] in words, (title, page)
    assert max(found.values()) > 0  # the later sections point at later pages
