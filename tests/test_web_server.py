"""The README's recipe for a web server, run for real: `make build BASE_URL=...`,
rsync to the server's folder, and Debian's nginx with docs/examples/nginx.conf
serving it under a sub-path. Every page is crawled through it; the 404 page, its
stylesheet and the content types a host must get right are checked.
"""
from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit
from xml.etree import ElementTree

import pytest

from support.sitecheck import parse_page
from support.web_server import Nginx, free_port

ROOT = Path(__file__).resolve().parent.parent
PREFIX = "/meetings/rabat-2022/"
README = (ROOT / "README.md").read_text(encoding="utf-8")
RSYNC = ["rsync", "-a", "--delete"]
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8", ".json": "application/json; charset=utf-8",
    ".xml": "application/xml; charset=utf-8", ".ics": "text/calendar; charset=utf-8",
    ".svg": "image/svg+xml; charset=utf-8", ".png": "image/png", ".ico": "image/x-icon",
    ".webmanifest": "application/manifest+json; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}

class Response:
    def __init__(self, status: int, content_type: str, body: bytes) -> None:
        self.status, self.content_type, self.body = status, content_type, body


def get(url: str) -> Response:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return Response(answer.status, answer.headers["Content-Type"], answer.read())
    except urllib.error.HTTPError as error:
        return Response(error.code, error.headers["Content-Type"], error.read())


@dataclass(frozen=True)
class Served:
    url: str      # the public address: http://127.0.0.1:PORT/meetings/rabat-2022/
    folder: Path  # the server's copy of the site


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> Served:
    """The default meeting built with `make build BASE_URL=...` for the address nginx
    then serves it at, copied with the README's rsync command."""
    work = tmp_path_factory.mktemp("nginx")
    port = free_port()
    base_url = f"http://127.0.0.1:{port}{PREFIX}"
    subprocess.run(["make", "-s", "build", f"BASE_URL={base_url}", f"OUTPUT={work / 'output'}",
                    f"VENV={sys.prefix}"], cwd=ROOT, check=True, capture_output=True)
    subprocess.run(RSYNC + [f"{work / 'output'}/", f"{work / 'www'}/"], check=True)
    server = Nginx(work / "server", work / "www", PREFIX, port)
    try:
        yield Served(base_url, work / "www")
    finally:
        server.stop()


def crawl(base_url: str) -> dict[str, Response]:
    """Every address reachable by links from the home page (fragments checked
    against the ids of their page), fetched through the server."""
    fetched: dict[str, Response] = {}
    ids: dict[str, set[str]] = {}
    wanted: list[tuple[str, str, str]] = [("", base_url, "")]
    problems = []
    while wanted:
        source, url, fragment = wanted.pop()
        if url not in fetched:
            fetched[url] = response = get(url)
            if response.status != 200:
                problems.append(f"{source}: {url} answered {response.status}")
            elif response.content_type.startswith("text/html"):
                page = parse_page(response.body.decode("utf-8"))
                ids[url] = page.ids
                for link in page.links:
                    target, anchor = urldefrag(urljoin(url, link))
                    if urlsplit(target).netloc == urlsplit(base_url).netloc:
                        wanted.append((url, target, anchor))
        if fragment and fragment not in ids.get(url, set()):
            problems.append(f"{source}: {url} has no #{fragment}")
    assert not problems, "\n".join(problems[:20])
    return fetched


def test_the_readme_gives_the_commands_this_test_runs():
    assert "make build BASE_URL=https://example.org/meetings/2022/" in README
    assert " ".join(RSYNC) + " output/ " in README
    assert "docs/examples/nginx.conf" in README


def test_every_page_is_reachable_through_the_server_and_every_link_resolves(served):
    fetched = crawl(served.url)
    sitemap = ElementTree.fromstring(get(served.url + "sitemap.xml").body)
    pages = {loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    # Every page but the reader's own "My agenda", which no search engine should list.
    on_disk = [p for p in served.folder.rglob("index.html") if p.parent.name != "my-agenda"]
    assert len(pages) == len(on_disk) > 50
    assert pages <= set(fetched), sorted(pages - set(fetched))[:5]


def test_the_404_page_is_served_with_its_status_and_its_styles(served):
    missing = get(served.url + "no/such/page/")
    assert missing.status == 404 and missing.content_type == CONTENT_TYPES[".html"]
    html = missing.body.decode("utf-8")
    assert "Page not found" in html
    stylesheets = [link for link in parse_page(html).links if link.endswith(".css")]
    assert stylesheets, "the 404 page links no stylesheet"
    for link in stylesheets:
        style = get(urljoin(served.url + "no/such/page/", link))
        assert (style.status, style.content_type) == (200, CONTENT_TYPES[".css"]), link
        assert b"{" in style.body


@pytest.mark.parametrize("path", [
    "index.html", "static/style.*.css", "static/agenda.*.js", "egims-2022.ics",
    "days/2022-06-20/egims-2022-2022-06-20.ics", "schedule.json", "agenda.json",
    "schedule.xml", "sitemap.xml", "qr-code.svg", "favicon.svg", "favicon.ico",
    "og-image.png", "days/2022-06-20/og-image.png", "apple-touch-icon.png",
    "manifest.webmanifest", "robots.txt"])
def test_each_kind_of_file_is_served_with_its_content_type(served, path):
    if "*" in path:  # static files have content-hashed names
        path = next(served.folder.glob(path)).relative_to(served.folder).as_posix()
    response = get(served.url + path)
    assert response.status == 200, path
    assert response.content_type == CONTENT_TYPES[Path(path).suffix], path


def test_folders_are_served_by_their_index_page(served):
    folder = get(served.url + "sessions/session-5/")
    page = get(served.url + "sessions/session-5/index.html")
    assert folder.status == 200 and folder.body == page.body
