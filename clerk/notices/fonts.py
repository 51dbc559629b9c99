"""The embedded TrueType faces, parsed once per installation rather than once per process.

reportlab parses a TTF's tables in Python (about 25 ms per DejaVu face), which a cold
`clerk notice` would pay every time. The parsed face is kept in the user's cache
directory (marshal, which loads plain dicts and lists fastest), keyed by the font file's
size and modification time and by the reportlab and Python versions; anything wrong with
the cached copy (missing, stale, unreadable, another version) means the font is parsed
from the file again and the cache rewritten.

Each face is cached twice: whole, and cut down to the characters of European languages
written in the Latin alphabet and the punctuation and symbols notices use (COMMON). The
cut face is a tenth of the size to load; a notice whose text is all in COMMON is drawn
with it, and one with any other character (a name in Greek or Cyrillic) with the whole
face (`styles.cover`). The PDF is the same byte for byte either way: the cut face holds
exactly the whole face's entries for those characters, and every glyph.
"""

from __future__ import annotations

import marshal
import os
import sys
from fnmatch import fnmatch
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase.ttfonts import (
    TTEncoding,
    TTFNameBytes,
    TTFont,
    TTFontFace,
    unShapedFontGlob,
)

CACHE_FORMAT = 2
COMMON_RANGES = (
    (0x0009, 0x000D),  # tabs and line breaks in what the clerk typed: never drawn
    (0x0020, 0x02FF),  # Latin: basic, Latin-1 (£, é), extended A and B (ŵ, ŷ, Ł), modifiers
    (0x1E00, 0x1EFF),  # Latin extended additional (Welsh ẁ, ẃ, ẅ, ỳ)
    (0x2000, 0x206F),  # general punctuation: dashes, curly quotes, bullets, ellipsis
    (0x20A0, 0x20CF),  # currency (€)
    (0x2100, 0x218F),  # letterlike (№, ™) and number forms
    (0x2190, 0x22FF),  # arrows, mathematical operators (≤, ≥, −)
    (0x2500, 0x27BF),  # box drawing, shapes, symbols, dingbats (✓, ✗)
    (0xFB00, 0xFB06),  # Latin ligatures
)
COMMON = frozenset(code for low, high in COMMON_RANGES for code in range(low, high + 1))
_NAMES = ("name", "familyName", "styleName", "fullName", "uniqueFontID")  # TTFNameBytes


def _key(path: Path) -> str:
    stat = path.stat()
    return (f"{CACHE_FORMAT}-{path.name}-{stat.st_size}-{stat.st_mtime_ns}-"
            f"{reportlab.Version}-{sys.version_info[0]}.{sys.version_info[1]}")


def _cache_file(path: Path, common: bool) -> Path:
    from clerk.paths import cache_dir

    return cache_dir() / "fonts" / f"{path.stem}-{'common' if common else 'whole'}.marshal"


def _face_state(face: TTFontFace) -> dict[str, Any]:
    state = dict(vars(face))
    state.pop("_pdfScale", None)  # a lambda: rebuilt from unitsPerEm on load
    for name in _NAMES:  # marshal stores plain bytes only
        if isinstance(state.get(name), bytes):
            state[name] = bytes(state[name])
    return state


def _cut(state: dict[str, Any]) -> dict[str, Any]:
    """The face's state with its character tables cut down to COMMON."""
    cut = dict(state)
    cut["charToGlyph"] = {c: g for c, g in state["charToGlyph"].items() if c in COMMON}
    cut["charWidths"] = {c: w for c, w in state["charWidths"].items() if c in COMMON}
    cut["glyphToChar"] = {g: kept for g, chars in state["glyphToChar"].items()
                          if (kept := [c for c in chars if c in COMMON])}
    return cut


def _face_from(state: dict[str, Any]) -> TTFontFace:
    face = TTFontFace.__new__(TTFontFace)
    vars(face).update(state)
    for name in _NAMES:
        value = getattr(face, name, None)
        if isinstance(value, bytes):
            setattr(face, name, TTFNameBytes(value))
    per_em = face.unitsPerEm
    face._pdfScale = (lambda x: x) if per_em == 1000 else (
        lambda x, mult=1000 / per_em: x * mult)
    return face


def _font_from(name: str, face: TTFontFace) -> TTFont:
    """A TTFont as TTFont(name, file) builds it, around an already parsed face."""
    font = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, glob) for glob in unShapedFontGlob)
    return font


def load_face(path: Path, *, common: bool) -> TTFontFace:
    """The face of the font at `path` (cut down to COMMON if `common`), from the cache
    when it holds this very file, else parsed (and the cache rewritten)."""
    key = _key(path)
    try:
        with open(_cache_file(path, common), "rb") as handle:
            stored = marshal.loads(handle.read())  # load(handle) reads in tiny pieces: 6x slower
        if stored["key"] == key:
            return _face_from(stored["state"])
    except Exception:  # noqa: BLE001 (any fault in a cache means: parse the file)
        pass
    state = _face_state(_parse(path))
    for cut, content in ((False, state), (True, _cut(state))):
        try:
            _store(_cache_file(path, cut), {"key": key, "state": content})
        except Exception:  # noqa: BLE001 (a cache that cannot be written is only slower)
            pass
    return _face_from(_cut(state) if common else state)


def _parse(path: Path) -> TTFontFace:
    face: TTFontFace = TTFont("parsing", str(path)).face
    return face


def load(name: str, path: Path, *, common: bool = False) -> TTFont:
    """The font at `path` registered under `name`'s object."""
    return _font_from(name, load_face(path, common=common))


def _store(target: Path, content: dict[str, Any]) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        with open(temp, "wb") as handle:
            marshal.dump(content, handle)
        os.replace(temp, target)
    finally:
        try:
            os.unlink(temp)
        except OSError:
            pass
