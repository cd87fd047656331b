"""Every href, src, srcset and #fragment of the built site resolves, on disk and
over HTTP when a host publishes the site under a sub-path; crawling from the
home page reaches every page.
"""
from __future__ import annotations

import shutil
import urllib.error
import urllib.request
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from support.browser import PREFIX, serve
from support.sitecheck import CSS_URL, broken_links, parse_page


def html_pages(root) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*.html")}


def fetch(url: str) -> tuple[int, str, bytes]:
    """(status, content type, body) of a GET, 4xx/5xx included."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get_content_type(), error.read()


def crawl(start: str) -> tuple[list[str], set[str]]:
    """Follow same-origin links from `start` as a browser resolves them.

    Returns (problems, URLs of the HTML pages reached)."""
    origin = urlsplit(start).netloc
    problems, pages, ids, queue, fetched = [], set(), {}, [(start, "(start)")], {}
    fragments = []
    while queue:
        url, referrer = queue.pop()
        if url in fetched:
            continue
        status, kind, body = fetched[url] = fetch(url)
        if status != 200:
            problems.append(f"{referrer}: link to {url} gives HTTP {status}")
            continue
        if kind == "text/css":
            links = CSS_URL.findall(body.decode("utf-8"))
        elif kind == "text/html":
            pages.add(url)
            info = parse_page(body.decode("utf-8"))
            ids[url] = info.ids
            links = info.links
        else:
            continue
        for link in links:
            target, fragment = urldefrag(urljoin(url, link))
            if urlsplit(target).netloc != origin or urlsplit(target).scheme not in ("http", "https"):
                continue
            queue.append((target, url))
            if fragment:
                fragments.append((url, link, target, fragment))
    for url, link, target, fragment in fragments:
        if target in ids and fragment not in ids[target]:
            problems.append(f"{url}: link {link!r} has no #{fragment} in {target}")
        elif target in fetched and target not in ids and fetched[target][0] == 200:
            problems.append(f"{url}: fragment on non-HTML target {link!r}")
    return problems, pages


def output_path(url: str, base: str) -> str:
    path = url[len(base):]
    return path + "index.html" if path == "" or path.endswith("/") else path


@pytest.fixture(scope="module")
def served_default(site):
    """The default build (relative links only), published under a sub-path."""
    with serve(site) as base:
        yield site, base


# Each edition's error page: served for missing addresses, never linked to.
ERROR_PAGES = {"404.html", "fr/404.html", "ar/404.html"}


@pytest.mark.parametrize("built", ["site", "site_with_base_url"])
def test_links_resolve_on_disk_and_every_page_is_reachable(request, built):
    root = request.getfixturevalue(built)
    problems, reached = broken_links(root)
    assert problems == []
    assert html_pages(root) - reached == ERROR_PAGES


@pytest.mark.parametrize("served", ["served_default", "hosted"])
def test_links_resolve_over_http_under_a_sub_path(request, served):
    root, base = request.getfixturevalue(served)
    assert urlsplit(base).path == PREFIX
    problems, pages = crawl(base)
    assert problems == []
    reached = {output_path(url, base) for url in pages}
    assert html_pages(root) - reached == ERROR_PAGES


def test_the_404_page_works_at_any_depth_when_built_for_its_public_url(hosted):
    _, base = hosted
    missing = base + "no/such/page/"
    status, _, body = fetch(missing)
    assert status == 404 and b"Page not found" in body
    problems, pages = crawl_from_error_page(missing)
    assert problems == [] and base in pages


def crawl_from_error_page(url: str) -> tuple[list[str], set[str]]:
    """Like crawl(), but the start page itself answers 404 by design."""
    _, _, body = fetch(url)
    links = [urldefrag(urljoin(url, link))[0] for link in parse_page(body.decode("utf-8")).links]
    problems, pages = [], set()
    for target in dict.fromkeys(links):
        if target != url and urlsplit(target).netloc == urlsplit(url).netloc:
            status, kind, _ = fetch(target)
            if status != 200:
                problems.append(f"404 page: link to {target} gives HTTP {status}")
            elif kind == "text/html":
                pages.add(target)
    return problems, pages


def test_the_checks_catch_broken_links(site, tmp_path):
    """The crawlers are only worth something if they fail on a broken site."""
    broken = tmp_path / "broken"
    shutil.copytree(site, broken)
    day = broken / "days" / "2022-06-20" / "index.html"
    day.write_text(day.read_text(encoding="utf-8").replace(
        "</main>", '<a href="../../sessions/nowhere/index.html">x</a><a href="#no-such-id">y</a>'
                   '<img alt="" src="../../static/style.css" srcset="../../static/missing.png 2x">'
                   "</main>"), encoding="utf-8")
    (broken / "static" / "style.css").write_text("body { background: url(gone.png); }")
    problems, _ = broken_links(broken)
    for needle in ("sessions/nowhere", "#no-such-id", "missing.png", "gone.png"):
        assert any(needle in problem for problem in problems), needle
    with serve(broken) as base:
        problems, _ = crawl(base)
    for needle in ("sessions/nowhere", "#no-such-id", "missing.png", "gone.png"):
        assert any(needle in problem for problem in problems), needle
