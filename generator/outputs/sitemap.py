"""sitemap.xml: every page's public URL, with `lastmod` from meeting.yaml's `updated`
(never the build time, so two builds give the same bytes). Written only with a
base URL: a sitemap must list absolute addresses."""
from __future__ import annotations

from xml.etree import ElementTree as ET

from ..content.model import Meeting
from ..site import urls

PATH = "sitemap.xml"
NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
NOT_LISTED = ("404.html",)  # served at any missing address: it has none of its own


def sitemap_xml(meeting: Meeting, base_url: str, page_paths) -> bytes:
    root = ET.Element("urlset", xmlns=NAMESPACE)
    for path in page_paths:
        if not path.endswith(".html") or path in NOT_LISTED:
            continue
        entry = ET.SubElement(root, "url")
        ET.SubElement(entry, "loc").text = urls.public_url(base_url, path)
        if meeting.updated:
            ET.SubElement(entry, "lastmod").text = meeting.updated.isoformat()
    ET.indent(root, space=" ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
