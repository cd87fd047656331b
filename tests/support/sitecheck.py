"""Reads a built site back: parses every HTML page, its ids and links, and
reports links or #fragments that resolve to nothing. Used by tests only.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass
class PageInfo:
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.info = PageInfo()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.info.ids.add(attributes["id"])
        for name in ("href", "src"):
            if attributes.get(name) is not None:
                self.info.links.append(attributes[name])
        self.info.links.extend(srcset_urls(attributes.get("srcset") or ""))


def srcset_urls(srcset: str) -> list[str]:
    """The image URLs of a srcset ("a.png 1x, b.png 2x")."""
    return [candidate.split()[0] for candidate in srcset.split(",") if candidate.strip()]


CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")


def css_links(path: Path) -> list[str]:
    """url(...) references of a stylesheet, which must resolve like page links."""
    return CSS_URL.findall(path.read_text(encoding="utf-8"))


def parse_page(html: str) -> PageInfo:
    collector = _Collector()
    collector.feed(html)
    return collector.info


def read_page(path: Path) -> PageInfo:
    return parse_page(path.read_text(encoding="utf-8"))


def internal_target(page: str, link: str) -> tuple[str, str] | None:
    """(output path, fragment) of a relative link, or None for external ones."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or link.startswith(("mailto:", "tel:")):
        return None
    if not parts.path:
        return page, unquote(parts.fragment)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
    if link.endswith("/") or parts.path.endswith("/"):
        target = posixpath.join(target, "index.html")
    return target, unquote(parts.fragment)


def _missing(root: Path, resolved: tuple[str, str] | None) -> bool:
    return resolved is not None and not (root / resolved[0]).is_file()


def broken_links(root: Path, start: str = "index.html") -> tuple[list[str], set[str]]:
    """Crawl from `start`; return (problems, pages reached)."""
    problems, seen, queue, cache = [], set(), [start], {}

    def info(path: str) -> PageInfo:
        if path not in cache:
            cache[path] = read_page(root / path)
        return cache[path]

    while queue:
        page = queue.pop()
        if page in seen:
            continue
        seen.add(page)
        for link in info(page).links:
            resolved = internal_target(page, link)
            if resolved is None:
                continue
            target, fragment = resolved
            if target.startswith("..") or not (root / target).is_file():
                problems.append(f"{page}: link {link!r} points to missing {target}")
                continue
            if target.endswith(".html"):
                if fragment and fragment not in info(target).ids:
                    problems.append(f"{page}: link {link!r} has no #{fragment} in {target}")
                queue.append(target)
            elif fragment:
                problems.append(f"{page}: fragment on non-HTML target {link!r}")
            elif target.endswith(".css") and target not in seen:
                seen.add(target)
                problems += [f"{target}: url({ref!r}) points to missing file"
                             for ref in css_links(root / target)
                             if _missing(root, internal_target(target, ref))]
    return problems, seen
