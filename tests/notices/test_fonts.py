"""The embedded font: its parsed-face cache, and the cut-down faces most notices use."""

from __future__ import annotations

import ast
import dataclasses
import marshal
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics

from clerk.domain.decision import Decision
from clerk.notices import KINDS, fonts, render_forward_plan, render_notice, styles
from clerk.notices.styles import FONT_DIR
from tests.notices.conftest import PUBLISHED_ON
from tests.notices.helpers import text
from tests.notices.test_forward_plan import END, PUBLISHED, START, undecided

REGULAR = FONT_DIR / "DejaVuSans.ttf"
NOTICES = Path(fonts.__file__).parent


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CLERK_CACHE", str(tmp_path))
    return tmp_path / "fonts" / "DejaVuSans-whole.marshal"


def face_state(font) -> dict:  # type: ignore[no-untyped-def]
    state = dict(vars(font.face))
    state.pop("_pdfScale")
    return state


def test_a_cached_face_is_the_parsed_face(cache: Path) -> None:
    parsed = fonts.load("T1", REGULAR)  # parses and writes the cache
    assert cache.exists()
    cached = fonts.load("T1", REGULAR)
    assert face_state(cached) == face_state(parsed) == face_state(fonts.TTFont("T1", str(REGULAR)))
    assert cached.face._pdfScale(2048) == parsed.face._pdfScale(2048)
    assert cached.stringWidth("Siân Llŷr £250,000", 10) == parsed.stringWidth(
        "Siân Llŷr £250,000", 10)
    assert cached.shapable == parsed.shapable
    assert cached._asciiReadable == parsed._asciiReadable


def test_the_cut_face_is_the_whole_face_for_common_characters(cache: Path) -> None:
    whole, cut = fonts.load_face(REGULAR, common=False), fonts.load_face(REGULAR, common=True)
    assert cut.charToGlyph == {c: g for c, g in whole.charToGlyph.items()
                               if c in fonts.COMMON}
    assert cut.charWidths == {c: w for c, w in whole.charWidths.items() if c in fonts.COMMON}
    assert cut.glyphPos == whole.glyphPos and cut.hmetrics == whole.hmetrics
    assert ord("ŵ") in cut.charToGlyph and ord("Ж") not in cut.charToGlyph


def test_a_damaged_or_stale_cache_is_ignored_and_rewritten(
        cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fonts.load("T2", REGULAR)
    cache.write_bytes(b"not marshal")
    assert fonts.load("T2", REGULAR).face.numGlyphs > 1000
    assert marshal.loads(cache.read_bytes())["key"] == fonts._key(REGULAR)
    monkeypatch.setattr(fonts, "_key", lambda path: "another reportlab or font file")
    parsed: list[Path] = []
    real = fonts._parse
    monkeypatch.setattr(fonts, "_parse", lambda path: parsed.append(path) or real(path))
    fonts.load("T2", REGULAR)
    assert parsed == [REGULAR]  # the stale cache was not used
    assert marshal.loads(cache.read_bytes())["key"] == "another reportlab or font file"


def test_an_unwritable_cache_only_costs_time(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("CLERK_CACHE", str(blocker))  # a file where a folder should be
    assert fonts.load("T3", REGULAR).face.numGlyphs > 1000


# ---- which faces a notice is drawn with ----------------------------------------------


@pytest.fixture
def faces(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Put the registered fonts back as they were: these tests switch faces."""
    styles.register_fonts()
    before = {name: pdfmetrics.getFont(name).face for name in styles._FACES}
    yield
    for name, face in before.items():
        pdfmetrics.getFont(name).face = face
    monkeypatch.setattr(styles, "_whole", styles._whole)


def use_faces(common: bool) -> None:
    for name, path in styles._FACES.items():
        pdfmetrics.getFont(name).face = fonts.load_face(path, common=common)
    styles._whole = not common


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_notice_is_the_same_bytes_with_the_cut_faces(kind: str, private: Decision, profile,
                                                       faces: None) -> None:  # type: ignore[no-untyped-def]
    private = dataclasses.replace(private, title="Llŷr’s ŵyr – café “Siân” £5 ✓")
    use_faces(common=True)
    cut = render_notice(kind, private, profile, published_on=PUBLISHED_ON)
    assert not styles._whole  # every character was common
    use_faces(common=False)
    assert render_notice(kind, private, profile, published_on=PUBLISHED_ON) == cut


def test_an_uncommon_character_brings_in_the_whole_faces(seed: Decision, profile,
                                                         faces: None) -> None:  # type: ignore[no-untyped-def]
    """The whole faces come in before anything is laid out: the same bytes as if they
    had been in from the start."""
    greek = dataclasses.replace(seed, title="Twinning with Καλαμάτα and Київ")
    planned = undecided(greek, "D-GREEK", date(2013, 3, 20))
    planned.plan.summary = "Συνεργασία " * 30 + "with Київ"

    def both() -> tuple[bytes, bytes]:
        return (render_notice("report", greek, profile, published_on=PUBLISHED_ON),
                render_forward_plan([planned], profile, start=START, end=END,
                                    published_on=PUBLISHED))

    use_faces(common=True)
    notice, plan = both()
    assert styles._whole
    assert "Twinning with Καλαμάτα and Київ" in text(notice)
    assert "Συνεργασία" in text(plan) and "Київ" in text(plan)
    use_faces(common=False)
    assert both() == (notice, plan)


def test_the_notices_own_wording_uses_only_common_characters() -> None:
    """What the code itself prints is never checked against the faces, so it must be
    drawable by the cut ones."""
    for source in NOTICES.glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                odd = {c for c in node.value if ord(c) not in fonts.COMMON}
                assert not odd, f"{source.name}: {sorted(odd)} in {node.value[:40]!r}"
