"""The command line: a thin click group over the domain, the register and the notices.

`clerk` with no subcommand opens the app. Every lifecycle step is a command, so clerks
can script and tests can drive it. Each refusal exits non-zero with one clear line.
"""

from __future__ import annotations

import click

from clerk import __version__
from clerk.cli.common import ClerkGroup, Context


@click.group(cls=ClerkGroup, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", metavar="PATH", help="The register file (else $CLERK_DB, else the "
              "default in your user data folder).")
@click.version_option(__version__, prog_name="clerk")
@click.pass_context
def cli(ctx: click.Context, db: str | None) -> None:
    """clerk: the register of executive decisions for a council's democratic services.

    Run with no command to open the app. Example:

        clerk --db ~/registers/maidstone.json list --stage planned
    """
    ctx.obj = Context(db)
    if ctx.invoked_subcommand is None:
        from clerk.cli.app import open_app

        open_app(ctx.obj)


def _register_commands() -> None:
    from clerk.cli import admin, lifecycle, maintenance, query

    for module in (admin, lifecycle, maintenance, query):
        for command in module.COMMANDS:
            cli.add_command(command)
    try:
        from clerk.cli import notices
    except ImportError:  # the notices commands land separately
        return
    for command in notices.COMMANDS:
        cli.add_command(command)


_register_commands()


def main() -> None:
    cli.main(prog_name="clerk")
