"""The register file's schema version, its shape, and the migrations between versions.

Tables (TinyDB's, one meta document, one document per decision, one per event; laid out
one line per decision by `checkpoint.encode_checkpoint`):
  {"meta": {"1": {"schema": 2, "council": {...}, "ref_counters": {"2013": 4},
                  "journal_offset": 18234, "journal_seq": 57, "journal_hash": "9f..",
                  "journal_sha256": "..", "checkpoint_sha256": ".."}},
   "events": {"1": {"seq": 58, "action": "notice published: record", "refs": [...], ...}},
   "decisions": {"1": {"ref": "D2013-001", ...}, ...}}
A migration takes the whole dict at version n and returns it at version n + 1. Before
any migration the register copies the file to PATH.pre-migration-v{n} and keeps it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from clerk.store.errors import RegisterCorrupt, RegisterTooNew

SCHEMA_VERSION = 2
META_ID = "1"  # the doc id of the single meta document
_REF = re.compile(r"^D(\d{4})-(\d+)$")

Data = dict[str, dict[str, Any]]


def parse_ref(ref: str) -> tuple[int, int] | None:
    """("D2013-004") -> (2013, 4); None for a reference not in clerk's own form."""
    match = _REF.match(ref)
    return (int(match.group(1)), int(match.group(2))) if match else None


def bump_counter(counters: dict[str, int], ref: str) -> None:
    """Keep the per-year counter at least as high as any reference saved."""
    parsed = parse_ref(ref)
    if parsed:
        year, number = str(parsed[0]), parsed[1]
        if counters.get(year, 0) < number:
            counters[year] = number


def new_register(council: dict[str, Any] | None) -> Data:
    meta = {
        "schema": SCHEMA_VERSION,
        "council": council,
        "ref_counters": {},
        "journal_offset": 0,
        "journal_seq": 0,
        "journal_hash": "",
        "journal_sha256": hashlib.sha256(b"").hexdigest(),
        "checkpoint_sha256": "",
    }
    return {"meta": {META_ID: meta}, "decisions": {}, "events": {}}


def version_of(data: Any, path: Path, advice: str) -> int:
    """The schema version of a parsed file, or RegisterCorrupt if it is not a register."""
    if not isinstance(data, dict) or not isinstance(data.get("decisions"), dict):
        raise RegisterCorrupt(
            f"{path} is not a clerk register (it is JSON, but has no decisions table). "
            + advice
        )
    meta = data.get("meta", {})
    doc = meta.get(META_ID, {}) if isinstance(meta, dict) else None
    version = doc.get("schema", 0) if isinstance(doc, dict) else None
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise RegisterCorrupt(f"{path} has an unreadable schema version ({version!r}). " + advice)
    if version > SCHEMA_VERSION:
        raise RegisterTooNew(
            f"{path} was written by a newer clerk (schema {version}; this clerk reads up to "
            f"{SCHEMA_VERSION}): upgrade clerk; the file was not touched."
        )
    return version


def check_shape(data: Data, path: Path, advice: str) -> None:
    """After migration: every field of the meta document the register relies on is there
    with the right type (each decision's reference is checked as its id is found:
    `tables.Ids`)."""
    meta = data["meta"][META_ID]
    expected = (("council", dict), ("ref_counters", dict), ("journal_offset", int),
                ("journal_seq", int), ("journal_hash", str), ("journal_sha256", str))
    for key, kind in expected:
        if not isinstance(meta.get(key), kind):
            raise RegisterCorrupt(f"{path}: the register's {key} is missing or wrong. " + advice)
    if not isinstance(data.get("events", {}), dict):
        raise RegisterCorrupt(f"{path}: the register's events table is malformed. " + advice)


def migrate(data: Data, version: int) -> Data:
    """Bring a register from `version` up to SCHEMA_VERSION, one step at a time."""
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        data["meta"][META_ID]["schema"] = version
    return data


def _v0_to_v1(data: Data) -> Data:
    """Version 0, before the journal: no schema key, decisions keyed by "reference" with a
    "decision_taker", the profile kept as "council_profile", no reference counters."""
    old_meta = dict(data.get("meta", {}).get(META_ID, {}))
    council = old_meta.pop("council_profile", old_meta.pop("council", {}))
    decisions: dict[str, Any] = {}
    counters: dict[str, int] = {}
    for doc_id, old in data["decisions"].items():
        doc = dict(old)
        if "reference" in doc:
            doc["ref"] = doc.pop("reference")
        if "decision_taker" in doc:
            doc["decision_maker"] = doc.pop("decision_taker")
        decisions[doc_id] = doc
        if isinstance(doc.get("ref"), str):
            bump_counter(counters, doc["ref"])
    meta = {
        **old_meta,
        "schema": 1,
        "council": council,
        "ref_counters": counters,
        "journal_offset": 0,
        "journal_seq": 0,
        "journal_hash": "",
    }
    return {**data, "meta": {META_ID: meta}, "decisions": decisions}


def _v1_to_v2(data: Data) -> Data:
    """Version 2 checks itself: the checkpoint's own SHA-256 and the journal's up to it.
    A version 1 file had neither; "" makes the writer check the whole journal once."""
    meta = {**data["meta"][META_ID], "journal_sha256": "", "checkpoint_sha256": ""}
    return {**data, "meta": {META_ID: meta}, "events": data.get("events", {})}


MIGRATIONS: dict[int, Callable[[Data], Data]] = {0: _v0_to_v1, 1: _v1_to_v2}
