"""TinyDB's storage for the register: tables in memory, every write a journal append, the
file a checkpoint replaced whole.

TinyDB reads and writes the whole database through a Storage (`read()` -> tables,
`write(tables)`). `JournalStorage.read()` hands TinyDB the tables in memory (no parse per
query); `write()` is called by TinyDB's own insert/update inside `Register`'s changes, and
the change ends with one durable, hash-chained append to the journal: only then does the
new state become the register's. If the append fails, the new state is dropped and nothing
is acknowledged.

The decisions table is a `checkpoint.Documents`: each document read from the register file
stays its bytes until it is read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, MutableMapping
from contextlib import contextmanager
from typing import Any

from tinydb.storages import Storage
from tinydb.table import Table

from clerk.store.checkpoint import Documents
from clerk.store.errors import RegisterError
from clerk.store.schema import Data


class JournalStorage(Storage):
    def __init__(self, tables: Data, where: object = None) -> None:
        stored: Mapping[str, Any] = tables["decisions"]
        decisions = stored if isinstance(stored, Documents) else Documents(stored)
        decisions.where = str(where or "")
        tables["decisions"] = decisions  # type: ignore[assignment]
        self.tables = tables
        self.undo: list[tuple[dict[str, Any], str, Any]] | None = None  # None: no change

    def read(self) -> Data:
        # Inside a change, the tables themselves (RegisterTable changes them in place and
        # notes how to undo it); otherwise a shallow copy, so that a write that bypassed
        # the Register changes nothing before write() refuses it.
        return self.tables if self.undo is not None else dict(self.tables)

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        if self.undo is None:
            raise RegisterError(
                "The register's TinyDB is changed only through Register.save, change, "
                "set_council or record_event, so that the journal records every change.")

    def close(self) -> None:
        pass  # the register closes its own files

    @contextmanager
    def change(self, append: Callable[[], None]) -> Iterator[None]:
        """TinyDB writes inside this block change the tables; at its end `append` journals
        them. If anything fails, every change is undone and the tables are as they were."""
        self.undo = []
        try:
            yield
            append()
        except BaseException:
            for table, key, before in reversed(self.undo):
                if before is _MISSING:
                    table.pop(key, None)
                else:
                    table[key] = before
            raise
        finally:
            self.undo = None


_MISSING = object()


class RegisterTable(Table):
    """TinyDB's Table, writing in place: `Table._update_table` rebuilds the whole table
    key by key twice on every write (converting each document id to an int and back),
    which at 100,000 decisions is most of a save. Here TinyDB's updaters get the table
    itself, seen with int ids as they expect, and each document an updater changes is
    replaced by a changed copy: a committed document is never changed in place (a reader
    in another thread never sees one half-updated), and each replacement is noted so that
    a change the journal refused is undone."""

    def _update_table(self, updater: Callable[[dict[int, Mapping[str, Any]]], None]) -> None:
        storage = self._storage
        assert isinstance(storage, JournalStorage)
        if storage.undo is None:
            storage.write({})  # refuses: not inside a Register change
        assert storage.undo is not None
        tables = storage.read()
        updater(_IntKeys(tables.setdefault(self.name, {}), storage.undo))  # type: ignore[arg-type]
        storage.write(tables)
        self.clear_cache()


class _IntKeys(MutableMapping[int, Any]):
    """A table's str-keyed dict seen with int document ids, as TinyDB's updaters expect."""

    def __init__(self, data: dict[str, Any], undo: list[tuple[dict[str, Any], str, Any]]
                 ) -> None:
        self.data = data
        self.undo = undo

    def __getitem__(self, key: int) -> Any:
        before = self.data[str(key)]
        self.undo.append((self.data, str(key), before))
        doc = self.data[str(key)] = dict(before)  # changed as a copy
        return doc

    def __setitem__(self, key: int, value: Any) -> None:
        self.undo.append((self.data, str(key), self.data.get(str(key), _MISSING)))
        self.data[str(key)] = value

    def __delitem__(self, key: int) -> None:
        self.undo.append((self.data, str(key), self.data[str(key)]))
        del self.data[str(key)]

    def __contains__(self, key: object) -> bool:
        return str(key) in self.data

    def __iter__(self) -> Iterator[int]:
        return map(int, list(self.data))

    def __len__(self) -> int:
        return len(self.data)
