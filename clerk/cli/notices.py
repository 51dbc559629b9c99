"""Printing notices: one command per document, and the forward plan for a period."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from clerk.cli.common import DATE, Context, pass_context
from clerk.notices import KINDS, PERIOD_KINDS, NoticeRefused

OUTPUT = click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
                      help="Where to write the PDF (default: notices/ beside the register).")
PRINT = click.option("--print", "to_printer", is_flag=True, help="Also send it to the printer.")
HTML = click.option("--html", "as_html", is_flag=True,
                    help="Also write it as an accessible web page, beside the PDF (.html).")


def _html_beside(pdf: Path, page: str) -> None:
    from clerk.store.storage import atomic_write_bytes

    target = pdf.with_suffix(".html")
    atomic_write_bytes(target, page.encode("utf-8"))
    click.echo(f"Wrote {target} (the web page of the same notice).")


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
@click.argument("ref", required=False)
@click.option("--from", "start", type=DATE,
              help="urgency-report only: the first day of the period it covers.")
@click.option("--to", "end", type=DATE,
              help="urgency-report only: the last day of the period it covers.")
@OUTPUT
@click.option("--on", "published_on", type=DATE, help="Publication date printed (default today).")
@click.option("--confidential", is_flag=True,
              help="Include exempt information; marked CONFIDENTIAL on every page. Never publish.")
@PRINT
@HTML
@pass_context
def notice(ctx: Context, kind: str, ref: str | None, start: date | None, end: date | None,
           output: Path | None, published_on: date | None, confidential: bool,
           to_printer: bool, as_html: bool) -> None:
    """Print a notice for a decision; public (exempt content withheld) unless --confidential.

    Example: clerk notice record D2013-001 -o record.pdf

    The report to Council of the decisions taken under special urgency in a period
    (regulation 19): clerk notice urgency-report --from 01/04/2026 --to 31/03/2027
    """
    from clerk.printing import write_notice

    if (start or end) and (kind not in PERIOD_KINDS or ref is not None):
        raise click.UsageError(f"--from and --to are for a report over a period (clerk notice "
                               f"{' or '.join(PERIOD_KINDS)} --from DATE --to DATE), not with "
                               "a decision's reference.")
    if kind in PERIOD_KINDS and ref is None:
        _period_notice(ctx, start, end, output, published_on, to_printer)
        return
    if ref is None:
        raise click.UsageError(f"Give the decision's reference: clerk notice {kind} REF.")

    with ctx.writing() as register:
        try:
            written = write_notice(register, ref, kind, output,
                                   published_on=published_on or ctx.today,
                                   confidential=confidential)
        except NoticeRefused as error:
            raise click.ClickException(str(error)) from None
        if as_html:
            from clerk.notices import render_notice_html

            _html_beside(written.path, render_notice_html(
                kind, register.get(ref), register.council,
                published_on=published_on or ctx.today, confidential=confidential))
    _finish(written.path, written.sha256, to_printer)


def _period_notice(ctx: Context, start: date | None, end: date | None, output: Path | None,
                   published_on: date | None, to_printer: bool) -> None:
    from clerk.printing import write_urgency_report

    if start is None or end is None:
        raise click.UsageError("Give the period: --from DATE --to DATE (or a decision's "
                               "reference for its own report).")
    if end < start:
        raise click.BadParameter("--to is before --from.", param_hint="--to")
    with ctx.writing() as register:
        try:
            written, count = write_urgency_report(register, start, end, output,
                                                  published_on=published_on or ctx.today)
        except NoticeRefused as error:
            raise click.ClickException(str(error)) from None
    click.echo(f"{count} decision{'s' if count != 1 else ''} taken under special urgency "
               "reported.")
    _finish(written.path, written.sha256, to_printer)


@click.command("forward-plan")
@click.option("--from", "start", type=DATE, required=True)
@click.option("--to", "end", type=DATE, required=True)
@OUTPUT
@click.option("--on", "published_on", type=DATE, help="Publication date (default today).")
@PRINT
@HTML
@pass_context
def forward_plan(ctx: Context, start: date, end: date, output: Path | None,
                 published_on: date | None, to_printer: bool, as_html: bool) -> None:
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
        if as_html:
            from clerk.notices import forward_plan_refs, render_forward_plan_html

            listed = [register.get(r) for r in forward_plan_refs(register.raw_items(), start, end)]
            _html_beside(written.path, render_forward_plan_html(
                listed, register.council, start=start, end=end,
                published_on=published_on or ctx.today))
    click.echo(f"{count} key decisions listed.")
    _finish(written.path, written.sha256, to_printer)


COMMANDS = [notice, forward_plan]
