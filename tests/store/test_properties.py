"""Property: whatever sequence of saves, reopening gives back exactly the latest of each."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerk.domain.council import CouncilProfile
from clerk.store import Register
from tests.store.conftest import decision

# Titles: any text a clerk could type (control characters are refused before saving).
titles = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=30)
saves = st.lists(
    st.tuples(st.integers(1, 6), titles, st.booleans()),  # ref, title, checkpoint now?
    max_size=25,
)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(saves=saves)
def test_reopen_gives_the_latest_of_each(council: CouncilProfile,
                                         saves: list[tuple[int, str, bool]]) -> None:
    expected: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "register.json"
        reg = Register.open(path, write=True, create=True, council=council)
        for number, title, checkpoint in saves:
            ref = f"D2013-{number:03d}"
            reg.save(decision(ref, title), action="edited")
            expected[ref] = title
            if checkpoint:
                reg.checkpoint()
        reg.close(checkpoint=len(saves) % 2 == 0)  # half the time, die without a checkpoint
        with Register.open(path) as again:
            assert {ref: doc["title"] for ref, doc in again.raw_items()} == expected
            assert again.refs() == list(expected)
            assert sum(len(again.history(ref)) for ref in expected) == len(saves)
