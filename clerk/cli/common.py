"""What every command shares: the register it works on, today's date, how errors read."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from clerk.domain.dates import parse_date, parse_month

if TYPE_CHECKING:
    from clerk.domain.council import CouncilProfile
    from clerk.domain.decision import Decision
    from clerk.store.register import Register

class Context:
    def __init__(self, db: str | None) -> None:
        from clerk.paths import resolve_register_path

        self.path: Path = resolve_register_path(db)

    @property
    def today(self) -> date:
        from clerk.launch import today

        return today()

    @contextmanager
    def reading(self) -> Iterator[Register]:
        from clerk.store.register import Register

        register = Register.open(self.path, write=False)
        try:
            yield register
        finally:
            register.close()

    def read_one(self, ref: str) -> tuple[Decision, CouncilProfile]:
        """One decision and the council."""
        with self.reading() as register:  # also says clearly what is missing or wrong
            return register.get(ref), register.council

    @contextmanager
    def writing(self) -> Iterator[Register]:
        """The register open for saving (each save takes the journal's lock for itself);
        the first change of a day from the command line takes the day's backup first. A
        checkpoint that fails on closing is a warning: the changes are in the journal."""
        from clerk.store.backup import backup_if_none_today
        from clerk.store.errors import RegisterError
        from clerk.store.register import Register

        register = Register.open(self.path, write=True)
        register.warn = lambda message: click.echo(f"Warning: {message}", err=True)
        try:
            try:
                backup_if_none_today(register)
            except RegisterError as error:  # the register itself is fine: carry on, loudly
                click.echo(f"Warning: {error}", err=True)
            yield register
        except BaseException:
            register.close(checkpoint=False)  # the refusal is the one thing to say
            raise
        register.close()

    def change(self, ref: str, action: str, move: Callable[[Decision, Register], Decision]) -> None:
        """Apply one lifecycle move to the latest version of one decision (re-run on what
        other clerks saved meanwhile) and save it durably."""
        with self.writing() as register:
            register.change(ref, lambda decision: move(decision, register), action=action)


pass_context = click.make_pass_decorator(Context)


class DateType(click.ParamType):
    """DD/MM/YYYY or YYYY-MM-DD, refused with a message that says how to type it."""

    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        try:
            return parse_date(str(value))
        except ValueError as error:
            self.fail(str(error), param, ctx)


class DueType(click.ParamType):
    """A due date, or just the month when that is all the forward plan knows."""

    name = "DATE|MONTH"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> date | str:
        try:
            return parse_date(str(value))
        except ValueError:
            pass
        try:
            return parse_month(str(value))
        except ValueError:
            self.fail(f"{value!r} is neither a date (DD/MM/YYYY) nor a month (MM/YYYY).",
                      param, ctx)


DATE = DateType()
DUE = DueType()


def split_list(text: str | None) -> list[str]:
    """'A, B ,C' -> ['A', 'B', 'C']"""
    return [part.strip() for part in (text or "").split(",") if part.strip()]


class ClerkGroup(click.Group):
    """Turns every known refusal into one clear line on stderr and exit status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        from clerk.refusals import explain

        try:
            return super().invoke(ctx)
        except click.UsageError as error:  # one line, not click's usage block
            where = f" (see `{error.ctx.command_path} --help`)" if error.ctx else ""
            raise click.ClickException(error.format_message() + where) from None
        except click.ClickException:
            raise
        except Exception as error:
            message = explain(error)
            if message is None:
                raise
            raise click.ClickException(message) from None
