"""`clerk verify`: the register against its journal (`clerk.store.verify`), then the notices
against what was published.

Every notice the journal records as published (`clerk.notice_files`): each file in the
register's notices and confidential folders (and the `notices/` folder of earlier clerks)
must hash to the SHA-256 journaled for its name, or for some notice if its name was never
journaled; with `render`, each notice drawn by this renderer is drawn again from the
register as the journal held it at that entry and must hash to what was journaled (notices
drawn by another renderer are listed, not flagged). Read-only, like the register's half.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clerk.notice_files import TEMP_SUFFIX, Published, folders_for
from clerk.store import verify as store
from clerk.store.history import Replay

# each notice journaled, with the decisions and the council as they stood at its entry
Seen = list[tuple[Published, dict[str, dict[str, Any]], dict[str, Any] | None]]


@dataclass
class Report(store.Report):
    notices: int = 0  # published notices recorded in the register
    files_checked: int = 0  # PDFs found and matched against the record
    rendered: int = 0  # notices re-drawn and matched
    not_redrawn: int = 0  # drawn by another renderer (or before renderers were recorded)


def verify_register(path: Path, *, notices: Path | None = None,
                    render: bool = False) -> Report:
    report = Report()
    seen: Seen = []

    def note(entry: dict[str, Any], replay: Replay) -> None:
        notice = Published.from_event(entry)
        if notice is not None:
            # the register as it stood at this entry (decisions are replaced, never changed
            # in place, so a shallow copy holds them); a notice of one decision needs only it
            state = (dict(replay.decisions) if notice.kind == "forward-plan" else
                     {ref: replay.decisions[ref] for ref in notice.refs
                      if ref in replay.decisions})
            seen.append((notice, state, replay.council))

    store.verify_register(path, report, note)
    if report.current is not None:
        _check_notices(path, report.current, notices, seen, report)
        if render:
            _render(report.current, report.council or {}, seen, report)
    report.sort()
    return report


def _check_notices(path: Path, docs: dict[str, dict[str, Any]], folder: Path | None,
                   seen: Seen, report: Report) -> None:
    journaled = [notice for notice, _, _ in seen]
    earlier = [n.get("sha256", "") for doc in docs.values() for n in doc.get("notices") or []]
    report.notices = len(journaled) + len(earlier)
    every = {notice.sha256 for notice in journaled} | set(earlier)
    by_name: dict[str, set[str]] = {}  # file name -> the hashes journaled for it
    for notice in journaled:
        for name, digest in notice.files:
            by_name.setdefault(name, set()).add(digest)
    where = folders_for(path)  # --notices names where the published ones are kept instead
    published = folder if folder is not None else where.published
    if folder is not None and not folder.is_dir():
        report.problems.append(f"There is no folder {folder} of notices to check.")
        return
    for place in (published, where.confidential, path.parent / "notices"):
        if place.is_dir():
            _check_folder(place, every, by_name, report)
    for notice in journaled:
        home = where.confidential if notice.confidential else published
        for name, _ in notice.files:
            if home.is_dir() and not (home / name).exists():
                report.notes.append(f"{home / name}: journaled as published on "
                                    f"{notice.published_on} but not there (removed, or a "
                                    "crash came before it was moved into place); publishing "
                                    "it again puts it back.")


def _check_folder(folder: Path, every: set[str], by_name: dict[str, set[str]],
                  report: Report) -> None:
    for name in sorted(os.listdir(folder)):
        file = folder / name
        if name.startswith(".") and name.endswith(TEMP_SUFFIX):
            report.notes.append(f"{file}: a notice never journaled (a publication a crash "
                                "interrupted): it was not published; delete it.")
            continue
        if name not in by_name and not name.endswith(".pdf"):
            continue
        if not file.is_file() or file.is_symlink():
            report.problems.append(f"{file}: not a file clerk wrote (a link or a folder).")
            continue
        digest = hashlib.sha256(file.read_bytes()).hexdigest()
        expected = by_name.get(name, every)
        if digest in expected:
            report.files_checked += 1
        elif name in by_name:
            report.problems.append(f"{file}: its SHA-256 ({digest[:16]}...) is not the one "
                                   "journaled when it was published: changed after "
                                   "publication.")
        else:
            report.problems.append(f"{file}: its SHA-256 ({digest[:16]}...) matches no "
                                   "notice recorded as published: changed after "
                                   "publication, or never published.")


def _render(docs: dict[str, dict[str, Any]], council: dict[str, Any], seen: Seen,
            report: Report) -> None:
    from clerk.notices import renderer

    current = renderer()
    unknown = "a clerk that did not record its renderer"
    others: dict[str, list[str]] = {}  # renderer -> the notices it drew, named
    for ref, doc in docs.items():  # kept in the decisions by earlier clerks
        for old in doc.get("notices") or []:
            others.setdefault(unknown, []).append(f"{ref} {old.get('kind')} of "
                                                  f"{old.get('published_on')}")
    for notice, state, at_council in seen:
        if notice.renderer != current:
            others.setdefault(notice.renderer or unknown, []).append(
                f"{', '.join(notice.refs) or 'empty'} {notice.kind} of {notice.published_on}")
            continue
        try:
            pdf = _draw(notice, state, at_council or council)
        except Exception as error:  # noqa: BLE001 (any failure is a difference to report)
            report.problems.append(f"The {notice.kind} notice of {notice.published_on} "
                                   f"({', '.join(notice.refs) or 'no decisions'}) cannot be "
                                   f"drawn again from the journal: {error}")
            continue
        if hashlib.sha256(pdf).hexdigest() == notice.sha256:
            report.rendered += 1
        else:
            report.problems.append(
                f"The {notice.kind} notice of {notice.published_on} "
                f"({', '.join(notice.refs) or 'no decisions'}) drawn again from the journal "
                "does not match its journaled SHA-256: the journal was altered, or this "
                "clerk draws it differently although it records the same renderer.")
    for name, which in sorted(others.items()):
        report.not_redrawn += len(which)
        report.notes.append(f"{len(which)} notice(s) not drawn again ({'; '.join(which)}): "
                            f"drawn by {name}, and this is {current}; the same bytes are "
                            "promised only by the same renderer (their files were still "
                            "checked against the journal).")


def _draw(notice: Published, state: dict[str, dict[str, Any]],
          council: dict[str, Any]) -> bytes:
    from datetime import date

    from clerk.domain.council import CouncilProfile
    from clerk.domain.decision import Decision
    from clerk.notices import (
        forward_plan_refs,
        render_forward_plan,
        render_notice,
        render_urgency_report,
        urgency_report_refs,
    )

    profile = CouncilProfile.from_dict(council)
    on = date.fromisoformat(notice.published_on)
    if notice.kind == "forward-plan" and notice.period is not None:
        start, end = (date.fromisoformat(day) for day in notice.period)
        listed = [Decision.from_dict(state[ref])
                  for ref in forward_plan_refs(state.items(), start, end)]
        return render_forward_plan(listed, profile, start=start, end=end, published_on=on)
    if notice.kind == "urgency-report" and notice.period is not None:
        start, end = (date.fromisoformat(day) for day in notice.period)
        listed = [Decision.from_dict(state[ref])
                  for ref in urgency_report_refs(state.items(), start, end)]
        return render_urgency_report(listed, profile, start=start, end=end, published_on=on)
    (ref,) = notice.refs
    return render_notice(notice.kind, Decision.from_dict(state[ref]), profile,
                         published_on=on, confidential=notice.confidential)
