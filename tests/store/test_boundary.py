"""clerk.store must not drag in the TUI or the PDF library (design: prove the boundaries)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_importing_the_store_loads_neither_textual_nor_reportlab() -> None:
    code = (
        "import clerk.store, clerk.paths, sys; "
        "assert 'textual' not in sys.modules and 'reportlab' not in sys.modules, "
        "sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'reportlab'))"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, cwd=REPO)
    assert result.returncode == 0, result.stderr


def test_only_the_store_imports_tinydb() -> None:
    clerk = REPO / "clerk"
    outside = [
        str(path.relative_to(REPO))
        for path in clerk.rglob("*.py")
        if "store" not in path.relative_to(clerk).parts[:1]
        and any(line.lstrip().startswith(("import tinydb", "from tinydb"))
                for line in path.read_text(encoding="utf-8").splitlines())
    ]
    assert outside == []


def test_the_store_imports_only_the_domain_from_the_rest_of_clerk() -> None:
    """The store sits under notices and printing: `clerk verify`'s notices half composes
    the store's verify, never the other way round."""
    store = REPO / "clerk" / "store"
    reaching = [
        f"{path.name}: {line.strip()}"
        for path in store.glob("*.py")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.lstrip().startswith(("import clerk", "from clerk"))
        and not line.lstrip().startswith(("from clerk.store", "from clerk.domain"))
    ]
    assert reaching == []
