"""Any number of clerks may have a register open; each save takes the journal's lock, reads
what the others saved and appends after it, so nothing is lost and the chain never forks.
A killed writer never blocks the others."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from clerk.domain.council import CouncilProfile
from clerk.store import Register, RegisterError
from clerk.store.journal import verify
from tests.store.conftest import decision

REPO = Path(__file__).resolve().parents[2]

# A second process that opens the register for writing, saves one decision, says "ready",
# then saves again each time it reads a line, until its stdin closes.
HOLDER = """
import sys
from pathlib import Path
from clerk.domain.decision import Decision
from clerk.store import Register
reg = Register.open(Path(sys.argv[1]), write=True)
reg.save(Decision(ref="D2013-002", title="Saved by the other process"), action="created")
print("ready", flush=True)
for n, line in enumerate(sys.stdin):
    reg.change("D2013-002", lambda d: Decision(ref=d.ref, title=line.strip()),
               action="edited")
    print("saved", flush=True)
reg.close()
"""


@pytest.fixture
def holder(path: Path, council: CouncilProfile) -> Iterator[subprocess.Popen[str]]:
    with Register.open(path, write=True, create=True, council=council) as reg:
        reg.save(decision("D2013-001"), action="created")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env,
    )
    assert child.stdout is not None and child.stdout.readline() == "ready\n"
    yield child
    if child.poll() is None:
        child.kill()
    child.wait()


def _other_saves(holder: subprocess.Popen[str], title: str) -> None:
    assert holder.stdin is not None and holder.stdout is not None
    holder.stdin.write(title + "\n")
    holder.stdin.flush()
    assert holder.stdout.readline() == "saved\n"


def test_two_writers_interleave_and_lose_nothing(path: Path,
                                                 holder: subprocess.Popen[str]) -> None:
    with Register.open(path, write=True) as mine:
        assert mine.refs() == ["D2013-001", "D2013-002"]
        _other_saves(holder, "Changed over there")
        mine.save(decision("D2013-003", "Mine"), action="created")  # reads theirs first
        assert mine.get("D2013-002").title == "Changed over there"
        _other_saves(holder, "Changed again")
        assert mine.refresh() and mine.last_refreshed == ("D2013-002",)
        assert mine.get("D2013-002").title == "Changed again"
        assert not mine.refresh()
    assert holder.stdin is not None
    holder.stdin.close()
    assert holder.wait(timeout=30) == 0
    with Register.open(path) as reader:
        assert reader.refs() == ["D2013-001", "D2013-002", "D2013-003"]
        assert reader.get("D2013-002").title == "Changed again"
    assert verify(Path(f"{path}.journal"), path)[0] == 6


def test_a_save_built_on_a_stale_decision_is_refused(path: Path,
                                                     holder: subprocess.Popen[str]) -> None:
    with Register.open(path, write=True) as mine:
        stale = mine.get("D2013-002")
        _other_saves(holder, "Theirs")
        stale.title = "Mine, from before theirs"
        with pytest.raises(RegisterError, match="another clerk.*NOT saved"):
            mine.save(stale, action="edited")
        assert mine.get("D2013-002").title == "Theirs"
        mine.change("D2013-002", lambda d: d, action="looked again")  # a move re-runs


def test_reader_works_while_another_process_writes(
    path: Path, holder: subprocess.Popen[str]
) -> None:
    with Register.open(path) as reader:
        assert reader.refs() == ["D2013-001", "D2013-002"]  # the holder's save, via its journal


def test_lock_of_a_killed_process_does_not_block(
    path: Path, holder: subprocess.Popen[str]
) -> None:
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait(timeout=10)
    with Register.open(path, write=True) as reg:
        reg.save(decision("D2013-003"), action="created")
        assert reg.refs() == ["D2013-001", "D2013-002", "D2013-003"]


def test_two_writers_in_the_same_process(path: Path, council: CouncilProfile) -> None:
    with Register.open(path, write=True, create=True, council=council) as first:
        with Register.open(path, write=True) as second:
            first.save(decision("D2013-001"), action="created")
            second.save(decision("D2013-002"), action="created")
            first.save(decision("D2013-003"), action="created")
            assert first.refs() == ["D2013-001", "D2013-002", "D2013-003"]
    with Register.open(path) as reader:
        assert len(reader) == 3
