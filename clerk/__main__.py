"""`clerk` and `python -m clerk`: the app when the arguments only choose the register,
else the command line."""

from __future__ import annotations

import sys


def main() -> None:
    from clerk.launch import app_arguments

    opens_app, db = app_arguments(sys.argv[1:])
    if opens_app:  # the app, without loading the command line
        from clerk.launch import run_app

        sys.exit(run_app(db))
    from clerk.cli import main as run_cli

    run_cli()


if __name__ == "__main__":
    main()
