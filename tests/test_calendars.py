"""iCalendar files of the default meeting (and of small generated meetings), parsed
back with the icalendar library: fields, times with offsets, TZID and VTIMEZONE,
UIDs, folding, links from the pages and byte-identical rebuilds.
"""
from __future__ import annotations

import textwrap
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar

from support import CONTENT, TEMPLATES, edit
from generator.site.build import Builder
from support.sitecheck import internal_target, read_page

MEETING_FILE = "egims-2022.ics"
SESSION_5 = "sessions/session-5/egims-2022-session-5.ics"
DAY_1 = "days/2022-06-20/egims-2022-2022-06-20.ics"
RABAT = ZoneInfo("Africa/Casablanca")
BASE_URL = "https://example.org/meetings/rabat-2022/"


def parse(path: Path) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(path.read_bytes())


def events(path: Path) -> list:
    return parse(path).walk("VEVENT")


def by_uid(path: Path) -> dict:
    return {str(e["UID"]): e for e in events(path)}


def vtimezone_offset(vtimezone, local: datetime) -> timedelta:
    """The offset a client that knows only the VTIMEZONE would use (independent of zoneinfo)."""
    onsets = []
    for part in vtimezone.subcomponents:
        starts = [part.decoded("DTSTART")]
        rdates = part.get("RDATE", [])
        for rdate in rdates if isinstance(rdates, list) else [rdates]:
            starts += [entry.dt for entry in rdate.dts]
        onsets += [(start, part.decoded("TZOFFSETTO")) for start in starts]
    return max(o for o in onsets if o[0] <= local.replace(tzinfo=None))[1]


def build(content: Path, output: Path, base_url: str = "") -> Path:
    Builder(content, TEMPLATES, base_url=base_url).build(output)
    return output


def test_one_file_for_the_meeting_each_day_and_each_session(site):
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.ics")
                   if p.relative_to(site).parts[0] not in ("fr", "ar"))  # the English edition
    days = [p for p in files if p.startswith("days/")]
    sessions = [p for p in files if p.startswith("sessions/")]
    assert MEETING_FILE in files and DAY_1 in days and SESSION_5 in sessions
    assert len(days) == 3
    assert len(sessions) == len(list(site.glob("sessions/*/index.html"))) == 21
    for name in files:
        calendar = parse(site / name)
        assert str(calendar["VERSION"]) == "2.0" and calendar["PRODID"]
        assert str(calendar["METHOD"]) == "PUBLISH"
        assert str(calendar["X-WR-CALNAME"]).startswith("Migration Statistics Technical Meeting")
        assert calendar.walk("VEVENT"), name


def test_calendar_names_are_escaped_text(site_with_base_url):
    """NAME and X-WR-CALNAME are TEXT (RFC 7986, 5545 3.3.11): commas are escaped."""
    raw = (site_with_base_url / "sessions/session-4/egims-2022-session-4.ics").read_bytes()
    unfolded = raw.replace(b"\r\n ", b"").decode("utf-8")
    name = next(line for line in unfolded.splitlines() if line.startswith("NAME:"))
    assert "Policy Areas 3\\, 4\\, 5 and 6" in name
    assert f"X-WR-CALNAME:{name[len('NAME:'):]}" in unfolded.splitlines()
    assert name.count(",") == name.count("\\,")


def test_a_subtitle_with_commas_and_line_breaks_is_escaped_text(content, tmp_path):
    edit(content / "meeting.yaml", "short_title:",
         "subtitle: |\n  Rabat, Morocco; 20-22 June\n  Hybrid meeting\nshort_title:")
    raw = (build(content, tmp_path / "out") / MEETING_FILE).read_bytes()
    unfolded = raw.replace(b"\r\n ", b"").decode("utf-8")
    assert "X-WR-CALDESC:Rabat\\, Morocco\\; 20-22 June\\nHybrid meeting" in unfolded
    assert str(parse(tmp_path / "out" / MEETING_FILE)["X-WR-CALDESC"]).startswith("Rabat")


def test_session_event_fields(site_with_base_url):
    (event,) = events(site_with_base_url / SESSION_5)
    assert str(event["UID"]) == "session-5@egims-2022"
    assert event["DTSTART"].params["TZID"] == event["DTEND"].params["TZID"] == "Africa/Casablanca"
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start.isoformat() == "2022-06-20T16:00:00+01:00"
    assert end.isoformat() == "2022-06-20T17:30:00+01:00"
    assert str(event["SUMMARY"]).startswith("Session 5: Data collection and production strategies")
    description = str(event["DESCRIPTION"])
    assert "Chair: Francesca Grum, UNSD" in description
    assert "Presenters: Meryem Demirci, UNSD (TF4); Roslawati Yahya, Malaysia" in description
    assert description.endswith(f"Details: {BASE_URL}sessions/session-5/")
    assert str(event["LOCATION"]) == "Rabat, Morocco, and online"
    assert str(event["URL"]) == f"{BASE_URL}sessions/session-5/"
    # The default agenda is marked tentative, so every item is.
    assert str(event["STATUS"]) == "TENTATIVE"
    # No `updated:` in the content: DTSTAMP is the first day, never the build time.
    assert event.decoded("DTSTAMP") == datetime(2022, 6, 20, tzinfo=timezone.utc)
    assert event["DTSTAMP"].to_ical() == b"20220620T000000Z"
    assert int(event["SEQUENCE"]) == 0


def test_guiding_questions_discussants_and_audience_in_plain_text(site):
    meeting = by_uid(site / MEETING_FILE)
    discussion = str(meeting["session-2-discussion@egims-2022"]["DESCRIPTION"])
    assert ("Guiding questions:\n1. Main question: What are the indicators to be retained as "
            "core and additional?\n\nOther questions:\n2. Do the proposed indicators reflect"
            ) in discussion
    assert "\n5. What would be the most challenging indicator(s)?" in discussion
    opening = str(meeting["opening@egims-2022"]["DESCRIPTION"])
    assert "Sylvia López-Ekra, UN Resident Coordinator's office (UN Resident Coordinator), " \
           "to be confirmed" in opening
    breakout = meeting["session-5-breakout@egims-2022"]
    assert str(breakout["DESCRIPTION"]).startswith("In person only, not streamed.")
    assert str(breakout["LOCATION"]) == "Rabat, Morocco"
    assert "<" not in discussion  # plain text, no HTML


def test_whole_meeting_has_every_item_and_breaks_are_free_time(site):
    meeting = events(site / MEETING_FILE)
    uids = [str(e["UID"]) for e in meeting]
    assert len(uids) == len(set(uids)) == 21 + 9 + 3  # sessions, breaks and meals, registrations
    transparency = {str(e["UID"]): str(e["TRANSP"]) for e in meeting}
    assert transparency["session-5@egims-2022"] == "OPAQUE"
    assert [e for e in meeting if str(e["SUMMARY"]) == "Coffee break"]
    for event in meeting:
        is_time_off = str(event["CATEGORIES"].cats[0]) in ("Break", "Meal", "Registration")
        assert (str(event["TRANSP"]) == "TRANSPARENT") == is_time_off, event["UID"]
    # A day file holds that day's items, breaks included; session files never hold breaks.
    day = by_uid(site / DAY_1)
    assert len(day) == 11 and all(e.decoded("DTSTART").date().isoformat() == "2022-06-20"
                                  for e in day.values())
    for path in site.glob("sessions/*/*.ics"):
        assert [str(e["TRANSP"]) for e in events(path)] == ["OPAQUE"]


def test_uids_match_across_files_and_no_url_without_base_url(site):
    meeting = by_uid(site / MEETING_FILE)
    for path in list(site.glob("days/*/*.ics")) + list(site.glob("sessions/*/*.ics")):
        for uid, event in by_uid(path).items():
            assert event.to_ical() == meeting[uid].to_ical(), (path, uid)
    assert all("URL" not in e for e in meeting.values())
    assert all("Details:" not in str(e.get("DESCRIPTION", "")) for e in meeting.values())


def test_times_tzid_and_vtimezone_agree_with_the_zone_database(site):
    for path in site.rglob("*.ics"):
        calendar = parse(path)
        (vtimezone,) = calendar.walk("VTIMEZONE")
        assert str(vtimezone["TZID"]) == "Africa/Casablanca"
        for event in calendar.walk("VEVENT"):
            for key in ("DTSTART", "DTEND"):
                moment = event.decoded(key)
                assert event[key].params["TZID"] == "Africa/Casablanca"
                assert moment.utcoffset() == timedelta(hours=1)
                assert vtimezone_offset(vtimezone, moment) == timedelta(hours=1)


def test_lines_are_folded_and_end_with_crlf(site):
    for path in site.rglob("*.ics"):
        data = path.read_bytes()
        assert data.endswith(b"END:VCALENDAR\r\n")
        lines = data.split(b"\r\n")
        assert b"\n" not in b"".join(lines), path
        assert max(len(line) for line in lines) <= 75, path
    # The long session title really was folded, and unfolds back whole.
    raw = (site / SESSION_5).read_bytes()
    assert b"\r\n " in raw
    (event,) = events(site / SESSION_5)
    assert "implement the revised conceptual framework on international migration, and" in \
        str(event["SUMMARY"])


def test_pages_link_their_calendar_files(site):
    wanted = {"index.html": MEETING_FILE, "days/2022-06-20/index.html": DAY_1,
              "sessions/session-5/index.html": SESSION_5}
    for page, calendar in wanted.items():
        targets = [internal_target(page, link) for link in read_page(site / page).links]
        assert (calendar, "") in targets, page
    for page in site.glob("sessions/*/index.html"):
        html = page.read_text(encoding="utf-8")
        assert "Add to calendar</a>" in html
        assert f'href="egims-2022-{page.parent.name}.ics"' in html


def test_rebuild_is_byte_identical(site, tmp_path):
    again = build(CONTENT, tmp_path / "again")
    for pattern in ("**/*.ics", "*.json", "*.svg"):
        first = {p.relative_to(site): p.read_bytes() for p in site.glob(pattern)}
        second = {p.relative_to(again): p.read_bytes() for p in again.glob(pattern)}
        assert first == second, pattern


def test_status_follows_the_meeting_and_the_item(content, tmp_path):
    edit(content / "meeting.yaml", "status: tentative", "status: final\nupdated: 2022-06-10")
    edit(content / "schedule.yaml", "        groups: [TF4]\n        notes: session-5.md",
         "        groups: [TF4]\n        notes: session-5.md\n        tbc: true")
    output = build(content, tmp_path / "final")
    meeting = by_uid(output / MEETING_FILE)
    assert str(meeting["session-5@egims-2022"]["STATUS"]) == "TENTATIVE"
    assert str(meeting["session-4@egims-2022"]["STATUS"]) == "CONFIRMED"
    assert meeting["session-4@egims-2022"].decoded("DTSTAMP") == \
        datetime(2022, 6, 10, tzinfo=timezone.utc)
    assert int(meeting["session-4@egims-2022"]["SEQUENCE"]) == 19153  # days since 1970-01-01

    edit(content / "meeting.yaml", "status: final", "status: cancelled")
    output = build(content, tmp_path / "cancelled")
    assert {str(e["STATUS"]) for e in events(output / MEETING_FILE)} == {"CANCELLED"}


def write_meeting(folder: Path, zone: str, city: str, days: dict[str, list[tuple]]) -> Path:
    """A small meeting in `folder`: days maps a date to (id, start, end) items."""
    folder.mkdir(parents=True)
    dates = sorted(days)
    (folder / "meeting.yaml").write_text(textwrap.dedent(f"""\
        id: generated
        title: Generated meeting
        timezone: {zone}
        start: {dates[0]}
        end: {dates[-1]}
        venue:
          city: {city}
        """), encoding="utf-8")
    (folder / "people.yaml").write_text("organisations: []\npeople: []\n", encoding="utf-8")
    lines = ["days:"]
    for date, items in days.items():
        lines += [f"  - date: {date}", "    items:"]
        for item_id, start, end in items:
            lines += [f"      - id: {item_id}", f'        start: "{start}"',
                      f'        end: "{end}"', f"        title: Item {item_id}"]
    (folder / "schedule.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_daylight_saving_change_between_days(tmp_path):
    content = write_meeting(tmp_path / "content", "Europe/Berlin", "Berlin", {
        "2024-03-30": [("before", "09:00", "10:00")],
        "2024-04-01": [("after", "09:00", "10:00")]})
    site = build(content, tmp_path / "site")
    day_before = (site / "days/2024-03-30/index.html").read_text(encoding="utf-8")
    day_after = (site / "days/2024-04-01/index.html").read_text(encoding="utf-8")
    assert 'datetime="2024-03-30T09:00+01:00"' in day_before
    assert 'datetime="2024-04-01T09:00+02:00"' in day_after
    assert ">Berlin time (UTC+01:00)</span>" in day_before
    assert ">Berlin time (UTC+02:00)</span>" in day_after
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Berlin time (UTC+01:00, UTC+02:00 from Sun 31 Mar)" in home

    calendar = parse(site / "generated.ics")
    (vtimezone,) = calendar.walk("VTIMEZONE")
    found = {str(e["UID"]): e.decoded("DTSTART") for e in calendar.walk("VEVENT")}
    assert found["before@generated"].utcoffset() == timedelta(hours=1)
    assert found["after@generated"].utcoffset() == timedelta(hours=2)
    assert vtimezone_offset(vtimezone, found["before@generated"]) == timedelta(hours=1)
    assert vtimezone_offset(vtimezone, found["after@generated"]) == timedelta(hours=2)
    assert {p.name for p in vtimezone.subcomponents} == {"STANDARD", "DAYLIGHT"}


def test_short_offset_excursion_is_in_the_vtimezone(tmp_path):
    """Morocco's Ramadan hour (10 March-14 April 2024 at UTC+00:00), which a 64-day
    search step would miss: a client reading only the VTIMEZONE must see it."""
    content = write_meeting(tmp_path / "content", "Africa/Casablanca", "Rabat", {
        "2024-03-08": [("friday", "10:00", "11:00")],
        "2024-03-11": [("monday", "10:00", "11:00")]})
    site = build(content, tmp_path / "site")
    calendar = parse(site / "generated.ics")
    (vtimezone,) = calendar.walk("VTIMEZONE")
    for event in calendar.walk("VEVENT"):
        start = event.decoded("DTSTART")
        expected = start.replace(tzinfo=RABAT).utcoffset()
        assert vtimezone_offset(vtimezone, start) == expected
    offsets = {str(e["UID"]): e.decoded("DTSTART").utcoffset() for e in calendar.walk("VEVENT")}
    assert offsets == {"friday@generated": timedelta(hours=1), "monday@generated": timedelta(0)}
