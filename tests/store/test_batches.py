"""A batch (an import, the demo) is all or nothing, even if the process dies mid-write."""

from __future__ import annotations

from pathlib import Path

from clerk.domain.council import load_profile
from clerk.domain.decision import Decision
from clerk.paths import default_council_path
from clerk.store.register import Register


def _batch(n: int, prefix: str) -> list[Decision]:
    return [Decision(ref=f"{prefix}-{i:03d}", title=f"Imported {i}") for i in range(n)]


def test_a_batch_cut_short_by_a_crash_is_not_half_applied(tmp_path: Path) -> None:
    path = tmp_path / "register.json"
    council = load_profile(default_council_path())
    with Register.open(path, write=True, create=True, council=council) as register:
        register.save(Decision(ref="D2013-001", title="Before the import"), action="one")
        register.checkpoint()
        register.save_many(_batch(5, "D2014"), action="import")
        register.close(checkpoint=False)  # the crash comes before any checkpoint
    journal = Path(f"{path}.journal")
    lines = journal.read_bytes().splitlines(keepends=True)
    # The crash: only the first three of the five batch lines reached the disk.
    journal.write_bytes(b"".join(lines[:-2]))

    with Register.open(path, write=True) as register:
        assert register.refs() == ["D2013-001"]
        register.save(Decision(ref="D2013-002", title="After"), action="two")
    with Register.open(path) as register:
        assert register.refs() == ["D2013-001", "D2013-002"]


def test_a_whole_batch_is_replayed(tmp_path: Path) -> None:
    path = tmp_path / "register.json"
    council = load_profile(default_council_path())
    with Register.open(path, write=True, create=True, council=council) as register:
        register.checkpoint()
        register.save_many(_batch(4, "D2014"), action="import")
        register.close(checkpoint=False)  # a crash before any checkpoint: replay only
    with Register.open(path) as register:
        assert register.refs() == [f"D2014-{i:03d}" for i in range(4)]
