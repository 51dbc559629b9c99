"""`clerk` and `python -m clerk`: the collector paced for a short burst, then the CLI.

A command that has finished has written and fsynced everything it changes and flushes
its output here; tearing the interpreter down module by module would only add about
20 ms to every cold command (a tenth of `clerk notice`). So it exits at once. The app
(Textual loaded) exits the ordinary way, which restores the terminal."""

from __future__ import annotations

import os
import sys

from clerk.gc_pause import pace_for_a_burst


def main() -> None:
    pace_for_a_burst()  # before click and the rest are imported
    from clerk.launch import app_arguments

    opens_app, db = app_arguments(sys.argv[1:])
    if opens_app:  # the app, without loading the command line
        from clerk.launch import run_app

        sys.exit(run_app(db))
    from clerk.cli import main as run_cli

    try:
        run_cli()
    except SystemExit as done:
        if "textual" in sys.modules:
            raise
        exit_now(done.code)


def exit_now(code: int | str | None) -> None:
    if isinstance(code, str):  # as SystemExit("message") would: printed, status 1
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing more can be said
            pass
    os._exit(code or 0)


if __name__ == "__main__":
    main()
