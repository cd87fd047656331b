"""Now and next in headless Chromium with a fixed clock (Playwright's clock API).

The default meeting is in Rabat (UTC+01:00 in June 2022); the golden fixture
meeting is in Sydney, whose clocks go forward in the night between its two days
(Saturday 30 September 2023 UTC+10:00, Sunday 1 October UTC+11:00). The browser
runs in yet another zone, so nothing may depend on the reader's own clock zone.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from support.browser import serve
from support import TEMPLATES
from generator.site.build import Builder

FIXTURE = Path(__file__).parent / "fixtures" / "golden-meeting"
DAY_1, DAY_2 = "days/2022-06-20/index.html", "days/2022-06-21/index.html"


@pytest.fixture(scope="module")
def rabat(site):
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def sydney(tmp_path_factory):
    output = tmp_path_factory.mktemp("sydney") / "out"
    Builder(FIXTURE, TEMPLATES).build(output)
    with serve(output) as url:
        yield url


@pytest.fixture
def at(browser):
    """at(url, "2022-06-20T10:15:00+01:00"): the page opened with the clock at that instant."""
    contexts = []

    def open_at(url: str, instant: str, zone: str = "America/New_York"):
        context = browser.new_context(timezone_id=zone, viewport={"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.clock.install(time=instant)
        page.goto(url)
        return page
    yield open_at
    for context in contexts:
        context.close()


def panel(page) -> dict:
    return page.evaluate("""() => {
      const panel = document.querySelector('.now-next');
      const list = kind => [...panel.querySelectorAll(`.now-block-${kind} li`)].map(li => li.textContent);
      return {shown: !panel.hidden, heading: panel.querySelector('h2').textContent,
              now: list('now'), next: list('next'),
              nothing: !!panel.querySelector('.now-nothing'),
              today: (panel.querySelector('.now-day a') || {}).textContent || ''};
    }""")


def marked(page) -> dict:
    return page.evaluate("""() => ({
      now: [...document.querySelectorAll('.timeline .item.is-now')].map(e => e.id),
      next: [...document.querySelectorAll('.timeline .item.is-next')].map(e => e.id),
      line: (() => { const line = document.querySelector('.timeline .now-line');
                     return line ? line.nextElementSibling.querySelector('.item').id : null; })(),
      status: document.querySelector('.now-status').hidden ? ''
              : document.querySelector('.now-status').textContent})""")


def test_before_the_meeting_the_home_page_counts_the_days(at, rabat):
    page = at(rabat + "index.html", "2022-06-17T10:00:00+01:00")
    shown = panel(page)
    assert shown["shown"] and shown["heading"] == "The meeting starts in 3 days"
    assert shown["today"] == "Day 1, Monday 20 June 2022"
    assert shown["next"][0].startswith("08:40–09:00 Registration / Connection to the meeting")
    day = at(rabat + DAY_1, "2022-06-17T10:00:00+01:00")
    assert marked(day) == {"now": [], "next": [], "line": None, "status": ""}


def test_during_an_item_home_and_day_page_show_it_now_and_the_next(at, rabat):
    home = panel(at(rabat + "index.html", "2022-06-20T10:15:00+01:00"))
    assert home["heading"] == "Now and next" and home["today"] == "Day 1, Monday 20 June 2022"
    assert [entry.split(" (")[0] for entry in home["now"]] == [
        "10:00–11:00 Session 2: Migration Indicators for Policy Area 1"]
    assert "(45 min left)" in home["now"][0]
    assert home["next"] == ["11:00–11:30 Coffee break (in 45 min)"]
    day = at(rabat + DAY_1, "2022-06-20T10:15:00+01:00")
    assert marked(day) == {"now": ["session-2"], "next": ["break-2022-06-20-1100"], "line": None,
                           "status": "Now: Session 2: Migration Indicators for Policy Area 1 · "
                                     "Next: Coffee break"}
    assert day.locator("#session-2 .now-badge").inner_text() == "Now"


def test_during_a_parallel_slot_every_parallel_item_is_now(at, rabat):
    home = panel(at(rabat + "index.html", "2022-06-21T16:30:00+01:00"))
    assert [entry.split(" ")[1:3] for entry in home["now"]] == [["Session", "10a:"],
                                                                 ["Session", "10b:"]]
    assert all("In person only, not streamed" in entry for entry in home["now"])
    day = marked(at(rabat + DAY_2, "2022-06-21T16:30:00+01:00"))
    assert day["now"] == ["session-10a", "session-10b"] and day["next"] == []


def test_between_items_a_now_line_stands_before_the_next(at, sydney):
    # Hack sessions end at 15:00, the reception starts at 18:00 (Sydney, UTC+10:00).
    day = at(sydney + "days/2023-09-30/index.html", "2023-09-30T16:00:00+10:00")
    assert marked(day) == {"now": [], "next": ["reception"], "line": "reception",
                           "status": "Next: Reception"}
    assert day.locator(".now-line").inner_text() == "Now 16:00"
    home = panel(at(sydney + "index.html", "2023-09-30T16:00:00+10:00"))
    assert home["nothing"] and home["next"][0].startswith("18:00–20:00 Reception (in 2 h, Studio)")


def test_after_the_meeting_the_home_page_says_it_has_ended(at, rabat):
    home = panel(at(rabat + "index.html", "2022-06-22T16:20:00+01:00"))
    assert home["heading"] == "The meeting has ended" and home["now"] == home["next"] == []
    assert marked(at(rabat + "days/2022-06-22/index.html", "2022-06-23T09:00:00+01:00"))["now"] == []


def test_across_a_change_of_utc_offset_between_days(at, sydney):
    # 09:05 on Sunday is UTC+11:00: 22:05 UTC on Saturday. Read with Saturday's +10:00
    # it would be 08:05, before anything; the recap (09:00-09:15) must be on now.
    instant = "2023-09-30T22:05:00Z"
    day = marked(at(sydney + "days/2023-10-01/index.html", instant, zone="Europe/London"))
    assert day["now"] == ["recap"] and day["next"] == ["formats-continued"]
    home = panel(at(sydney + "index.html", instant, zone="Asia/Tokyo"))
    assert home["today"] == "Sunday, Sunday 1 October 2023"
    assert home["now"][0].startswith("09:00–09:15 Where we are (10 min left")
    assert home["next"][0].startswith("09:15–10:00 Session 6: Open formats, continued (in 10 min")
    # The evening before, Sunday's first item is next, dated, not "in N min".
    evening = panel(at(sydney + "index.html", "2023-09-30T21:00:00+10:00"))
    assert evening["next"][0].startswith("09:00–09:15 Where we are (Sun 1 Oct, Main hall)")


def test_it_updates_each_minute_without_reloading(at, rabat):
    page = at(rabat + DAY_1, "2022-06-20T10:58:30+01:00")
    assert marked(page)["now"] == ["session-2"]
    page.clock.run_for("02:00")
    assert marked(page)["now"] == ["break-2022-06-20-1100"]
    assert marked(page)["next"] == ["session-2-discussion"]


def test_times_follow_the_zone_the_reader_chose(at, rabat):
    page = at(rabat + "index.html", "2022-06-20T10:15:00+01:00")
    page.select_option("#time-mode", "utc")
    assert page.locator(".now-block-now .now-when").inner_text() == "09:00–10:00"
    page.select_option("#time-mode", "meeting")
    assert page.locator(".now-block-now .now-when").inner_text() == "10:00–11:00"


def test_without_javascript_there_is_no_empty_panel(browser, rabat):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(rabat + "index.html")
    assert not page.locator(".now-next").is_visible()
    assert page.locator(".days-glance").is_visible()
    context.close()
