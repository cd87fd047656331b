"""Messages that once misled an organiser writing a meeting from the docs alone, and
the format questions they raised (days with gaps, hybrid meetings without details).
One test per message, each asserting the text the organiser reads."""
from __future__ import annotations

import pytest

from support import TEMPLATES, edit, line_of, write_content
from generator.content.pipeline import load_content
from generator.errors import ContentError
from generator.site.build import Builder

MEETING = """\
id: gaps-2030
title: Meeting with a weekend in between
timezone: Europe/Paris
start: 2030-01-10
end: 2030-01-14
rooms:
  - id: main
    name: Main hall
  - id: side
    name: Side room
"""
SCHEDULE = """\
days:
  - date: 2030-01-10
    items:
      - id: opening
        kind: opening
        start: "09:00"
        end: "10:00"
        title: Opening
  - date: 2030-01-14
    items:
      - id: track-a
        start: "09:00"
        end: "10:00"
        title: Track A
        room: main
      - id: track-b
        start: "09:00"
        end: "10:00"
        title: Track B
        room: side
"""


def errors_of(content) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(content)
    return [str(p) for p in caught.value.problems if not p.warning]


def only_error(content) -> str:
    errors = errors_of(content)
    assert len(errors) == 1, errors
    return errors[0]


@pytest.fixture
def gaps(tmp_path):
    return write_content(tmp_path / "gaps", MEETING, SCHEDULE)


def test_a_misplaced_dates_key_explains_start_and_end(content):
    meeting = content / "meeting.yaml"
    edit(meeting, "start: 2022-06-20\nend: 2022-06-22\n", "dates: 2022-06-20\n")
    assert (f"meeting.yaml:{line_of(meeting, 'dates:')}: unknown key 'dates' in meeting.yaml; "
            "a meeting's dates are `start:` and `end:` (YYYY-MM-DD), its first and last day; "
            "the days themselves are listed in schedule.yaml") in errors_of(content)


def test_a_room_given_by_its_name_is_told_its_id(gaps):
    schedule = gaps / "schedule.yaml"
    edit(schedule, "room: side", "room: Side room")
    assert only_error(gaps) == (f"schedule.yaml:{line_of(schedule, 'room: Side room')}: "
                                "'Side room' is the name of room 'side'; an item names its room "
                                "by id: write `room: side`")


def test_tbc_on_a_person_says_where_it_belongs(content):
    people = content / "people.yaml"
    edit(people, "  - id: francesca-grum\n", "  - id: francesca-grum\n    tbc: true\n")
    assert only_error(content) == (
        f"people.yaml:{line_of(people, 'tbc: true')}: unknown key 'tbc' in person "
        "'francesca-grum'; `tbc` marks a person's place in one item, not the person: in "
        "schedule.yaml write `- person: ID` with `tbc: true` under the item's chair, speakers, "
        "presenters or discussants")


def test_a_person_whose_id_is_wrong_is_never_named_as_empty_quotes(content):
    people = content / "people.yaml"
    edit(people, "people:\n", "people:\n  - id: ''\n    name: Amina Idrissi\n")
    with pytest.raises(ContentError) as caught:
        load_content(content)
    messages = [str(p) for p in caught.value.problems]
    line = line_of(people, "- id: ''")
    assert f"people.yaml:{line}: 'id' in person 'Amina Idrissi' must not be empty" in messages
    assert not [m for m in messages if "''" in m]


def test_an_empty_entry_in_a_list_of_people_is_not_quoted_as_a_name(content):
    schedule = content / "schedule.yaml"
    edit(schedule, "          - person: francesca-grum\n", "          - person: francesca-grum\n"
                                                           "          -\n")
    line = line_of(schedule, "- person: francesca-grum") + 1
    assert only_error(content) == (f"schedule.yaml:{line}: 'speakers' must list person ids or "
                                   "mappings with `person:`, not an empty entry")


def test_an_id_in_arabic_script_is_refused_with_a_latin_suggestion(content):
    people = content / "people.yaml"
    edit(people, "people:\n", "people:\n  - id: فاطمة\n    name: فاطمة\n")
    assert only_error(content) == (
        f"people.yaml:{line_of(people, '- id: فاطمة')}: 'id' in person 'فاطمة' is 'فاطمة'; an "
        "id may hold only ASCII letters (a-z, A-Z), digits, '-', '_' and '.', and must start "
        "with a letter or digit; try 'ftmh'")


def test_an_id_with_accents_is_refused_with_the_plain_letters_suggested(content):
    people = content / "people.yaml"
    edit(people, "  - id: francesca-grum\n", "  - id: maría-lópez\n    name: María López\n"
                                              "  - id: francesca-grum\n")
    assert only_error(content).endswith("must start with a letter or digit; try 'maria-lopez'")


def test_days_need_not_follow_each_other(gaps):
    loaded = load_content(gaps)
    assert loaded.warnings == ()
    assert [day.name for day in loaded.agenda.days] == ["Day 1", "Day 2"]


def test_items_in_different_rooms_overlap_without_parallel(gaps):
    assert "parallel" not in SCHEDULE
    load_content(gaps)


def test_an_empty_day_is_refused_and_says_days_may_have_gaps(gaps):
    schedule = gaps / "schedule.yaml"
    edit(schedule, "days:\n", "days:\n  - date: 2030-01-11\n    items: []\n")
    assert only_error(gaps) == (
        f"schedule.yaml:{line_of(schedule, 'date: 2030-01-11')}: day 2030-01-11 has no items; "
        "add the day's schedule under `items:`, or leave the date out: days need not follow "
        "each other (a weekend or a day off in between is fine)")


@pytest.mark.parametrize("online", ["true", "{}"])
def test_online_true_makes_a_hybrid_meeting_with_a_general_note(gaps, tmp_path, online):
    edit(gaps / "meeting.yaml", "rooms:\n", f"online: {online}\nrooms:\n")
    Builder(gaps, TEMPLATES).build(tmp_path / "out")
    home = (tmp_path / "out" / "index.html").read_text()
    assert "<dt>Online</dt>\n  <dd>Participants can also join online.</dd>" in home
    session = (tmp_path / "out" / "sessions" / "opening" / "index.html").read_text()
    assert "Online" in session.split("<dt>Where</dt>")[1].split("</dd>")[0]


def test_online_with_a_note_only_shows_the_note(gaps, tmp_path):
    edit(gaps / "meeting.yaml", "rooms:\n",
         "online:\n  note: Hybrid; the link comes by e-mail.\nrooms:\n")
    Builder(gaps, TEMPLATES).build(tmp_path / "out")
    home = (tmp_path / "out" / "index.html").read_text()
    assert "<dd>Hybrid; the link comes by e-mail.</dd>" in home


def test_online_false_means_in_person_only(gaps):
    edit(gaps / "meeting.yaml", "rooms:\n", "online: false\nrooms:\n")
    assert load_content(gaps).agenda.meeting.online is None


def test_online_of_another_kind_is_explained(gaps):
    meeting = gaps / "meeting.yaml"
    edit(meeting, "rooms:\n", "online: Zoom\nrooms:\n")
    assert only_error(gaps) == (
        f"meeting.yaml:{line_of(meeting, 'online: Zoom')}: 'online' in meeting.yaml must be "
        "true, false or a mapping of `key: value` lines describing how people join remotely, "
        "not 'Zoom'")
