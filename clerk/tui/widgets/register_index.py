"""What the register list filters, sorts and finds agendas in: one Entry per decision.

Built once from the stored dicts (in a worker: reading 100,000 decisions takes about a
second), then kept current by `put` as decisions are saved. Filtering tests each term
against a casefolded haystack per decision in C (`map(contains, ...)`), narrows from the
result of the longest query typed before that the new one extends, and remembers recent
results, so a backspace costs nothing.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from itertools import compress, repeat
from operator import contains

from clerk.tui.summary import Entry

REMEMBERED = 32  # filter results kept for narrowing and backspacing


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
        query = text.casefold()
        terms = query.split()
        if not terms:
            return self.refs
        found = self._found.get(query)
        if found is None:
            refs, hays = self.refs, self.hays
            for length in range(len(query) - 1, 0, -1):  # typing more only narrows
                before = self._found.get(query[:length])
                if before is not None:
                    refs, hays = before
                    break
            for term in terms:
                mask = list(map(contains, hays, repeat(term)))
                refs = list(compress(refs, mask))
                hays = list(compress(hays, mask))
            found = self._found[query] = (refs, hays)
            while len(self._found) > REMEMBERED:
                del self._found[next(iter(self._found))]
        return found[0]

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
