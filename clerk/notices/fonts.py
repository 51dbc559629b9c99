"""The embedded TrueType faces, parsed once per installation rather than once per process.

reportlab parses a TTF's tables in Python (about 25 ms per DejaVu face), which a cold
`clerk notice` would pay every time. The parsed face is kept in the user's cache
directory, keyed by the font file's size and modification time and by the reportlab and
Python versions; anything wrong with the cached copy (missing, stale, unreadable, another
version) means the font is parsed from the file again and the cache rewritten. The PDF is
the same byte for byte either way.
"""

from __future__ import annotations

import os
import pickle
import sys
from fnmatch import fnmatch
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace, unShapedFontGlob

CACHE_FORMAT = 1


def _key(path: Path) -> str:
    stat = path.stat()
    return (f"{CACHE_FORMAT}-{path.name}-{stat.st_size}-{stat.st_mtime_ns}-"
            f"{reportlab.Version}-{sys.version_info[0]}.{sys.version_info[1]}")


def _cache_file(path: Path) -> Path:
    from clerk.paths import cache_dir

    return cache_dir() / "fonts" / f"{path.stem}.pickle"


def _face_state(face: TTFontFace) -> dict[str, Any]:
    state = dict(vars(face))
    state.pop("_pdfScale", None)  # a lambda: rebuilt from unitsPerEm on load
    return state


def _face_from(state: dict[str, Any]) -> TTFontFace:
    face = TTFontFace.__new__(TTFontFace)
    vars(face).update(state)
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


def load(name: str, path: Path) -> TTFont:
    """The font at `path` registered under `name`'s object, from the cache when it holds
    this very file."""
    try:
        key = _key(path)
        cached = _cache_file(path)
        with open(cached, "rb") as handle:
            stored_key, state = pickle.load(handle)  # noqa: S301 (our own cache file)
        if stored_key == key:
            return _font_from(name, _face_from(state))
    except Exception:  # noqa: BLE001 (any fault in a cache means: parse the file)
        pass
    font = TTFont(name, str(path))
    try:
        _store(_cache_file(path), _key(path), font.face)
    except Exception:  # noqa: BLE001 (a cache that cannot be written is only slower)
        pass
    return font


def _store(target: Path, key: str, face: TTFontFace) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        with open(temp, "wb") as handle:
            pickle.dump((key, _face_state(face)), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, target)
    finally:
        try:
            os.unlink(temp)
        except OSError:
            pass
