"""`clerk verify`, the register's half: prove the register is what its journal says.

Two checks, each reporting every difference it finds rather than stopping at the first:
1. the journal's hash chain, line by line from the first (seq, prev, hash of each entry);
2. the register (checkpoint + replayed tail, as `Register.open` reads it) against a replay
   of the whole journal from empty: each reference missing, extra, or with fields that
   differ, and the council profile.
The notices' half (`clerk.verify`) sees each entry as it is replayed, through `on_entry`.
Read-only: takes no lock and writes nothing. It reads the register file first, then the
journal, so a clerk saving meanwhile shows no difference that is not there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from clerk.store.checkpoint import checkpoint_intact
from clerk.store.errors import RegisterError, RegisterTooNew
from clerk.store.files import read_bytes
from clerk.store.history import Replay
from clerk.store.journal import GENESIS, chain_problems, completes, parse
from clerk.store.schema import META_ID, version_of

OnEntry = Callable[[dict[str, Any], Replay], None]


@dataclass
class Report:
    entries: int = 0
    decisions: int = 0
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # worth knowing, not a difference
    current: dict[str, dict[str, Any]] | None = None  # by ref; None: the file is unreadable
    council: dict[str, Any] | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    def sort(self) -> None:
        """The journal's problems first (the others follow from them), then by what they name."""
        self.problems.sort(key=lambda p: (not p.startswith(("Journal", "The journal")), p))


@dataclass
class Journaled:
    """The decisions (by reference) and the council as the journal holds them at a point."""

    decisions: dict[str, dict[str, Any]] = field(default_factory=dict)
    council: dict[str, Any] | None = None


def verify_register(path: Path, report: Report | None = None,
                    on_entry: OnEntry | None = None) -> Report:
    report = report or Report()
    # The file first, then the journal: the journal only grows, so it reaches at least as
    # far as the file records even while other clerks save and checkpoint meanwhile.
    data = _read_checkpoint(path, report)
    meta = data["meta"][META_ID] if data is not None else {}
    at_checkpoint, replay, later = _check_journal(
        Path(f"{path}.journal"), report, meta.get("journal_offset"), on_entry)
    if data is not None:
        docs = {doc["ref"]: doc for doc in data["decisions"].values()}
        if at_checkpoint is None:
            report.problems.append(
                f"The journal is shorter than the register records (entry "
                f"{meta['journal_seq']}): its tail was cut, and changes saved in it are "
                "missing.")
        else:
            report.problems += differences(docs, meta["council"], at_checkpoint)
        report.current = {**docs, **{ref: replay.decisions[ref] for ref in later}}
        report.council = replay.council or meta["council"]
        report.decisions = len(report.current)
    report.sort()
    return report


def replay_journal(journal: Path, end: int) -> Journaled:
    """The register as the journal holds it up to byte `end`."""
    return _check_journal(journal, Report(), end, None)[0] or Journaled()


def _read_checkpoint(path: Path, report: Report) -> dict[str, Any] | None:
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


def _check_journal(journal: Path, report: Report, checkpoint: int | None,
                   on_entry: OnEntry | None) -> tuple[Journaled | None, Replay, set[str]]:
    """Check the chain and replay it: the register as of byte `checkpoint` (None if the
    journal does not reach it), as of its end, and the refs changed after `checkpoint`."""
    replay, later = Replay(), set[str]()
    at_checkpoint = Journaled() if checkpoint == 0 else None
    try:
        data = read_bytes(journal)
    except FileNotFoundError:
        report.notes.append(f"There is no journal {journal} (nothing saved yet).")
        return at_checkpoint, replay, later
    seq, prev, position, where = 0, GENESIS, 0, journal.with_suffix("")
    pending: list[dict[str, Any]] = []  # a batch counts whole or not at all
    for number, line in enumerate(data.splitlines(keepends=True), 1):
        if not line.endswith(b"\n"):
            report.notes.append(f"Journal line {number} is a write still under way, or one a "
                                "crash interrupted before it was saved; not checked.")
            break
        position += len(line)
        entry = parse(line[:-1])
        if entry is None:
            report.problems.append(f"Journal line {number}: not a journal entry.")
            continue
        report.problems += [f"Journal line {number} (entry {entry['seq']}): {problem}."
                            for problem in chain_problems(entry, line[:-1], seq, prev)]
        seq, prev = entry["seq"], entry["hash"]
        report.entries += 1
        pending.append(entry)
        if not completes(entry):
            continue
        for done in pending:
            try:
                ref = replay.apply(done, where)
            except RegisterTooNew as error:  # a newer clerk's
                report.problems.append(str(error))
                continue
            except (LookupError, TypeError):
                report.problems.append(f"Journal entry {done['seq']}: not a change clerk "
                                       "writes; it cannot be replayed.")
                continue
            if ref is not None and at_checkpoint is not None:
                later.add(ref)
            if on_entry is not None:
                on_entry(done, replay)
        pending = []
        if position == checkpoint:
            at_checkpoint = Journaled(dict(replay.decisions), replay.council)
    if pending:
        report.notes.append(f"The journal ends with {len(pending)} entries of a batch not "
                            "finished (under way, or cut short by a crash); not counted.")
    return at_checkpoint, replay, later


def differences(docs: dict[str, dict[str, Any]], council: dict[str, Any],
                journaled: Journaled) -> list[str]:
    """Each way the register's decisions and council differ from the journal's."""
    found = []
    theirs = journaled.decisions
    for ref in docs.keys() - theirs.keys():
        found.append(f"{ref}: in the register, but no journal entry records it.")
    for ref in theirs.keys() - docs.keys():
        found.append(f"{ref}: recorded in the journal, but missing from the register.")
    for ref in docs.keys() & theirs.keys():
        if docs[ref] != theirs[ref]:
            found.append(f"{ref}: differs from the journal in "
                         f"{', '.join(_differing(docs[ref], theirs[ref]))}.")
    if journaled.council is not None and journaled.council != council:
        found.append("The council profile differs from the journal in "
                     f"{', '.join(_differing(council, journaled.council))}.")
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
