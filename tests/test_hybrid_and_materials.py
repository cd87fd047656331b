"""Hybrid participation, materials, bios and photos: the content format, its
checks, and what pages, calendars, JSON-LD, agenda.json and schedule.json say.

The golden fixture meeting (tests/fixtures/golden-meeting) has join information
at all three levels: the meeting (Jitsi, a passcode note, the link opening 15
minutes early), the main hall (its own link) and one online-only hack session
(its own platform, link and note); an in-person workshop; materials; a bio and
two photos.
"""
from __future__ import annotations

import json
import re
import shutil
import struct
from pathlib import Path

import icalendar
import pytest

from support import TEMPLATES, edit, line_of
from generator.content.media import image_size
from generator.content.pipeline import load_content
from generator.errors import ContentError
from generator.site.build import Builder

FIXTURE = Path(__file__).parent / "fixtures" / "golden-meeting"
HALL, MEETING_LINK, HACK = ("https://example.org/join/hall", "https://example.org/join",
                            "https://example.org/hack/transport")
BASE_URL = "https://example.org/odw/"


@pytest.fixture(scope="module")
def hybrid(tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("hybrid") / "out"
    Builder(FIXTURE, TEMPLATES).build(output)
    return output


@pytest.fixture(scope="module")
def hybrid_public(tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("hybrid-public") / "out"
    Builder(FIXTURE, TEMPLATES, base_url=BASE_URL).build(output)
    return output


@pytest.fixture
def fixture_copy(tmp_path) -> Path:
    return Path(shutil.copytree(FIXTURE, tmp_path / "content"))


def page(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def row(site: Path, day: str, item_id: str) -> str:
    """The day page's entry of one item."""
    html = page(site, f"days/{day}/index.html")
    return re.search(rf'<article [^>]*id="{item_id}".*?</article>', html, re.S).group(0)


def events(site: Path) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical((site / "odw-2023.ics").read_bytes())
    return {str(e["UID"]).split("@")[0]: e for e in calendar.walk("VEVENT")}


def test_the_most_specific_level_of_online_applies(hybrid):
    # The hall's own link; platform and note still come from the meeting.
    assert f'<a class="join-link" href="{HALL}">Join online (Jitsi)</a>' in \
        row(hybrid, "2023-09-30", "keynote")
    # An item's own `online:` wins over the meeting's, field by field.
    hack = row(hybrid, "2023-09-30", "session-3")
    assert f'href="{HACK}">Join online (BigBlueButton)</a>' in hack
    assert "Breakout rooms inside." in hack and "Passcode" not in hack
    # No room, no item level: the meeting's link.
    assert f'href="{MEETING_LINK}">Join online (Jitsi)</a>' in row(hybrid, "2023-09-30",
                                                                   "session-4")


def test_in_person_only_items_never_show_a_join_link_and_say_not_streamed(hybrid):
    workshop = row(hybrid, "2023-09-30", "workshop")
    assert "In person only, not streamed" in workshop and "join-link" not in workshop
    session = page(hybrid, "sessions/workshop/index.html")
    assert "In person only, not streamed" in session and "join-link" not in session
    event = events(hybrid)["workshop"]
    assert "CONFERENCE" not in event
    assert str(event["DESCRIPTION"]).startswith("In person only, not streamed.")
    assert "online" not in str(event["LOCATION"]).lower()


def test_a_hybrid_meeting_without_a_link_says_so_on_every_day_row(site):
    # The default meeting: hybrid, its link sent by e-mail (only a note).
    session = row(site, "2022-06-20", "session-2")
    assert '<p class="item-joining joining-hybrid">In person and online</p>' in session
    assert "join-link" not in session


def test_online_only_items_say_so(hybrid):
    assert "Online only: <a" in row(hybrid, "2023-09-30", "session-3")
    assert "Online only" in page(hybrid, "sessions/session-3/index.html")
    assert str(events(hybrid)["session-3"]["DESCRIPTION"]).startswith(
        "Online only (BigBlueButton).\nJoin: " + HACK)


def test_the_session_page_says_how_to_attend_and_when_the_link_opens(hybrid):
    html = page(hybrid, "sessions/keynote/index.html")
    facts = re.search(r"<dt>How to attend</dt>\s*<dd.*?</dd>", html, re.S).group(0)
    assert f'href="{HALL}"' in facts and "Passcode sent by e-mail." in facts
    assert "The link opens 15 minutes before the start." in facts


def test_every_calendar_event_with_a_link_has_conference_location_description_and_url(hybrid):
    found = events(hybrid)
    links = {"opening": HALL, "keynote": HALL, "talk-1": HALL, "talk-2": HALL,
             "session-3": HACK, "session-4": MEETING_LINK, "session-5": MEETING_LINK,
             "registration-2023-09-30": MEETING_LINK, "reception": MEETING_LINK}
    for uid, link in links.items():
        event = found[uid]
        conference = event["CONFERENCE"]
        assert str(conference) == link, uid
        assert conference.params["VALUE"] == "URI" and conference.params["FEATURE"] == [
            "AUDIO", "VIDEO"]
        assert str(event["LOCATION"]).endswith(link)
        assert f"Join: {link}" in str(event["DESCRIPTION"])
        assert str(event["URL"]) == link  # no base URL: the one link is where to join
    breaks = [uid for uid, e in found.items() if str(e["CATEGORIES"].cats[0]) in ("Break", "Meal")]
    assert breaks and all("CONFERENCE" not in found[uid] for uid in breaks)


def test_with_a_base_url_the_event_url_is_the_page_and_conference_the_link(hybrid_public):
    event = events(hybrid_public)["keynote"]
    assert str(event["URL"]) == BASE_URL + "sessions/keynote/"
    assert str(event["CONFERENCE"]) == HALL


def test_json_ld_virtual_location_is_the_join_link_not_the_page(hybrid_public):
    html = page(hybrid_public, "sessions/session-3/index.html")
    event = json.loads(re.search(r'application/ld\+json">(.*?)</script>', html).group(1))
    assert event["location"] == [{"@type": "VirtualLocation", "name": "BigBlueButton",
                                  "url": HACK}]
    assert event["eventAttendanceMode"].endswith("OnlineEventAttendanceMode")


def test_a_meeting_wide_link_shows_on_every_item_that_is_not_in_person_only(content, tmp_path):
    edit(content / "meeting.yaml", "  note: Online participation",
         "  url: https://example.org/egims\n  note: Online participation")
    output = tmp_path / "out"
    Builder(content, TEMPLATES).build(output)
    agenda = load_content(content).agenda
    for day, item in agenda.items():
        if not item.has_page:
            continue
        html = page(output, f"sessions/{item.id}/index.html")
        if item.audience == "in-person":
            assert "join-link" not in html and "not streamed" in html, item.id
        else:
            assert 'href="https://example.org/egims"' in html, item.id


def test_materials_are_on_the_session_page_in_agenda_json_and_schedule_json(hybrid_public):
    html = page(hybrid_public, "sessions/keynote/index.html")
    section = re.search(r'<h2 id="materials-heading">.*?</ul>', html, re.S).group(0)
    assert re.findall(r'<span class="material-kind">(\w+):</span> <a href="([^"]+)">([^<]+)</a>',
                      section) == [("Slides", "https://example.org/keynote.pdf", "Keynote slides"),
                                   ("Recording", "https://example.org/keynote-video", "Recording")]
    assert "(en)" in section
    agenda = json.loads(page(hybrid_public, "agenda.json"))
    keynote = next(i for d in agenda["days"] for i in d["items"] if i["id"] == "keynote")
    assert keynote["materials"][0] == {"title": "Keynote slides", "kind": "slides",
                                       "url": "https://example.org/keynote.pdf", "language": "en"}
    assert keynote["joining"] == {"mode": "hybrid", "url": HALL, "platform": "Jitsi",
                                  "note": "Passcode sent by e-mail.", "opens_before": 15}
    schedule = json.loads(page(hybrid_public, "schedule.json"))
    event = next(e for day in schedule["schedule"]["conference"]["days"]
                 for room in day["rooms"].values() for e in room if e["slug"].endswith("keynote"))
    assert event["links"] == [
        {"type": "web", "title": "Session page",
         "url": "https://example.org/odw/sessions/keynote/"},
        {"type": "web", "title": "Join online (Jitsi)", "url": HALL},
        {"type": "slides", "title": "Keynote slides", "url": "https://example.org/keynote.pdf"},
        {"type": "media", "title": "Recording", "url": "https://example.org/keynote-video"}]


def test_a_material_given_as_a_site_path_links_relatively(fixture_copy, tmp_path):
    edit(fixture_copy / "schedule.yaml", "url: https://example.org/formats.pdf",
         "url: files/formats.pdf")
    output = tmp_path / "out"
    Builder(fixture_copy, TEMPLATES).build(output)
    assert '<a href="../../files/formats.pdf">Formats compared</a>' in \
        page(output, "sessions/talk-2/index.html")


def test_a_photo_is_published_under_a_content_hashed_name_with_size_and_alt(hybrid):
    html = page(hybrid, "people/kenji-sato/index.html")
    img = re.search(r'<img class="person-photo" src="([^"]+)" width="(\d+)" height="(\d+)" '
                    r'alt="([^"]+)">', html)
    src, width, height, alt = img.groups()
    assert re.fullmatch(r"\.\./\.\./photos/kenji-sato\.[0-9a-f]{10}\.png", src)
    assert (width, height, alt) == ("64", "64", "Kenji Sato at a whiteboard")
    published = hybrid / "people" / "kenji-sato" / src
    assert published.read_bytes() == (FIXTURE / "photos" / "kenji-sato.png").read_bytes()
    # Without alt text, the photo is named after its person.
    assert 'width="48" height="64" alt="Photo of Ana Lima"' in page(
        hybrid, "people/ana-lima/index.html")


def test_a_changed_photo_gets_a_new_name(fixture_copy, tmp_path):
    before, after = tmp_path / "before", tmp_path / "after"
    Builder(fixture_copy, TEMPLATES).build(before)
    shutil.copy(fixture_copy / "photos" / "ana-lima.png", fixture_copy / "photos" / "kenji-sato.png")
    Builder(fixture_copy, TEMPLATES).build(after)
    names = [sorted(p.name for p in (site / "photos").iterdir()) for site in (before, after)]
    assert names[0][0] == names[1][0] and names[0][1] != names[1][1]


def test_a_bio_is_markdown_on_the_person_page_and_in_the_json(hybrid_public):
    assert "<p>Ana leads the foundation's work on <strong>open formats</strong>.</p>" in \
        page(hybrid_public, "people/ana-lima/index.html")
    agenda = json.loads(page(hybrid_public, "agenda.json"))
    ana = next(p for p in agenda["people"] if p["id"] == "ana-lima")
    assert ana["bio"].startswith("Ana leads") and ana["photo"]["path"].startswith("photos/ana-lima.")
    assert (ana["photo"]["width"], ana["photo"]["height"]) == (48, 64)
    schedule = page(hybrid_public, "schedule.json")
    assert f'"avatar": "{BASE_URL}{ana["photo"]["path"]}"' in schedule
    assert '"biography": "Ana leads the' in schedule


# ---- The checks: each mistake names its file, line and fix --------------------------

def errors_of(content: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(content)
    return [str(p) for p in caught.value.problems if not p.warning]


def test_opens_before_must_be_whole_minutes(fixture_copy):
    meeting = fixture_copy / "meeting.yaml"
    edit(meeting, "opens_before: 15", "opens_before: soon")
    assert errors_of(fixture_copy) == [
        f"meeting.yaml:{line_of(meeting, 'opens_before')}: 'opens_before' in online must be a "
        "whole number of minutes from 0 to 1440 (like 15), not 'soon'"]


def test_unknown_key_in_a_room_online_names_the_room(fixture_copy):
    meeting = fixture_copy / "meeting.yaml"
    edit(meeting, "      url: https://example.org/join/hall", "      link: https://example.org/x")
    assert errors_of(fixture_copy) == [
        f"meeting.yaml:{line_of(meeting, 'link: https')}: unknown key 'link' in online of room "
        "'hall'; allowed keys: platform, url, note, opens_before"]


def test_a_material_needs_a_url_and_a_known_kind(fixture_copy):
    schedule = fixture_copy / "schedule.yaml"
    edit(schedule, "            url: https://example.org/keynote-video\n", "")
    edit(schedule, "kind: paper", "kind: pamphlet")
    errors = errors_of(fixture_copy)
    assert errors == sorted([
        f"schedule.yaml:{line_of(schedule, '- title: Recording')}: material of item 'keynote' "
        "is missing required key 'url'; add `url: https://example.org/`",
        f"schedule.yaml:{line_of(schedule, 'kind: pamphlet')}: 'kind' in material of item "
        "'talk-2' is 'pamphlet'; did you mean 'paper'? use one of: slides, paper, report, recording, minutes, data, "
        "other"])


@pytest.mark.parametrize("written, problem", [
    ("../secret.png", "is not inside the content folder; copy the picture into it"),
    ("/etc/hostname", "is not inside the content folder; copy the picture into it"),
    ("photos/nobody.png", "not found; the path is relative to the content folder"),
    ("meeting.yaml", "is not a PNG, JPEG, GIF or WebP picture"),
])
def test_a_photo_must_be_a_picture_inside_the_content_folder(fixture_copy, written, problem):
    people = fixture_copy / "people.yaml"
    (fixture_copy.parent / "secret.png").write_bytes(
        (fixture_copy / "photos" / "ana-lima.png").read_bytes())
    edit(people, "photo: photos/ana-lima.png", f"photo: {written}")
    (error,) = errors_of(fixture_copy)
    assert error.startswith(f"people.yaml:{line_of(people, 'photo: ' + written)}: photo "
                            f"'{written}' of person 'ana-lima' {problem}")


def test_a_photo_linked_out_of_the_content_folder_is_refused(fixture_copy):
    outside = fixture_copy.parent / "outside.png"
    outside.write_bytes((fixture_copy / "photos" / "ana-lima.png").read_bytes())
    (fixture_copy / "photos" / "link.png").symlink_to(outside)
    edit(fixture_copy / "people.yaml", "photo: photos/ana-lima.png", "photo: photos/link.png")
    (error,) = errors_of(fixture_copy)
    assert "is not inside the content folder" in error


# ---- Picture sizes, read from the file's header --------------------------------------

def test_sizes_of_png_gif_jpeg_and_webp():
    png = (FIXTURE / "photos" / "ana-lima.png").read_bytes()
    gif = b"GIF89a" + struct.pack("<HH", 120, 80) + b"\x00" * 10
    jpeg = (b"\xff\xd8" + b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00" + b"\x00" * 9
            + b"\xff\xc2" + struct.pack(">HBHH", 17, 8, 300, 400) + b"\x00" * 12)
    webp = b"RIFF\x00\x00\x00\x00WEBPVP8X" + b"\x00" * 8 + (639).to_bytes(3, "little") \
        + (479).to_bytes(3, "little")
    assert image_size(png) == ("png", 48, 64)
    assert image_size(gif) == ("gif", 120, 80)
    assert image_size(jpeg) == ("jpg", 400, 300)
    assert image_size(webp) == ("webp", 640, 480)
    assert image_size(b"<svg xmlns='http://www.w3.org/2000/svg'/>") is None
