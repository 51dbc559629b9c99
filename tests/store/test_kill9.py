"""Fault injection: SIGKILL a writer at random moments; every acknowledged save survives.

A forked child opens the register for writing and saves in a loop (new decisions, updates,
small bulk saves), writing a line to a pipe only after save() returns: that line is the
acknowledgement a clerk would see. The parent waits for a random number of them, kills
it after a further random delay (seeded, so a failure can be replayed), reopens the
register, and checks that it opens and that every acknowledged change is there.
Checkpoints are frequent in the child, and half the children write each journal append in
two pieces, so that kills also land mid-checkpoint and mid-line.
"""

from __future__ import annotations

import os
import random
import signal
import time
import traceback
from pathlib import Path
from typing import Any

import pytest

from clerk.domain.council import CouncilProfile
from clerk.domain.decision import Decision
from clerk.store import Register
from clerk.store import journal_file as journal_module
from clerk.store.journal import verify

SEED = 20131107
ROUNDS = 200
MAX_ACKS_BEFORE_KILL = 8
MAX_DELAY = 0.004  # seconds between the last awaited acknowledgement and the kill


class TearingOS:
    """`os` for the journal, but each write goes out in two pieces with a pause between,
    so that kills often land mid-line (a single small write is rarely torn by SIGKILL)."""

    def __getattr__(self, name: str) -> Any:
        return getattr(os, name)

    @staticmethod
    def write(fd: int, data: bytes | memoryview) -> int:
        half = max(1, len(data) // 2)
        written = os.write(fd, data[:half])
        time.sleep(0.0005)
        return written


def child(path: Path, pipe: int, seed: int) -> None:
    """Save forever, acknowledging each save on the pipe once it has returned."""
    rng = random.Random(seed)
    Register.CHECKPOINT_ENTRIES = 15
    if rng.random() < 0.5:
        journal_module.os = TearingOS()  # type: ignore[assignment]  # this child only
    try:
        reg = Register.open(path, write=True)
        while True:
            choice = rng.random()
            if choice < 0.5 or len(reg) == 0:
                ref = reg.next_ref(2013)
                reg.save(Decision(ref=ref, title="v0"), action="created")
                acks = [f"{ref} 0"]
            elif choice < 0.9:
                ref = rng.choice(reg.refs())
                version = int(reg.get_raw(ref)["title"][1:]) + 1
                reg.save(Decision(ref=ref, title=f"v{version}"), action="title changed")
                acks = [f"{ref} {version}"]
            else:
                refs = [reg.next_ref(2014) for _ in range(3)]
                reg.save_many([Decision(ref=r, title="v0") for r in refs], action="imported")
                acks = [f"{r} 0" for r in refs]
            os.write(pipe, "".join(f"{a}\n" for a in acks).encode())
    except BaseException:
        os.write(pipe, f"ERROR {traceback.format_exc()!r}\n".encode())


@pytest.mark.slow
def test_acknowledged_saves_survive_sigkill(tmp_path: Path, council: CouncilProfile) -> None:
    rng = random.Random(SEED)
    path = tmp_path / "register.json"
    Register.open(path, write=True, create=True, council=council).close()
    acknowledged: dict[str, int] = {}  # ref -> the latest acknowledged title version
    journal = Path(f"{path}.journal")
    torn_rounds = 0
    waited_for = acks = 0
    for round_number in range(ROUNDS):
        child_seed = rng.randrange(2**32)
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns into pytest
            os.close(read_end)
            try:
                child(path, write_end, child_seed)
            finally:
                os._exit(0)
        os.close(write_end)
        # Wait for a random number of acknowledgements (so every round makes progress
        # however loaded the machine is), then kill after a random sliver of time.
        wanted = rng.randrange(MAX_ACKS_BEFORE_KILL + 1)
        received = b""
        while received.count(b"\n") < wanted:
            chunk = os.read(read_end, 65536)
            if not chunk:
                break
            received += chunk
        waited_for += wanted
        time.sleep(rng.uniform(0, MAX_DELAY))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        with os.fdopen(read_end, "rb") as pipe:
            output = (received + pipe.read()).decode()
        assert "ERROR" not in output, f"round {round_number}: {output}"
        for line in output.splitlines(keepends=True):
            if line.endswith("\n"):  # a line cut short was never fully acknowledged
                ref, version = line.split()
                acks += 1
                acknowledged[ref] = max(acknowledged.get(ref, 0), int(version))
        torn_rounds += not journal.read_bytes().endswith(b"\n") and journal.stat().st_size > 0

        # Alternate read-only opens (which ignore a torn tail) and writable ones (which cut it).
        with Register.open(path, write=round_number % 2 == 1) as reg:
            missing = [ref for ref in acknowledged if ref not in reg]
            assert not missing, f"round {round_number}: lost {missing}"
            for ref, version in acknowledged.items():
                stored = int(reg.get_raw(ref)["title"][1:])
                # A save may be durable yet unacknowledged (killed before it printed).
                assert stored >= version, f"round {round_number}: {ref} went back in time"
    assert acks >= waited_for > ROUNDS  # the rounds did real work before each kill
    assert torn_rounds > 0  # some kills landed mid-append
    with Register.open(path, write=True) as reg:
        entries, _ = verify(journal, path)
        assert entries >= len(reg) >= len(acknowledged)
    # Temp files of checkpoints cut short by a kill are removed by the next writer.
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
