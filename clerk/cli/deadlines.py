"""`clerk calendar`: every statutory date in the register as an iCalendar file."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import click

from clerk.cli.common import DATE, Context, pass_context


@click.command("calendar")
@click.option("-o", "--output", required=True,
              type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
              help="The .ics file to write ('-' for standard output).")
@click.option("--from", "start", type=DATE, help="Only the dates on or after this day.")
@pass_context
def calendar(ctx: Context, output: Path, start: date | None) -> None:
    """Write every statutory date (earliest decisions, call-in expiry, notices due, Full
    Council meetings) as events to import into Outlook, each with its working.

    Example: clerk calendar -o deadlines.ics
    """
    from clerk.calendar_export import all_dates, day_of, to_ics

    with ctx.reading() as register:
        decisions = [register.get(ref) for ref in register.refs()]
        profile = register.council
    dates = [due for due in all_dates(decisions, profile)
             if start is None or day_of(due.on) >= start]
    ics = to_ics(dates, profile, datetime.now(UTC))
    if str(output) == "-":
        click.echo(ics.decode("utf-8"), nl=False)
        return
    from clerk.store.files import atomic_write as atomic_write_bytes

    try:
        atomic_write_bytes(output, ics)
    except OSError as error:
        raise click.ClickException(f"Cannot write {output}: {error.strerror or error}. "
                                   "Choose another path with -o.") from None
    click.echo(f"Wrote {output}: {len(dates)} statutory date{'s' if len(dates) != 1 else ''}.")


COMMANDS = [calendar]
