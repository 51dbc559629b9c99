"""Producing a notice: a draft to look at, a publication kept for ever, or a reprint as it
was published. Shared by the CLI and the app, so both leave the same proof in the journal.

- A **draft** (the app's preview) says DRAFT on every page, goes to `REGISTER.copies/`
  and is not journaled.
- **Publishing** carries the notice's statutory date (the date the register holds for it,
  e.g. the record's publication date), never today's when the register holds one. The PDF
  is staged under a hidden name, its hash journaled (`Register.record_event`, with the
  renderer that drew it and the references it lists), and only then linked into place
  under a dated name that nothing else has: a crash leaves no published-looking file the
  journal does not hold, and no published file is ever replaced. The same bytes again are
  recognised as already published: nothing is written or journaled.
- A **reprint** draws the notice again from the register as it stood when it was
  journaled (`Register.as_of`) and is given out only if it is byte-identical.

Where files go: `clerk.notice_files`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clerk import notice_files as files
from clerk.domain.calendar import fmt_date as format_date
from clerk.notice_files import Folders, NoticeFileError, Published

if TYPE_CHECKING:
    from clerk.store.register import Register

__all__ = ["NoticeFileError", "NotPublished", "PrinterUnavailable", "WrongDate", "Written",
           "copy_out", "draft_forward_plan", "draft_notice", "folders", "publish_forward_plan",
           "publish_notice", "publish_urgency_report", "reprint_forward_plan", "reprint_notice",
           "send_to_printer"]


class PrinterUnavailable(Exception):
    """No printer is configured; the PDF itself was written."""


class WrongDate(Exception):
    """A publication date asked for that is not the one the register holds."""


class NotPublished(Exception):
    """A reprint asked for a notice the journal does not hold, or one this clerk cannot
    draw again byte for byte."""


@dataclass(frozen=True)
class Written:
    path: Path
    sha256: str
    published_on: date
    already: bool = False  # the same bytes were already published: nothing new written
    journaled: bool = True
    html: Path | None = None  # its accessible web page, published beside it


def folders(register: Register, published: Path | None = None) -> Folders:
    return files.folders_for(register.path, published)


def _private_copies(where: Folders) -> Path:
    """Drafts and reprints of confidential copies: owner-only, beside the copies."""
    files.ensure_folder(where.confidential, private=True)
    files.ensure_folder(where.confidential / "copies", private=True)
    return where.confidential / "copies"


def _date_for(kind: str, decision_ref: str, held: date | None, asked: date | None,
              today: date, *, required: bool) -> date:
    """The date a notice carries: the register's, else the one asked for, else today;
    `required`: a publication, which waits until the register holds its date."""
    from clerk.notices import KINDS, PUBLISHED_ON, NoticeRefused

    if held is not None:
        if asked is not None and asked != held:
            raise WrongDate(
                f"The {KINDS[kind].lower()} of {decision_ref} is dated {format_date(held)}, "
                f"the date the register holds, not {format_date(asked)}: leave out the date "
                "(or correct the register first).")
        return held
    if kind in PUBLISHED_ON and required:
        how = PUBLISHED_ON[kind][1].replace("REF", decision_ref)
        raise NoticeRefused(KINDS[kind], decision_ref, [
            f"its publication date in the register (record it: {how}; or print a draft "
            "with --draft)"])
    return asked or today


# ---- one decision ---------------------------------------------------------------------


def _render(register: Register, ref: str, kind: str, asked: date | None, today: date, *,
            confidential: bool, draft: bool) -> tuple[bytes, date]:
    from clerk.notices import KINDS, NoticeRefused, missing_for, render_notice, statutory_date

    files.check_ref(ref)  # it becomes part of a file name
    decision = register.get(ref)
    missing = missing_for(kind, decision, register.council)  # what it lacks before its date
    if missing:
        raise NoticeRefused(KINDS[kind], ref, missing)
    # only a publication waits for its date: a draft or a confidential copy may precede it
    on = _date_for(kind, ref, statutory_date(kind, decision), asked, today,
                   required=not (draft or confidential))
    pdf = render_notice(kind, decision, register.council, published_on=on,
                        confidential=confidential, draft=draft)
    return pdf, on


def draft_notice(register: Register, ref: str, kind: str, path: Path | None = None, *,
                 on: date | None = None, today: date, confidential: bool = False,
                 folder: Path | None = None) -> Written:
    """A preview marked DRAFT on every page; not journaled, replaced freely (the app's
    preview calls this too)."""
    pdf, when = _render(register, ref, kind, on, today, confidential=confidential, draft=True)
    where = folders(register, folder)
    if path is None and confidential:  # exempt matter: owner-only, as any confidential copy
        path = _private_copies(where) / f"{ref}-{kind}-CONFIDENTIAL-DRAFT.pdf"
    if path is None:
        files.ensure_folder(where.copies, private=False)
    target = path or where.copies / f"{ref}-{kind}-DRAFT.pdf"
    files.write_copy(target, pdf, where.kept)
    return Written(target, files.sha256(pdf), when, journaled=False)


def publish_notice(register: Register, ref: str, kind: str, *, on: date | None = None,
                   today: date, confidential: bool = False, folder: Path | None = None,
                   html: bool = False) -> Written:
    """Publish one notice (or print a confidential copy): journaled, never replaced;
    `html`: with its accessible web page, journaled and kept beside it."""
    from clerk.notices import render_notice_html, renderer

    pdf, when = _render(register, ref, kind, on, today, confidential=confidential,
                        draft=False)
    where = folders(register, folder)
    stem = f"{ref}-{kind}" + ("-CONFIDENTIAL" if confidential else "")
    notice: dict[str, Any] = {"kind": kind, "refs": [ref], "published_on": when.isoformat(),
                              "renderer": renderer()}
    if confidential:
        notice["confidential"] = True
    action = (f"confidential copy printed: {kind}" if confidential
              else f"notice published: {kind}")
    others = [("html", render_notice_html(
        kind, register.get(ref), register.council, published_on=when,
        confidential=confidential).encode("utf-8"))] if html else []
    return _publish(register, pdf, notice, action, when,
                    where.confidential if confidential else where.published, stem,
                    private=confidential, others=others)


# ---- the forward plan -----------------------------------------------------------------


def _plan(register: Register, start: date, end: date, on: date,
          draft: bool) -> tuple[bytes, list[str]]:
    from clerk.notices import forward_plan_refs, render_forward_plan

    # the rule over the stored dicts first: a Decision only for each decision listed
    refs = list(forward_plan_refs(register.raw_items(), start, end))
    pdf = render_forward_plan([register.get(ref) for ref in refs], register.council,
                              start=start, end=end, published_on=on, draft=draft)
    return pdf, refs


def _plan_stem(start: date, end: date) -> str:
    return f"forward-plan-{start:%Y-%m-%d}-to-{end:%Y-%m-%d}"


def draft_forward_plan(register: Register, start: date, end: date, path: Path | None = None,
                       *, on: date) -> tuple[Written, int]:
    pdf, refs = _plan(register, start, end, on, draft=True)
    where = folders(register)
    if path is None:
        files.ensure_folder(where.copies, private=False)
    target = path or where.copies / f"{_plan_stem(start, end)}-DRAFT.pdf"
    files.write_copy(target, pdf, where.kept)
    return Written(target, files.sha256(pdf), on, journaled=False), len(refs)


def publish_forward_plan(register: Register, start: date, end: date, *, on: date,
                         folder: Path | None = None, html: bool = False
                         ) -> tuple[Written, int]:
    """Publish the forward plan for a period (an empty one too): its hash and the
    references it lists go into the journal, not a copy of each decision."""
    from clerk.notices import render_forward_plan_html, renderer

    pdf, refs = _plan(register, start, end, on, draft=False)
    others = [("html", render_forward_plan_html(
        [register.get(ref) for ref in refs], register.council, start=start, end=end,
        published_on=on).encode("utf-8"))] if html else []
    notice: dict[str, Any] = {
        "kind": "forward-plan", "refs": refs, "published_on": on.isoformat(),
        "period": [start.isoformat(), end.isoformat()], "renderer": renderer()}
    written = _publish(register, pdf, notice, "notice published: forward-plan", on,
                       folders(register, folder).published,
                       f"{_plan_stem(start, end)}-published", private=False, others=others)
    return written, len(refs)


# ---- publishing -------------------------------------------------------------------------


def _publish(register: Register, pdf: bytes, notice: dict[str, Any], action: str,
             on: date, folder: Path, stem: str, *, private: bool,
             others: Sequence[tuple[str, bytes]] = ()) -> Written:
    """Stage, journal, then place the PDF and any other renditions of the same notice
    (`others`: (extension, bytes), e.g. the accessible HTML page), all under one dated
    name; the journal lists every file with its SHA-256 and `clerk verify` checks each."""
    refs: list[str] = notice["refs"]
    digest = files.sha256(pdf)
    by_digest = {files.sha256(data): data for _, data in others} | {digest: pdf}
    earlier = files.find_published(files.published_notices(register), digest)
    files.ensure_folder(folder, private=private)
    if earlier is not None:  # the same bytes: already published, nothing new journaled
        for name, sha in earlier.files:  # put back what the journal holds, by its own name
            if not os.path.lexists(folder / name) and sha in by_digest:
                files.place(files.stage(folder, name, by_digest[sha], private=private),
                            folder / name)
        pages = [folder / name for name, _ in earlier.files if name.endswith(".html")]
        return Written(folder / (earlier.file or files.dated_name(stem, on)), digest, on,
                       already=True, html=pages[0] if pages else None)
    base = files.free_base(folder, files.dated_name(stem, on)[:-4],
                           ["pdf", *(ext for ext, _ in others)])
    named = [(f"{base}.pdf", pdf), *((f"{base}.{ext}", data) for ext, data in others)]
    staged: list[tuple[Path, Path]] = []
    try:
        for name, data in named:
            staged.append((files.stage(folder, name, data, private=private), folder / name))
        register.record_event(action, {"notice": {
            **notice, "sha256": digest, "file": f"{base}.pdf",
            "files": [[name, files.sha256(data)] for name, data in named]}}, refs=refs)
    except BaseException:
        for temp, _ in staged:
            files.discard(temp)  # not journaled, so never published
        raise
    placed = [files.place(temp, target) for temp, target in staged]
    pages = [path for path in placed if path.suffix == ".html"]
    return Written(placed[0], digest, on, html=pages[0] if pages else None)


def copy_out(register: Register, written: Written, path: Path) -> list[Path]:
    """A copy of a notice just written (and of its web page, beside it as NAME.html), where
    the clerk asked (`-o`): never into a folder of published notices."""
    kept = [*folders(register).kept, written.path.parent]
    files.write_copy(path, written.path.read_bytes(), kept)
    if written.html is None or not path.is_file():
        return [path]
    files.write_copy(path.with_suffix(".html"), written.html.read_bytes(), kept)
    return [path, path.with_suffix(".html")]


# ---- reprints -------------------------------------------------------------------------


def _as_published(found: list[Published], what: str, on: date) -> Published:
    chosen = [notice for notice in found if notice.published_on == on.isoformat()]
    if not chosen:
        dates = sorted({notice.published_on for notice in found})
        known = (", ".join(format_date(date.fromisoformat(d)) for d in dates)
                 if dates else "none")
        raise NotPublished(f"The journal holds no {what} published on {format_date(on)} "
                           f"(published on: {known}).")
    return chosen[-1]


def _check_reprint(pdf: bytes, notice: Published, what: str) -> None:
    from clerk.notices import renderer

    if files.sha256(pdf) == notice.sha256:
        return
    why = ("the register as the journal holds it at that moment draws other bytes (a change "
           "saved within the same second as the publication, or a council profile changed "
           "later whose earlier version the journal does not hold)"
           if notice.renderer == renderer() else
           f"it was drawn by {notice.renderer or 'an earlier clerk'}, and this is "
           f"{renderer()}")
    raise NotPublished(f"The {what} drawn again does not match the SHA-256 journaled when it "
                       f"was published ({notice.sha256[:16]}...): {why}. Nothing was "
                       f"written; the published file is {notice.file or 'not named'}.")


def reprint_notice(register: Register, ref: str, kind: str, as_published: date,
                   path: Path | None = None, *, confidential: bool = False) -> Written:
    """The notice exactly as published on that date, drawn again from the register as it
    stood when it was journaled; refused unless byte-identical."""
    from clerk.notices import KINDS, render_notice

    what = f"{KINDS[kind].lower()} of {ref}"
    found = [n for n in files.published_notices(register)
             if n.kind == kind and ref in n.refs and n.confidential == confidential]
    notice = _as_published(found, what, as_published)
    past = register.as_of(datetime.fromisoformat(notice.at), through_seq=notice.seq or None)
    pdf = render_notice(kind, past.get(ref), past.council, published_on=as_published,
                        confidential=confidential)
    _check_reprint(pdf, notice, what)
    where = folders(register)
    if path is None:  # a confidential reprint stays owner-only
        home = _private_copies(where) if confidential else where.copies
        files.ensure_folder(home, private=confidential)
        path = home / f"{Path(notice.file or f'{ref}-{kind}.pdf').stem}-REPRINT.pdf"
    files.write_copy(path, pdf, where.kept)
    return Written(path, notice.sha256, as_published)


def reprint_forward_plan(register: Register, as_published: date, path: Path | None = None, *,
                         start: date | None = None, end: date | None = None
                         ) -> tuple[Written, int]:
    from clerk.notices import forward_plan_refs, render_forward_plan

    found = [n for n in files.published_notices(register) if n.kind == "forward-plan"
             and n.period is not None and (start is None or n.period[0] == start.isoformat())
             and (end is None or n.period[1] == end.isoformat())]
    notice = _as_published(found, "forward plan", as_published)
    assert notice.period is not None
    first, last = (date.fromisoformat(day) for day in notice.period)
    past = register.as_of(datetime.fromisoformat(notice.at), through_seq=notice.seq or None)
    refs = list(forward_plan_refs(past.raw_items(), first, last))
    pdf = render_forward_plan([past.get(ref) for ref in refs], past.council, start=first,
                              end=last, published_on=as_published)
    _check_reprint(pdf, notice, "forward plan")
    if path is None:
        files.ensure_folder(folders(register).copies, private=False)
    name = f"{Path(notice.file or 'forward-plan.pdf').stem}-REPRINT.pdf"
    target = path or folders(register).copies / name
    files.write_copy(target, pdf, folders(register).kept)
    return Written(target, notice.sha256, as_published), len(refs)


def publish_urgency_report(register: Register, start: date, end: date, *, on: date,
                           html: bool = False) -> tuple[Written, int]:
    """Publish regulation 19's report to Council of the decisions taken under special
    urgency in a period: its hash and the references it lists go into the journal."""
    from clerk.notices import (
        render_urgency_report,
        render_urgency_report_html,
        renderer,
        urgency_report_refs,
    )

    listed = [register.get(ref) for ref in urgency_report_refs(register.raw_items(), start, end)]
    pdf = render_urgency_report(listed, register.council, start=start, end=end, published_on=on)
    others = [("html", render_urgency_report_html(
        listed, register.council, start=start, end=end, published_on=on).encode("utf-8"))
    ] if html else []
    refs = [decision.ref for decision in listed]
    notice: dict[str, Any] = {
        "kind": "urgency-report", "refs": refs, "published_on": on.isoformat(),
        "period": [start.isoformat(), end.isoformat()], "renderer": renderer()}
    written = _publish(register, pdf, notice, "notice published: urgency-report", on,
                       folders(register).published,
                       f"urgency-report-{start:%Y-%m-%d}-to-{end:%Y-%m-%d}", private=False,
                       others=others)
    return written, len(refs)


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
