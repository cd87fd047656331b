"""The default site in headless Chromium at phone and desktop widths, on paper,
and with JavaScript switched off.

Screenshots of the home, a day and a session page at both widths are saved under
test-artifacts/screenshots/ (the path is printed) for a person to look at.
"""
from __future__ import annotations

import re

import pytest

from support.browser import ARTIFACTS, PAGE_KINDS, page_url
from support import CONTENT, TEMPLATES
from generator.site.build import Builder

WIDTHS = (360, 1280)
DAY_DATE = re.search(r"days/([\d-]+)/", PAGE_KINDS["day"]).group(1)
SCREENSHOTS = ARTIFACTS / "screenshots"


@pytest.fixture(scope="module")
def agenda():
    return Builder(CONTENT, TEMPLATES).check().agenda


@pytest.fixture(scope="module")
def day_items(agenda):
    day = next(d for d in agenda.days if d.date.isoformat() == DAY_DATE)
    return day.items


def open_page(browser, url: str, width: int = 1280, **options):
    page = browser.new_page(viewport={"width": width, "height": 800}, **options)
    page.goto(url)
    return page


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_no_page_scrolls_sideways(browser, hosted_url, kind, width):
    page = open_page(browser, page_url(hosted_url, PAGE_KINDS[kind]), width)
    scroll, client = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    page.close()
    assert scroll <= client


# Per timeline entry: the boxes of its time and title and the title's font size.
TIMELINE_BOXES = """() => [...document.querySelectorAll('.timeline .item')].map(item => {
  const box = el => { const r = el.getBoundingClientRect(); return {l: r.left, r: r.right, t: r.top, b: r.bottom}; };
  const title = item.querySelector('.item-title');
  return {id: item.id, time: box(item.querySelector('.item-time')), title: box(title),
          size: parseFloat(getComputedStyle(title).fontSize)};
})"""


def overlap(a, b) -> bool:
    return a["l"] < b["r"] and b["l"] < a["r"] and a["t"] < b["b"] and b["t"] < a["b"]


@pytest.mark.parametrize("width", WIDTHS)
def test_day_timeline_stays_readable(browser, hosted_url, day_items, width):
    page = open_page(browser, page_url(hosted_url, PAGE_KINDS["day"]), width)
    entries = page.evaluate(TIMELINE_BOXES)
    page.close()
    assert len(entries) == len(day_items)
    for entry in entries:
        time, title = entry["time"], entry["title"]
        assert 0 <= title["l"] and title["r"] <= width, f"{entry['id']} title leaves the screen"
        assert title["r"] - title["l"] >= min(width * 0.6, 300), f"{entry['id']} title squeezed"
        assert entry["size"] >= 14 and not overlap(time, title), entry["id"]
    if width >= 1280:  # wide screens: times in a column beside the titles
        assert all(e["time"]["r"] <= e["title"]["l"] for e in entries)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", ["home", "day", "session"])
def test_screenshots_for_a_person_to_look_at(browser, hosted_url, capsys, kind, width):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOTS / f"{kind}-{width}.png"
    page = open_page(browser, page_url(hosted_url, PAGE_KINDS[kind]), width)
    page.screenshot(path=str(target), full_page=True)
    page.close()
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with capsys.disabled():
        print(f"\n  screenshot: {target}", end="")


def test_printed_day_has_no_navigation_but_times_titles_and_people(browser, hosted_url, day_items):
    page = open_page(browser, page_url(hosted_url, PAGE_KINDS["day"]))
    page.emulate_media(media="print")
    chrome = [selector for selector in (".site-nav", ".skip-link", ".breadcrumb", ".pager",
                                        ".calendar-link")
              if page.locator(selector).first.is_visible()]
    times = page.locator(".timeline .item-time")
    titles = page.locator(".timeline .item-title")
    people = page.locator(".timeline .item-people")
    visible = [locator.nth(i).is_visible()
               for locator in (times, titles, people) for i in range(locator.count())]
    names = page.locator(".timeline .item-people a").all_inner_texts()
    counts = (times.count(), titles.count(), people.count())
    page.close()
    assert chrome == [], "navigation chrome on paper"
    assert counts[:2] == (len(day_items), len(day_items)) and counts[2] > 0
    assert all(visible) and len(names) > 5


@pytest.mark.parametrize("kind, controls", [
    ("day", ("button.my-toggle", ".now-status")),
    ("session", ("button.my-toggle",)),
    ("programme", ("form.filters", ".filter-count")),
    ("my-agenda", (".my-actions", ".zone-controls")),
])
def test_print_leaves_out_the_interactive_controls(browser, hosted_url, kind, controls):
    page = open_page(browser, page_url(hosted_url, PAGE_KINDS[kind]))
    if kind == "my-agenda":  # something to print: one pick
        page.evaluate("localStorage.setItem('agenda.my.egims-2022', '[\"session-2\"]')")
        page.reload()
    on_screen = [selector for selector in controls if page.locator(selector).first.is_visible()]
    page.emulate_media(media="print")
    on_paper = [selector for selector in controls if page.locator(selector).first.is_visible()]
    page.close()
    assert on_screen and on_paper == []


def test_day_prints_to_a_sensible_number_of_pages(browser, hosted_url):
    page = open_page(browser, page_url(hosted_url, PAGE_KINDS["day"]))
    pdf = page.pdf(format="A4", print_background=False)
    page.close()
    (ARTIFACTS / "day.pdf").write_bytes(pdf)
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))
    assert 1 <= pages <= 2, f"{pages} pages (day 1 must fit on two A4 sheets)"


# Everything the reader needs is in the HTML: nothing in <main> may stay hidden
# (or be missing) when scripts never run. Only what works with a script alone
# (My agenda's list, the programme's filters) waits for it, marked "needs-script".
HIDDEN_IN_MAIN = """() => [...document.querySelectorAll('main time, main a, main h1, main h2, main h3')]
  .filter(el => el.getClientRects().length === 0 && !el.closest('.visually-hidden, .needs-script'))
  .map(el => el.outerHTML.slice(0, 80))"""


@pytest.fixture(scope="module")
def no_script(browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 800})
    yield context
    context.close()


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_without_javascript_every_page_shows_its_content(no_script, hosted_url, kind):
    page = no_script.new_page()
    page.goto(page_url(hosted_url, PAGE_KINDS[kind]))
    hidden = page.evaluate(HIDDEN_IN_MAIN)
    headings = page.locator("main h1").count()
    page.close()
    assert headings == 1 and hidden == []


def test_without_javascript_the_day_shows_every_item_with_its_times(no_script, hosted_url,
                                                                    day_items):
    page = no_script.new_page()
    page.goto(page_url(hosted_url, PAGE_KINDS["day"]))
    shown = page.locator(".timeline .item:visible").count()
    times = page.locator(".timeline .item-time time:visible").all_inner_texts()
    page.close()
    assert shown == len(day_items)
    expected = [f"{item.start:%H:%M}" for item in day_items] + [f"{item.end:%H:%M}" for item in day_items]
    assert sorted(times) == sorted(expected)
