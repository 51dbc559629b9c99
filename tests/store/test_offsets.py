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
