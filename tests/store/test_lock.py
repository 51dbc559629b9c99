"""One writer at a time, across processes; readers never wait; a dead writer never blocks."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from clerk.domain.council import CouncilProfile
from clerk.store import Register, RegisterLocked
from tests.store.conftest import decision

REPO = Path(__file__).resolve().parents[2]

# A second process that opens the register for writing, saves one decision, says "ready",
# then holds the lock until its stdin closes.
HOLDER = """
import sys
from pathlib import Path
from clerk.domain.decision import Decision
from clerk.store import Register
reg = Register.open(Path(sys.argv[1]), write=True)
reg.save(Decision(ref="D2013-002", title="Saved by the other process"), action="created")
print("ready", flush=True)
sys.stdin.read()
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


def test_second_writer_is_refused_with_path_and_pid(
    path: Path, holder: subprocess.Popen[str]
) -> None:
    with pytest.raises(RegisterLocked) as caught:
        Register.open(path, write=True)
    message = str(caught.value)
    assert message.startswith(f"The register {path} is open for writing by ")
    assert f"pid {holder.pid} on " in message
    assert message.endswith("Close it there, or use a read-only command (show, list, dates).")


def test_reader_works_while_another_process_writes(
    path: Path, holder: subprocess.Popen[str]
) -> None:
    with Register.open(path) as reader:
        assert reader.refs() == ["D2013-001", "D2013-002"]  # the holder's save, via its journal


def test_writer_lock_is_released_on_close(path: Path, holder: subprocess.Popen[str]) -> None:
    assert holder.stdin is not None
    holder.stdin.close()
    assert holder.wait(timeout=10) == 0
    with Register.open(path, write=True) as reg:
        assert len(reg) == 2
    assert not Path(f"{path}.lock.owner").exists()


def test_lock_of_a_killed_process_does_not_block(
    path: Path, holder: subprocess.Popen[str]
) -> None:
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait(timeout=10)
    assert Path(f"{path}.lock.owner").exists()  # stale: the killed process could not tidy up
    with Register.open(path, write=True) as reg:
        assert reg.refs() == ["D2013-001", "D2013-002"]
        assert f"{os.getpid()}" in Path(f"{path}.lock.owner").read_text()


def test_second_writer_in_the_same_process_is_refused(path: Path, council: CouncilProfile
                                                      ) -> None:
    with Register.open(path, write=True, create=True, council=council):
        with pytest.raises(RegisterLocked, match=f"pid {os.getpid()}"):
            Register.open(path, write=True)
        with Register.open(path) as reader:
            assert len(reader) == 0
    Register.open(path, write=True).close()
