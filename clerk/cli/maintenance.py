"""Looking after the register: export and import, verify, backups and restore."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from clerk.cli.common import Context, pass_context


@click.command()
@click.option("--json", "fmt", flag_value="json", default=True, help="Complete JSON (default).")
@click.option("--csv", "fmt", flag_value="csv", help="One row a decision, for spreadsheets.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Write to a file instead of standard output.")
@pass_context
def export(ctx: Context, fmt: str, output: Path | None) -> None:
    """Export the whole register; `clerk import` reads it back to an identical register.

    Example: clerk export --csv -o decisions.csv
    """
    from clerk.transfer import export_csv, export_json, write_export

    with ctx.reading() as register:
        docs = [doc for _, doc in register.raw_items()]
        data = (export_json(register.council.to_dict(), docs) if fmt == "json"
                else export_csv(docs).encode("utf-8"))
    if output is None:
        sys.stdout.buffer.write(data)
        return
    write_export(output, data)  # owner-only: an export carries exempt information
    click.echo(f"Exported {len(docs)} decisions to {output} (readable by you only).", err=True)


@click.command("import")
@click.argument("source", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@pass_context
def import_(ctx: Context, source: Path) -> None:
    """Import decisions from a clerk export (JSON or CSV), all or nothing.

    Into a new register (give --db a new path) the export's council profile comes too.
    Every error is listed by line or record, and nothing is imported unless all is good.

    Example: clerk --db restored.json import export.json
    """
    from clerk.domain.council import CouncilProfile, load_profile
    from clerk.paths import default_council_path
    from clerk.store.register import Register
    from clerk.transfer import (
        ImportRefused,
        parse_csv,
        parse_json,
        read_import,
        refuse_clashes,
    )

    try:
        raw = read_import(source)
        if source.suffix.lower() == ".csv":
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                raise ImportRefused(str(source), ["not UTF-8 text"]) from None
            parsed = parse_csv(text, str(source))
        else:
            parsed = parse_json(raw, str(source))
        create = not ctx.path.exists()
        council = None
        if create:
            council = (CouncilProfile.from_dict(parsed.council) if parsed.council
                       else load_profile(default_council_path()))
        with Register.open(ctx.path, write=True, create=create, council=council) as register:
            refuse_clashes(parsed, register.refs(), str(source))
            register.save_many(parsed.decisions, action=f"imported from {source.name}")
    except ImportRefused as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Imported {len(parsed.decisions)} decisions into {ctx.path}.")


@click.command()
@click.option("--notices", "notices_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Folder of published notices to check (default: REGISTER.notices/ beside it).")
@click.option("--render", is_flag=True,
              help="Also draw each published notice again from the journal and compare.")
@pass_context
def verify(ctx: Context, notices_dir: Path | None, render: bool) -> None:
    """Check the register against its journal and the notices against what was published.

    Walks the journal's hash chain, replays it from empty and compares the result with the
    register, and re-hashes published PDFs. Lists every difference; exits 1 if there is any.
    Read-only: safe while the app is open.

    Example: clerk verify --notices ~/published
    """
    from clerk.verify import verify_register

    report = verify_register(ctx.path, notices=notices_dir, render=render)
    for note in report.notes:
        click.echo(f"Note: {note}", err=True)
    if not report.ok:
        click.echo(f"Register NOT verified: {len(report.problems)} difference(s) in "
                   f"{ctx.path}:")
        for problem in report.problems:
            click.echo(f"  {problem}")
        click.echo("Nothing was changed. `clerk restore --from-journal` rebuilds the register "
                   "from its journal; `clerk restore latest` puts back the last backup and "
                   "replays the journal over it.")
        raise SystemExit(1)
    checked = f", {report.files_checked} file(s) matched"
    if render:
        checked += f", {report.rendered} redrawn and matched"
        if report.not_redrawn:
            checked += f", {report.not_redrawn} not redrawn (another renderer)"
    click.echo(f"Register verified: {report.entries} entries, {report.decisions} decisions, "
               f"{report.notices} notices{checked}.")


@click.command()
@click.option("--json", "as_json", is_flag=True)
@pass_context
def backups(ctx: Context, as_json: bool) -> None:
    """List the verified backups of the register, newest first.

    A backup is taken when the app starts and on the first change of a day from the command
    line; kept: the last 5, one a day for 7 days, one a month for 12 months.

    Example: clerk backups
    """
    import orjson

    from clerk.store.backup import backups_dir, list_backups

    found = list_backups(ctx.path)
    rows: list[dict[str, Any]] = [
        {"name": b.name, "taken": b.taken.isoformat(sep=" "), "kept_as": b.kinds,
         "reason": b.reason, "decisions": b.decisions, "bytes": b.size} for b in found]
    if as_json:
        click.echo(orjson.dumps(rows, option=orjson.OPT_INDENT_2).decode())
        return
    if not rows:
        click.echo(f"No backups of {ctx.path} yet (they go in {backups_dir(ctx.path)}).")
        return
    click.echo(f"{'NAME':<20} {'TAKEN':<19} {'KEPT AS':<21} {'DECISIONS':>9} {'SIZE':>10}")
    for row in rows:
        click.echo(f"{row['name']:<20} {row['taken']:<19} {','.join(row['kept_as']):<21} "
                   f"{row['decisions'] if row['decisions'] is not None else '?':>9} "
                   f"{_size(row['bytes']):>10}")
    click.echo(f"In {backups_dir(ctx.path)}. Every backup was checked when it was taken; "
               "`clerk restore NAME` re-checks it and puts it back.")


def _size(count: int) -> str:
    for unit in ("B", "KB", "MB"):
        if count < 1024:
            return f"{count} {unit}"
        count //= 1024
    return f"{count} GB"


@click.command()
@click.argument("name", required=False)
@click.option("--from-journal", is_flag=True,
              help="Rebuild the register from its journal alone (no backup needed).")
@pass_context
def restore(ctx: Context, name: str | None, from_journal: bool) -> None:
    """Put a backup back (NAME from `clerk backups`, or latest) with every change the journal
    holds since replayed over it; or, with --from-journal, rebuild from the journal alone.

    The register file (and a journal that had to be replaced) are moved aside, never
    deleted, to REGISTER.before-restore-<time> and its .journal.

    Example: clerk restore latest
    """
    from clerk.store.restore import restore as put_back

    if from_journal == (name is not None):
        raise click.UsageError("Give a backup's NAME (or latest), or --from-journal.")
    done = put_back(ctx.path, name)
    if done.backup is None:
        click.echo(f"Rebuilt {ctx.path} from its journal: {done.entries} entries, "
                   f"{done.decisions} decisions.")
    else:
        click.echo(f"Restored backup {done.backup.name} (taken "
                   f"{done.backup.taken:%d %b %Y %H:%M}) with the journal replayed over it: "
                   f"{done.entries} entries, {done.decisions} decisions, in {ctx.path}.")
    for aside in done.aside:
        click.echo(f"  Kept the previous file as {aside}")
    if done.dropped:
        click.echo(f"Warning: not replayed: {done.dropped}.", err=True)


COMMANDS = [export, import_, verify, backups, restore]
