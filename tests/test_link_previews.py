"""What a chat app or search engine reads from each page: title, description,
Open Graph and Twitter tags, canonical URL, schema.org Event JSON-LD, and the
printable QR codes.
"""
from __future__ import annotations

import io
import json
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import segno

from support import TEMPLATES, edit
from generator.site.build import Builder
from generator.site.urls import public_url

BASE_URL = "https://example.org/meetings/rabat-2022/"
SCHEMA = "https://schema.org/"


class _Head(HTMLParser):
    """Meta tags, link rels, the title, JSON-LD scripts and images of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.links: dict[str, str] = {}
        self.images: list[dict] = []
        self.title = ""
        self.json_ld: list[str] = []
        self._in = ""

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "meta":
            key = attributes.get("property") or attributes.get("name")
            self.meta[key] = attributes.get("content", "")
        elif tag == "link":
            self.links[attributes.get("rel", "")] = attributes.get("href", "")
        elif tag == "img":
            self.images.append(attributes)
        elif tag == "title" or (tag == "script" and attributes.get("type") == "application/ld+json"):
            self._in = tag
            if tag == "script":
                self.json_ld.append("")

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = ""

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "script":
            self.json_ld[-1] += data


def head(path: Path) -> _Head:
    parser = _Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def pages(site: Path) -> list[str]:
    """The pages of the main (English) edition; the others are in fr/ and ar/."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if p.relative_to(site).parts[0] not in ("fr", "ar"))


def test_every_page_has_title_description_and_preview_tags(site_with_base_url):
    site = site_with_base_url
    for name in pages(site):
        page = head(site / name)
        assert page.title.strip() and page.meta["description"].strip(), name
        assert page.meta["og:title"] and page.title.startswith(page.meta["og:title"]), name
        assert page.meta["og:description"] == page.meta["description"], name
        assert page.meta["og:type"] == "website"
        assert page.meta["og:site_name"] == "Migration Statistics Technical Meeting 2022"
        # Home and day pages have a preview image (a large card), other pages none.
        with_image = name == "index.html" or name.startswith("days/")
        assert page.meta["twitter:card"] == ("summary_large_image" if with_image
                                             else "summary"), name
        assert ("og:image" in page.meta) == with_image, name
        assert page.meta["twitter:title"] == page.meta["og:title"]
        if name == "404.html":  # served at any address: it has none of its own
            assert "canonical" not in page.links and "og:url" not in page.meta
            continue
        expected = public_url(BASE_URL, name)
        assert page.links["canonical"] == page.meta["og:url"] == expected, name
    session = head(site / "sessions/session-5/index.html")
    assert session.meta["og:title"] == ("Session 5: Data collection and production strategies "
                                        "to implement the revised conceptual framework on "
                                        "international migration, and potential data sources")
    assert "20 June 2022, 16:00–17:30 (Rabat time (UTC+01:00))" in session.meta["og:description"]


def test_no_canonical_or_qr_code_without_base_url(site):
    for name in pages(site):
        page = head(site / name)
        assert "canonical" not in page.links and "og:url" not in page.meta, name
        assert not [i for i in page.images if "qr-code" in i.get("src", "")], name
    assert not list(site.rglob("qr-code.svg"))


def event_of(site: Path, item_id: str) -> dict:
    (text,) = head(site / f"sessions/{item_id}/index.html").json_ld
    return json.loads(text)


def test_session_pages_carry_schema_org_events(site_with_base_url):
    for page in site_with_base_url.glob("sessions/*/index.html"):
        event = event_of(site_with_base_url, page.parent.name)
        assert event["@context"] == "https://schema.org" and event["@type"] == "Event"
        assert event["startDate"].endswith("+01:00") and event["endDate"].endswith("+01:00")
        assert event["url"] == f"{BASE_URL}sessions/{page.parent.name}/"

    event = event_of(site_with_base_url, "session-5")
    assert event["name"].startswith("Session 5: Data collection")
    assert (event["startDate"], event["endDate"]) == ("2022-06-20T16:00+01:00",
                                                      "2022-06-20T17:30+01:00")
    assert event["eventStatus"] == SCHEMA + "EventScheduled"
    assert event["eventAttendanceMode"] == SCHEMA + "MixedEventAttendanceMode"
    place, virtual = event["location"]
    assert place["@type"] == "Place" and place["address"]["addressLocality"] == "Rabat"
    assert place["address"]["addressCountry"] == "Morocco"
    # The seed gives no join link; the page's own address is no place to join.
    assert virtual == {"@type": "VirtualLocation", "name": "Online"}
    assert [o["name"] for o in event["organizer"]] == ["United Nations Statistics Division",
                                                     "Haut-Commissariat au Plan"]
    assert [p["name"] for p in event["performer"]] == [
        "Francesca Grum", "Meryem Demirci", "Roslawati Yahya", "Nikolaus Koutakis",
        "Ferenc Urbán"]
    assert event["performer"][0]["affiliation"]["name"] == "United Nations Statistics Division"
    assert event["superEvent"]["name"].startswith("Technical Meeting on Indicators")
    assert event["superEvent"]["url"] == BASE_URL

    breakout = event_of(site_with_base_url, "session-5-breakout")
    assert breakout["eventAttendanceMode"] == SCHEMA + "OfflineEventAttendanceMode"
    assert [p["@type"] for p in breakout["location"]] == ["Place"]


def test_json_ld_cannot_end_its_script(content, tmp_path):
    hostile = "Session </script><!-- & <b>"
    edit(content / "schedule.yaml", "title: Opening\n", f'title: "{hostile}"\n')
    output = tmp_path / "site"
    Builder(content, TEMPLATES).build(output)
    html = (output / "sessions/opening/index.html").read_text(encoding="utf-8")
    script = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in script and "</script" not in script.lower()
    assert json.loads(script)["name"] == hostile


def qr_svg(url: str) -> bytes:
    """The QR code segno makes for a URL, to compare what the page ships against."""
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(
        buffer, kind="svg", scale=4, border=4, light="#fff", title=f"QR code: {url}", xmldecl=True)
    return buffer.getvalue()


def test_qr_codes_point_at_the_public_page(site_with_base_url):
    site = site_with_base_url
    wanted = {"index.html": "qr-code.svg"}
    wanted.update({p.relative_to(site).as_posix(): f"{p.parent.name}/qr-code.svg"
                   for p in site.glob("days/*/index.html")})
    assert len(wanted) == 4
    for name, svg in wanted.items():
        page = head(site / name)
        (image,) = [i for i in page.images if i["src"] == "qr-code.svg"]
        assert image["alt"].startswith("QR code for ")
        assert int(image["width"]) == int(image["height"]) > 100
        path = site / Path(name).parent / "qr-code.svg"
        data = path.read_bytes()
        ElementTree.fromstring(data)  # well-formed SVG
        assert data == qr_svg(public_url(BASE_URL, name)), name
        html = (site / name).read_text(encoding="utf-8")
        assert f'<span class="qr-url">{public_url(BASE_URL, name)}</span>' in html
    # The print stylesheet must not hide it (it is meant for printed invitations).
    css = (TEMPLATES / "static/style.css").read_text(encoding="utf-8")
    print_rules = css.split("@media print", 1)[1].split("\n}\n", 1)[0]
    assert "qr" not in print_rules
