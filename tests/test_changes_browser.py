"""The scripted sequence's site (publishing.py) in headless Chromium: an old address
lands on the renamed page from disk and under a sub-path, and the "What changed"
page reads well at phone and desktop widths (screenshots in test-artifacts/).
"""
from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from support.browser import ARTIFACTS, serve
from support.publishing import NEW_ID, RENAMED, run_sequence

SCREENSHOTS = ARTIFACTS / "screenshots"
NEW_TITLE = "Session 8: Morocco integrated system of international migration statistics"


@pytest.fixture(scope="module")
def sequence(tmp_path_factory):
    return run_sequence(tmp_path_factory.mktemp("browser-sequence"))


@pytest.fixture(scope="module")
def served(sequence):
    with serve(sequence.after) as base:
        yield base


@pytest.fixture
def tab(browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    yield page
    page.close()


def test_an_old_address_opened_from_disk_lands_on_the_new_page(tab, sequence):
    old = sequence.after / "sessions" / RENAMED / "index.html"
    tab.goto(old.as_uri())
    tab.wait_for_url(f"**/sessions/{NEW_ID}/index.html")
    assert tab.locator("h1").inner_text() == NEW_TITLE


def test_an_old_address_under_a_sub_path_lands_on_the_new_page(tab, served):
    tab.goto(f"{served}sessions/{RENAMED}/")
    tab.wait_for_url(f"{served}sessions/{NEW_ID}/index.html")
    assert tab.locator("h1").inner_text() == NEW_TITLE
    # The address readers kept, and its new page, are served by the host as they are.
    assert tab.evaluate("document.querySelector('link[rel=stylesheet]').sheet !== null")


def without_refresh(route):
    """The page as a browser that ignores <meta http-equiv=refresh> sees it."""
    response = route.fetch()
    body = re.sub(r'<meta http-equiv="refresh"[^>]*>', "", response.text())
    assert body != response.text()
    route.fulfill(response=response, body=body)


def test_the_redirect_page_offers_a_visible_link(browser, served):
    page = browser.new_page(viewport={"width": 390, "height": 800})
    page.route(f"**/sessions/{RENAMED}/", without_refresh)
    page.goto(f"{served}sessions/{RENAMED}/")
    link = page.get_by_role("link", name=NEW_TITLE)
    assert link.is_visible()
    assert link.get_attribute("href") == f"../{NEW_ID}/index.html"
    page.close()


@pytest.mark.parametrize("width", (390, 1280))
def test_the_changes_page_fits_the_screen(browser, served, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(f"{served}changes/")
    scroll, client = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOTS / f"changes-{width}.png"
    page.screenshot(path=str(shot), full_page=True)
    print(f"screenshot: {shot}")
    assert scroll <= client
    assert page.get_by_role("heading", level=1).inner_text() == "What changed"
    page.close()


def test_the_changes_page_has_no_serious_accessibility_problem(tab, served):
    tab.goto(f"{served}changes/")
    violations = Axe().run(tab).response["violations"]
    assert [v["id"] for v in violations if v["impact"] in ("serious", "critical")] == []
