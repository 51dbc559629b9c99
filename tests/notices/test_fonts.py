"""The parsed-font cache: the same face as parsing the file, and ignored when stale."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from clerk.notices import fonts
from clerk.notices.styles import FONT_DIR

REGULAR = FONT_DIR / "DejaVuSans.ttf"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CLERK_CACHE", str(tmp_path))
    return tmp_path / "fonts" / "DejaVuSans.pickle"


def face_state(font) -> dict:  # type: ignore[no-untyped-def]
    state = dict(vars(font.face))
    state.pop("_pdfScale")
    return state


def test_a_cached_face_is_the_parsed_face(cache: Path) -> None:
    parsed = fonts.load("T1", REGULAR)  # parses and writes the cache
    assert cache.exists()
    cached = fonts.load("T1", REGULAR)
    assert face_state(cached) == face_state(parsed)
    assert cached.face._pdfScale(2048) == parsed.face._pdfScale(2048)
    assert cached.stringWidth("Siân Llŷr £250,000", 10) == parsed.stringWidth(
        "Siân Llŷr £250,000", 10)
    assert cached.shapable == parsed.shapable
    assert cached._asciiReadable == parsed._asciiReadable


def test_a_damaged_or_stale_cache_is_ignored_and_rewritten(
        cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fonts.load("T2", REGULAR)
    cache.write_bytes(b"not a pickle")
    assert fonts.load("T2", REGULAR).face.numGlyphs > 1000
    assert pickle.loads(cache.read_bytes())[0] == fonts._key(REGULAR)
    monkeypatch.setattr(fonts, "_key", lambda path: "another reportlab or font file")
    parsed: list[str] = []
    real = fonts.TTFont
    monkeypatch.setattr(fonts, "TTFont", lambda *args: parsed.append(args[0]) or real(*args))
    fonts.load("T2", REGULAR)
    assert parsed == ["T2"]  # the stale cache was not used
    assert pickle.loads(cache.read_bytes())[0] == "another reportlab or font file"


def test_an_unwritable_cache_only_costs_time(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("CLERK_CACHE", str(blocker))  # a file where a folder should be
    assert fonts.load("T3", REGULAR).face.numGlyphs > 1000
