"""My agenda in headless Chromium: toggles with aria-pressed on day and session
pages, picks kept per meeting in localStorage, the My agenda page with clashes
and join links, a calendar file made in the browser with the static calendars'
UIDs (parsed with icalendar), and a read-only share link; over HTTP under a
sub-path and straight from disk.

The golden fixture meeting: talk 1 (Main hall, 11:00-11:45) and the workshop
(Data lab, 11:00-12:30, in person only) clash; the keynote does not.
"""
from __future__ import annotations

from pathlib import Path

import icalendar
import pytest

from support.browser import serve
from support import TEMPLATES
from generator.site.build import Builder

FIXTURE = Path(__file__).parent / "fixtures" / "golden-meeting"
SATURDAY = "days/2023-09-30/index.html"
PICKS = ("keynote", "talk-1", "workshop", "session-3")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("my-agenda") / "out"
    Builder(FIXTURE, TEMPLATES).build(output)
    return output


@pytest.fixture(scope="module")
def hosted(built):
    with serve(built) as url:
        yield url


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, accept_downloads=True)
    yield context
    context.close()


def pick(page, base: str, items=PICKS):
    page.goto(base + SATURDAY)
    for item in items:
        page.locator(f"button.my-toggle[data-item='{item}']").click()


def static_events(site: Path) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical((site / "odw-2023.ics").read_bytes())
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_a_toggle_is_a_real_button_whose_state_is_aria_pressed(context, hosted):
    page = context.new_page()
    page.goto(hosted + SATURDAY)
    toggle = page.get_by_role("button", name="Add to my agenda – Why public data needs public formats")
    assert toggle.get_attribute("aria-pressed") == "false"
    toggle.focus()
    page.keyboard.press("Space")
    # The state is in aria-pressed; the button's name stays the same.
    assert page.get_by_role("button", name="Add to my agenda – Why public data needs public "
                            "formats", pressed=True).count() == 1
    # The session page and a reload show the same state; breaks have no toggle.
    page.goto(hosted + "sessions/keynote/index.html")
    assert page.locator("button.my-toggle").get_attribute("aria-pressed") == "true"
    page.goto(hosted + SATURDAY)
    assert page.locator("button.my-toggle[data-item='keynote']").get_attribute("aria-pressed") == "true"
    assert page.locator("#registration-2023-09-30 button").count() == 0
    page.locator("button.my-toggle[data-item='keynote']").press("Enter")  # again: removed
    assert page.evaluate("localStorage.getItem('agenda.my.odw-2023')") == "[]"


def test_the_my_agenda_page_lists_picks_by_day_with_clashes_and_join_links(context, hosted):
    page = context.new_page()
    pick(page, hosted)
    page.goto(hosted + "my-agenda/index.html")
    assert page.locator(".my-summary").inner_text() == "4 items, 1 clash"
    assert page.locator(".my-day h2").all_inner_texts() == ["Saturday: Saturday 30 September 2023"]
    titles = page.locator(".my-item .item-title").all_inner_texts()
    assert titles == ["Why public data needs public formats", "Session 1: Publishing tables on the web",
                      "Cleaning data, hands on", "Session 3: Hack session: transport data"]
    assert page.locator("#my-talk-1 .my-clash").inner_text() == "Clashes with: Cleaning data, hands on"
    assert page.locator("#my-keynote .my-clash").count() == 0
    assert page.locator("#my-session-3 .join-link").get_attribute("href") == \
        "https://example.org/hack/transport"
    assert page.locator("#my-workshop").inner_text().count("In person only, not streamed") == 1
    page.get_by_role("button", name="Remove – Cleaning data, hands on").click()
    assert page.locator(".my-summary").inner_text() == "3 items, no clashes"


def test_the_downloaded_calendar_has_the_static_calendars_events_and_uids(context, hosted, built):
    page = context.new_page()
    pick(page, hosted)
    page.goto(hosted + "my-agenda/index.html")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my agenda (.ics)").click()
    assert download.value.suggested_filename == "odw-2023-my-agenda.ics"
    calendar = icalendar.Calendar.from_ical(Path(download.value.path()).read_bytes())
    made = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    assert sorted(made) == sorted(f"{item}@odw-2023" for item in PICKS)
    static = static_events(built)
    for uid, event in made.items():
        assert event.to_ical() == static[uid].to_ical(), uid  # the same event, byte for byte
    assert str(calendar["X-WR-CALNAME"]) == "ODW 2023: my agenda"
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["Australia/Sydney"]
    assert str(made["session-3@odw-2023"]["CONFERENCE"]) == "https://example.org/hack/transport"


def test_a_share_link_opens_the_picks_read_only_for_someone_else(browser, context, hosted):
    page = context.new_page()
    pick(page, hosted, ("keynote", "talk-2"))
    page.goto(hosted + "my-agenda/index.html")
    link = page.locator(".my-share-link").input_value()
    assert link.endswith("my-agenda/index.html#share=keynote,talk-2")

    other = browser.new_context()
    friend = other.new_page()
    friend.goto(link)
    assert friend.locator(".my-shared").is_visible()
    assert friend.locator(".my-summary").inner_text() == "2 items shared with you, no clashes"
    assert friend.locator(".my-remove").count() == 0
    assert friend.evaluate("localStorage.getItem('agenda.my.odw-2023')") is None
    friend.get_by_role("button", name="Add these to my agenda").click()
    assert friend.evaluate("JSON.parse(localStorage.getItem('agenda.my.odw-2023'))") == [
        "keynote", "talk-2"]
    assert not friend.locator(".my-shared").is_visible()
    other.close()


def test_picks_are_kept_per_meeting(context, hosted):
    page = context.new_page()
    pick(page, hosted, ("keynote",))
    keys = page.evaluate("Object.keys(localStorage)")
    assert "agenda.my.odw-2023" in keys


def test_it_works_opened_from_disk(context, built):
    page = context.new_page()
    base = built.as_uri() + "/"
    pick(page, base, ("talk-2",))
    page.goto(base + "my-agenda/index.html")
    assert page.locator(".my-item .item-title a").get_attribute("href").endswith(
        "/sessions/talk-2/index.html")
    with page.expect_download() as download:
        page.locator(".my-download").click()
    calendar = icalendar.Calendar.from_ical(Path(download.value.path()).read_bytes())
    assert [str(e["UID"]) for e in calendar.walk("VEVENT")] == ["talk-2@odw-2023"]


def test_without_javascript_no_toggle_shows_and_the_page_explains(browser, hosted):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(hosted + SATURDAY)
    assert page.locator("button.my-toggle").count() > 0
    assert not page.locator("button.my-toggle").first.is_visible()
    page.goto(hosted + "my-agenda/index.html")
    assert page.locator(".my-no-script").is_visible()
    assert not page.locator(".my-agenda").is_visible()
    context.close()
