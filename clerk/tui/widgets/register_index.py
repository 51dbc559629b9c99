"""What the register list filters, sorts and finds agendas in: one Entry per decision.

Built once from the register's entries (`Register.index_entries`: the checkpoint stores
them, so at 100,000 decisions this takes about a tenth of a second, in a worker), then kept
current by `put` as decisions are saved. Filtering tests each term
against a casefolded haystack per decision in C (`map(contains, ...)`), narrows from the
result of the longest query typed before that the new one extends, and remembers recent
results, so a backspace costs nothing.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from itertools import compress, repeat
from operator import contains

from clerk.domain.entries import Entry

REMEMBERED = 32  # filter results kept for narrowing and backspacing
SCAN_AT_ONCE = 2_000  # a pool this small is scanned whole (well under a ms); a larger one
STEP = 512  # in steps that double, until a screenful is found


class RegisterIndex:
    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: list[Entry] = list(entries)
        self.refs: list[str] = [entry.ref for entry in self.entries]
        self.hays: list[str] = [entry.haystack for entry in self.entries]
        self.position: dict[str, int] = {ref: i for i, ref in enumerate(self.refs)}
        self._found: dict[str, tuple[list[str], list[str]]] = {}  # query -> (refs, hays)

    def __len__(self) -> int:
        return len(self.entries)

    def entry(self, ref: str) -> Entry:
        return self.entries[self.position[ref]]

    def put(self, entry: Entry) -> None:
        """Add or replace a decision's entry (after a save)."""
        at = self.position.get(entry.ref)
        if at is None:
            self.position[entry.ref] = len(self.entries)
            self.entries.append(entry)
            self.refs.append(entry.ref)
            self.hays.append(entry.haystack)
        else:
            self.entries[at] = entry
            self.hays[at] = entry.haystack
        self._found.clear()

    def matching(self, text: str) -> list[str]:
        """The references whose haystack holds every word of `text`, in register order."""
        found, _ = self.first_matching(text, want=None)
        return found

    def first_matching(self, text: str, want: int | None, after: str | None = None
                       ) -> tuple[list[str], bool]:
        """(matches, complete): at least the first `want` matches in register order, and
        every match up to `after`'s place in the register, without scanning further when
        the pool is large; complete says whether that is all of them. `want=None`: all."""
        query = text.casefold()
        terms = query.split()
        if not terms:
            return self.refs, True
        found = self._found.get(query)
        if found is not None:
            return found[0], True
        refs, hays = self.refs, self.hays
        for length in range(len(query) - 1, 0, -1):  # typing more only narrows
            before = self._found.get(query[:length])
            if before is not None:
                refs, hays = before
                break
        if want is None or len(refs) <= SCAN_AT_ONCE:
            return self._remember(query, *_scan(refs, hays, terms))[0], True
        last = self.position.get(after, -1) if after is not None else -1
        out_refs: list[str] = []
        out_hays: list[str] = []
        start, step = 0, STEP
        while start < len(refs):
            step_refs, step_hays = _scan(refs[start:start + step], hays[start:start + step],
                                         terms)
            out_refs += step_refs
            out_hays += step_hays
            start += step
            step *= 2
            if len(out_refs) >= want and self.position[refs[min(start, len(refs)) - 1]] >= last:
                break
        if start >= len(refs):
            return self._remember(query, out_refs, out_hays)[0], True
        return out_refs, False

    def _remember(self, query: str, refs: list[str], hays: list[str]
                  ) -> tuple[list[str], list[str]]:
        self._found[query] = (refs, hays)
        while len(self._found) > REMEMBERED:
            del self._found[next(iter(self._found))]
        return refs, hays

    def locate(self, refs: list[str], ref: str) -> int | None:
        """Where `ref` is in `refs`, a subsequence of the register in register order."""
        at = self.position.get(ref)
        if at is None:
            return None
        index = bisect_left(refs, at, key=self.position.__getitem__)
        return index if index < len(refs) and refs[index] == ref else None

    def agenda_days(self, start: str) -> Iterable[str]:
        """Meeting and due days on or after `start` (ISO)."""
        for entry in self.entries:
            meeting, _, due = entry.agenda
            if meeting >= start:
                yield meeting
            if due >= start:
                yield due

    def on_agenda(self, day: str) -> list[str]:
        """The references with anything on `day` (ISO): meeting, decided or due."""
        return [entry.ref for entry in self.entries if day in entry.agenda]


def _scan(refs: list[str], hays: list[str], terms: list[str]) -> tuple[list[str], list[str]]:
    """The refs (and their haystacks) whose haystack holds every term, tested in C."""
    for term in terms:
        mask = list(map(contains, hays, repeat(term)))
        refs = list(compress(refs, mask))
        hays = list(compress(hays, mask))
    return refs, hays
