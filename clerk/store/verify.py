"""`clerk verify`: prove the register is what its journal says, and the notices what was
published.

Three checks, each reporting every difference it finds rather than stopping at the first:
1. the journal's hash chain, line by line from the first (seq, prev, hash of each entry);
2. the register (checkpoint + replayed tail, as `Register.open` reads it) against a replay
   of the whole journal from empty: each reference missing, extra, or with fields that
   differ, and the council profile;
3. every notice the journal records as published (`clerk.notice_files`): each file in the
   register's notices and confidential folders (and the `notices/` folder of earlier
   clerks) must hash to the SHA-256 journaled for its name, or for some notice if its name
   was never journaled; with `render`, each notice drawn by this renderer is drawn again
   from the register as the journal held it at that entry and must hash to what was
   journaled (notices drawn by another renderer are listed, not flagged).
Read-only: takes no lock and writes nothing. It reads the register file first, then the
journal, so a clerk saving meanwhile shows no difference that is not there.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from clerk.notice_files import TEMP_SUFFIX, Published, folders_for
from clerk.store.errors import RegisterError
from clerk.store.journal import GENESIS, altered, parse
from clerk.store.schema import META_ID


@dataclass
class Report:
    entries: int = 0
    decisions: int = 0
    notices: int = 0  # published notices recorded in the register
    files_checked: int = 0  # PDFs found and matched against the record
    rendered: int = 0  # notices re-drawn and matched
    not_redrawn: int = 0  # drawn by another renderer (or before renderers were recorded)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # worth knowing, not a difference

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class _Replay:
    decisions: dict[str, dict[str, Any]] = field(default_factory=dict)
    council: dict[str, Any] | None = None
    # each notice journaled, with the decisions and the council as they stood at its entry
    published: list[tuple[Published, dict[str, dict[str, Any]], dict[str, Any] | None]] = (
        field(default_factory=list))
    at_checkpoint: _Replay | None = None  # as of the point the register file records
    after_checkpoint: set[str] = field(default_factory=set)  # refs changed after it

    def copy(self) -> _Replay:
        return _Replay(dict(self.decisions), self.council)


def verify_register(path: Path, *, notices: Path | None = None,
                    render: bool = False) -> Report:
    report = Report()
    # The file first, then the journal: the journal only grows, so it reaches at least as
    # far as the file records even while other clerks save and checkpoint meanwhile.
    data = _read_checkpoint(path, report)
    offset = data["meta"][META_ID]["journal_offset"] if data is not None else None
    replay = _check_journal(Path(f"{path}.journal"), report, offset)
    if data is not None:
        docs = {doc["ref"]: doc for doc in data["decisions"].values()}
        council = data["meta"][META_ID]["council"]
        if replay.at_checkpoint is None:
            report.problems.append(
                f"The journal is shorter than the register records (entry "
                f"{data['meta'][META_ID]['journal_seq']}): its tail was cut, and changes "
                "saved in it are missing.")
        else:
            report.problems += differences(docs, council, replay.at_checkpoint)
        current = {**docs, **{ref: doc for ref, doc in replay.decisions.items()
                              if ref in replay.after_checkpoint}}
        report.decisions = len(current)
        _check_notices(path, current, notices, replay, report)
        if render:
            _render(current, replay.council or council, replay, report)
    report.problems.sort(key=lambda p: (not p.startswith(("Journal", "The journal")), p))
    return report


def replay_journal(journal: Path, end: int | None = None) -> _Replay:
    """The register as the journal holds it up to byte `end` (all if None)."""
    return _check_journal(journal, Report(), end).at_checkpoint or _Replay()


def _read_checkpoint(path: Path, report: Report) -> dict[str, Any] | None:
    from clerk.store.files import read_bytes
    from clerk.store.schema import version_of
    from clerk.store.storage import checkpoint_intact

    try:
        raw = read_bytes(path)
        data = orjson.loads(raw)
        version_of(data, path, "")
    except (OSError, orjson.JSONDecodeError, RegisterError) as error:
        report.problems.append(f"The register cannot be read: {error}")
        return None
    if data["meta"][META_ID].get("checkpoint_sha256") and not checkpoint_intact(raw):
        report.notes.append(f"The register file {path} is not byte for byte what clerk last "
                            "wrote (edited outside clerk); the differences follow.")
    return data  # type: ignore[no-any-return]


def _check_journal(journal: Path, report: Report, checkpoint: int | None) -> _Replay:
    replay = _Replay()
    seq, prev, number, position = 0, GENESIS, 0, 0
    pending: list[dict[str, Any]] = []
    if checkpoint == 0:
        replay.at_checkpoint = replay.copy()
    try:
        from clerk.store.files import read_bytes

        data = read_bytes(journal)
    except FileNotFoundError:
        report.notes.append(f"There is no journal {journal} (nothing saved yet).")
        return replay
    for line in data.splitlines(keepends=True):
        number += 1
        if not line.endswith(b"\n"):
            report.notes.append(f"Journal line {number} is a write still under way, or one a "
                                "crash interrupted before it was saved; not checked.")
            break
        position += len(line)
        entry = parse(line[:-1])
        if entry is None:
            report.problems.append(f"Journal line {number}: not a journal entry.")
            continue
        where = f"Journal line {number} (entry {entry['seq']})"
        if entry["seq"] != seq + 1:
            report.problems.append(f"{where}: out of order, expected entry {seq + 1}.")
        if entry["prev"] != prev:
            report.problems.append(f"{where}: does not follow from the entry before it "
                                   "(an entry was removed, inserted or changed).")
        if altered(entry, line[:-1]):
            report.problems.append(f"{where}: altered after it was written (its hash does "
                                   "not match its content).")
        seq, prev = entry["seq"], entry["hash"]
        report.entries += 1
        batch = entry.get("batch")
        if isinstance(batch, list) and len(batch) == 2:  # applied whole or not at all
            pending.append(entry)
            if batch[0] < batch[1] - 1:
                continue
            ready, pending = pending, []
        else:
            ready, pending = [*pending, entry], []
        for done in ready:
            _apply(done, replay)
        if position == checkpoint:
            replay.at_checkpoint = replay.copy()
    if pending:
        report.notes.append(f"The journal ends with {len(pending)} entries of a batch not "
                            "finished (under way, or cut short by a crash); not counted.")
    return replay


def _apply(entry: dict[str, Any], replay: _Replay) -> None:
    doc = entry.get("doc")
    notice = Published.from_event(entry) if "doc" not in entry else None
    if notice is not None:
        # the register as it stood at this entry (decisions are replaced, never changed
        # in place, so a shallow copy holds them); a notice of one decision needs only it
        state = (dict(replay.decisions) if notice.kind == "forward-plan" else
                 {ref: replay.decisions[ref] for ref in notice.refs if ref in replay.decisions})
        replay.published.append((notice, state, replay.council))
    elif isinstance(doc, dict) and isinstance(doc.get("ref"), str):
        replay.decisions[doc["ref"]] = doc
        if replay.at_checkpoint is not None:
            replay.after_checkpoint.add(doc["ref"])
    elif isinstance(entry.get("council"), dict):
        replay.council = entry["council"]


def differences(docs: dict[str, dict[str, Any]], council: dict[str, Any],
                replay: _Replay) -> list[str]:
    """Each way the register's decisions and council differ from the journal's."""
    found = []
    journaled = replay.decisions
    for ref in docs.keys() - journaled.keys():
        found.append(f"{ref}: in the register, but no journal entry records it.")
    for ref in journaled.keys() - docs.keys():
        found.append(f"{ref}: recorded in the journal, but missing from the register.")
    for ref in docs.keys() & journaled.keys():
        if docs[ref] != journaled[ref]:
            fields = ", ".join(_differing(docs[ref], journaled[ref]))
            found.append(f"{ref}: differs from the journal in {fields}.")
    if replay.council is not None and replay.council != council:
        fields = ", ".join(_differing(council, replay.council))
        found.append(f"The council profile differs from the journal in {fields}.")
    return sorted(found)


def _differing(ours: Any, theirs: Any, where: str = "") -> list[str]:
    if isinstance(ours, dict) and isinstance(theirs, dict):
        found = []
        for key in sorted(ours.keys() | theirs.keys()):
            name = f"{where}.{key}" if where else key
            if key not in ours or key not in theirs:
                found.append(name)
            elif ours[key] != theirs[key]:
                found.extend(_differing(ours[key], theirs[key], name))
        return found
    return [where or "(the whole record)"]


def _check_notices(path: Path, docs: dict[str, dict[str, Any]], folder: Path | None,
                   replay: _Replay, report: Report) -> None:
    journaled = [notice for notice, _, _ in replay.published]
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


def _render(docs: dict[str, dict[str, Any]], council: dict[str, Any], replay: _Replay,
            report: Report) -> None:
    from clerk.notices import renderer

    current = renderer()
    unknown = "a clerk that did not record its renderer"
    others: dict[str, list[str]] = {}  # renderer -> the notices it drew, named
    for ref, doc in docs.items():  # kept in the decisions by earlier clerks
        for old in doc.get("notices") or []:
            others.setdefault(unknown, []).append(f"{ref} {old.get('kind')} of "
                                                  f"{old.get('published_on')}")
    for notice, state, at_council in replay.published:
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
