"""`clerk` with no command opens the app, without loading the command line; it honours
CLERK_TODAY and refuses a register it cannot open with one line, as commands do."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from clerk.launch import app_arguments, open_app


def test_only_arguments_that_choose_the_register_open_the_app() -> None:
    assert app_arguments([]) == (True, None)
    assert app_arguments(["--db", "our.json"]) == (True, "our.json")
    assert app_arguments(["--db=our.json"]) == (True, "our.json")
    for args in (["list"], ["--db", "x.json", "list"], ["--help"], ["--version"], ["--db"],
                 ["--db", "--help"], ["--db="]):
        assert app_arguments(args) == (False, None), args


def test_the_app_opens_on_clerk_today(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import clerk.tui.factory as factory
    from clerk.launch import today

    seen: list[date] = []

    class App:
        def __init__(self, when: date) -> None:
            import threading

            seen.append(when)
            self.shown = threading.Event()

        def run(self) -> None:
            self.shown.set()

    monkeypatch.setattr(factory, "make_app", lambda register, today: App(today))
    monkeypatch.setenv("CLERK_TODAY", "31/03/2013")
    open_app(tmp_path / "new.json", today())
    assert seen == [date(2013, 3, 31)]


def test_a_register_that_cannot_be_opened_is_refused_in_one_line(tmp_path: Path) -> None:
    env = {**os.environ, "CLERK_TODAY": "2026-03-02", "CLERK_DB": ""}
    db = tmp_path / "register.json"
    subprocess.run([sys.executable, "-m", "clerk", "--db", str(db), "demo"], env=env,
                   check=True, capture_output=True)
    db.write_bytes(db.read_bytes()[:-40])  # cut short
    done = subprocess.run([sys.executable, "-m", "clerk", "--db", str(db)], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stderr.startswith(f"Error: The register {db} cannot be read")
    assert "Traceback" not in done.stderr
    bad_today = subprocess.run([sys.executable, "-m", "clerk", "--db", str(db)],
                               env={**env, "CLERK_TODAY": "31/02/2013"},
                               capture_output=True, text=True, timeout=120)
    assert bad_today.returncode == 1 and bad_today.stderr.startswith("Error: CLERK_TODAY:")
