"""Child process: time durable saves of one change (a comment) against a full atomic rewrite.

    python tests/bench/bench_save.py REGISTER COUNT [--clerk-only]

Opens REGISTER for writing and, COUNT times, alternates
  clerk:    add a comment to a decision with Register.change (durable when it returns);
  baseline: orjson.dumps of the whole register + write a temp file + fsync + os.replace
            (not with --clerk-only).
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
    clerk_only = "--clerk-only" in sys.argv
    register = Register.open(path, write=True)
    data = orjson.loads(path.read_bytes())  # the same data a full rewrite would serialise
    target = path.with_name(path.name + ".baseline-copy")
    clerk_times: list[float] = []
    baseline_times: list[float] = []
    refs = commentable(register, min(count, 200))
    register.check_journal()  # as the app does just after opening, off the UI thread
    for number in range(count):
        if not clerk_only:
            baseline_times.append(baseline_write(data, target))
        ref = refs[number % len(refs)]
        note = Comment("Ann Price", "Bearsted Parish Council", TODAY, "email",
                       f"Benchmark comment {number}: please consider the effect on residents.")
        started = time.perf_counter()
        register.change(ref, lambda d, note=note: lifecycle.add_comment(d, note, today=TODAY),
                        action="comment added")
        clerk_times.append(time.perf_counter() - started)
    target.unlink(missing_ok=True)
    sys.stdout.write(orjson.dumps({"clerk": clerk_times, "baseline": baseline_times}).decode())
    register.close(checkpoint=False)  # leave without a checkpoint


if __name__ == "__main__":
    main()
