"""Printing notices: one command per document, and the forward plan for a period."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from clerk.cli.common import DATE, REF, Context, pass_context
from clerk.notices import KINDS, NoticeRefused

OUTPUT = click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
                      help="Where to write the PDF (default: notices/ beside the register).")
PRINT = click.option("--print", "to_printer", is_flag=True, help="Also send it to the printer.")


def _finish(path: Path, digest: str, to_printer: bool) -> None:
    from clerk.printing import PrinterUnavailable, send_to_printer

    click.echo(f"Wrote {path} (SHA-256 {digest}).")
    if to_printer:
        try:
            click.echo(send_to_printer(path))
        except PrinterUnavailable as error:
            raise click.ClickException(str(error)) from None


@click.command()
@click.argument("kind", type=click.Choice(list(KINDS)))
@click.argument("ref", type=REF)
@OUTPUT
@click.option("--on", "published_on", type=DATE, help="Publication date printed (default today).")
@click.option("--confidential", is_flag=True,
              help="Include exempt information; marked CONFIDENTIAL on every page. Never publish.")
@PRINT
@pass_context
def notice(ctx: Context, kind: str, ref: str, output: Path | None, published_on: date | None,
           confidential: bool, to_printer: bool) -> None:
    """Print a notice for a decision; public (exempt content withheld) unless --confidential.

    Example: clerk notice record D2013-001 -o record.pdf
    """
    from clerk.printing import write_notice

    with ctx.writing() as register:
        try:
            written = write_notice(register, ref, kind, output,
                                   published_on=published_on or ctx.today,
                                   confidential=confidential)
        except NoticeRefused as error:
            raise click.ClickException(str(error)) from None
    _finish(written.path, written.sha256, to_printer)


@click.command("forward-plan")
@click.option("--from", "start", type=DATE, required=True)
@click.option("--to", "end", type=DATE, required=True)
@OUTPUT
@click.option("--on", "published_on", type=DATE, help="Publication date (default today).")
@PRINT
@pass_context
def forward_plan(ctx: Context, start: date, end: date, output: Path | None,
                 published_on: date | None, to_printer: bool) -> None:
    """Print the forward plan (notice of key decisions) for a period.

    Example: clerk forward-plan --from 01/02/2013 --to 31/05/2013 -o plan.pdf
    """
    from clerk.printing import write_forward_plan

    if end < start:
        raise click.BadParameter("--to is before --from.", param_hint="--to")
    with ctx.writing() as register:
        try:
            written, count = write_forward_plan(register, start, end, output,
                                                published_on=published_on or ctx.today)
        except NoticeRefused as error:
            raise click.ClickException(str(error)) from None
    click.echo(f"{count} key decisions listed.")
    _finish(written.path, written.sha256, to_printer)


COMMANDS = [notice, forward_plan]
