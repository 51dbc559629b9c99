"""A council installs clerk from a wheel (or with pipx), never from a checkout.

Build the sdist and, from it, the wheel (as `python -m build` does); install the wheel into
a fresh venv outside the checkout, and use it from a folder outside the checkout: every
shipped file (the council profile, the fonts) must come from inside the installed package.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = sorted(p.relative_to(ROOT / "data").as_posix()
                 for p in (ROOT / "data").rglob("*") if p.is_file())


def run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)], cwd=out,
        env=dict(os.environ))
    (sdist,) = out.glob("clerk-*.tar.gz")
    (wheel,) = out.glob("clerk-*.whl")
    return sdist, wheel


def test_the_sdist_carries_the_shipped_data(built: tuple[Path, Path]) -> None:
    sdist, _ = built
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {f"data/{name}" for name in SHIPPED} <= names


def test_the_wheel_carries_the_shipped_data_inside_the_package(
        built: tuple[Path, Path]) -> None:
    _, wheel = built
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {f"clerk/_data/{name}" for name in SHIPPED} <= names
    assert "clerk/tui/styles/app.tcss" in names or any(
        name.startswith("clerk/tui/styles/") and name.endswith(".tcss") for name in names)
    assert not any(name.startswith(("data/", "tests/")) for name in names)


def test_a_wheel_in_a_fresh_venv_does_what_a_checkout_does(
        built: tuple[Path, Path], tmp_path: Path) -> None:
    _, wheel = built
    home = tmp_path / "council-pc"
    home.mkdir()
    venv.create(home / "venv", with_pip=True)
    bin_dir = home / "venv" / ("Scripts" if os.name == "nt" else "bin")
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONPATH", "VIRTUAL_ENV", "CLERK_DB")}
    env.update(HOME=str(home), CLERK_CACHE=str(home / "cache"), XDG_DATA_HOME=str(home / "data"),
               CLERK_TODAY="2013-03-01")
    run([str(bin_dir / "python"), "-m", "pip", "install", "-q", str(wheel)], cwd=home, env=env)
    where = run([str(bin_dir / "python"), "-c", "import clerk; print(clerk.__file__)"],
                cwd=home, env=env).stdout
    assert str(home / "venv") in where and str(ROOT) not in where

    clerk = str(bin_dir / "clerk")
    created = run([clerk, "--db", "ours.json", "init"], cwd=home, env=env).stdout
    assert "Maidstone Borough Council" in created
    run([clerk, "--db", "demo.json", "demo"], cwd=home, env=env)
    refs = run([clerk, "--db", "demo.json", "list", "--json"], cwd=home, env=env).stdout
    assert "D2013-001" in refs
    report = home / "report.pdf"
    run([clerk, "--db", "demo.json", "notice", "report", "D2013-001", "-o", str(report)],
        cwd=home, env=env)
    assert report.read_bytes().startswith(b"%PDF")
    plan = home / "plan.pdf"
    run([clerk, "--db", "demo.json", "forward-plan", "--from", "01/01/2013", "--to",
         "31/01/2013", "-o", str(plan)], cwd=home, env=env)
    assert plan.read_bytes().startswith(b"%PDF")
    # The app's default register is made from the shipped profile too.
    default = run([str(bin_dir / "python"), "-c",
                   "from clerk.paths import default_council_path as d; print(d().is_file())"],
                  cwd=home, env=env).stdout
    assert default.strip() == "True"
