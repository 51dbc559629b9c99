"""Build the app: shared by the CLI (`clerk`) and the tests, which pass an in-memory register."""

from __future__ import annotations

import os
import tomllib
from datetime import date
from pathlib import Path

from clerk.store.register import Register
from clerk.tui.app import ClerkApp, choose_theme
from clerk.tui.keys import load_keymap


def default_config_dir() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("clerk", appauthor=False))


def read_settings(config_dir: Path) -> tuple[dict[str, object], list[str]]:
    """`settings.toml` in the config dir: today only `theme = "light" | "dark" | <name>`."""
    path = config_dir / "settings.toml"
    if not path.exists():
        return {}, []
    try:
        return tomllib.loads(path.read_text(encoding="utf-8")), []
    except (OSError, tomllib.TOMLDecodeError) as error:
        return {}, [f"{path} could not be read ({error}); default settings are used."]


def make_app(register: Register, *, today: date | None = None,
             config_dir: Path | None = None, output_dir: Path | None = None,
             environ: dict[str, str] | None = None) -> ClerkApp:
    """The app over `register`. `config_dir` holds keys.toml and settings.toml; PDFs go to
    `output_dir`, or beside the register (`clerk.printing.folders`) when it is None."""
    config = config_dir if config_dir is not None else default_config_dir()
    keymap, problems = load_keymap(config / "keys.toml")
    settings, more = read_settings(config)
    theme = choose_theme(str(settings.get("theme") or ""),
                         dict(os.environ) if environ is None else environ)
    return ClerkApp(register, today=today or date.today(), config_dir=config,
                    output_dir=output_dir, keymap=keymap,
                    problems=problems + more, theme=theme)
