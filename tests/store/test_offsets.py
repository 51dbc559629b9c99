"""The checkpoint's index of byte spans: `show` reads one decision exactly as a full open."""

from __future__ import annotations

from pathlib import Path

import orjson

from clerk.domain.council import CouncilProfile
from clerk.store import Register
from clerk.store.offsets import dump_with_spans, index_path, read_one
from tests.store.conftest import decision


def _filled(path: Path, council: CouncilProfile) -> None:
    with Register.open(path, write=True, create=True, council=council) as reg:
        reg.save_many([decision(f"D2013-{n:03d}", f"Title {n} {{\"x\"}}") for n in range(1, 30)],
                      action="created")


def test_checkpoint_bytes_are_orjson_of_the_whole_register(path: Path,
                                                             council: CouncilProfile) -> None:
    _filled(path, council)
    data = orjson.loads(path.read_bytes())
    payload, index = dump_with_spans(data)
    assert payload == path.read_bytes() == orjson.dumps(data)
    assert index is not None and index_path(path).read_bytes() == index


def test_read_one_matches_a_full_open_including_the_journal_tail(
        path: Path, council: CouncilProfile) -> None:
    _filled(path, council)
    reg = Register.open(path, write=True)
    changed = reg.get("D2013-007")
    changed.title = "Changed after the checkpoint"
    reg.save(changed, action="edited")
    reg.save(decision("D2013-100"), action="created")
    reg._writer.close()  # type: ignore[union-attr]  # die without a checkpoint
    reg._lock.release()  # type: ignore[union-attr]
    full = Register.open(path)
    for ref in ("D2013-001", "D2013-007", "D2013-100"):
        found = read_one(path, ref)
        assert found is not None
        assert found[0] == full.get_raw(ref)
        assert found[1]["council"] == full._meta["council"]
    assert read_one(path, "D2099-001") == (None, full._meta) or \
        read_one(path, "D2099-001")[0] is None  # type: ignore[index]


def test_a_stale_or_broken_index_is_ignored(path: Path, council: CouncilProfile) -> None:
    _filled(path, council)
    index = orjson.loads(index_path(path).read_bytes())
    index["size"] += 1
    index_path(path).write_bytes(orjson.dumps(index))
    assert read_one(path, "D2013-001") is None
    index_path(path).write_bytes(b"{not json")
    assert read_one(path, "D2013-001") is None
    index_path(path).unlink()
    assert read_one(path, "D2013-001") is None


def test_a_file_changed_on_disk_since_its_index_is_trusted_over_the_index(
        path: Path, council: CouncilProfile) -> None:
    """The same size and journal position, different bytes (edited by hand, or bit rot):
    a checkpoint must not copy spans it can no longer vouch for; it keeps the file's text
    as a full parse reads it, plus every change saved since."""
    _filled(path, council)
    raw = path.read_bytes()
    assert raw.count(b"Title 7 ") == raw.count(b"Title 9 ") == 1
    # one decision a byte longer, a later one a byte shorter: same size, spans between moved
    path.write_bytes(raw.replace(b"Title 7 ", b"Title 8 b").replace(b"Title 9 ", b"Title9 "))
    with Register.open(path, write=True) as reg:
        assert reg.get("D2013-008").title.startswith("Title 8 ")  # its span has moved
        changed = reg.get("D2013-002")
        changed.title = "Changed since"
        reg.save(changed, action="edited")
        reg.checkpoint()
    with Register.open(path) as reg:
        assert reg.get("D2013-007").title.startswith("Title 8 b")
        assert reg.get("D2013-008").title.startswith("Title 8 ")
        assert reg.get("D2013-009").title.startswith("Title9 ")
        assert reg.get("D2013-002").title == "Changed since"
        assert len(reg) == 29
    assert read_one(path, "D2013-008")[0]["title"].startswith("Title 8 ")  # type: ignore[index]


def test_a_checkpoint_after_a_lazy_open_copies_unchanged_decisions_exactly(
        path: Path, council: CouncilProfile) -> None:
    _filled(path, council)
    before = orjson.loads(path.read_bytes())["decisions"]
    with Register.open(path, write=True) as reg:
        changed = reg.get("D2013-003")
        changed.title = "Only this one"
        reg.save(changed, action="edited")
        reg.checkpoint()
    after = orjson.loads(path.read_bytes())["decisions"]
    assert after.keys() == before.keys()
    assert [doc_id for doc_id in before if before[doc_id] != after[doc_id]] == \
        [doc_id for doc_id, doc in before.items() if doc["ref"] == "D2013-003"]


def test_opening_for_writing_rebuilds_a_missing_index(path: Path,
                                                      council: CouncilProfile) -> None:
    """A register indexed by an older clerk (or whose index was lost) is parsed whole once,
    not at every open."""
    _filled(path, council)
    index = index_path(path).read_bytes()
    index_path(path).unlink()
    with Register.open(path):  # a reader writes nothing
        pass
    assert not index_path(path).exists()
    with Register.open(path, write=True):
        pass
    assert index_path(path).read_bytes() == index
