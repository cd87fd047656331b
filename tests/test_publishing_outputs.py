"""What the build writes for publishing: preview images and texts, the meeting's
Event JSON-LD, favicons, the web manifest, robots.txt and the sitemap."""
from __future__ import annotations

import json
from datetime import date
from xml.etree import ElementTree

import pytest
from PIL import Image

from support import CONTENT, TEMPLATES, edit
from generator.content.pipeline import load_content
from generator.outputs import previews
from generator.outputs.seo import meeting_jsonld
from generator.site.build import Builder

BASE_URL = "https://example.org/meetings/rabat-2022/"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
PREVIEWS = ["og-image.png", "days/2022-06-20/og-image.png", "days/2022-06-21/og-image.png",
            "days/2022-06-22/og-image.png"]


@pytest.fixture(scope="module")
def loaded():
    return load_content(CONTENT)


@pytest.mark.parametrize("name", PREVIEWS)
def test_preview_images_are_1200_by_630_and_show_text(site, name):
    with Image.open(site / name) as image:
        assert image.format == "PNG" and image.size == (1200, 630)
        pixels = image.convert("L")
        dark = sum(count for count, level in pixels.getcolors() if level < 100)
        assert dark > 20_000  # the title's letters, not a blank card
        assert len(image.convert("RGB").getcolors(maxcolors=1 << 16)) > 50  # anti-aliased text


def test_two_builds_give_identical_image_bytes(site, tmp_path):
    Builder(CONTENT, TEMPLATES).build(tmp_path / "again")
    for name in PREVIEWS + ["favicon.ico", "apple-touch-icon.png", "icon-192.png",
                            "icon-512.png", "favicon.svg"]:
        assert (tmp_path / "again" / name).read_bytes() == (site / name).read_bytes(), name


def test_the_day_images_differ_from_the_meetings(site):
    assert (site / PREVIEWS[0]).read_bytes() != (site / PREVIEWS[1]).read_bytes()


@pytest.mark.parametrize("start, end, text", [
    (date(2022, 6, 20), date(2022, 6, 20), "20 June 2022"),
    (date(2022, 6, 20), date(2022, 6, 22), "20–22 June 2022"),
    (date(2022, 6, 30), date(2022, 7, 2), "30 June – 2 July 2022"),
    (date(2022, 12, 30), date(2023, 1, 2), "30 December 2022 – 2 January 2023")])
def test_date_ranges_read_naturally(start, end, text):
    assert previews.date_range(start, end) == text


def test_the_home_description_says_when_and_where_first(loaded):
    text = previews.description(loaded.agenda, loaded.index)
    assert text.startswith("20–22 June 2022 · Rabat, Morocco, and online.")
    assert "Organised by UNSD and HCP." in text


def test_a_day_description_says_its_date_hours_and_place(loaded):
    day = loaded.agenda.days[0]
    text = previews.description(loaded.agenda, loaded.index, day)
    assert text.startswith("Day 1 of Migration Statistics Technical Meeting 2022: Monday 20 June "
                           "2022, 08:40–17:30 Rabat time · Rabat, Morocco, and online.")
    assert len(text) <= 300


def test_a_day_view_gives_the_head_its_link_preview(site_with_base_url):
    builder = Builder(CONTENT, TEMPLATES, BASE_URL)
    site = builder.plan(builder.check())
    day = next(o.view for o in site.outputs if o.path == "days/2022-06-21/index.html")
    preview = day.meta.preview
    assert (preview.image, preview.image_url, preview.width, preview.height) == (
        "days/2022-06-21/og-image.png", BASE_URL + "days/2022-06-21/og-image.png", 1200, 630)
    assert preview.description.startswith("Day 2 of ")
    assert day.meta.description == preview.description
    assert (site_with_base_url / preview.image).is_file()


def test_the_meeting_event_lists_its_sessions(loaded):
    event = meeting_jsonld(loaded.agenda, loaded.index, BASE_URL)
    assert event["@type"] == "Event" and event["url"] == BASE_URL
    assert (event["startDate"], event["endDate"]) == ("2022-06-20T08:40+01:00",
                                                      "2022-06-22T16:20+01:00")
    assert event["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert event["image"] == BASE_URL + "og-image.png"
    assert len(event["subEvent"]) == 21
    assert event["subEvent"][0]["url"] == BASE_URL + "sessions/opening/"
    assert all("superEvent" not in sub and "@context" not in sub for sub in event["subEvent"])


def test_performers_still_to_be_confirmed_are_left_out(loaded):
    opening = meeting_jsonld(loaded.agenda, loaded.index, BASE_URL)["subEvent"][0]
    names = [p["name"] for p in opening["performer"]]
    assert "Ayache Khellaf" in names and "Sylvia Lopez-Ekra" not in names  # tbc: true


def test_the_manifest_works_from_a_sub_path_and_names_real_icons(site):
    manifest = json.loads((site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["start_url"] == manifest["scope"] == "./"
    assert manifest["short_name"] == "Migration Statistics Technical Meeting 2022"
    for icon in manifest["icons"]:
        assert (site / icon["src"]).is_file()
        if icon["type"] == "image/png":
            with Image.open(site / icon["src"]) as image:
                assert f"{image.width}x{image.height}" == icon["sizes"]


def test_robots_points_at_the_sitemap_only_with_a_base_url(site, site_with_base_url):
    assert "Sitemap:" not in (site / "robots.txt").read_text(encoding="utf-8")
    robots = (site_with_base_url / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {BASE_URL}sitemap.xml" in robots.splitlines()


def test_the_sitemap_lists_every_page_but_the_404_and_my_agenda(site, site_with_base_url):
    assert not (site / "sitemap.xml").exists()
    root = ElementTree.parse(site_with_base_url / "sitemap.xml").getroot()
    listed = [loc.text for loc in root.iter(SITEMAP + "loc")]
    pages = {p.relative_to(site_with_base_url).as_posix()
             for p in site_with_base_url.rglob("*.html")
             if not p.name == "404.html" and p.parent.name != "my-agenda"}  # in each language
    assert len(listed) == len(set(listed)) == len(pages)
    assert BASE_URL in listed and BASE_URL + "sessions/session-5/" in listed
    assert not list(root.iter(SITEMAP + "lastmod"))  # the default meeting has no `updated`


def test_the_sitemap_lastmod_is_the_agendas_updated_date(content, tmp_path):
    edit(content / "meeting.yaml", "timezone:", "updated: 2022-06-10\ntimezone:")
    Builder(content, TEMPLATES, BASE_URL).build(tmp_path / "site")
    root = ElementTree.parse(tmp_path / "site/sitemap.xml").getroot()
    assert {m.text for m in root.iter(SITEMAP + "lastmod")} == {"2022-06-10"}
    assert len(list(root.iter(SITEMAP + "lastmod"))) == len(list(root.iter(SITEMAP + "url")))
