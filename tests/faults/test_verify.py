"""`clerk verify` names every difference: a broken chain, a register that is not what its
journal says, a published PDF that changed, a notice whose recorded hash is not what it was."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from tests.faults.conftest import files_of


def _edit_checkpoint(path: Path, change: Any) -> None:
    data = orjson.loads(path.read_bytes())
    change(data["decisions"])
    path.write_bytes(orjson.dumps(data))
    Path(f"{path}.index").unlink(missing_ok=True)


def _differences(clerk: Any, *args: str) -> list[str]:
    result = clerk("verify", *args, ok=False)
    assert result.exit_code == 1, result.stdout
    assert "Register NOT verified" in result.stdout and "Traceback" not in result.stderr
    return [line.strip() for line in result.stdout.splitlines() if line.startswith("  ")]


def test_a_sound_register_is_verified(demo: Any, hold_lock: Any) -> None:
    demo("notice", "record", "D2013-001")
    hold_lock(demo.db)  # read-only: works while the app has it open
    before = files_of(demo.db)
    out = demo("verify", "--render").stdout
    assert out.strip() == ("Register verified: 11 entries, 9 decisions, 1 notices, "
                           "1 file(s) matched, 1 redrawn and matched.")
    assert files_of(demo.db) == before


def test_every_register_difference_is_named(demo: Any) -> None:
    def tamper(decisions: dict[str, Any]) -> None:
        by_ref = {doc["ref"]: doc for doc in decisions.values()}
        by_ref["D2013-002"]["title"] = "Quietly changed"
        by_ref["D2013-002"]["plan"]["wards"] = ["Nowhere"]
        doc_id = next(k for k, d in decisions.items() if d["ref"] == "D2013-003")
        del decisions[doc_id]
        decisions["99"] = {**by_ref["D2013-004"], "ref": "D2013-099"}

    _edit_checkpoint(demo.db, tamper)
    assert _differences(demo) == [
        "D2013-002: differs from the journal in plan.wards, title.",
        "D2013-003: recorded in the journal, but missing from the register.",
        "D2013-099: in the register, but no journal entry records it.",
    ]


def test_a_changed_journal_line_is_found_even_before_the_checkpoint(demo: Any) -> None:
    journal = Path(f"{demo.db}.journal")
    lines = journal.read_bytes().splitlines(keepends=True)
    at = lines[3].index(b'"title":"') + len(b'"title":"')  # line 1 is the council's
    lines[3] = lines[3][:at] + b"X" + lines[3][at + 1:]  # one letter edited, hash kept
    journal.write_bytes(b"".join(lines))
    demo("list")  # a reader checks only the tail after the checkpoint (writers check all)
    found = _differences(demo)
    assert found[0] == ("Journal line 4 (entry 4): altered after it was written (its hash "
                        "does not match its content).")
    assert any(line.startswith("D2013-003: differs from the journal in") for line in found)


def test_a_removed_journal_line_is_found(demo: Any) -> None:
    journal = Path(f"{demo.db}.journal")
    lines = journal.read_bytes().splitlines(keepends=True)
    del lines[4]  # entry 5
    journal.write_bytes(b"".join(lines))
    found = _differences(demo)
    assert "Journal line 5 (entry 6): out of order, expected entry 5." in found


def test_a_changed_pdf_and_a_stranger_are_found(demo: Any) -> None:
    demo("notice", "record", "D2013-001")
    pdf = Path(f"{demo.db}.notices") / "D2013-001-record-2013-02-18.pdf"
    pdf.write_bytes(pdf.read_bytes() + b"%")
    (found,) = _differences(demo)
    assert found.startswith(f"{pdf}: its SHA-256") and "journaled" in found
    pdf.unlink()
    demo("verify")  # no file left to compare: the journal alone is consistent
    stranger = pdf.with_name("D2013-001-record-2013-02-19.pdf")
    stranger.write_bytes(b"%PDF-1.4 never published")
    (found,) = _differences(demo, "--render")
    assert found.startswith(f"{stranger}: its SHA-256") and "never published" in found


def test_an_entry_this_clerk_cannot_replay_is_not_verified(demo: Any) -> None:
    """A well-chained entry of a kind this clerk does not know (a newer clerk's) is a
    difference: the register could not be rebuilt from that journal."""
    from clerk.store.journal import encode_entry

    journal = Path(f"{demo.db}.journal")
    last = orjson.loads(journal.read_bytes().splitlines()[-1])
    _, line = encode_entry(last["seq"] + 1, last["hash"], "archived", "2013-03-01T09:00:00",
                           {"archive": {"ref": "D2013-001"}})
    with open(journal, "ab") as handle:
        handle.write(line)
    found = _differences(demo)
    assert len(found) == 1 and "entry 11" in found[0] and "does not understand" in found[0]
