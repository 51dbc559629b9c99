"""Every notice as a web page: the same words as its PDF (one source), in semantic HTML,
from the same public view. The browser check is in test_html_axe.py."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from clerk.domain.decision import Decision
from clerk.domain.exempt import exempt_texts
from clerk.notices import (
    KINDS,
    NoticeRefused,
    render_forward_plan,
    render_forward_plan_html,
    render_notice,
    render_notice_html,
)
from clerk.notices.forward_plan import COLUMNS
from clerk.notices.html import to_html
from tests.notices.conftest import PUBLISHED_ON
from tests.notices.helpers import metadata, squashed, text
from tests.notices.test_forward_plan import END, PUBLISHED, START, undecided
from tests.notices.test_notices import STATUTORY

TITLE = "Disposal of land at Park Wood depot <Draft> & Savings"


class Page(HTMLParser):
    """The parts of a page the tests look at: elements with their attributes and text."""

    BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "th", "td", "title", "caption")

    def __init__(self, html: str) -> None:
        super().__init__()
        self.lang = ""
        self.footer = ""
        self._in_footer = False
        self.elements: list[tuple[str, dict[str, str | None], str]] = []
        self._open: list[tuple[str, dict[str, str | None], list[str]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html":
            self.lang = dict(attrs).get("lang") or ""
        self._in_footer = self._in_footer or tag == "footer"
        if tag == "br" and self._open:
            self._open[-1][2].append(" ")
        if tag in self.BLOCKS and not self._in_footer:
            self._open.append((tag, dict(attrs), []))

    def handle_endtag(self, tag: str) -> None:
        if tag == "footer":
            self._in_footer = False
        if tag in self.BLOCKS and self._open and self._open[-1][0] == tag:
            name, attrs, parts = self._open.pop()
            words = " ".join("".join(parts).split())
            self.elements.append((name, attrs, words))
            if self._open:
                self._open[-1][2].append(" " + words + " ")

    def handle_data(self, data: str) -> None:
        if self._in_footer:
            self.footer += data
        elif self._open:
            self._open[-1][2].append(data)

    def texts(self, *tags: str) -> list[str]:
        return [words for name, _, words in self.elements if name in tags]

    def all_text(self) -> str:
        return " ".join(self.texts("p", "li", "h1", "h2", "h3", "th", "td"))


def html(kind: str, decision: Decision, profile, **kwargs) -> Page:  # type: ignore[no-untyped-def]
    return Page(render_notice_html(kind, decision, profile, published_on=PUBLISHED_ON,
                                   **kwargs))


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_page_says_what_its_pdf_says(kind, private, profile) -> None:  # type: ignore[no-untyped-def]
    page = html(kind, private, profile)
    found = page.all_text()
    for item in STATUTORY[kind]:
        assert item in found, f"{kind}: {item!r} missing from the page"
    # one source: every paragraph, item and heading on the page is printed in the PDF
    pdf = squashed(text(render_notice(kind, private, profile, published_on=PUBLISHED_ON)))
    for words in page.texts("p", "li", "h1", "h2", "h3"):
        assert squashed(words) in pdf, f"{kind}: {words!r} is not in the PDF"


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_page_is_british_english_with_the_pdfs_title(kind, private, profile) -> None:  # type: ignore[no-untyped-def]
    page = html(kind, private, profile)
    assert page.lang == "en-GB"
    pdf_title = metadata(render_notice(kind, private, profile,
                                       published_on=PUBLISHED_ON))["/Title"]
    assert page.texts("title") == [pdf_title]
    # the decision's title is a heading, as typed (the report numbers it "1.")
    assert any(TITLE in heading for heading in page.texts("h1", "h2"))
    assert page.footer.strip() == "D2013-007. Published Thursday 7 February 2013."


def test_record_sections_are_headings_under_the_title(private, profile) -> None:  # type: ignore[no-untyped-def]
    page = html("record", private, profile)
    assert page.texts("h1") == ["Record of decision of the Cabinet Member for Corporate "
                                "Services", TITLE]
    assert {"Decision made", "Reasons for the decision", "Call-in"} <= set(page.texts("h2"))
    assert "Cllr Zoë Ng: Owns land adjoining the depot. Dispensation: No dispensation " \
           "was granted." in page.texts("li")


def test_label_and_value_rows_have_row_headers(private, profile) -> None:  # type: ignore[no-untyped-def]
    page = html("record", private, profile)
    row_heads = [words for name, attrs, words in page.elements
                 if name == "th" and attrs.get("scope") == "row"]
    assert row_heads[:2] == ["Decision maker", "Date of decision"]


def test_markup_typed_by_a_clerk_is_text_not_markup(private, profile) -> None:  # type: ignore[no-untyped-def]
    source = render_notice_html("record", private, profile, published_on=PUBLISHED_ON)
    assert "<Draft>" not in source and "&lt;Draft&gt; &amp; Savings" in source
    private.title = "<script>alert(1)</script> \"quoted\""
    source = render_notice_html("record", private, profile, published_on=PUBLISHED_ON)
    assert "<script>alert" not in source


@pytest.mark.parametrize("kind", list(KINDS))
def test_public_pages_never_show_exempt_information(kind, private, profile) -> None:  # type: ignore[no-untyped-def]
    source = render_notice_html(kind, private, profile, published_on=PUBLISHED_ON)
    for secret in exempt_texts(private):
        assert squashed(secret) not in squashed(source), f"{kind} leaks {secret!r}"


def test_confidential_page_says_so_and_shows_the_exempt_text(private, profile) -> None:  # type: ignore[no-untyped-def]
    page = html("record", private, profile, confidential=True)
    assert "CONFIDENTIAL" in page.texts("title")[0]
    assert "To accept the bid of Acme Ltd at £1,250,000." in page.all_text()


def test_a_page_is_refused_as_its_pdf_is(seed, profile) -> None:  # type: ignore[no-untyped-def]
    seed.record = None
    with pytest.raises(NoticeRefused) as refused:
        render_notice_html("record", seed, profile, published_on=PUBLISHED_ON)
    with pytest.raises(NoticeRefused) as printed:
        render_notice("record", seed, profile, published_on=PUBLISHED_ON)
    assert str(refused.value) == str(printed.value)


def test_forward_plan_is_a_table_with_column_and_row_headers(private, seed, profile) -> None:  # type: ignore[no-untyped-def]
    entries = [undecided(private, "D-PRIVATE", START), undecided(seed, "D-SEED", END)]
    page = Page(render_forward_plan_html(entries, profile, start=START, end=END,
                                         published_on=PUBLISHED))
    columns = [words for name, attrs, words in page.elements
               if name == "th" and attrs.get("scope") == "col"]
    assert columns == [name for name, _ in COLUMNS]
    rows = [words for name, attrs, words in page.elements
            if name == "th" and attrs.get("scope") == "row"]
    assert [r.split()[0] for r in rows[-2:]] == ["D-PRIVATE", "D-SEED"]
    assert rows[-2].startswith(f"D-PRIVATE {TITLE}")
    pdf = squashed(text(render_forward_plan(entries, profile, start=START, end=END,
                                            published_on=PUBLISHED)))
    for cell in page.texts("td"):
        # the PDF prints labels in capitals; every word is there either way
        assert squashed(cell).upper() in pdf.upper() or all(
            squashed(w).upper() in pdf.upper() for w in cell.split()), cell
    assert "sarahrobson@maidstone.gov.uk" in page.all_text()


def test_empty_forward_plan_page_says_so(profile) -> None:  # type: ignore[no-untyped-def]
    page = Page(render_forward_plan_html([], profile, start=START, end=END,
                                         published_on=PUBLISHED))
    assert "There are no key decisions due in this period." in page.texts("p", "li")


def test_to_html_escapes_the_title_and_language() -> None:
    page = to_html([], title="A <b> & \"c\"", lang="en-GB")
    assert "<title>A &lt;b&gt; &amp; &quot;c&quot;</title>" in page
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"en-GB\">")
