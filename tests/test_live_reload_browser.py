"""Live reload in a real browser: headless Debian Chromium on the real dev server.

The page is never reloaded by the test: every change must arrive through the
livereload client the server injects.
"""
from __future__ import annotations

import shutil

import pytest

from support import TEMPLATES, edit
from support.live_server import WAIT, LiveServer

TITLE = "short_title: Migration Statistics Technical Meeting 2022"


@pytest.fixture
def browser_page(browser):
    page = browser.new_page()
    yield page
    page.close()


def open_with_live_reload(page, url: str) -> None:
    """Opens a page and waits until its livereload client has registered with the server."""
    with page.expect_websocket() as opened:
        page.goto(url)
    socket = opened.value
    socket.wait_for_event("framesent", lambda frame: '"info"' in str(frame), timeout=WAIT * 1000)


def test_saves_reload_the_open_page_even_in_quick_succession(browser_page, content, tmp_path):
    templates = shutil.copytree(TEMPLATES, tmp_path / "templates")
    server = LiveServer(content, tmp_path / "output", templates)
    page = browser_page
    try:
        open_with_live_reload(page, server.url + "days/2022-06-20/")
        # The reload client is a script file, so the page's policy lets it run.
        assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
        banner = page.locator(".site-title")
        assert "Migration Statistics Technical Meeting 2022" in banner.inner_text()

        edit(content / "meeting.yaml", TITLE, "short_title: Preview after the first save")
        page.wait_for_function("() => document.querySelector('.site-title').textContent"
                               ".includes('after the first save')", timeout=WAIT * 1000)
        page.wait_for_timeout(1000)  # a save 1 s later: plain livereload 2.7.1 would drop it (< 3 s)
        edit(content / "meeting.yaml", "after the first save", "after the second save")
        page.wait_for_function("() => document.querySelector('.site-title').textContent"
                               ".includes('after the second save')", timeout=WAIT * 1000)

        meeting = content / "meeting.yaml"
        good = meeting.read_text(encoding="utf-8")
        edit(meeting, "timezone: Africa/Casablanca", "timezone: [Africa/Casablanca")
        page.wait_for_selector("#build-error", timeout=WAIT * 1000)
        assert "meeting.yaml:" in page.inner_text("#build-error")
        meeting.write_text(good, encoding="utf-8")
        page.wait_for_selector(".site-title", timeout=WAIT * 1000)
        assert "after the second save" in page.inner_text(".site-title")
    finally:
        assert server.stop() == 0
