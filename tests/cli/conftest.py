"""Driving `clerk` through click's CliRunner: a register in tmp_path, today set by CLERK_TODAY."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
import pytest
from click.testing import CliRunner, Result

from clerk.cli import cli


@dataclass
class Clerk:
    """`clerk --db PATH ...` with CLERK_TODAY set, as a clerk would type it."""

    db: Path
    runner: CliRunner
    today: str = "2013-01-07"

    def __call__(self, *args: str, today: str | None = None, ok: bool = True) -> Result:
        env = {"CLERK_TODAY": today or self.today, "CLERK_DB": ""}
        result = self.runner.invoke(cli, ["--db", str(self.db), *args], env=env)
        if ok:
            assert result.exit_code == 0, (args, result.stdout, result.stderr, result.exception)
        return result

    def refused(self, *args: str, today: str | None = None) -> str:
        """Run a command that must be refused; return its one error line."""
        result = self(*args, today=today, ok=False)
        assert result.exit_code != 0, (args, result.stdout)
        assert isinstance(result.exception, SystemExit), result.exception  # no traceback
        assert "Traceback" not in result.stderr
        errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
        assert len(errors) == 1, result.stderr
        return errors[0]

    def show(self, ref: str, today: str | None = None) -> dict[str, Any]:
        facts: dict[str, Any] = orjson.loads(self("show", ref, "--json", today=today).stdout)
        return facts


@pytest.fixture
def clerk(tmp_path: Path) -> Clerk:
    return Clerk(tmp_path / "register.json", CliRunner())


HOLD = """
import sys
from clerk.store.register import Register
register = Register.open(sys.argv[1], write=True)
print("locked", flush=True)
sys.stdin.read()
register.close()
"""


@pytest.fixture
def hold_lock() -> Iterator[Callable[[Path], None]]:
    """Hold the register's write lock from another process, as the open app does."""
    procs: list[subprocess.Popen[str]] = []

    def hold(path: Path) -> None:
        proc = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, text=True)
        procs.append(proc)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "locked"

    yield hold
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.close()
        proc.wait(timeout=30)
