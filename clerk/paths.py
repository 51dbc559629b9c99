"""The one place that knows where clerk's files live.

The register path comes from `--db`, else the CLERK_DB environment variable, else the
per-user data directory that platformdirs picks for the operating system.

Shipped data (council profiles, fonts) is kept in the repository's top-level data/ and
travels inside the wheel and the sdist's wheel as the package's `_data` folder (see
pyproject.toml); `shipped()` is the one way to find a shipped file, installed or not.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_VAR = "CLERK_DB"


def default_register_path() -> Path:
    """Where the register lives when neither --db nor CLERK_DB says otherwise."""
    from platformdirs import user_data_dir  # imported here: only this needs it

    return Path(user_data_dir("clerk", appauthor=False)) / "register.json"


def resolve_register_path(cli_value: str | None) -> Path:
    """--db beats CLERK_DB beats the platform default; `~` is expanded in both."""
    if cli_value:
        return Path(cli_value).expanduser()
    from_env = os.environ.get(ENV_VAR, "").strip()
    if from_env:
        return Path(from_env).expanduser()
    return default_register_path()


def cache_dir() -> Path:
    """Where clerk keeps what it can always rebuild (parsed fonts, bank holidays): CLERK_CACHE,
    else the per-user cache directory.

    On Linux that is worked out here as platformdirs does ($XDG_CACHE_HOME if absolute, else
    ~/.cache, then clerk): every command reads the bank holiday cache, and importing platformdirs
    would cost a cold start more than reading the cache saves.
    """
    from_env = os.environ.get("CLERK_CACHE", "").strip()
    if from_env:
        return Path(from_env).expanduser()
    if sys.platform == "linux":
        xdg = os.environ.get("XDG_CACHE_HOME", "")  # used only if absolute, as XDG says
        return Path(xdg if os.path.isabs(xdg) else os.path.expanduser("~/.cache")) / "clerk"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("clerk", appauthor=False))


def shipped(*parts: str) -> Path:
    """A file that ships with clerk, e.g. shipped("fonts", "DejaVuSans.ttf").

    Installed from a wheel, the data is the package's own `_data` folder; in a checkout
    (an editable install), it is the repository's data/ beside the package. Either way a
    real file on disk, which reportlab's font loader needs.
    """
    from importlib.resources import files

    packaged = files("clerk") / "_data"
    if packaged.is_dir():
        return Path(str(packaged.joinpath(*parts)))
    return Path(__file__).resolve().parent.parent.joinpath("data", *parts)


def default_council_path() -> Path:
    return shipped("councils", "maidstone.toml")
