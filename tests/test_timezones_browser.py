"""The time zone control in real headless Chromium, with the browser set to other
zones. Expected times are worked out by hand from the seed agenda (Rabat is
UTC+01:00 in June 2022; Mexico City was on summer time, UTC-05:00; Kuala Lumpur
is UTC+08:00):

  session 5, Mon 20 June 16:00-17:30 Rabat = 10:00-11:30 Mexico City
                                          = 23:00 Mon - 00:30 Tue Kuala Lumpur
  opening,   Mon 20 June 09:00 Rabat       = 03:00 Mexico City = 16:00 Kuala Lumpur
"""
from __future__ import annotations

import pytest

from support.browser import serve

DAY_1 = "days/2022-06-20/index.html"
SESSION_5 = "sessions/session-5/index.html"


@pytest.fixture(scope="module")
def base(site):
    """The built default site over HTTP, under a sub-path (localStorage needs an origin)."""
    with serve(site) as url:
        yield url


def open_page(browser, base, zone, path, javascript=True):
    context = browser.new_context(timezone_id=zone, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(base + path)
    return context, page


def times(page, selector):
    return page.locator(f"{selector} .item-time time").all_text_contents()


def test_meeting_time_until_the_reader_chooses(browser, base):
    context, page = open_page(browser, base, "America/Mexico_City", DAY_1)
    assert page.locator("#time-mode").input_value() == "meeting"
    assert page.locator("label[for=time-mode]").inner_text().startswith("Times shown in")
    assert times(page, "#session-5") == ["16:00", "17:30"]
    assert page.locator(".zone-line .zone-label").inner_text() == "Rabat time (UTC+01:00)"
    options = page.locator("#time-mode option").all_text_contents()
    assert options == ["meeting time, Rabat time (UTC+01:00)",
                       "your time (America/Mexico_City, UTC\u221205:00)", "UTC"]
    context.close()


def test_mexico_city_and_the_choice_follows_to_other_pages(browser, base):
    context, page = open_page(browser, base, "America/Mexico_City", DAY_1)
    page.select_option("#time-mode", "local")
    label = "your time (America/Mexico_City, UTC\u221205:00)"
    assert times(page, "#session-5") == ["10:00", "11:30"]
    assert times(page, "#opening") == ["03:00", "03:30"]
    assert page.locator(".zone-line .zone-label").inner_text() == label
    assert page.locator(".zone-note").inner_text().startswith(f"Times shown in: {label}.")
    # A date without a time of day is left alone.
    assert page.locator("h1 time").inner_text() == "Monday 20 June 2022"

    page.goto(base + SESSION_5)
    assert page.locator("#time-mode").input_value() == "local"
    assert page.locator(".facts time").all_text_contents() == ["10:00", "11:30"]
    assert page.locator(".facts .zone-label").inner_text() == label

    page.select_option("#time-mode", "meeting")
    page.goto(base + "index.html")
    assert page.locator("#time-mode").input_value() == "meeting"
    assert page.locator(".day-span time").first.inner_text() == "08:40"
    context.close()


def test_kuala_lumpur_across_midnight(browser, base):
    context, page = open_page(browser, base, "Asia/Kuala_Lumpur", DAY_1)
    page.select_option("#time-mode", "local")
    # 17:30 Rabat is half past midnight the next day in Kuala Lumpur: dated.
    assert times(page, "#session-5") == ["23:00", "00:30 (Tue 21 Jun)"]
    assert times(page, "#opening") == ["16:00", "16:30"]
    assert page.locator(".zone-line .zone-label").inner_text() == \
        "your time (Asia/Kuala_Lumpur, UTC+08:00)"
    # The item keeps its place in the day's order.
    ids = page.locator(".timeline article.item").evaluate_all("els => els.map(e => e.id)")
    assert ids.index("session-5") == len(ids) - 1

    page.select_option("#time-mode", "utc")
    assert times(page, "#session-5") == ["15:00", "16:30"]
    assert page.locator(".zone-line .zone-label").inner_text() == "UTC"
    page.reload()
    assert page.locator("#time-mode").input_value() == "utc"
    assert times(page, "#session-5") == ["15:00", "16:30"]
    context.close()


def test_without_javascript_the_page_is_complete_and_has_no_control(browser, base, site):
    context, page = open_page(browser, base, "Asia/Kuala_Lumpur", DAY_1, javascript=False)
    assert page.locator("#time-mode").count() == 0
    assert times(page, "#session-5") == ["16:00", "17:30"]
    assert "All times are Rabat time (UTC+01:00)" in page.locator(".zone-note").inner_text()
    context.close()
    assert "time-mode" not in (site / DAY_1).read_text(encoding="utf-8")
