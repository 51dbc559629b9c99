"""Opening the app: `clerk`, or `clerk --db PATH`, with no command.

Free of click, so the app starts without loading the command line (about 13 ms of its
start-up); the command line's group opens the app through here too. Also the one place
that reads CLERK_TODAY, for the app and for every command.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from clerk.store.register import Register

TODAY_VAR = "CLERK_TODAY"  # lets a clerk (or a test) ask "what if today were..."


class TodayError(ValueError):
    """CLERK_TODAY is set to something that is not a date."""


def today() -> date:
    """CLERK_TODAY when it is set, else the real date."""
    override = os.environ.get(TODAY_VAR, "").strip()
    if not override:
        return date.today()
    from clerk.domain.dates import parse_date

    try:
        return parse_date(override)
    except ValueError as error:
        raise TodayError(f"{TODAY_VAR}: {error}") from None


def app_arguments(args: list[str]) -> tuple[bool, str | None]:
    """(True, the --db value or None) when the arguments do no more than choose the
    register, so the app opens; (False, None) for anything the command line must read."""
    if not args:
        return True, None
    if len(args) == 2 and args[0] == "--db" and not args[1].startswith("-"):
        return True, args[1]
    if len(args) == 1 and args[0].startswith("--db=") and len(args[0]) > len("--db="):
        return True, args[0][len("--db="):]
    return False, None


def run_app(db: str | None) -> int:
    """Open the app; exit status 1 and one line on stderr when clerk refuses, as a
    command would."""
    from clerk.paths import resolve_register_path
    from clerk.refusals import explain

    try:
        return open_app(resolve_register_path(db), today())
    except Exception as error:
        message = explain(error)
        if message is None:
            raise
        print(f"Error: {message}", file=sys.stderr)
        return 1


def warn(message: str) -> None:
    print(f"Warning: {message}", file=sys.stderr)


def open_app(path: Path, today: date, warn: Callable[[str], None] = warn) -> int:
    """The app on the register at `path` (other clerks may have it open too: each save
    takes the journal's lock for itself), with a backup taken at start-up (the snapshot at
    once, the copying once the app is on screen). Returns the exit status: not 0 when the
    app stopped on an error (Textual has printed its traceback by then)."""
    create = not path.exists()
    # Opening the register (importing the store, reading and checking its file) overlaps
    # importing Textual, where either waits on the disk rather than the interpreter.
    opened: list[Register] = []
    failed: list[BaseException] = []

    def open_register() -> None:
        try:
            from clerk.store.register import Register

            council = None
            if create:
                from clerk.domain.council import load_profile
                from clerk.paths import default_council_path

                council = load_profile(default_council_path())
            opened.append(Register.open(path, write=True, create=create, council=council))
        except BaseException as error:  # raised again below, in the main thread
            failed.append(error)

    opening = threading.Thread(target=open_register, name="clerk-open")
    opening.start()
    try:
        from clerk.tui.factory import make_app
    except BaseException:
        opening.join()
        for register in opened:
            register.close()
        raise
    opening.join()
    if failed:
        raise failed[0]
    from clerk.store.backup import BackupJob, take_backup
    from clerk.store.errors import RegisterError

    register = opened[0]
    register.warn = warn  # a checkpoint that fails on closing: every save is in the journal
    job: BackupJob | None = None
    app = None
    try:
        app = make_app(register, today=today)
        try:  # the snapshot now; the copying once the app is on screen
            job = take_backup(register, reason="start", background=True, not_before=app.shown)
        except RegisterError as error:
            warn(str(error))
        app.run()
        return getattr(app, "return_code", None) or 0
    finally:
        try:
            if job is not None:
                if app is not None:
                    app.shown.set()  # the app may have failed before its first frame
                job.wait()  # before the lock goes: the copy must finish
        except RegisterError as error:
            warn(str(error))
        finally:
            register.close()
