"""Printing notices: publish one (journaled, kept for ever), preview a draft, or reprint one
exactly as it was published; and the same for the forward plan of a period."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import click

from clerk.cli.common import DATE, REF, Context, pass_context
from clerk.notices import KINDS, PERIOD_KINDS, NoticeRefused

if TYPE_CHECKING:
    from clerk.printing import Written
    from clerk.store.register import Register

T = TypeVar("T")

OUTPUT = click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
                      help="Where to write the PDF. A published notice is always kept in the "
                           "register's notices folder too; -o writes a copy there.")
PRINT = click.option("--print", "to_printer", is_flag=True, help="Also send it to the printer.")
DRAFT = click.option("--draft", is_flag=True,
                     help="A preview marked DRAFT on every page: not published, not journaled.")
HTML = click.option("--html", "as_html", is_flag=True,
                    help="Also publish it as an accessible web page (.html), journaled beside "
                         "the PDF (and copied beside the -o copy).")


def _as_published(what: str) -> Callable[[T], T]:
    return click.option("--as-published", "as_published", type=DATE,  # type: ignore[return-value]
                        help=f"Reprint the {what} published on this date, as it was: drawn "
                             "again from the register as it stood then, byte for byte.")


@contextmanager
def _refusals() -> Iterator[None]:
    from clerk.notice_files import NoticeFileError
    from clerk.printing import NotPublished, WrongDate

    try:
        yield
    except (NoticeRefused, NotPublished, NoticeFileError, WrongDate) as error:
        raise click.ClickException(str(error)) from None
    except OSError as error:
        raise click.ClickException(f"Could not write the notice: {error.strerror or error} "
                                   f"({error.filename}). Nothing was published.") from None


def _copy(register: Register, written: Written, output: Path | None) -> str:
    """Write the -o copy of a notice just published; why not, if it could not be."""
    from clerk.notice_files import NoticeFileError
    from clerk.printing import copy_out

    if output is None:
        return ""
    try:
        for path in copy_out(register, written, output)[1:]:
            click.echo(f"Wrote {path} (the web page of the same notice).")
    except (NoticeFileError, OSError) as error:
        return str(error)
    return ""


def _html_alone(as_html: bool, draft: bool, as_published: date | None) -> None:
    if as_html and (draft or as_published is not None):
        raise click.UsageError("--html goes with a publication: a draft or a reprint is a "
                               "PDF only.")


def _finish(written: Written, copy_to: Path | None, to_printer: bool, *, draft: bool,
            reprint: bool, confidential: bool, refused: str = "") -> None:
    from clerk.domain.calendar import fmt_date
    from clerk.printing import PrinterUnavailable, send_to_printer

    digest, dated = written.sha256, fmt_date(written.published_on)
    if draft:
        click.echo(f"Wrote a DRAFT {written.path}: not published, not journaled.")
    elif reprint:
        click.echo(f"Reprinted {written.path}: byte for byte the notice published on {dated} "
                   f"(SHA-256 {digest}).")
    elif written.already:
        click.echo(f"Already published: {written.path} (SHA-256 {digest}), dated {dated}. "
                   "Nothing new was written or journaled.")
    elif confidential:
        click.echo(f"Wrote a CONFIDENTIAL copy {written.path} (owner-only; never publish it), "
                   f"dated {dated}; SHA-256 {digest} journaled.")
    else:
        click.echo(f"Published {written.path}, dated {dated}; SHA-256 {digest} journaled.")
    if written.html is not None:
        click.echo(f"Its web page: {written.html}.")
    path = written.path
    if refused:  # published all the same: say so, and that the copy was not written
        raise click.ClickException(f"The copy was not written: {refused}")
    if copy_to is not None and not (draft or reprint):
        click.echo(f"Copy written to {copy_to}.")
        path = copy_to
    if to_printer:
        try:
            click.echo(send_to_printer(path))
        except PrinterUnavailable as error:
            raise click.ClickException(str(error)) from None


@click.command()
@click.argument("kind", type=click.Choice(list(KINDS)))
@click.argument("ref", type=REF, required=False)
@click.option("--from", "start", type=DATE,
              help="urgency-report only: the first day of the period it covers.")
@click.option("--to", "end", type=DATE,
              help="urgency-report only: the last day of the period it covers.")
@OUTPUT
@click.option("--on", "published_on", type=DATE,
              help="Publication date, for a notice whose date the register does not hold "
                   "(default today). A notice whose date it holds always carries that one.")
@click.option("--confidential", is_flag=True,
              help="A copy with the exempt information, each passage marked; CONFIDENTIAL "
                   "on every page; written owner-only to its own folder. Never publish.")
@DRAFT
@_as_published("notice")
@PRINT
@HTML
@pass_context
def notice(ctx: Context, kind: str, ref: str | None, start: date | None, end: date | None,
           output: Path | None, published_on: date | None, confidential: bool, draft: bool,
           as_published: date | None, to_printer: bool, as_html: bool) -> None:
    """Publish a notice for a decision: public (exempt content withheld) unless --confidential.

    Journaled with its SHA-256 and kept in the register's notices folder under a dated name;
    a published file is never replaced. --draft previews, --as-published reprints.

    Example: clerk notice record D2013-001

    The report to Council of the decisions taken under special urgency in a period
    (regulation 19): clerk notice urgency-report --from 01/04/2026 --to 31/03/2027
    """
    from clerk.notices import load_in_background
    from clerk.printing import draft_notice, publish_notice, reprint_notice

    load_in_background()
    if (start or end) and (kind not in PERIOD_KINDS or ref is not None):
        raise click.UsageError(f"--from and --to are for a report over a period (clerk notice "
                               f"{' or '.join(PERIOD_KINDS)} --from DATE --to DATE), not with "
                               "a decision's reference.")
    if kind in PERIOD_KINDS and ref is None:
        if draft or as_published is not None or confidential:
            raise click.UsageError("A report over a period is published as it stands: "
                                   "--draft, --as-published and --confidential are for a "
                                   "decision's own notices.")
        _period_notice(ctx, start, end, output, published_on, to_printer, as_html)
        return
    if ref is None:
        raise click.UsageError(f"Give the decision's reference: clerk notice {kind} REF.")
    refused = ""
    if draft and as_published is not None:
        raise click.UsageError("--draft and --as-published do not go together: a reprint is "
                               "the published notice itself.")
    _html_alone(as_html, draft, as_published)
    with _refusals():
        if draft:
            with ctx.reading() as register:
                written = draft_notice(register, ref, kind, output, on=published_on,
                                       today=ctx.today, confidential=confidential)
        elif as_published is not None:
            with ctx.reading() as register:
                written = reprint_notice(register, ref, kind, as_published, output,
                                         confidential=confidential)
        else:
            with ctx.writing() as register:
                written = publish_notice(register, ref, kind, on=published_on,
                                         today=ctx.today, confidential=confidential,
                                         html=as_html)
                refused = _copy(register, written, output)
    _finish(written, output, to_printer, draft=draft, reprint=as_published is not None,
            confidential=confidential, refused=refused)


def _period_notice(ctx: Context, start: date | None, end: date | None, output: Path | None,
                   published_on: date | None, to_printer: bool, as_html: bool) -> None:
    from clerk.printing import publish_urgency_report

    if start is None or end is None:
        raise click.UsageError("Give the period: --from DATE --to DATE (or a decision's "
                               "reference for its own report).")
    if end < start:
        raise click.BadParameter("--to is before --from.", param_hint="--to")
    refused = ""
    with _refusals(), ctx.writing() as register:
        written, count = publish_urgency_report(register, start, end,
                                                on=published_on or ctx.today, html=as_html)
        refused = _copy(register, written, output)
    click.echo(f"{count} decision{'s' if count != 1 else ''} taken under special urgency "
               "reported.")
    _finish(written, output, to_printer, draft=False, reprint=False, confidential=False,
            refused=refused)


@click.command("forward-plan")
@click.option("--from", "start", type=DATE, help="First day of the period.")
@click.option("--to", "end", type=DATE, help="Last day of the period.")
@OUTPUT
@click.option("--on", "published_on", type=DATE, help="Publication date (default today).")
@DRAFT
@_as_published("forward plan")
@PRINT
@HTML
@pass_context
def forward_plan(ctx: Context, start: date | None, end: date | None, output: Path | None,
                 published_on: date | None, draft: bool, as_published: date | None,
                 to_printer: bool, as_html: bool) -> None:
    """Publish the forward plan (notice of key decisions) for a period.

    Journaled with its SHA-256 and the references it lists. --draft previews;
    --as-published DATE reprints the plan published that day (--from/--to pick one of
    several).

    Example: clerk forward-plan --from 01/02/2013 --to 31/05/2013
    """
    from clerk.notices import load_in_background
    from clerk.printing import draft_forward_plan, publish_forward_plan, reprint_forward_plan

    load_in_background()
    refused = ""
    if as_published is None and (start is None or end is None):
        raise click.UsageError("Give the period: --from DATE --to DATE.")
    if start is not None and end is not None and end < start:
        raise click.BadParameter("--to is before --from.", param_hint="--to")
    _html_alone(as_html, draft, as_published)
    with _refusals():
        if as_published is not None:
            with ctx.reading() as register:
                written, count = reprint_forward_plan(register, as_published, output,
                                                      start=start, end=end)
        elif draft:
            assert start is not None and end is not None
            with ctx.reading() as register:
                written, count = draft_forward_plan(register, start, end, output,
                                                    on=published_on or ctx.today)
        else:
            assert start is not None and end is not None
            with ctx.writing() as register:
                written, count = publish_forward_plan(register, start, end,
                                                      on=published_on or ctx.today,
                                                      html=as_html)
                refused = _copy(register, written, output)
    click.echo(f"{count} key decisions listed.")
    _finish(written, output, to_printer, draft=draft, reprint=as_published is not None,
            confidential=False, refused=refused)


COMMANDS = [notice, forward_plan]
