"""Shared by the browser and HTTP tests: a static server that publishes a built
site under a sub-path (as a host would), headless Debian Chromium, and one page
of every kind the default content produces. Used by tests only.
"""
from __future__ import annotations

import contextlib
import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

PREFIX = "/meetings/rabat-2022/"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

# One page of every kind (output paths); the names label failures and screenshots.
PAGE_KINDS = {
    "home": "index.html",
    "day": "days/2022-06-20/index.html",
    "session": "sessions/session-2/index.html",
    "taxonomy": "policy-areas/index.html",
    "term": "policy-areas/1/index.html",
    "people": "people/index.html",
    "person": "people/francesca-grum/index.html",
    "organisations": "organisations/index.html",
    "organisation": "organisations/unsd/index.html",
    "programme": "programme/index.html",
    "my-agenda": "my-agenda/index.html",
    # Any missing URL, answered with 404.html as a host's error page would be.
    "404": "no/such/page/index.html",
}


class _SubPathHandler(SimpleHTTPRequestHandler):
    """Serves `directory` at PREFIX only; unknown paths get 404.html, like a host's error page."""

    def translate_path(self, path: str) -> str:
        route = unquote(urlsplit(path).path)
        if not route.startswith(PREFIX):
            return str(Path(self.directory) / ".outside-prefix")
        return super().translate_path("/" + route[len(PREFIX):])

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):  # keep test output quiet
        pass


@contextlib.contextmanager
def serve(directory: Path):
    """Serve a built site at http://127.0.0.1:<port>/meetings/rabat-2022/; yields that URL."""
    handler = functools.partial(_SubPathHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def hosted_site(output: Path):
    """The default content built for the URL it is then served at (the 404 page's links
    are absolute, so it only works at any depth when the build knows its public URL)."""
    from generator.site.build import Builder
    from support import CONTENT, TEMPLATES
    output.mkdir(parents=True, exist_ok=True)
    with serve(output) as base:
        Builder(CONTENT, TEMPLATES, base_url=base).build(output)
        yield output, base


@contextlib.contextmanager
def chromium():
    """One headless Debian Chromium for a whole test module."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def page_url(base: str, path: str) -> str:
    """The URL a visitor would use: folder form for index pages."""
    return base + (path[: -len("index.html")] if path.endswith("index.html") else path)
