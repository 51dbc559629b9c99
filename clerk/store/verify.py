"""`clerk verify`: prove the register is what its journal says, and the notices what was
published.

Three checks, each reporting every difference it finds rather than stopping at the first:
1. the journal's hash chain, line by line from the first (seq, prev, hash of each entry);
2. the register (checkpoint + replayed tail, as `Register.open` reads it) against a replay
   of the whole journal from empty: each reference missing, extra, or with fields that
   differ, and the council profile;
3. every published notice recorded in the register: a PDF found in the notices folder under
   clerk's name for it must hash to a recorded SHA-256; with `render`, each notice is drawn
   again from the decision as the journal held it when it was published (reportlab's
   invariant mode makes that byte-identical) and must hash to what was recorded.
Read-only: takes no lock and writes nothing. It reads the register file first, then the
journal, so a clerk saving meanwhile shows no difference that is not there.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from clerk.store.errors import RegisterError
from clerk.store.journal import GENESIS, altered, parse
from clerk.store.schema import META_ID

_NOTICE_NAME = re.compile(r"^(?P<ref>.+?)-(?P<kind>[a-z-]+?)(?P<conf>-CONFIDENTIAL)?\.pdf$")


@dataclass
class Report:
    entries: int = 0
    decisions: int = 0
    notices: int = 0  # published notices recorded in the register
    files_checked: int = 0  # PDFs found and matched against the record
    rendered: int = 0  # notices re-drawn and matched
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # worth knowing, not a difference

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class _Replay:
    decisions: dict[str, dict[str, Any]] = field(default_factory=dict)
    council: dict[str, Any] | None = None
    # (ref, sha256) -> the decision as it stood just before that notice, and the council
    published: dict[tuple[str, str], tuple[dict[str, Any], dict[str, Any] | None]] = field(
        default_factory=dict)
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
        _check_notices(path, current, notices, report)
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
    if isinstance(doc, dict) and isinstance(doc.get("ref"), str):
        ref = doc["ref"]
        if entry["action"].startswith("notice published") and doc.get("notices"):
            # The notice was drawn from the decision as it stood before it was appended.
            last = doc["notices"][-1]
            if isinstance(last, dict) and isinstance(last.get("sha256"), str):
                earlier = {**doc, "notices": doc["notices"][:-1]}
                replay.published[(ref, last["sha256"])] = (earlier, replay.council)
        replay.decisions[ref] = doc
        if replay.at_checkpoint is not None:
            replay.after_checkpoint.add(ref)
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
                   report: Report) -> None:
    recorded: dict[str, set[str]] = {}  # ref -> recorded hashes
    plans: set[str] = set()
    for ref, doc in docs.items():
        for notice in doc.get("notices") or []:
            report.notices += 1
            recorded.setdefault(ref, set()).add(notice.get("sha256", ""))
            if notice.get("kind") == "forward-plan":
                plans.add(notice.get("sha256", ""))
    explicit = folder is not None
    folder = folder if folder is not None else path.parent / "notices"
    if not folder.is_dir():
        if explicit:
            report.problems.append(f"There is no folder {folder} of notices to check.")
        return
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".pdf"):
            continue
        file = folder / name
        digest = hashlib.sha256(file.read_bytes()).hexdigest()
        if name.startswith("forward-plan-"):
            expected, what = plans, "forward plan recorded as published"
        else:
            match = _NOTICE_NAME.match(name)
            if match is None or match["ref"] not in docs:
                if any(digest in hashes for hashes in recorded.values()) or digest in plans:
                    report.files_checked += 1
                else:
                    report.notes.append(f"{file}: not a notice clerk recorded (not checked).")
                continue
            expected = recorded.get(match["ref"], set())
            what = f"notice recorded as published for {match['ref']}"
        if digest in expected:
            report.files_checked += 1
        else:
            report.problems.append(f"{file}: its SHA-256 ({digest[:16]}...) matches no "
                                   f"{what}: "
                                   "changed after publication, or never published.")


def _render(docs: dict[str, dict[str, Any]], council: dict[str, Any], replay: _Replay,
            report: Report) -> None:
    from datetime import date

    from clerk.domain.council import CouncilProfile
    from clerk.domain.decision import Decision
    from clerk.notices import render_notice

    for ref, doc in docs.items():
        for notice in doc.get("notices") or []:
            kind, digest = notice.get("kind"), notice.get("sha256", "")
            if kind == "forward-plan":
                continue  # its period is not recorded, so it cannot be drawn again
            state = replay.published.get((ref, digest))
            if state is None:
                report.problems.append(f"{ref}: the {kind} notice {digest[:16]}... has no "
                                       "journal entry recording its publication.")
                continue
            before, at_council = state
            pdf = render_notice(kind, Decision.from_dict(before),
                                CouncilProfile.from_dict(at_council or council),
                                published_on=date.fromisoformat(notice["published_on"]),
                                confidential=bool(notice.get("confidential")))
            if hashlib.sha256(pdf).hexdigest() == digest:
                report.rendered += 1
            else:
                report.problems.append(
                    f"{ref}: the {kind} notice of {notice['published_on']} drawn again from "
                    "the journal does not match the recorded SHA-256 (the record was altered, "
                    "or this clerk draws notices differently from the one that published it).")
