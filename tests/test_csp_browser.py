"""Script injection in headless Chromium: a `<script>`, a `javascript:` link and an
`onerror=` handler written in content never run, over HTTP and opened from disk,
while the site's own scripts (the time-zone control) still do under the
Content-Security-Policy. With `trusted_html: true` the raw HTML is published, and
the policy alone stops it."""
from __future__ import annotations


import pytest

from support import TEMPLATES, english_content
from support.browser import serve
from generator.site.build import Builder

SESSION_5 = "sessions/session-5/index.html"
INJECTED = """
<script>window.hacked = (window.hacked || []).concat("script")</script>

[click me](javascript:window.hacked=["link"]) <img src="missing.png" onerror="window.hacked=['onerror']">

<a id="raw-link" href="javascript:window.hacked=['raw link']">raw link</a>
"""


def hostile_site(root, trusted: bool):
    content = english_content(root / "content")
    with open(content / "notes" / "session-5.md", "a", encoding="utf-8") as note:
        note.write(INJECTED)
    if trusted:
        with open(content / "meeting.yaml", "a", encoding="utf-8") as meeting:
            meeting.write("trusted_html: true\n")
    Builder(content, TEMPLATES).build(root / "output")
    return root / "output"


@pytest.fixture(scope="module", params=["sanitised", "trusted"])
def built(request, tmp_path_factory):
    root = tmp_path_factory.mktemp(request.param)
    return request.param, hostile_site(root, trusted=request.param == "trusted")


@pytest.fixture(scope="module", params=["http", "disk"])
def session_url(request, built):
    kind, output = built
    if request.param == "disk":
        yield kind, output.resolve().as_uri() + "/" + SESSION_5
        return
    with serve(output) as base:
        yield kind, base + SESSION_5


def open_page(browser, url):
    context = browser.new_context(timezone_id="America/Mexico_City")
    page = context.new_page()
    violations = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.goto(url)
    page.wait_for_load_state("load")
    page.wait_for_timeout(200)  # let a deferred handler (onerror) have its chance
    return context, page, violations


def test_injected_scripts_never_run_and_the_sites_own_still_do(browser, session_url):
    kind, url = session_url
    context, page, violations = open_page(browser, url)
    try:
        assert page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute(
            "content") == "script-src 'self'; object-src 'none'; base-uri 'none'"
        assert page.evaluate("window.hacked") is None
        # The site's own script ran: the time-zone control offers the reader's zone.
        assert page.locator("#time-mode option").count() == 3
        if kind == "sanitised":
            assert page.locator("script:not([src]):not([type='application/ld+json'])").count() == 0
            assert page.locator("[onerror]").count() == 0
            assert page.locator("a[href^='javascript']").count() == 0
            assert violations == []
        else:  # published as written: the policy is what stops it
            assert page.locator("script:not([src]):not([type='application/ld+json'])").count() == 1
            assert page.locator("[onerror]").count() == 1
            assert len(violations) >= 2, violations
            page.click("#raw-link")
            page.wait_for_timeout(200)
            assert page.evaluate("window.hacked") is None
    finally:
        context.close()
