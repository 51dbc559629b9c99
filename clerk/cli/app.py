"""Opening the app from the command line: the register locked for as long as it is open,
and a backup of it taken at start-up (copied and verified in a thread)."""

from __future__ import annotations

import threading

import click

from clerk.cli.common import Context


def open_app(ctx: Context) -> None:
    from clerk.domain.council import load_profile
    from clerk.paths import default_council_path
    from clerk.store.backup import BackupJob, take_backup
    from clerk.store.errors import RegisterError
    from clerk.store.register import Register

    create = not ctx.path.exists()
    council = load_profile(default_council_path()) if create else None
    # Opening the register (mapping the file, reading its index) overlaps importing
    # Textual where it waits on the disk rather than the interpreter.
    opened: list[Register] = []
    failed: list[BaseException] = []

    def open_register() -> None:
        try:
            opened.append(Register.open(ctx.path, write=True, create=create, council=council))
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
    register = opened[0]
    job: BackupJob | None = None
    app = None
    try:
        app = make_app(register)
        try:  # the snapshot now; the copying once the app is on screen
            job = take_backup(register, reason="start", background=True, not_before=app.shown)
        except RegisterError as error:
            click.echo(f"Warning: {error}", err=True)
        app.run()
    finally:
        try:
            if job is not None:
                if app is not None:
                    app.shown.set()  # the app may have failed before its first frame
                job.wait()  # before the lock goes: the copy must finish
        except RegisterError as error:
            click.echo(f"Warning: {error}", err=True)
        finally:
            register.close()
