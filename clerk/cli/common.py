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


class RefType(click.ParamType):
    """A decision reference in clerk's own form (D2013-001); anything else is refused before
    any file is named after it."""

    name = "REF"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        from clerk.domain.refs import ref_problem

        problem = ref_problem(value)
        if problem is not None:
            self.fail(problem + ".", param, ctx)
        return str(value)


DATE = DateType()
DUE = DueType()
REF = RefType()


class NotUtf8(click.ClickException):
    """An argument holding bytes that are not UTF-8: a usage error (exit 2)."""

    exit_code = 2


def refuse_undecodable(group: click.Group, ctx: click.Context, args: list[str]) -> None:
    """Refuse, naming the option, any argument that held bytes which are not UTF-8 (Python
    hands them over as lone surrogates, which no register or notice can hold)."""
    for index, arg in enumerate(args):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            option, eq, _ = arg.partition("=")
            if eq and option.startswith("--"):
                what = option
            elif index and _takes_a_value(group, ctx, args, args[index - 1]):
                what = args[index - 1]
            else:  # show the undecodable bytes as \xff, which any terminal can print
                raw = arg.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
                what = f"the argument '{raw[:40]}'"
            raise NotUtf8(f"The value given for {what} is not UTF-8 text: type it again in "
                          "UTF-8. Nothing was changed.") from None


def _takes_a_value(group: click.Group, ctx: click.Context, args: list[str], token: str) -> bool:
    """Whether `token` is an option (of the group or of the command in `args`) that takes
    the next argument as its value, as `--title` does and `--json` does not."""
    if not token.startswith("-") or token == "--":
        return False
    names = set(group.list_commands(ctx))
    command = next((group.get_command(ctx, a) for a in args if a in names), None)
    params = [*group.params, *(command.params if command else [])]
    for param in params:
        if isinstance(param, click.Option) and token in (*param.opts, *param.secondary_opts):
            return not param.is_flag and not param.count
    return False


def split_list(text: str | None) -> list[str]:
    """'A, B ,C' -> ['A', 'B', 'C']"""
    return [part.strip() for part in (text or "").split(",") if part.strip()]


class ClerkGroup(click.Group):
    """Turns every known refusal into one clear line on stderr and exit status 1."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        refuse_undecodable(self, ctx, args)  # every argument of every command passes here
        return super().parse_args(ctx, args)

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
