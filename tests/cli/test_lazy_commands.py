"""The command table that lets clerk import a command's module only when it runs."""

from __future__ import annotations

import importlib
import subprocess
import sys

from click.testing import CliRunner

from clerk.cli import COMMAND_MODULES, cli


def test_the_table_names_exactly_the_commands_each_module_defines() -> None:
    for module_name, names in COMMAND_MODULES.items():
        module = importlib.import_module(f"clerk.cli.{module_name}")
        assert tuple(c.name for c in module.COMMANDS) == names


def test_help_lists_every_command() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for names in COMMAND_MODULES.values():
        for name in names:
            assert f"  {name} " in result.output or f"  {name}\n" in result.output


def test_an_unknown_command_is_refused_in_one_line() -> None:
    result = CliRunner().invoke(cli, ["frobnicate"])
    assert result.exit_code != 0 and "No such command" in result.output


def test_running_one_command_does_not_import_the_others() -> None:
    code = ("import sys; from clerk.cli import cli\n"
            "try:\n    cli.main(['dates', '07/01/2013', '--help'], standalone_mode=False)\n"
            "except SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith('clerk.cli.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert "clerk.cli.query" in out
    for other in ("admin", "lifecycle", "notices", "maintenance"):
        assert f"clerk.cli.{other}" not in out
