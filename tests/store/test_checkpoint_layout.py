"""The checkpoint's layout: one line per decision, so opening keeps each decision's bytes
and decodes one only when it is read; an older clerk's single-line file still opens."""

from __future__ import annotations

import hashlib
from pathlib import Path

import orjson
import pytest
from tinydb import TinyDB

from clerk.domain.council import CouncilProfile
from clerk.store import Register, RegisterCorrupt
from clerk.store.checkpoint import HASH_KEY, ZEROS
from tests.store.conftest import decision


def _filled(path: Path, council: CouncilProfile, count: int = 3) -> None:
    with Register.open(path, write=True, create=True, council=council) as register:
        register.save_many([decision(f"D2013-{n:03d}", f"Grant {n} <&> [/] Llŷr")
                            for n in range(1, count + 1)], action="created")


def _single_line(data: dict, ordered_keys: bool = True) -> bytes:
    """A checkpoint as an older clerk wrote it: one line of JSON, its own hash patched in."""
    meta = {**data["meta"]["1"], "checkpoint_sha256": ZEROS}
    raw = bytearray(orjson.dumps({"meta": {"1": meta}, "decisions": data["decisions"],
                                  "events": data["events"]}))
    at = raw.index(HASH_KEY) + len(HASH_KEY)
    raw[at:at + 64] = hashlib.sha256(raw).hexdigest().encode("ascii")
    return bytes(raw)


def test_one_line_per_decision_that_tinydb_reads(path: Path, council: CouncilProfile) -> None:
    _filled(path, council)
    lines = path.read_bytes().split(b"\n")
    assert lines[0].startswith(b'{"meta":') and lines[2] == b'"decisions":{'
    assert [line[:15] for line in lines[3:6]] == [b'"1":{"ref":"D20', b'"2":{"ref":"D20',
                                                  b'"3":{"ref":"D20']
    with TinyDB(path, access_mode="r") as db:
        assert [doc["title"] for doc in db.table("decisions").all()] == [
            "Grant 1 <&> [/] Llŷr", "Grant 2 <&> [/] Llŷr", "Grant 3 <&> [/] Llŷr"]


def test_an_empty_register_is_lined_too(path: Path, council: CouncilProfile) -> None:
    Register.open(path, write=True, create=True, council=council).close()
    assert orjson.loads(path.read_bytes())["decisions"] == {}
    with Register.open(path) as register:
        assert len(register) == 0


def test_an_older_single_line_file_opens_and_is_lined_at_the_next_checkpoint(
        path: Path, council: CouncilProfile) -> None:
    _filled(path, council)
    data = orjson.loads(path.read_bytes())
    # an older clerk's file, each document's keys in another order (ref last)
    data["decisions"] = {key: {**{k: v for k, v in doc.items() if k != "ref"},
                               "ref": doc["ref"]} for key, doc in data["decisions"].items()}
    path.write_bytes(_single_line(data))
    with Register.open(path, write=True) as register:
        assert register.refs() == ["D2013-001", "D2013-002", "D2013-003"]
        assert register.get("D2013-002").title == "Grant 2 <&> [/] Llŷr"
        register.save(decision("D2013-004"), action="created")
    assert path.read_bytes().count(b"\n") == 7  # meta, events, header, 4 decisions, end
    with Register.open(path) as register:
        assert register.refs() == ["D2013-001", "D2013-002", "D2013-003", "D2013-004"]


def test_a_lined_file_edited_by_hand_is_still_refused(path: Path, council: CouncilProfile
                                                      ) -> None:
    _filled(path, council)
    raw = path.read_bytes()
    path.write_bytes(raw.replace(b"Grant 2", b"Grant 9"))
    with pytest.raises(RegisterCorrupt, match="changed outside clerk.*D2013-002"):
        Register.open(path)
    assert path.read_bytes() == raw.replace(b"Grant 2", b"Grant 9")  # left as it was


def test_a_document_read_is_a_copy_the_register_does_not_share(
        path: Path, council: CouncilProfile) -> None:
    _filled(path, council)
    with Register.open(path, write=True) as register:
        register.get_raw("D2013-001")["title"] = "changed in the caller's hands"
        assert register.get("D2013-001").title == "Grant 1 <&> [/] Llŷr"
        register.save(decision("D2013-001", "Renamed"), action="title changed")
        assert register.get("D2013-001").title == "Renamed"
    with Register.open(path) as register:
        assert register.get("D2013-001").title == "Renamed"
        assert [doc["title"] for _, doc in register.raw_items()][1:] == [
            "Grant 2 <&> [/] Llŷr", "Grant 3 <&> [/] Llŷr"]


def _rehashed(raw: bytes) -> bytes:
    """The file with its own SHA-256 computed again, as only a forger would."""
    data = bytearray(raw)
    at = data.index(HASH_KEY) + len(HASH_KEY)
    data[at:at + 64] = ZEROS.encode("ascii")
    data[at:at + 64] = hashlib.sha256(data).hexdigest().encode("ascii")
    return bytes(data)


def test_a_damaged_decision_in_a_forged_file_is_a_clear_refusal(
        path: Path, council: CouncilProfile) -> None:
    from click.testing import CliRunner

    from clerk.cli import cli

    _filled(path, council)
    raw = path.read_bytes()
    start = raw.index(b'"2":{"ref":"D2013-002"')
    end = raw.index(b"\n", start)
    path.write_bytes(_rehashed(raw[:start] + b'"2":{"ref":"D2013-002",,}' + raw[end:]))
    with Register.open(path) as register:  # opening reads no decision
        assert register.get("D2013-001").title == "Grant 1 <&> [/] Llŷr"
        with pytest.raises(RegisterCorrupt, match="Decision document 2 .* cannot be read.*"
                                                  "restore --from-journal"):
            register.get("D2013-002")
    result = CliRunner().invoke(cli, ["--db", str(path), "list"])
    assert result.exit_code == 1
    assert "cannot be read" in result.output and "Traceback" not in result.output
