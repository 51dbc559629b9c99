"""Producing a notice: render it, write it safely, and journal what was published.

Shared by the CLI and the app, so a notice printed from either leaves the same proof in
the register: its kind, publication date and SHA-256.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from clerk.domain.decision import Decision, PublishedNotice
from clerk.store.storage import atomic_write_bytes

if TYPE_CHECKING:
    from clerk.store.register import Register


class PrinterUnavailable(Exception):
    """No printer is configured; the PDF itself was written."""


@dataclass(frozen=True)
class Written:
    path: Path
    sha256: str


def notices_dir(register: Register) -> Path:
    """Where PDFs go when the clerk names no path: beside the register."""
    base = register.path.parent if register.path else Path.cwd()
    return base / "notices"


def default_name(ref: str, kind: str, confidential: bool) -> str:
    """`D2013-001-record.pdf`: only a reference in clerk's form may name a file, so no
    reference (from an old register or a hand edit) can point outside notices/."""
    from clerk.domain.refs import check_ref

    check_ref(ref)
    suffix = "-CONFIDENTIAL" if confidential else ""
    return f"{ref}-{kind}{suffix}.pdf"


def _write_pdf(target: Path, pdf: bytes) -> None:
    """Into a file atomically; a pipe or device (`-o /dev/stdout`) is written to as it is,
    since replacing it would replace the device itself (run as root, /dev/null for every
    program on the machine)."""
    try:
        special = not stat.S_ISREG(os.stat(target).st_mode)
    except FileNotFoundError:
        special = False
    if special:
        with open(target, "wb") as handle:
            handle.write(pdf)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(target, pdf)


def _journal(register: Register, decisions: Iterable[Decision], kind: str, on: date,
             digest: str, confidential: bool) -> None:
    changed = []
    for decision in decisions:
        decision.notices.append(PublishedNotice(kind, on, digest, confidential))
        changed.append(decision)
    register.save_many(changed, action=f"notice published: {kind}")


def write_notice(register: Register, ref: str, kind: str, path: Path | None = None, *,
                 published_on: date, confidential: bool = False) -> Written:
    """Render one notice for one decision, write it, and record its hash in the journal."""
    from clerk.notices import render_notice

    decision = register.get(ref)
    pdf = render_notice(kind, decision, register.council, published_on=published_on,
                        confidential=confidential)
    target = path or notices_dir(register) / default_name(ref, kind, confidential)
    _write_pdf(target, pdf)
    digest = hashlib.sha256(pdf).hexdigest()
    _journal(register, [decision], kind, published_on, digest, confidential)
    return Written(target, digest)


def write_forward_plan(register: Register, start: date, end: date, path: Path | None = None,
                       *, published_on: date) -> tuple[Written, int]:
    """The forward plan for a period; each listed decision records that it appeared."""
    from clerk.notices import forward_plan_refs, render_forward_plan

    # the rule over the stored dicts first: a Decision only for each decision listed
    listed = [register.get(ref) for ref in forward_plan_refs(register.raw_items(), start, end)]
    pdf = render_forward_plan(listed, register.council, start=start, end=end,
                              published_on=published_on)
    name = f"forward-plan-{start:%Y-%m-%d}-to-{end:%Y-%m-%d}.pdf"
    target = path or notices_dir(register) / name
    _write_pdf(target, pdf)
    digest = hashlib.sha256(pdf).hexdigest()
    _journal(register, listed, "forward-plan", published_on, digest, False)
    return Written(target, digest), len(listed)


def send_to_printer(path: Path) -> str:
    """Send a PDF to the default printer with `lp`; say plainly when there is none."""
    import shutil
    import subprocess

    lp = shutil.which("lp")
    if lp is None:
        raise PrinterUnavailable(f"No printer is configured on this machine (`lp` was not "
                                 f"found). The PDF is at {path}.")
    done = subprocess.run([lp, str(path)], capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        why = done.stderr.strip() or f"lp exited {done.returncode}"
        raise PrinterUnavailable(f"The printer refused {path}: {why}. The PDF itself was "
                                 "written.")
    return done.stdout.strip() or f"Sent {path} to the printer."
