"""Looking after the register: export and import (checks and recovery live here too)."""

from __future__ import annotations

import sys
from pathlib import Path

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
    from clerk.transfer import export_csv, export_json

    with ctx.reading() as register:
        docs = [doc for _, doc in register.raw_items()]
        data = (export_json(register.council.to_dict(), docs) if fmt == "json"
                else export_csv(docs).encode("utf-8"))
    if output is None:
        sys.stdout.buffer.write(data)
        return
    output.write_bytes(data)
    click.echo(f"Exported {len(docs)} decisions to {output}.", err=True)


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
    from clerk.transfer import ImportRefused, parse_csv, parse_json, refuse_clashes

    raw = source.read_bytes()
    try:
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


COMMANDS = [export, import_]
