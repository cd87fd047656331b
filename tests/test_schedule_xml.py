"""schedule.xml (frab XML, what Giggity, ConfClerk and EventFahrplan read) validated
against the c3voc XSD with libxml2, and read back: rooms, tracks, abstracts,
persons and links.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from support import TEMPLATES, edit
from generator.site.build import Builder

XSD = etree.XMLSchema(etree.parse(str(Path(__file__).parent / "schemas/c3voc-schedule.xml.xsd")))
BASE_URL = "https://example.org/meetings/rabat-2022/"


def parse(path: Path) -> etree._ElementTree:
    return etree.parse(str(path))


def assert_valid(tree) -> None:
    assert XSD.validate(tree), "\n".join(str(error) for error in XSD.error_log[:10])


def events(tree) -> dict[str, etree._Element]:
    """Events by slug."""
    return {event.findtext("slug"): event for event in tree.iter("event")}


@pytest.mark.parametrize("fixture", ["site", "site_with_base_url"])
def test_schedule_xml_is_valid_against_the_c3voc_xsd(fixture, request):
    assert_valid(parse(request.getfixturevalue(fixture) / "schedule.xml"))


def test_the_xsd_rejects_a_broken_schedule(site):
    tree = parse(site / "schedule.xml")
    event = next(tree.iter("event"))
    event.remove(event.find("abstract"))       # required by the XSD
    event.set("guid", "not-a-uuid")
    assert not XSD.validate(tree)
    messages = " ".join(str(error) for error in XSD.error_log)
    assert "abstract" in messages and "guid" in messages


def test_conference_days_and_events(site_with_base_url):
    tree = parse(site_with_base_url / "schedule.xml")
    conference = tree.find("conference")
    assert conference.findtext("acronym") == "egims_2022"
    assert conference.findtext("time_zone_name") == "Africa/Casablanca"
    assert conference.findtext("base_url") == BASE_URL
    assert [d.get("date") for d in tree.iter("day")] == ["2022-06-20", "2022-06-21", "2022-06-22"]
    assert tree.find("day").get("start") == "2022-06-20T08:40:00+01:00"
    assert len(events(tree)) == 21  # items with a page; breaks are left out
    session_5 = events(tree)["egims_2022-session-5"]
    assert (session_5.findtext("date"), session_5.findtext("start"),
            session_5.findtext("duration")) == ("2022-06-20T16:00:00+01:00", "16:00", "01:30")
    assert session_5.findtext("url") == BASE_URL + "sessions/session-5/"
    assert session_5.findtext("room") == "Rabat"
    assert [p.text for p in session_5.find("persons")] == [
        "Francesca Grum", "Meryem Demirci", "Roslawati Yahya", "Nikolaus Koutakis",
        "Ferenc Urbán"]


def test_parallel_items_without_a_room_get_rooms_of_their_own(site):
    tree = parse(site / "schedule.xml")
    day_2 = tree.findall("day")[1]
    rooms = {room.get("name"): [e.findtext("slug") for e in room.iter("event")]
             for room in day_2.findall("room")}
    assert "egims_2022-session-10a" in rooms["Rabat"]
    assert rooms["Rabat, room 2"] == ["egims_2022-session-10b"]
    for room in day_2.findall("room"):
        assert all(e.findtext("room") == room.get("name") for e in room.iter("event"))


def test_themes_are_tracks_and_notes_are_descriptions(site):
    by_slug = events(parse(site / "schedule.xml"))
    session_2 = by_slug["egims_2022-session-2"]  # themes: [1], groups: [TF1]
    assert session_2.findtext("track") == (
        "Policy area 1: Improve the measurement of international migration and temporary "
        "mobility flows and stocks")
    session_5 = by_slug["egims_2022-session-5"]  # groups only: its group is the track
    assert session_5.findtext("track") == "Task force TF4: Operationalization of the conceptual framework"
    assert session_5.findtext("abstract").startswith("The data collection on stocks and flows")
    description = session_5.findtext("description")
    assert "Chair: Francesca Grum, UNSD" in description
    note = (Path(__file__).parent.parent / "content/notes/session-5.md").read_text(encoding="utf-8")
    assert note.strip().splitlines()[-1] in description  # the note's text, as written
    assert "The data collection on stocks" not in description  # said once, in the abstract


def test_links_name_the_page_and_the_join_link(content, tmp_path):
    edit(content / "meeting.yaml", "online:\n", "online:\n  platform: Zoom\n"
                                                "  url: https://example.org/join\n")
    output = tmp_path / "site"
    Builder(content, TEMPLATES, base_url=BASE_URL).build(output)
    tree = parse(output / "schedule.xml")
    assert_valid(tree)
    by_slug = events(tree)
    links = [(link.get("href"), link.text) for link in by_slug["egims_2022-session-5"].iter("link")]
    assert links == [(BASE_URL + "sessions/session-5/", "Session page"),
                     ("https://example.org/join", "Join online (Zoom)")]
    in_person_only = by_slug["egims_2022-session-10a"]
    assert [link.get("href") for link in in_person_only.iter("link")] == [
        BASE_URL + "sessions/session-10a/"]


def test_declared_rooms_come_first_and_keep_their_names(content, tmp_path):
    edit(content / "meeting.yaml", "online:", "rooms:\n  - id: hall\n    name: Plenary hall\nonline:")
    edit(content / "schedule.yaml", "        groups: [TF4]\n        audience: in-person\n        parallel",
         "        groups: [TF4]\n        room: hall\n        audience: in-person\n        parallel")
    output = tmp_path / "site"
    Builder(content, TEMPLATES).build(output)
    tree = parse(output / "schedule.xml")
    assert_valid(tree)
    day_2 = tree.findall("day")[1]
    assert [room.get("name") for room in day_2.findall("room")] == ["Plenary hall", "Rabat"]
    assert events(tree)["egims_2022-session-10b"].findtext("room") == "Plenary hall"
