"""The register on disk: the only package that imports tinydb.

`Register.open(path, write=True)` for commands that change things, `Register.open(path)`
for those that only read, `Register.in_memory(council)` for tests.
"""

from __future__ import annotations

from clerk.store.errors import (
    InvalidDecision,
    NotFound,
    RegisterCorrupt,
    RegisterError,
    RegisterLocked,
    RegisterNotFound,
    RegisterReadOnly,
    RegisterTooNew,
)
from clerk.store.journal import JournalEntry
from clerk.store.register import Register
from clerk.store.schema import SCHEMA_VERSION

__all__ = [
    "InvalidDecision",
    "SCHEMA_VERSION",
    "JournalEntry",
    "NotFound",
    "Register",
    "RegisterCorrupt",
    "RegisterError",
    "RegisterLocked",
    "RegisterNotFound",
    "RegisterReadOnly",
    "RegisterTooNew",
]
