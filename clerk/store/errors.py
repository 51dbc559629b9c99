"""Every way the store can refuse, each with a message a clerk can act on.

All errors derive from `RegisterError`; its str() is the one-line, clerk-facing message
that the CLI prints as-is and the TUI shows in a notification.
"""

from __future__ import annotations


class RegisterError(Exception):
    """Something about the register stops the command; str() says what and what to do."""

    @classmethod
    def cannot_open(cls, path: object, error: OSError) -> RegisterError:
        return cls(f"Cannot open the register {path}: {error.strerror or error}.")


class RegisterNotFound(RegisterError):
    """There is no register file at the path (and we were not asked to create one)."""


class RegisterCorrupt(RegisterError):
    """The register file or its journal cannot be read; nothing was overwritten."""


class RegisterTooNew(RegisterError):
    """The file was written by a newer clerk whose schema this clerk does not know."""


class RegisterLocked(RegisterError):
    """Another process has the register open for writing."""


class RegisterReadOnly(RegisterError):
    """A change was asked of a register opened for reading only."""


class InvalidDecision(RegisterError, ValueError):
    """A decision with a value the register cannot keep (e.g. a control character)."""


class NotFound(RegisterError, LookupError):
    """No decision with that reference."""
