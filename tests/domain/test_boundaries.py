"""The package boundaries of design.md, proved in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys

import pytest


def _loaded(imports: str, watched: tuple[str, ...]) -> list[str]:
    code = (f"import sys\nimport {imports}\n"
            f"print(','.join(m for m in {watched!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60)
    return [m for m in out.stdout.strip().split(",") if m]


@pytest.mark.parametrize(
    ("imports", "forbidden"),
    [
        ("clerk.domain.lifecycle, clerk.domain.rules",
         ("textual", "tinydb", "reportlab", "click")),
        ("clerk.domain.calendar, clerk.domain.council, clerk.domain.exempt, "
         "clerk.domain.dates, clerk.domain.decision, clerk.demo, clerk.synthetic",
         ("textual", "tinydb", "reportlab", "click")),
        ("clerk.notices", ("textual", "tinydb")),
        ("clerk.store", ("textual", "reportlab")),
    ],
)
def test_import_loads_nothing_forbidden(imports: str, forbidden: tuple[str, ...]) -> None:
    assert _loaded(imports, forbidden) == []
