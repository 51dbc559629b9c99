"""The command line: a thin click group over the domain, the register and the notices.

`clerk` with no subcommand opens the app. Every lifecycle step is a command, so clerks
can script and tests can drive it. Each refusal exits non-zero with one clear line.
"""

from __future__ import annotations

import click

from clerk import __version__
from clerk.cli.common import ClerkGroup, Context

# Which module holds each command. A command's module is imported only when that command
# runs (or help lists them all), so `clerk` opening the app and a one-off `clerk notice`
# do not pay for the rest. tests/cli/test_lazy_commands.py checks this against the modules.
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "admin": ("init", "demo"),
    "lifecycle": ("new", "plan", "key", "comment", "respond", "consultation", "exception",
                  "urgency", "private", "report", "decide", "publish", "call-in",
                  "call-in-outcome", "exempt-call-in", "implement", "refer", "council",
                  "correct", "details", "review-key", "scrutiny-key-view", "key-view-report",
                  "private-urgency", "reasons-notice"),
    "query": ("show", "list", "dates", "history"),
    "notices": ("notice", "forward-plan"),
    "deadlines": ("calendar",),
    "maintenance": ("export", "import", "verify", "backups", "restore"),
}


class LazyClerkGroup(ClerkGroup):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for names in COMMAND_MODULES.values() for name in names]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        import importlib

        for module_name, names in COMMAND_MODULES.items():
            if cmd_name in names:
                module = importlib.import_module(f"clerk.cli.{module_name}")
                return next(c for c in module.COMMANDS if c.name == cmd_name)
        return None


@click.group(cls=LazyClerkGroup, invoke_without_command=True,
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
    if ctx.invoked_subcommand is None:  # `clerk --db PATH --verbose`-like: click read it
        from clerk.launch import open_app

        status = open_app(ctx.obj.path, ctx.obj.today)
        if status:
            ctx.exit(status)


def main() -> None:
    cli.main(prog_name="clerk")
