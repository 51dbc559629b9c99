"""Child process: the forward plan of 500 decisions against a plain reportlab table.

    python tests/bench/bench_plan.py REGISTER REPEATS

Both are timed warm, in one process, alternating:
  clerk:    clerk.notices.render_forward_plan over 500 key decisions from REGISTER;
  baseline: a reportlab Table of the same 500 rows, its cells plain strings.
Prints {"clerk": [seconds...], "baseline": [seconds...], "entries": n} as JSON on stdout.
"""

from __future__ import annotations

import sys
import time
from datetime import date
from io import BytesIO
from pathlib import Path

import orjson

from clerk.notices import forward_plan_entries, render_forward_plan
from clerk.store.register import Register

ROWS = 500
PUBLISHED = date(2026, 11, 26)


def baseline_pdf(rows: list[list[str]]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table

    buffer = BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, invariant=1).build([Table(rows, repeatRows=1)])
    return buffer.getvalue()


def main() -> None:
    path, repeats = Path(sys.argv[1]), int(sys.argv[2])
    register = Register.open(path)
    decisions = [register.get(ref) for ref in register.refs()]
    chosen = forward_plan_entries(decisions, date(1900, 1, 1), date(2999, 12, 31))[:ROWS]
    start = min((d.plan.due_on for d in chosen if d.plan.due_on), default=PUBLISHED)
    end = max((d.plan.due_on for d in chosen if d.plan.due_on), default=PUBLISHED)
    rows = [["Ref", "Title", "Decision maker", "Due", "Wards", "Contact"]] + [
        [d.ref or "", d.title[:40], d.decision_maker.name, str(d.plan.due_on or ""),
         ", ".join(d.plan.wards)[:30], d.plan.contact.name] for d in chosen
    ]
    render_forward_plan(chosen, register.council, start=start, end=end,
                        published_on=PUBLISHED)  # warm: imports, fonts, styles
    baseline_pdf(rows)
    clerk_times: list[float] = []
    baseline_times: list[float] = []
    for _ in range(repeats):
        began = time.perf_counter()
        render_forward_plan(chosen, register.council, start=start, end=end,
                            published_on=PUBLISHED)
        clerk_times.append(time.perf_counter() - began)
        began = time.perf_counter()
        baseline_pdf(rows)
        baseline_times.append(time.perf_counter() - began)
    sys.stdout.write(orjson.dumps({"clerk": clerk_times, "baseline": baseline_times,
                                   "entries": len(chosen)}).decode())


if __name__ == "__main__":
    main()
