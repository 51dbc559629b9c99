"""clerk's performance benchmark: every figure of issues 5 and 11 against its baseline,
measured in the same run.

    python tests/bench/run.py            # the full run (under ten minutes on two cores)
    python tests/bench/run.py --quick    # fewer repeats (under two minutes once built)
    python tests/bench/run.py --readme   # also put the table in README.md (## Performance)

Synthetic registers of 1,000, 10,000 and 100,000 decisions are built once with
`clerk demo --decisions N` into --work (default /tmp/clerk-bench) and reused while the
synthetic generator is unchanged; every measurement runs on a fresh copy. Start-up and
keystrokes are timed on a real pseudo-terminal (120x40, xterm-256color) from the spawn or
the key written to the first output that shows the expected text. Each figure and its
baseline are measured alternately in the same run; the table gives medians and the ratio
of the medians, marked met or missed against the target.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))

from pty_driver import TerminalApp  # noqa: E402

PYTHON = sys.executable
CLERK = str(Path(PYTHON).with_name("clerk")) if Path(PYTHON).with_name("clerk").exists() \
    else shutil.which("clerk") or "clerk"
TODAY = "2026-11-26"
ENV = {"CLERK_TODAY": TODAY, "CLERK_THEME": "dark"}
SIZES = (1_000, 10_000, 100_000)


@dataclass
class Figure:
    name: str
    baseline: str
    target: float | None  # None: a figure that informs (what something buys), no target
    values: list[float] = field(default_factory=list)
    bases: list[float] = field(default_factory=list)
    unit: str = "ms"
    note: str = ""

    @property
    def value(self) -> float:
        return statistics.median(self.values) if self.values else float("nan")

    @property
    def base(self) -> float:
        return statistics.median(self.bases) if self.bases else float("nan")

    @property
    def ratio(self) -> float:
        return self.value / self.base if self.bases and self.values else float("nan")

    @property
    def met(self) -> bool:
        return self.target is None or self.ratio <= self.target

    def show(self, seconds: float) -> str:
        if self.unit == "MB":
            return f"{seconds / 1e6:,.0f} MB"
        ms = seconds * 1000
        return f"{ms:,.2f} ms" if ms < 10 else f"{ms:,.0f} ms"


# ---- registers -------------------------------------------------------------------------


def synthetic_stamp() -> str:
    source = b"".join((ROOT / "clerk" / name).read_bytes() for name in (
        "synthetic.py", "store/checkpoint.py", "store/schema.py", "store/journal.py"))
    return hashlib.sha256(source).hexdigest()[:12]


def build(work: Path, count: int) -> Path:
    """The pristine register of `count` decisions, built once per synthetic generator."""
    path = work / f"pristine-{count}.json"
    stamp = work / f"pristine-{count}.stamp"
    if path.exists() and stamp.exists() and stamp.read_text() == synthetic_stamp():
        return path
    for old in work.glob(f"pristine-{count}.json*"):
        shutil.rmtree(old) if old.is_dir() else old.unlink()
    began = time.perf_counter()
    subprocess.run([CLERK, "--db", str(path), "demo", "--decisions", str(count)], check=True,
                   env=child_env(), stdout=subprocess.DEVNULL)
    log(f"  built {count:,} decisions in {time.perf_counter() - began:.1f}s "
        f"({path.stat().st_size / 1e6:.0f} MB)")
    stamp.write_text(synthetic_stamp())
    return path


def fresh_copy(pristine: Path, work: Path) -> Path:
    """A copy to change: the register file and its journal."""
    scratch = work / "scratch"
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir()
    target = scratch / "register.json"
    shutil.copyfile(pristine, target)
    for suffix in (".journal",):
        if Path(f"{pristine}{suffix}").exists():
            shutil.copyfile(f"{pristine}{suffix}", f"{target}{suffix}")
    os.sync()  # the copies (and any build before them) on disk before anything is timed
    return target


def first_ref(count: int) -> str:
    """The reference on the register list's first row (the first decision made)."""
    from clerk.domain.council import load_profile
    from clerk.paths import default_council_path
    from clerk.synthetic import synthetic_dicts

    return next(synthetic_dicts(count, load_profile(default_council_path())))["ref"]


# ---- the app on a terminal -------------------------------------------------------------

KEYS = ["p", "a", "r", "k", "\x7f", "\x7f", "\x7f", "\x7f", "m", "o", "t", "e"]


def filter_firsts(pristine: Path) -> tuple[list[str], str]:
    """The first row the register list shows after each key of KEYS ("REF  Title start"),
    and what its title says once the filter answers the first key from the index
    ("indexing…" until then): "1,234/10,000 · all stages"."""
    from clerk.store.register import Register
    from clerk.tui.summary import entry_of

    register = Register.open(pristine)
    rows = [(entry_of(ref, doc).haystack, f"{ref}  {doc['title'][:12]}")
            for ref, doc in register.raw_items()]
    firsts, typed = [], ""
    for key in KEYS:
        typed = typed[:-1] if key == "\x7f" else typed + key
        terms = typed.casefold().split()
        firsts.append(next(row for hay, row in rows if all(t in hay for t in terms)))
    first_key = sum(KEYS[0] in hay for hay, _ in rows)
    return firsts, f"{first_key:,}/{len(rows):,} · all stages"


def startup(argv: list[str], needle: str, figure_mem: Figure | None = None,
            size: int = 0) -> float:
    with TerminalApp(argv, env=ENV) as app:
        seconds = app.wait_for(needle, app.started)
        if figure_mem is not None:
            app.settle(0.5)
            figure_mem.values.append(app.peak_rss_bytes())
            figure_mem.bases.append(size)
        return seconds


def keystrokes(argv: list[str], ready: str, needles: list[str],
               env: dict[str, str] | None = None,
               answering: Figure | None = None, answered: str = "") -> list[float]:
    """The keystrokes' times, once the filter answers: a first key is typed as soon as the
    list shows and its answer (`answered`, else the first needle) waited for (a large
    register's list is indexed in the background just after it shows), then taken back;
    `answering` notes when that first answer came."""
    out = []
    with TerminalApp(argv, env={**ENV, **(env or {})}) as app:
        listed = app.wait_for(ready, app.started)
        typed = app.type(KEYS[0])
        answer = typed - app.started + app.wait_for(answered or needles[0], typed)
        if answering is not None:
            answering.values.append(answer)
            answering.bases.append(listed)
        app.wait_for(ready, app.type("\x7f"))
        app.settle(0.4)
        for key, needle in zip(KEYS, needles, strict=True):
            moment = app.type(key)
            out.append(app.wait_for(needle, moment, timeout=30))
            app.settle(0.3)
    return out


def echo_needles() -> list[str]:
    typed, out = "", []
    for key in KEYS:
        typed = typed[:-1] if key == "\x7f" else typed + key
        out.append(f"echo: <{typed}>")
    return out


# ---- cold processes --------------------------------------------------------------------


def child_env() -> dict[str, str]:
    """The environment of every measured process: bytecode as an installed clerk has it."""
    env = {**os.environ, **ENV}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def compile_all() -> None:
    """Compile clerk and the benchmark's own scripts once, so no cold start pays for it
    (a checkout run with PYTHONDONTWRITEBYTECODE would otherwise compile every time)."""
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(ROOT / "clerk"), str(HERE)],
                   check=True, env=child_env(), stdout=subprocess.DEVNULL)


def cold(argv: list[str]) -> float:
    began = time.perf_counter()
    subprocess.run(argv, check=True, env=child_env(), stdout=subprocess.DEVNULL)
    return time.perf_counter() - began


def child(script: str, *args: str) -> dict[str, list[float]]:
    done = subprocess.run([PYTHON, str(HERE / script), *args], check=True, capture_output=True,
                          env=child_env(), text=True)
    return json.loads(done.stdout)


def report(fig: Figure) -> None:
    verdict = ("(no target)" if fig.target is None else
               f"(target {fig.target:g} x) {'met' if fig.met else 'MISSED'}")
    log(f"  {fig.name}: {fig.show(fig.value)} vs {fig.show(fig.base)} = {fig.ratio:.2f} x "
        f"{verdict}")


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# ---- the run ---------------------------------------------------------------------------


def run(quick: bool, work: Path, only: set[str]) -> list[Figure]:
    def want(part: str) -> bool:
        return not only or part in only

    work.mkdir(parents=True, exist_ok=True)
    compile_all()
    log(f"registers in {work}")
    pristine = {count: build(work, count) for count in SIZES}
    reps_start = {10_000: 3 if quick else 7, 100_000: 2 if quick else 4}
    key_runs = 1 if quick else 2

    bare_label = [PYTHON, str(HERE / "bare_label.py")]
    bare_input = [PYTHON, str(HERE / "bare_input.py")]
    figures: list[Figure] = []
    memory = Figure("peak memory of the app, 100k", "register file size on disk", 3.0,
                    unit="MB")

    for count in (10_000, 100_000) if want("startup") else ():
        label = f"{count // 1000}k"
        target = 1.8 if count == 10_000 else 6.0
        fig = Figure(f"start-up to the register listed, {label}",
                     "bare Textual app, one label", target)
        path = fresh_copy(pristine[count], work)
        needle = first_ref(count)
        log(f"start-up {label} ...")
        for _ in range(reps_start[count]):
            fig.bases.append(startup(bare_label, "bare app ready"))
            fig.values.append(startup([CLERK, "--db", str(path)], needle,
                                      memory if count == 100_000 else None,
                                      path.stat().st_size))
        figures.append(fig)
        report(fig)

    for count in (10_000, 100_000) if want("keys") else ():
        label = f"{count // 1000}k"
        fig = Figure(f"keystroke in the filter to the repainted list, {label}",
                     "keystroke into a bare Input echoed to a label",
                     1.5 if count == 10_000 else 2.0)
        path = fresh_copy(pristine[count], work)
        needles, indexed = filter_firsts(path)
        answering = Figure(f"the filter's first answer after start-up, {label}",
                           "start-up to the register listed", None)
        log(f"keystrokes {label} ...")
        for _ in range(key_runs):
            fig.bases += keystrokes(bare_input, "echo: <>", echo_needles())
            fig.values += keystrokes([CLERK, "--db", str(path)], first_ref(count), needles,
                                     answering=answering, answered=indexed)
        figures += [fig, answering]
        report(fig)
        report(answering)

    if want("keys"):  # what clerk/tui/internals.py's private Textual hooks buy
        fig = Figure("keystroke, 10k, Textual's public API only (CLERK_PUBLIC_TEXTUAL=1)",
                     "the same keystrokes with clerk.tui.internals' hooks", None)
        path = fresh_copy(pristine[10_000], work)
        needles, indexed = filter_firsts(path)
        log("keystrokes 10k, public API only ...")
        argv = [CLERK, "--db", str(path)]
        for _ in range(key_runs):
            fig.bases += keystrokes(argv, first_ref(10_000), needles,
                                    answered=indexed)
            fig.values += keystrokes(argv, first_ref(10_000), needles,
                                     {"CLERK_PUBLIC_TEXTUAL": "1"}, answered=indexed)
        figures.append(fig)
        report(fig)

    if want("save"):
        log("saves ...")
        saves = 15 if quick else 40
        path = fresh_copy(pristine[10_000], work)
        result = child("bench_save.py", str(path), str(saves))
        fig = Figure("durable save of one change (a comment), 10k",
                     "orjson dump + temp + fsync + replace, 10k", 0.1)
        fig.values, fig.bases = result["clerk"], result["baseline"]
        figures.append(fig)
        report(fig)
        path = fresh_copy(pristine[10_000], work)
        result = child("bench_save.py", str(path), "1000", "--clerk-only")
        fig = Figure("slowest of 1,000 durable saves in a row, 10k", "the limit, 100 ms", 1.0)
        fig.values, fig.bases = [max(result["clerk"])], [0.1]
        figures.append(fig)
        report(fig)
        path = fresh_copy(pristine[100_000], work)
        result = child("bench_save.py", str(path), str(saves), "--clerk-only")
        fig = Figure("durable save of one change, 100k", "the same save at 1k", 3.0)
        fig.values = result["clerk"]
        path = fresh_copy(pristine[1_000], work)
        fig.bases = child("bench_save.py", str(path), str(saves), "--clerk-only")["clerk"]
        figures.append(fig)
        report(fig)

    if want("notice"):
        log("notice cold ...")
        path = fresh_copy(pristine[10_000], work)
        ref = first_ref(10_000)
        fig = Figure("decision report PDF, cold `clerk notice`, 10k",
                     "cold process building a one-paragraph reportlab PDF", 1.5)
        out = work / "scratch" / "out.pdf"
        for _ in range(3 if quick else 7):
            fig.bases.append(cold([PYTHON, str(HERE / "bare_pdf.py"), str(out)]))
            fig.values.append(cold([CLERK, "--db", str(path), "notice", "report", ref,
                                    "-o", str(out), "--on", TODAY, "--draft"]))
        figures.append(fig)
        report(fig)

    if want("plan"):
        log("forward plan ...")
        result = child("bench_plan.py", str(pristine[10_000]), "3" if quick else "7")
        fig = Figure("forward plan of 500 decisions, in process",
                     "reportlab table of the same 500 rows, plain strings", 4.0)
        fig.values, fig.bases = result["clerk"], result["baseline"]
        figures.append(fig)
        report(fig)

    if memory.values:
        figures.append(memory)
        report(memory)
    shutil.rmtree(work / "scratch", ignore_errors=True)
    return figures


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    from importlib.metadata import version

    return (f"{cpu}, {os.cpu_count()} cores{memory}; {platform.system()} "
            f"{platform.release()}; Python {platform.python_version()}; "
            f"textual {version('textual')}, reportlab {version('reportlab')}, "
            f"orjson {version('orjson')}")


def table(figures: list[Figure], quick: bool, seconds: float) -> str:
    lines = [
        "| figure | clerk | baseline | ratio | target | |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for fig in figures:
        verdict = "informs" if fig.target is None else "met" if fig.met else "**missed**"
        target = "—" if fig.target is None else f"≤ {fig.target:g} x"
        lines.append(f"| {fig.name} | {fig.show(fig.value)} | {fig.baseline}: "
                     f"{fig.show(fig.base)} | {fig.ratio:.2f} x | {target} | {verdict} |")
    run_kind = "--quick" if quick else "full"
    lines += ["", f"Medians of each figure and its baseline measured alternately in the same "
              f"run ({run_kind} run, {seconds / 60:.1f} min, {date.today():%d %b %Y}), on "
              f"{machine()}."]
    return "\n".join(lines)


def put_in_readme(text: str) -> None:
    """Replace the table (and its machine line) in README's Performance section, keeping
    the prose after it; write the section if there is none."""
    readme = ROOT / "README.md"
    body = readme.read_text(encoding="utf-8")
    head, marker, rest = body.partition("\n## Performance\n")
    intro = (
        "\n## Performance\n\n"
        "`python tests/bench/run.py` (or `--quick`) builds synthetic registers of 1,000, "
        "10,000 and 100,000 decisions (`clerk demo --decisions N`, about 3.4 KB each) and "
        "measures each figure against a baseline in the same run. Start-up and keystrokes "
        "are timed on a real pseudo-terminal (120x40) to the first frame showing the "
        "expected text. The latest table:\n\n"
    )
    after = ""
    if marker and "\nMedians of each figure" in rest:
        after = rest.split("\nMedians of each figure", 1)[1].split("\n\n", 1)[1:]
        after = "\n" + after[0] if after else ""
    readme.write_text((head if marker else body.rstrip("\n") + "\n") + intro + text + "\n"
                      + after, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    parser.add_argument("--work", type=Path, default=Path("/tmp/clerk-bench"),
                        help="where the synthetic registers are kept")
    parser.add_argument("--only", default="", help="comma-separated: startup (with memory), "
                        "keys, save, notice, plan")
    parser.add_argument("--readme", action="store_true", help="put the table in README.md")
    args = parser.parse_args()
    began = time.perf_counter()
    only = set(args.only.split(",")) if args.only else set()
    figures = run(args.quick, args.work, only)
    text = table(figures, args.quick, time.perf_counter() - began)
    print(text)
    (args.work / "latest.md").write_text(text + "\n", encoding="utf-8")
    if args.readme:
        put_in_readme(text)
    sys.exit(0 if all(fig.met for fig in figures) else 1)


if __name__ == "__main__":
    main()
