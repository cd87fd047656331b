"""Nothing in the code is tied to the default meeting: a small meeting of another
shape (one day, online only, no themes, groups, venue or people) builds too."""
from __future__ import annotations

import json
from pathlib import Path

from support import TEMPLATES, write_content
from generator.site.build import Builder
from support.sitecheck import broken_links

MEETING = """\
id: tiny-2030
title: Board call
timezone: America/Sao_Paulo
start: 2030-01-15
end: 2030-01-15
"""
SCHEDULE = """\
days:
  - date: 2030-01-15
    items:
      - id: call
        kind: plenary
        start: "10:00"
        end: "11:00"
        title: Quarterly call
"""


def write_meeting(folder: Path) -> Path:
    return write_content(folder, MEETING, SCHEDULE)


def test_a_minimal_meeting_builds_with_working_links(tmp_path):
    content = write_meeting(tmp_path / "content")
    output = tmp_path / "out"
    Builder(content, TEMPLATES).build(output)
    assert broken_links(output)[0] == []
    page = (output / "sessions" / "call" / "index.html").read_text()
    assert 'datetime="2030-01-15T10:00-03:00"' in page
    assert "Sao Paulo time (UTC−03:00)" in page  # the city of the IANA zone: no venue given


def test_without_venue_or_online_a_session_page_has_no_empty_where(tmp_path):
    content = write_meeting(tmp_path / "content")
    output = tmp_path / "out"
    Builder(content, TEMPLATES).build(output)
    page = (output / "sessions" / "call" / "index.html").read_text()
    assert "<dt>Where</dt>" not in page


def test_without_themes_or_groups_there_are_no_such_pages_or_links(tmp_path):
    content = write_meeting(tmp_path / "content")
    output = tmp_path / "out"
    Builder(content, TEMPLATES).build(output)
    assert not (output / "themes").exists() and not (output / "groups").exists()
    assert "themes/index.html" not in (output / "index.html").read_text()


def test_an_item_across_a_daylight_saving_change_lasts_its_real_length(tmp_path):
    content = write_content(
        tmp_path / "content",
        MEETING.replace("America/Sao_Paulo", "America/New_York").replace("2030-01-15",
                                                                         "2024-11-03"),
        SCHEDULE.replace("2030-01-15", "2024-11-03").replace('"10:00"', '"00:30"')
        .replace('"11:00"', '"03:00"'))
    output = tmp_path / "out"
    Builder(content, TEMPLATES).build(output)
    page = (output / "sessions" / "call" / "index.html").read_text()
    assert "(3 h 30 min)" in page  # clocks went back an hour at 02:00
    schedule = json.loads((output / "schedule.json").read_text())
    event = schedule["schedule"]["conference"]["days"][0]["rooms"]
    assert [e["duration"] for room in event.values() for e in room] == ["03:30"]


def test_schedule_json_lists_rooms_in_the_order_meeting_yaml_declares_them(tmp_path):
    """Apps show one column per room: the day's first session being in the second
    room must not swap the columns."""
    content = write_content(tmp_path / "content", MEETING + """\
rooms:
  - id: hall
    name: Main hall
  - id: lab
    name: Lab
""", SCHEDULE.replace("title: Quarterly call", """\
title: Quarterly call
        room: lab
      - id: review
        kind: session
        start: "11:00"
        end: "12:00"
        title: Budget review
        room: hall"""))
    output = tmp_path / "out"
    Builder(content, TEMPLATES).build(output)
    conference = json.loads((output / "schedule.json").read_text())["schedule"]["conference"]
    assert list(conference["days"][0]["rooms"]) == ["Main hall", "Lab"]
    assert [room["name"] for room in conference["rooms"]] == ["Main hall", "Lab"]
