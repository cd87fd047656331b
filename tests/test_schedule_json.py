"""schedule.json (c3voc/frab format) validated against the format's published JSON
schema, and agenda.json (the generator's own model) read back.
"""
from __future__ import annotations

import json
import uuid
from datetime import datetime
from pathlib import Path

import jsonschema
import pytest

from support import TEMPLATES, edit
from generator.site.build import Builder
from generator.outputs.frab import acronym
from support.sitecheck import internal_target, read_page

SCHEMA = json.loads((Path(__file__).parent / "schemas/c3voc-schedule.schema.json")
                    .read_text(encoding="utf-8"))
BASE_URL = "https://example.org/meetings/rabat-2022/"
# Every format jsonschema knows: draft-06's own list lacks "uuid" and "date",
# which the schema uses for guids and days.
FORMATS = jsonschema.FormatChecker()


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def validate(data: dict) -> None:
    validator = jsonschema.Draft6Validator(SCHEMA, format_checker=FORMATS)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


def all_events(data: dict) -> list[dict]:
    return [event for day in data["schedule"]["conference"]["days"]
            for events in day["rooms"].values() for event in events]


def test_the_format_checkers_are_active():
    """Without them "uri" and "date-time" would pass anything, and the checks below less."""
    checker = FORMATS
    assert not checker.conforms("2022-6-20", "date")
    assert not checker.conforms("sessions/session-5/", "uri")
    assert not checker.conforms("2022-06-20T16:00", "date-time")
    assert not checker.conforms("not-a-uuid", "uuid")


@pytest.mark.parametrize("fixture", ["site", "site_with_base_url"])
def test_schedule_json_is_valid_against_the_c3voc_schema(fixture, request):
    validate(load(request.getfixturevalue(fixture) / "schedule.json"))


def test_a_broken_schedule_is_rejected(site):
    data = load(site / "schedule.json")
    all_events(data)[0]["date"] = "2022-06-20 09:00"
    data["schedule"]["conference"]["acronym"] = "egims-2022"
    with pytest.raises(AssertionError, match="acronym|date"):
        validate(data)


def test_conference_and_events(site_with_base_url):
    data = load(site_with_base_url / "schedule.json")
    conference = data["schedule"]["conference"]
    assert conference["acronym"] == "egims_2022"
    assert conference["time_zone_name"] == "Africa/Casablanca"
    assert conference["colors"] == {"primary": "#0b5cad"}  # branding's default primary
    assert (conference["start"], conference["end"], conference["daysCount"]) == \
        ("2022-06-20", "2022-06-22", 3)
    assert [d["date"] for d in conference["days"]] == ["2022-06-20", "2022-06-21", "2022-06-22"]
    assert conference["days"][0]["day_start"] == "2022-06-20T08:40:00+01:00"
    events = all_events(data)
    assert len(events) == 21  # sessions only: breaks are not events for schedule apps
    for event in events:
        start = datetime.fromisoformat(event["date"])
        assert start.utcoffset().total_seconds() == 3600, event["date"]
        assert event["date"].endswith("+01:00") and event["end"].endswith("+01:00")
        assert event["room"] == ("Rabat, room 2" if event["slug"] == "egims_2022-session-10b"
                                 else "Rabat")
    session_5 = next(e for e in events if e["slug"] == "egims_2022-session-5")
    assert session_5["date"] == "2022-06-20T16:00:00+01:00"
    assert (session_5["start"], session_5["duration"]) == ("16:00", "01:30")
    assert session_5["url"] == BASE_URL + "sessions/session-5/"
    assert session_5["guid"] == str(uuid.uuid5(uuid.NAMESPACE_URL,
                                               "agenda:egims-2022/item/session-5"))
    assert session_5["track"] == "Task force TF4: Operationalization of the conceptual framework"
    assert session_5["abstract"].startswith("The data collection on stocks and flows")
    assert session_5["links"] == [{"type": "web", "url": BASE_URL + "sessions/session-5/",
                                   "title": "Session page"}]
    assert [p["name"] for p in session_5["persons"]] == [
        "Francesca Grum", "Meryem Demirci", "Roslawati Yahya", "Nikolaus Koutakis",
        "Ferenc Urbán"]
    assert session_5["persons"][0]["url"] == BASE_URL + "people/francesca-grum/"
    assert "Chair: Francesca Grum, UNSD" in session_5["description"]
    guids = [e["guid"] for e in events]
    assert len(set(guids)) == len(guids)
    assert sorted(e["id"] for e in events) == sorted(set(e["id"] for e in events))


def test_without_base_url_events_name_themselves(site):
    for event in all_events(load(site / "schedule.json")):
        assert event["url"] == f"urn:uuid:{event['guid']}"


def test_rooms_come_from_items_then_venue(content, tmp_path):
    meeting = content / "meeting.yaml"
    edit(meeting, "online:", "rooms:\n  - id: hall\n    name: Plenary hall\nonline:")
    edit(content / "schedule.yaml", "        groups: [TF4]\n        notes: session-5.md",
         "        groups: [TF4]\n        notes: session-5.md\n        room: hall")
    output = tmp_path / "site"
    Builder(content, TEMPLATES).build(output)
    data = load(output / "schedule.json")
    validate(data)
    day_1 = data["schedule"]["conference"]["days"][0]["rooms"]
    assert [e["slug"] for e in day_1["Plenary hall"]] == ["egims_2022-session-5"]
    assert [r["name"] for r in data["schedule"]["conference"]["rooms"]] == [
        "Plenary hall", "Rabat", "Rabat, room 2"]


def test_parallel_items_without_a_room_never_share_one(site):
    """Apps lay a day out in one column per room: 10a and 10b side by side, not on top."""
    day_2 = load(site / "schedule.json")["schedule"]["conference"]["days"][1]["rooms"]
    assert [e["slug"] for e in day_2["Rabat, room 2"]] == ["egims_2022-session-10b"]
    assert "egims_2022-session-10a" in [e["slug"] for e in day_2["Rabat"]]
    for room, events in day_2.items():
        times = sorted((e["date"], e["end"]) for e in events)
        assert all(end <= start for (_, end), (start, _) in zip(times, times[1:])), room


def test_themes_are_tracks_and_the_conference_lists_them(site):
    conference = load(site / "schedule.json")["schedule"]["conference"]
    session_2 = next(e for e in all_events({"schedule": {"conference": conference}})
                     if e["slug"] == "egims_2022-session-2")
    assert session_2["track"].startswith("Policy area 1: ")
    tracks = [track["name"] for track in conference["tracks"]]
    assert session_2["track"] in tracks and len(tracks) == len(set(tracks))


@pytest.mark.parametrize("meeting_id, expected", [
    ("egims-2022", "egims_2022"), ("EG.Meeting", "eg_meeting"), ("ab", "ab__")])
def test_acronym_always_fits_the_schema(meeting_id, expected):
    pattern = SCHEMA["definitions"]["Conference"]["properties"]["acronym"]["pattern"]
    assert acronym(meeting_id) == expected
    jsonschema.validate(expected, {"type": "string", "pattern": pattern})


def test_agenda_json_mirrors_the_model(site):
    data = load(site / "agenda.json")
    assert data["format"] == "agenda" and data["format_version"] == 1
    meeting = data["meeting"]
    assert (meeting["id"], meeting["timezone"], meeting["start"]) == \
        ("egims-2022", "Africa/Casablanca", "2022-06-20")
    assert meeting["calendar"] == "egims-2022.ics" and (site / meeting["calendar"]).is_file()
    assert len(data["people"]) == 27 and "source" not in data["people"][0]
    day_1 = data["days"][0]
    assert day_1["page"] == "days/2022-06-20/index.html"
    session_5 = next(i for i in day_1["items"] if i["id"] == "session-5")
    assert (session_5["start"], session_5["end"]) == ("2022-06-20T16:00+01:00",
                                                      "2022-06-20T17:30+01:00")
    assert session_5["chairs"] == [{"person": "francesca-grum", "organisation": "",
                                    "role": "", "tbc": False}]
    assert session_5["groups"] == ["TF4"]
    assert (site / session_5["page"]).is_file() and (site / session_5["calendar"]).is_file()
    coffee = next(i for i in day_1["items"] if i["kind"] == "break")
    assert coffee["page"] is None and coffee["has_page"] is False


def test_home_links_both_json_files(site):
    targets = [internal_target("index.html", link) for link in read_page(site / "index.html").links]
    assert ("schedule.json", "") in targets and ("agenda.json", "") in targets
