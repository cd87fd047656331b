"""sitemap.xml: every page's public URL, with `lastmod` from meeting.yaml's `updated`
(never the build time, so two builds give the same bytes). Written only with a
base URL: a sitemap must list absolute addresses."""
from __future__ import annotations

from dataclasses import dataclass
from xml.etree import ElementTree as ET

from ..content.model import Meeting
from ..site import urls

PATH = "sitemap.xml"
NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
NOT_LISTED = ("404.html",)  # served at any missing address: it has none of its own


@dataclass(frozen=True)
class SitemapView:
    urls: tuple[str, ...]    # the public address of every page
    lastmod: str             # "" when meeting.yaml gives no `updated`


def view(meeting: Meeting, base_url: str, page_paths) -> SitemapView:
    return SitemapView(tuple(urls.public_url(base_url, path) for path in page_paths
                             if path.endswith(".html") and path not in NOT_LISTED),
                       meeting.updated.isoformat() if meeting.updated else "")


def sitemap_xml(view: SitemapView) -> bytes:
    root = ET.Element("urlset", xmlns=NAMESPACE)
    for address in view.urls:
        entry = ET.SubElement(root, "url")
        ET.SubElement(entry, "loc").text = address
        if view.lastmod:
            ET.SubElement(entry, "lastmod").text = view.lastmod
    ET.indent(root, space=" ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
