"""Accessibility of the default site: axe-core in headless Chromium on one page of
every kind (no serious or critical violations, colour contrast included),
headings in order on every page, and everything reachable by keyboard with a
visible focus ring.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from axe_playwright_python.sync_playwright import Axe

from support.browser import PAGE_KINDS, page_url

BLOCKING = {"serious", "critical"}


@pytest.fixture
def page(browser):
    tab = browser.new_page(viewport={"width": 1280, "height": 900})
    yield tab
    tab.close()


def blocking_violations(page) -> list[str]:
    violations = Axe().run(page).response["violations"]
    return [f"{v['id']} ({v['impact']}): {v['help']} — " + "; ".join(
                " ".join(node["target"]) for node in v["nodes"][:5])
            for v in violations if v["impact"] in BLOCKING]


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_axe_finds_no_serious_or_critical_violation(page, hosted_url, kind):
    page.goto(page_url(hosted_url, PAGE_KINDS[kind]))
    assert blocking_violations(page) == []


@pytest.mark.parametrize("path", ["ar/index.html", "ar/days/2022-06-20/index.html",
                                  "ar/sessions/session-5/index.html",
                                  "fr/people/francesca-grum/index.html"])
def test_axe_finds_no_serious_or_critical_violation_in_other_languages(page, hosted_url, path):
    page.goto(page_url(hosted_url, path))
    assert blocking_violations(page) == []


@pytest.fixture
def dark_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("kind", ["home", "day", "session", "programme", "my-agenda"])
def test_the_dark_scheme_keeps_contrast_and_everything_else(dark_page, hosted_url, kind):
    dark_page.goto(page_url(hosted_url, PAGE_KINDS[kind]))
    background = dark_page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(18, 20, 23)"  # the dark scheme is really on
    assert blocking_violations(dark_page) == []


def test_axe_catches_poor_contrast(page, hosted_url):
    page.goto(page_url(hosted_url, PAGE_KINDS["home"]))
    page.evaluate("""document.querySelector('main').insertAdjacentHTML('beforeend',
        '<p style="color:#bbb;background:#fff">Hard to read</p>')""")
    assert any(v.startswith("color-contrast") for v in blocking_violations(page))


class _Headings(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.levels: list[int] = []

    def handle_starttag(self, tag, attrs):
        if re.fullmatch(r"h[1-6]", tag):
            self.levels.append(int(tag[1]))


def heading_problems(html: str) -> list[str]:
    parser = _Headings()
    parser.feed(html)
    levels, problems = parser.levels, []
    if levels.count(1) != 1 or levels[:1] != [1]:
        problems.append(f"needs exactly one h1, first: {levels}")
    problems += [f"h{before} followed by h{after}"
                 for before, after in zip(levels, levels[1:]) if after > before + 1]
    return problems


def test_headings_are_in_order_on_every_page(site):
    problems = {path.relative_to(site).as_posix(): found for path in site.rglob("*.html")
                if (found := heading_problems(path.read_text(encoding="utf-8")))}
    assert problems == {}


def test_heading_check_catches_skipped_levels():
    assert heading_problems("<h1>a</h1><h3>b</h3>") == ["h1 followed by h3"]
    assert heading_problems("<h2>a</h2><h1>b</h1><h1>c</h1>")


# Interactive elements a keyboard user must reach; each gets a number so that
# the Tab order can be compared with the document.
MARK_FOCUSABLES = """() => {
  const selector = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
  const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'
                      && !el.disabled;
  const all = [...document.querySelectorAll(selector)].filter(shown);
  all.forEach((el, i) => el.dataset.tabProbe = i);
  return all.length;
}"""

FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el), box = el.getBoundingClientRect();
  return {probe: el.dataset.tabProbe ?? null, tag: el.tagName, text: el.textContent.trim().slice(0, 40),
          outline: style.outlineStyle, width: parseFloat(style.outlineWidth),
          inView: box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth};
}"""


def tab_through(page) -> tuple[int, list[dict]]:
    """Press Tab until focus leaves the page; (number of focusables, what got focus)."""
    expected = page.evaluate(MARK_FOCUSABLES)
    stops = []
    for _ in range(expected + 2):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None or (stops and focused["probe"] == stops[0]["probe"]):
            break
        stops.append(focused)
    return expected, stops


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_keyboard_reaches_everything_in_order_with_a_visible_focus_ring(page, hosted_url, kind):
    page.goto(page_url(hosted_url, PAGE_KINDS[kind]))
    expected, stops = tab_through(page)
    assert stops and stops[0]["text"] == "Skip to content"
    assert [stop["probe"] for stop in stops] == [str(i) for i in range(expected)]
    unringed = [stop for stop in stops if stop["outline"] == "none" or stop["width"] < 2]
    assert unringed == []
    assert [stop for stop in stops if not stop["inView"]] == []


def test_skip_link_appears_on_focus_and_moves_focus_to_the_content(page, hosted_url):
    page.goto(page_url(hosted_url, PAGE_KINDS["day"]))
    skip = page.locator("a.skip-link")
    hidden_box = skip.bounding_box()
    page.keyboard.press("Tab")
    shown_box = skip.bounding_box()
    assert hidden_box["y"] + hidden_box["height"] <= 0 < shown_box["y"] + shown_box["height"]
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")  # the next stop is inside the content, not the navigation again
    assert page.evaluate("document.activeElement.closest('main') !== null")


def test_a_link_is_followed_with_the_keyboard(page, hosted_url):
    page.goto(page_url(hosted_url, PAGE_KINDS["day"]))
    page.locator("main .item-title a").first.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/sessions/" in page.url


# Pages as their scripts fill them in during the meeting: Now / Next, the day's
# now and next marks, a filled My agenda and the programme's open filters.
FILLED = {
    "home during the meeting": ("index.html", ""),
    "day during the meeting": ("days/2022-06-21/index.html", ""),
    "my agenda with picks": ("my-agenda/index.html", '["session-2", "session-10a", "session-10b"]'),
    "programme filtered": ("programme/index.html?kind=session&q=data", ""),
}


@pytest.fixture
def filled(browser, hosted_url):
    def open_filled(name):
        path, picks = FILLED[name]
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        tab = context.new_page()
        tab.clock.install(time="2022-06-21T16:30:00+01:00")
        tab.goto(hosted_url + path)
        if picks:
            tab.evaluate(f"localStorage.setItem('agenda.my.egims-2022', '{picks}')")
            tab.reload()
        return context, tab
    return open_filled


@pytest.mark.parametrize("name", FILLED)
def test_axe_and_keyboard_on_pages_as_their_scripts_fill_them(filled, name):
    context, tab = filled(name)
    assert tab.locator(".now-next:not([hidden]), .is-now, .my-item, "
                       "form.filters:not([hidden])").count() > 0  # really filled in
    assert blocking_violations(tab) == []
    expected, stops = tab_through(tab)
    assert [stop["probe"] for stop in stops] == [str(i) for i in range(expected)]
    assert [stop for stop in stops if stop["outline"] == "none" or stop["width"] < 2] == []
    context.close()
