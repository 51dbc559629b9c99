"""The register list's index: filtering narrows, backspacing and saving stay correct."""

from __future__ import annotations

import random

from clerk.tui.summary import Entry
from clerk.tui.widgets.register_index import RegisterIndex

WORDS = ("mote park", "lockmeadow", "parking fees", "Housing", "Tovil", "Marden ward")


def entries(count: int) -> list[Entry]:
    rng = random.Random(1)
    return [Entry(f"D2020-{n:04d}", f"d2020-{n:04d} " + " ".join(
        rng.sample(WORDS, 2)).casefold(), "planned", "2020-01-01",
        ("", "", f"2020-02-{1 + n % 28:02d}")) for n in range(count)]


def plain(index: RegisterIndex, text: str) -> list[str]:
    terms = text.casefold().split()
    return [e.ref for e in index.entries if all(t in e.haystack for t in terms)]


def test_filtering_matches_a_plain_scan_while_typing_and_backspacing() -> None:
    index = RegisterIndex(entries(500))
    typed = ""
    for key in "park\b\b\b\bmote p\b\bpark  ma\b\b\b\b\b\b\b\b\bHOUSING\b":
        typed = typed[:-1] if key == "\b" else typed + key
        assert index.matching(typed) == plain(index, typed), typed


def test_put_replaces_and_adds_and_forgets_old_results() -> None:
    index = RegisterIndex(entries(50))
    before = index.matching("tovil")
    changed = Entry("D2020-0001", "d2020-0001 tovil", "draft", "2020-01-01")
    index.put(changed)
    index.put(Entry("D2021-0001", "d2021-0001 tovil", "draft", "2020-01-01"))
    after = index.matching("tovil")
    assert after == plain(index, "tovil")
    assert "D2020-0001" in after and after[-1] == "D2021-0001"
    assert set(before) - {"D2020-0001"} <= set(after)


def test_locate_and_agenda() -> None:
    index = RegisterIndex(entries(100))
    found = index.matching("tovil")
    for position, ref in enumerate(found):
        assert index.locate(found, ref) == position
    missing = next(e.ref for e in index.entries if e.ref not in found)
    assert index.locate(found, missing) is None
    assert index.on_agenda("2020-02-03") == [e.ref for e in index.entries
                                             if e.agenda[2] == "2020-02-03"]
    assert min(index.agenda_days("2020-02-27")) == "2020-02-27"


def test_the_first_matches_of_a_large_pool_then_all(monkeypatch) -> None:
    import clerk.tui.widgets.register_index as module

    monkeypatch.setattr(module, "SCAN_AT_ONCE", 100)
    monkeypatch.setattr(module, "STEP", 64)
    index = RegisterIndex(entries(2_000))
    every = plain(index, "mote")
    first, complete = index.first_matching("mote", want=10)
    assert not complete and 10 <= len(first) < len(every) and every[:len(first)] == first
    late = every[-5]
    upto, complete = index.first_matching("mote", want=10, after=late)
    assert late in upto and every[:len(upto)] == upto
    assert index.first_matching("mote", want=None) == (every, True)
    assert index.first_matching("mote", want=10) == (every, True)  # remembered
