"""Child process: time durable saves of one change (a comment) against a full atomic rewrite.

    python tests/bench/bench_save.py REGISTER COUNT [--baseline-only]

Opens REGISTER for writing and, COUNT times, alternates
  clerk:    get a decision, add a comment, Register.save (durable when it returns);
  baseline: orjson.dumps of the whole register + write a temp file + fsync + os.replace.
Prints {"clerk": [seconds...], "baseline": [seconds...]} as JSON on stdout.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import date
from pathlib import Path

import orjson

from clerk.domain import lifecycle
from clerk.domain.decision import Comment
from clerk.store.register import Register

TODAY = date(2026, 11, 26)


def baseline_write(data: object, target: Path) -> float:
    started = time.perf_counter()
    payload = orjson.dumps(data)
    temp = target.with_name(target.name + ".tmp")
    with open(temp, "wb") as handle:
        handle.write(payload)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temp, target)
    return time.perf_counter() - started


def commentable(register: Register, wanted: int) -> list[str]:
    refs = []
    note = Comment("Ann Price", "Bearsted Parish Council", TODAY, "email", "A comment.")
    for ref in register.refs():
        try:
            lifecycle.add_comment(register.get(ref), note, today=TODAY)
        except lifecycle.Refused:
            continue
        refs.append(ref)
        if len(refs) == wanted:
            break
    return refs


def main() -> None:
    path, count = Path(sys.argv[1]), int(sys.argv[2])
    baseline_only = "--baseline-only" in sys.argv
    register = Register.open(path, write=not baseline_only)
    stored = register._storage.data  # the same data a full rewrite would serialise,
    data = {name: dict(table.items()) for name, table in stored.items()}  # as plain dicts
    target = path.with_name(path.name + ".baseline-copy")
    clerk_times: list[float] = []
    baseline_times: list[float] = []
    refs = [] if baseline_only else commentable(register, count)
    for number in range(count):
        baseline_times.append(baseline_write(data, target))
        if baseline_only:
            continue
        ref = refs[number % len(refs)]
        note = Comment("Ann Price", "Bearsted Parish Council", TODAY, "email",
                       f"Benchmark comment {number}: please consider the effect on residents.")
        started = time.perf_counter()
        decision = lifecycle.add_comment(register.get(ref), note, today=TODAY)
        register.save(decision, action="comment added")
        clerk_times.append(time.perf_counter() - started)
    target.unlink(missing_ok=True)
    sys.stdout.write(orjson.dumps({"clerk": clerk_times, "baseline": baseline_times}).decode())
    if not baseline_only:
        register.close(checkpoint=False)  # leave without a checkpoint


if __name__ == "__main__":
    main()
