"""Every notice's web page, opened in a real browser (Debian's Chromium, driven by
Selenium) and checked by the axe-core accessibility engine at WCAG 2.2 AA: no violations.

Skipped only on a machine without Chromium and chromedriver that is not CI; in CI
(CI=true) a browser that cannot be started is a failure, so the check cannot silently
stop running.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from clerk.notices import KINDS, render_forward_plan_html, render_notice_html
from tests.notices.conftest import PUBLISHED_ON, maidstone, private_decision, seed_decision
from tests.notices.test_forward_plan import END, PUBLISHED, START, undecided

AXE = Path(__file__).parent / "axe" / "axe.min.js"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage")


def _pages() -> dict[str, str]:
    profile = maidstone()
    private, seed = private_decision(), seed_decision()
    pages = {f"{kind} (private decision)": render_notice_html(
        kind, private, profile, published_on=PUBLISHED_ON) for kind in KINDS}
    for kind in ("report", "record", "call-in", "council"):
        pages[f"{kind} (seed)"] = render_notice_html(kind, seed, profile,
                                                     published_on=PUBLISHED_ON)
    urdu = seed_decision()
    urdu.title = "Grant to شاہد عمران Trust for 12 flats"
    pages["record (Urdu name in the title)"] = render_notice_html(
        "record", urdu, profile, published_on=PUBLISHED_ON)
    pages["record (confidential)"] = render_notice_html(
        "record", private, profile, published_on=PUBLISHED_ON, confidential=True)
    pages["forward plan"] = render_forward_plan_html(
        [undecided(private, "D-PRIVATE", START), undecided(seed, "D-SEED", END)], profile,
        start=START, end=END, published_on=PUBLISHED)
    pages["empty forward plan"] = render_forward_plan_html(
        [], profile, start=START, end=END, published_on=PUBLISHED)
    return pages


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    in_ci = os.environ.get("CI", "").lower() == "true"
    if not (Path(CHROMIUM).exists() and Path(DRIVER).exists()) and not in_ci:
        pytest.skip("Chromium and chromedriver are not installed (apt-get install chromium "
                    "chromium-driver); CI installs them and runs this check")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile_dir = tempfile.mkdtemp(prefix="clerk-access-chromium-")
    for flag in (*FLAGS, f"--user-data-dir={profile_dir}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=DRIVER))
    driver.set_script_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile_dir, ignore_errors=True)


def axe_violations(driver: Any, page: Path) -> list[dict[str, Any]]:
    driver.get(page.as_uri())
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
        "  .then(r => done({violations: r.violations, passes: r.passes.length}))"
        "  .catch(e => done({error: String(e)}));", WCAG_22_AA)
    assert "error" not in result, result.get("error")
    assert result["passes"] > 0  # axe really ran its rules on the page
    violations: list[dict[str, Any]] = result["violations"]
    return violations


def describe(violations: list[dict[str, Any]]) -> str:
    return "\n".join(f"{v['id']} ({v['impact']}): {v['help']}; e.g. "
                     f"{v['nodes'][0]['html'][:160]}" for v in violations)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pages")
    out = {}
    for number, (name, html) in enumerate(_pages().items()):
        out[name] = folder / f"page{number}.html"
        out[name].write_text(html, encoding="utf-8")
    return out


PAGE_NAMES = [*(f"{kind} (private decision)" for kind in KINDS),
              *(f"{kind} (seed)" for kind in ("report", "record", "call-in", "council")),
              "record (Urdu name in the title)", "record (confidential)", "forward plan",
              "empty forward plan"]


def test_every_page_is_checked(written: dict[str, Path]) -> None:
    assert sorted(written) == sorted(PAGE_NAMES)


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_page_has_no_wcag_22_aa_violations(browser: Any, written: dict[str, Path],
                                           name: str) -> None:
    violations = axe_violations(browser, written[name])
    assert violations == [], f"{name}:\n{describe(violations)}"


def test_the_check_finds_violations_where_there_are_some(browser: Any, tmp_path: Path) -> None:
    page = tmp_path / "bad.html"
    page.write_text("<!DOCTYPE html><html><head></head><body><img src='x.png'>"
                    "<p style='color:#bbb;background:#fff'>faint</p></body></html>",
                    encoding="utf-8")
    found = {v["id"] for v in axe_violations(browser, page)}
    assert {"html-has-lang", "image-alt", "document-title", "color-contrast"} <= found
