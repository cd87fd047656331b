"""The first screen on a 390x844 phone, measured in headless Chromium: the home page
shows the meeting's name, dates and place and then Now / Next (with JavaScript)
or the days at a glance (without); a day page's first item starts on it."""
from __future__ import annotations

import pytest

from support.browser import ARTIFACTS, serve

PHONE = {"width": 390, "height": 844}
SCREEN = ARTIFACTS / "screenshots"


@pytest.fixture(scope="module")
def base(site):
    with serve(site) as url:
        yield url


def box(page, selector: str) -> dict:
    found = page.locator(selector).first.bounding_box()
    assert found is not None, f"{selector} is not shown"
    return found


def on_first_screen(page, selector: str) -> bool:
    shape = box(page, selector)
    return 0 <= shape["y"] and shape["y"] + min(shape["height"], 60) <= PHONE["height"]


def open_phone(browser, url: str, javascript: bool = True, instant: str = ""):
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript,
                                  is_mobile=True, device_scale_factor=1)
    page = context.new_page()
    if instant:
        page.clock.install(time=instant)
    page.goto(url)
    return context, page


@pytest.mark.parametrize("instant", ["2022-06-20T10:15:00+01:00", "2022-06-10T09:00:00+01:00",
                                     "2022-07-01T09:00:00+01:00"])
def test_home_first_screen_has_name_dates_place_and_now_next(browser, base, instant):
    context, page = open_phone(browser, base + "index.html", instant=instant)
    SCREEN.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREEN / f"first-screen-home-{instant[:10]}.png"))
    assert page.locator("h1").inner_text().startswith("Technical Meeting on Indicators")
    assert "20 June 2022" in page.locator(".when-where").inner_text()
    assert "Rabat, Morocco" in page.locator(".when-where").inner_text()
    for selector in ("h1", ".when-where", ".now-next h2", ".now-next .now-next-body > *"):
        assert on_first_screen(page, selector), selector
    context.close()


def test_home_first_screen_without_javascript_has_the_days_at_a_glance(browser, base):
    context, page = open_phone(browser, base + "index.html", javascript=False)
    for selector in ("h1", ".when-where", ".day-card h3"):
        assert on_first_screen(page, selector), selector
    context.close()


@pytest.mark.parametrize("javascript", [True, False])
@pytest.mark.parametrize("day", ["2022-06-20", "2022-06-21", "2022-06-22"])
def test_a_day_pages_first_item_starts_on_the_first_screen(browser, base, day, javascript):
    context, page = open_phone(browser, base + f"days/{day}/index.html", javascript=javascript)
    if day == "2022-06-20" and javascript:
        page.screenshot(path=str(SCREEN / "first-screen-day.png"))
    assert on_first_screen(page, ".timeline .item .item-title")
    context.close()


def test_the_navigation_stays_one_row_on_a_phone(browser, base):
    context, page = open_phone(browser, base + "index.html")
    nav = box(page, ".site-nav")
    first_link = box(page, ".site-nav a")
    assert nav["height"] < first_link["height"] * 2
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()
