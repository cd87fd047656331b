"""The programme page in headless Chromium: every item listed, filters by day,
theme, group, room, kind, attendance and person, text search as you type over
titles, descriptions, people, organisations and notes, the state in the URL
(shareable, Back works), from disk, and everything listed without JavaScript."""
from __future__ import annotations

import pytest

from support.browser import serve
from generator.content.pipeline import load_content
from support import CONTENT

PROGRAMME = "programme/index.html"


@pytest.fixture(scope="module")
def base(site):
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def agenda():
    return load_content(CONTENT).agenda


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def shown(page) -> list[str]:
    return page.eval_on_selector_all(".programme-entry:not([hidden])",
                                     "entries => entries.map(e => e.dataset.id)")


def test_the_page_lists_every_item_of_every_day(page, base, agenda):
    page.goto(base + PROGRAMME)
    assert shown(page) == [item.id for _, item in agenda.items()]
    assert page.locator(".filter-count").inner_text() == f"All {len(shown(page))} items shown."


@pytest.mark.parametrize("select, value, expected", [
    ("day", "2022-06-22", ["registration-2022-06-22", "recap-day-2", "session-11",
                           "break-2022-06-22-1050", "session-12", "meal-2022-06-22",
                           "session-13", "break-2022-06-22-1520", "closing"]),
    ("theme", "2", ["session-3"]),
    ("group", "TF3", ["session-10a", "session-12"]),
    ("kind", "recap", ["recap-day-1", "recap-day-2"]),
    ("audience", "online", None),  # every item not for in-person participants only
    ("person", "michel-poulain", ["session-9"]),
])
def test_each_filter_narrows_the_list(page, base, agenda, select, value, expected):
    page.goto(base + PROGRAMME)
    page.select_option(f"#filter-{select}", value)
    if expected is None:
        expected = [item.id for _, item in agenda.items()
                    if item.audience != "in-person" and item.kind not in ("break", "meal")]
    assert shown(page) == expected
    assert f"{select}={value}" in page.url


def test_text_search_covers_people_organisations_and_notes_as_you_type(page, base):
    page.goto(base + PROGRAMME)
    search = page.locator("#filter-q")
    search.press_sequentially("poulain")            # a person's name, without its accent...
    assert shown(page) == ["session-9"]
    search.fill("")
    search.press_sequentially("GEOSTAT")            # an organisation, in capitals
    assert shown(page) == ["session-6"]
    search.fill("maria isabel")                      # "María Isabel": accents are ignored
    assert "session-1" in shown(page) and "recap-day-2" in shown(page)
    note_word = "Q&A"                                # words of a note only (session-2.md)
    search.fill(note_word)
    assert "session-2" in shown(page)
    search.fill("no such words anywhere")
    assert shown(page) == [] and "0 of" in page.locator(".filter-count").inner_text()
    assert page.locator(".programme-day:not([hidden])").count() == 0


def test_filters_live_in_the_url_and_back_restores_the_previous_ones(page, base):
    page.goto(base + PROGRAMME)
    page.select_option("#filter-day", "2022-06-21")
    page.locator("#filter-q").press_sequentially("data")
    assert page.url.endswith("?q=data&day=2022-06-21")
    page.select_option("#filter-kind", "session")
    day_sessions = shown(page)
    page.go_back()   # the kind filter goes; the typed text stays (typing is one step)
    assert page.input_value("#filter-kind") == "" and page.input_value("#filter-q") == "data"
    page.go_back()
    assert page.input_value("#filter-q") == "" and page.input_value("#filter-day") == "2022-06-21"
    page.go_forward()
    page.go_forward()
    assert shown(page) == day_sessions
    # A shared address opens with its filters applied.
    page.goto(base + PROGRAMME + "?person=francesca-grum&day=2022-06-20")
    assert page.input_value("#filter-person") == "francesca-grum"
    assert page.locator("details.filter-more").get_attribute("open") is not None
    assert "session-5" in shown(page) and "session-6" not in shown(page)


def test_clear_resets_every_filter(page, base, agenda):
    page.goto(base + PROGRAMME + "?q=indicators&kind=session")
    page.get_by_role("button", name="Clear all filters").click()
    page.wait_for_function("() => !location.search")
    assert len(shown(page)) == len(list(agenda.items()))


def test_it_works_opened_from_disk(page, site):
    page.goto(site.as_uri() + "/" + PROGRAMME + "?q=poulain")
    assert shown(page) == ["session-9"]
    page.locator("#filter-q").fill("georgia")
    address = page.evaluate("location.href")
    assert address.startswith("file://") and address.endswith("?q=georgia")
    assert shown(page) == ["session-6"]


def test_without_javascript_the_page_lists_everything(browser, base, agenda):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + PROGRAMME + "?q=poulain")
    assert not page.locator("form.filters").is_visible()
    assert page.locator(".programme-entry:visible").count() == len(list(agenda.items()))
    context.close()
