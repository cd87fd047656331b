"""The scripts speak the page's language in Chromium: they read <body data-strings>
(French and Arabic plurals through Intl.PluralRules), and an Arabic page lays out
right to left."""
from __future__ import annotations

import pytest

from support.browser import serve
from test_interface_strings import build_in


@pytest.fixture(scope="module")
def editions(tmp_path_factory):
    from support import english_content
    built = {}
    for language in ("fr", "ar"):
        content = tmp_path_factory.mktemp(language) / "content"
        english_content(content)
        built[language] = build_in(language, content, content.parent / "output")
    return built


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def test_the_french_programme_counts_in_french(page, editions):
    with serve(editions["fr"]) as url:
        page.goto(url + "programme/index.html")
        assert page.locator(".filter-count").inner_text() == "Les 33 points sont affichés."
        page.fill("#filter-q", "Georgia")
        page.wait_for_function("document.querySelector('.filter-count').textContent.includes('sur')")
        assert page.locator(".filter-count").inner_text() == "1 point sur 33 correspond."  # agrees with the one shown


def test_the_arabic_time_zone_menu_and_layout_are_right_to_left(page, editions):
    with serve(editions["ar"]) as url:
        page.goto(url + "days/2022-06-20/index.html")
        assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
        assert page.locator("label[for=time-mode]").inner_text().startswith("الأوقات المعروضة:")
        box = page.locator(".item-time").first.bounding_box()
        title = page.locator(".item-body").first.bounding_box()
        assert box["x"] > title["x"]   # the time column is on the right
