"""Creating registers: a new one for a council, or the demo."""

from __future__ import annotations

from pathlib import Path

import click

from clerk.cli.common import Context, pass_context
from clerk.domain.council import load_profile


def _create(ctx: Context, council_file: Path | None):  # type: ignore[no-untyped-def]
    from clerk.paths import default_council_path
    from clerk.store.register import Register

    profile = load_profile(council_file or default_council_path())
    return Register.open(ctx.path, write=True, create=True, council=profile)


@click.command()
@click.option("--council", "council_file", type=click.Path(path_type=Path, dir_okay=False),
              help="Your council's profile (TOML); default: the shipped Maidstone profile.")
@pass_context
def init(ctx: Context, council_file: Path | None) -> None:
    """Create an empty register under a council profile.

    Example: clerk --db ~/registers/ours.json init --council ours.toml
    """
    if ctx.path.exists():
        raise click.ClickException(f"{ctx.path} already exists; nothing was changed. Choose "
                                   "another path with --db.")
    with _create(ctx, council_file) as register:
        name = register.council.name
    click.echo(f"Created {ctx.path} for {name}.")


@click.command()
@click.option("--decisions", "count", type=click.IntRange(min=1),
              help="Instead of the demo, N synthetic decisions (for benchmarks).")
@click.option("--seed", default=0, show_default=True, help="Seed for the synthetic decisions.")
@click.option("--council", "council_file", type=click.Path(path_type=Path, dir_okay=False))
@pass_context
def demo(ctx: Context, count: int | None, seed: int, council_file: Path | None) -> None:
    """Fill an empty register with the demo decisions (the seed and eight more).

    Example: clerk --db /tmp/demo.json demo
    """
    from clerk.demo import demo_decisions
    from clerk.synthetic import synthetic_dicts

    with _create(ctx, council_file) as register:
        if len(register):
            raise click.ClickException(f"{ctx.path} already holds {len(register)} decisions; "
                                       "the demo goes into an empty register (use --db).")
        if count:  # stored-shape dicts (tests check they round-trip through Decision)
            docs = list(synthetic_dicts(count, register.council, seed))
            register.save_docs(docs, action="demo register")
        else:
            decisions = demo_decisions(register.council, ctx.today)
            register.save_many(decisions, action="demo register")
        saved = count or len(decisions)
    click.echo(f"{saved} decisions in {ctx.path}.")


COMMANDS = [init, demo]
