"""`clerk` as a clerk runs it: a real process, which exits as soon as its command is done
(clerk.__main__), so everything it says must be out and everything it saved must be there."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import orjson

ENV = {**os.environ, "CLERK_TODAY": "2026-03-02", "CLERK_DB": ""}


def clerk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "clerk", *args], env=ENV, text=True,
                          capture_output=True, timeout=120)


def test_a_command_says_everything_and_keeps_what_it_saved(tmp_path: Path) -> None:
    db = str(tmp_path / "register.json")
    assert clerk("--db", db, "demo").returncode == 0
    made = clerk("--db", db, "new", "--title", "Café Llŷr <&> ‘quoted’",
                 "--decision-maker", "Cabinet")
    assert made.returncode == 0, made.stderr
    exported = clerk("--db", db, "export")  # JSON
    assert exported.returncode == 0, exported.stderr
    assert len(exported.stdout) > 8_192  # more than one buffer of standard output
    decisions = orjson.loads(exported.stdout)["decisions"]
    assert "Café Llŷr <&> ‘quoted’" in [d["title"] for d in decisions]


def test_a_refusal_exits_1_with_its_message(tmp_path: Path) -> None:
    done = clerk("--db", str(tmp_path / "none.json"), "show", "D2013-001")
    assert done.returncode == 1
    assert done.stderr.startswith("Error: There is no register at") and done.stdout == ""
    assert clerk("--version").stdout.startswith("clerk, version")
