"""What the clerk is told when clerk refuses: one line, for the command line and for the
app's launch alike (no click here, so opening the app need not load it)."""

from __future__ import annotations


def explain(error: BaseException) -> str | None:
    """The line to print for a refusal clerk knows how to explain; None for a fault that
    should show its traceback."""
    from clerk.domain.council import ProfileError
    from clerk.domain.lifecycle import Refused
    from clerk.domain.refs import InvalidRef
    from clerk.launch import TodayError
    from clerk.store.errors import RegisterError

    if isinstance(error, (Refused, ProfileError, RegisterError, TodayError, InvalidRef)):
        return str(error)
    if isinstance(error, OSError):
        where = f"{error.filename}: " if error.filename else ""
        return f"{where}{error.strerror or error}. Nothing was changed."
    return None
