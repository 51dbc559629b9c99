"""`clerk` and `python -m clerk`: the collector paced for a short burst, then the CLI."""

from clerk.gc_pause import pace_for_a_burst


def main() -> None:
    pace_for_a_burst()  # before click and the rest are imported
    from clerk.cli import main as run_cli

    run_cli()


if __name__ == "__main__":
    main()
