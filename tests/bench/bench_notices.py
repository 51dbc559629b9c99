"""Time a decision report and a 500-row forward plan against plain reportlab baselines.

Run: python tests/bench/bench_notices.py [--repeat 5]

Baselines are measured in the same run, so the ratios travel between machines: a plain
reportlab document with one paragraph (for the report), and a reportlab Table of the same
500 rows with plain-string cells (for the forward plan).
"""

from __future__ import annotations

import argparse
import copy
import io
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from clerk.domain.decision import Decision  # noqa: E402
from clerk.notices import forward_plan_entries, render_forward_plan, render_notice  # noqa: E402
from tests.notices.conftest import maidstone, private_decision, seed_decision  # noqa: E402

START, END, PUBLISHED = date(2013, 3, 1), date(2014, 2, 28), date(2013, 2, 1)


def plan_rows(count: int) -> list[Decision]:
    seed, private = seed_decision(), private_decision()
    rows = []
    for n in range(count):
        row = copy.deepcopy(private if n % 5 == 0 else seed)
        row.ref = f"D2013-{n:04d}"
        row.record = None
        row.plan.due_on = START + timedelta(days=n % 360) if n % 7 else None  # some undated
        rows.append(row)
    return rows


def median_ms(work: Callable[[], object], repeat: int) -> float:
    work()  # warm: fonts registered, modules imported
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def baseline_paragraph() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, invariant=1).build(
        [Paragraph("One paragraph.", getSampleStyleSheet()["Normal"])])
    return out.getvalue()


def baseline_table(rows: list[Decision]) -> Callable[[], bytes]:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import SimpleDocTemplate, Table

    data = [[d.ref, d.title, d.decision_maker.describe(), str(d.plan.due_on or ""),
             d.plan.summary[:60], d.plan.contact.name, "All wards" if d.plan.all_wards
             else ", ".join(d.plan.wards), d.key.reason[:40]] for d in rows]

    def build() -> bytes:
        out = io.BytesIO()
        SimpleDocTemplate(out, pagesize=landscape(A4), invariant=1).build(
            [Table(data, repeatRows=0)])
        return out.getvalue()

    return build


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rows", type=int, default=500)
    args = parser.parse_args()
    profile = maidstone()
    seed = seed_decision()
    rows = plan_rows(args.rows)
    listed = len(forward_plan_entries(rows, START, END))

    report = median_ms(lambda: render_notice("report", seed, profile, published_on=PUBLISHED),
                       args.repeat)
    para = median_ms(baseline_paragraph, args.repeat)
    plan = median_ms(lambda: render_forward_plan(rows, profile, start=START, end=END,
                                                 published_on=PUBLISHED), args.repeat)
    table = median_ms(baseline_table(rows[:listed]), args.repeat)
    pdf = render_forward_plan(rows, profile, start=START, end=END, published_on=PUBLISHED)
    from pypdf import PdfReader

    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    print(f"decision report            {report:8.1f} ms   baseline one paragraph {para:7.1f} ms"
          f"   ratio {report / para:5.1f}x")
    print(f"forward plan ({listed} rows, {pages} pages) {plan:8.1f} ms   baseline plain table "
          f"{table:7.1f} ms   ratio {plan / table:5.1f}x   ({plan / listed:.2f} ms/row, "
          f"{len(pdf) / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
