"""`agenda import`: frab/c3voc/pretalx schedules and spreadsheets become content folders
that pass `agenda check`; problems are reported by row or event, and then nothing is
written."""
from __future__ import annotations

import json
import shutil
from datetime import date, time
from pathlib import Path

import jsonschema
import pytest

from support import TEMPLATES
from generator.authoring.importers import import_schedule
from generator.cli import main
from generator.content.pipeline import load_content
from generator.errors import ContentError, OutputError
from generator.site.build import Builder
from support.sitecheck import broken_links

FIXTURES = Path(__file__).parent / "fixtures" / "import"
C3VOC_SCHEMA = Path(__file__).parent / "schemas" / "c3voc-schedule.schema.json"


def problems_of(source: Path, folder: Path, **options) -> list[str]:
    with pytest.raises(ContentError) as caught:
        import_schedule(source, folder, **options)
    assert not folder.exists(), "a failed import must write nothing"
    return [str(p) for p in caught.value.problems]


def copy_fixture(tmp_path: Path, name: str, old: str = "", new: str = "") -> Path:
    target = tmp_path / name
    text = (FIXTURES / name).read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


def test_the_default_meetings_own_schedule_json_imports_and_passes_check(site, tmp_path):
    result = import_schedule(site / "schedule.json", tmp_path / "again")
    loaded = load_content(tmp_path / "again")
    assert loaded.warnings == () and result.warnings == ()
    exported = json.loads((site / "schedule.json").read_text())["schedule"]["conference"]
    events = [e for day in exported["days"] for room in day["rooms"].values() for e in room]
    assert len(list(loaded.agenda.items())) == len(events)
    assert loaded.agenda.meeting.timezone == "Africa/Casablanca"
    # Sessions side by side are exported in virtual rooms of their own, and come back so.
    rooms = {item.id: item.room for _, item in loaded.agenda.items()}
    assert rooms["session-10a"] and rooms["session-10b"]
    assert rooms["session-10a"] != rooms["session-10b"]
    Builder(tmp_path / "again", TEMPLATES).build(tmp_path / "out")
    assert broken_links(tmp_path / "out")[0] == []


def test_the_json_fixture_is_a_valid_c3voc_schedule():
    schema = json.loads(C3VOC_SCHEMA.read_text())
    jsonschema.Draft6Validator(schema).validate(json.loads((FIXTURES / "schedule.json")
                                                           .read_text()))


@pytest.mark.parametrize("name", ["schedule.json", "schedule.xml"])
def test_a_frab_schedule_becomes_content_that_passes_check(tmp_path, name):
    import_schedule(FIXTURES / name, tmp_path / "fossday")
    loaded = load_content(tmp_path / "fossday")
    assert loaded.warnings == ()
    agenda = loaded.agenda
    assert (agenda.meeting.id, agenda.meeting.timezone) == ("fossday31", "Europe/Berlin")
    assert [day.date.isoformat() for day in agenda.days] == ["2031-05-06", "2031-05-08"]
    items = {item.id: item for _, item in agenda.items()}
    assert items["101-welcome"].kind == "opening"
    assert items["102-packaging"].room == "hall-a" and items["103-documentation"].room == "hall-b"
    assert [ref.person for ref in items["102-packaging"].speakers] == ["amina-idrissi",
                                                                      "jurgen-weiss"]
    assert agenda.meeting.groups.name == "Track"
    assert items["102-packaging"].groups == ("tooling",)
    assert {p.id: p.name for p in agenda.people}["sergey-ivanov"] == "Сергей Иванов"


def test_json_and_xml_of_one_schedule_import_alike(tmp_path):
    import_schedule(FIXTURES / "schedule.json", tmp_path / "from-json")
    import_schedule(FIXTURES / "schedule.xml", tmp_path / "from-xml")
    def shape(folder):
        return [(day.date, item.id, item.start, item.end, item.title, item.room,
                 [ref.person for ref in item.speakers])
                for day, item in load_content(folder).agenda.items()]

    assert shape(tmp_path / "from-json") == shape(tmp_path / "from-xml")


def test_two_events_in_one_room_at_once_are_reported_by_event(tmp_path):
    source = copy_fixture(tmp_path, "schedule.json", '"start": "09:30", "duration": "01:00",\n'
                          '                "room": "Hall A"', '"start": "09:15", "duration": '
                          '"01:00",\n                "room": "Hall A"')
    assert problems_of(source, tmp_path / "out") == [
        "schedule.json: event 102 'Packaging for distributions': item '102-packaging' "
        "(09:15-10:15) overlaps '101-welcome' (09:00-09:30, schedule.json: event 101 "
        "'Welcome') in the same room 'hall-a'; move one of them"]


def test_an_event_past_midnight_is_refused_by_event(tmp_path):
    source = copy_fixture(tmp_path, "schedule.xml", "<start>10:00</start>", "<start>23:30</start>")
    assert problems_of(source, tmp_path / "out") == [
        "schedule.xml: event 104 'Closing panel': runs past midnight (23:30 for 01:00); an item "
        "ends on the day it starts: split it in two"]


def test_an_xml_schedule_with_entities_is_refused(tmp_path):
    source = copy_fixture(tmp_path, "schedule.xml", "<schedule>",
                          '<!DOCTYPE schedule [<!ENTITY a "aaaa">]>\n<schedule>')
    assert problems_of(source, tmp_path / "out") == [
        "schedule.xml: declares a DOCTYPE or entities, which a frab schedule.xml does not need; "
        "remove them"]


def test_a_csv_spreadsheet_becomes_content_that_passes_check(tmp_path):
    import_schedule(FIXTURES / "program.csv", tmp_path / "city", timezone="Europe/Lisbon",
                    title="Open Data Workshop")
    loaded = load_content(tmp_path / "city")
    assert loaded.warnings == ()
    items = {item.id: item for _, item in loaded.agenda.items()}
    assert loaded.agenda.meeting.title == "Open Data Workshop"
    assert items["open-data-in-cities"].speakers[1].tbc  # "Leila Haddad (tbc)"
    assert items["tools-for-small-teams"].tbc and items["tools-for-small-teams"].room == "room-b"
    assert {p.id for p in loaded.agenda.people} == {"ana-silva", "tomas-novak", "leila-haddad"}
    assert "  - their users" in items["open-data-in-cities"].description


def test_a_spreadsheet_row_ending_before_it_starts_is_named_by_row(tmp_path):
    source = copy_fixture(tmp_path, "program.csv", "09:00,09:30,Opening", "11:00,10:00,Opening")
    assert problems_of(source, tmp_path / "out", timezone="Europe/Lisbon")[0] == (
        "program.csv:row 3: item 'opening' ends at 10:00, not after its start 11:00; times are "
        "24-hour, so write 13:20 for 1:20 pm")


def test_a_spreadsheet_without_time_zone_asks_for_one(tmp_path):
    assert problems_of(FIXTURES / "program.csv", tmp_path / "out") == [
        "program.csv: the meeting's time zone is not given; pass --timezone with its IANA name, "
        "e.g. --timezone Europe/Paris"]


def test_a_bad_date_and_an_unknown_column_are_named_by_row(tmp_path):
    """Rows are numbered as a spreadsheet shows them: a cell of three lines is one row."""
    source = copy_fixture(tmp_path, "program.csv", "date,start,end,title,kind",
                          "date,start,end,title,knid")
    assert problems_of(source, tmp_path / "out", timezone="UTC") == [
        "program.csv:row 1: unknown column 'knid'; did you mean 'kind'? the columns are: date, "
        "start, end, title, id, number, kind, subtitle, description, room, chair, speakers, "
        "presenters, discussants, main_question, questions, themes, groups, audience, "
        "parallel, continues, tbc"]
    source = copy_fixture(tmp_path, "program.csv", "2031-09-17,", "17/09/2031,")
    assert problems_of(source, tmp_path / "out", timezone="UTC") == [
        "program.csv:row 7: date '17/09/2031' must be written YYYY-MM-DD (like 2025-06-20)"]


def test_row_problems_and_checker_problems_are_reported_together(tmp_path):
    source = copy_fixture(tmp_path, "program.csv", "2031-09-17,", "17/09/2031,")
    source.write_text(source.read_text().replace("09:00,09:30,Opening", "11:00,10:00,Opening"))
    assert problems_of(source, tmp_path / "out", timezone="UTC") == [
        "program.csv:row 7: date '17/09/2031' must be written YYYY-MM-DD (like 2025-06-20)",
        "program.csv:row 3: item 'opening' ends at 10:00, not after its start 11:00; times are "
        "24-hour, so write 13:20 for 1:20 pm"]


def test_an_xlsx_spreadsheet_with_date_and_time_cells_imports(tmp_path):
    from openpyxl import Workbook
    book = Workbook()
    sheet = book.active
    sheet.append(["Date", "Start", "End", "Title", "Speakers", "Room"])
    sheet.append([date(2031, 9, 15), time(9, 0), time(10, 0), "Keynote", "Ana Silva", "Hall"])
    sheet.append([date(2031, 9, 15), time(10, 0), time(10, 30), "Break", "", ""])
    sheet.cell(row=3, column=5).value = None
    sheet.append([date(2031, 9, 16), time(11, 0), time(10, 0), "Wrap-up", "", "Hall"])
    book.save(tmp_path / "program.xlsx")
    assert problems_of(tmp_path / "program.xlsx", tmp_path / "out", timezone="UTC") == [
        "program.xlsx:row 4: item 'wrap-up' ends at 10:00, not after its start 11:00; times are "
        "24-hour, so write 13:20 for 1:20 pm"]
    sheet.cell(row=4, column=2).value = time(9, 0)
    book.save(tmp_path / "program.xlsx")
    import_schedule(tmp_path / "program.xlsx", tmp_path / "out", timezone="UTC")
    items = {item.id: item for _, item in load_content(tmp_path / "out").agenda.items()}
    assert items["keynote"].start == time(9, 0) and items["keynote"].room == "hall"


def test_import_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "keep.txt").write_text("mine")
    with pytest.raises(OutputError, match="is not empty"):
        import_schedule(FIXTURES / "schedule.json", tmp_path / "busy")
    assert [p.name for p in (tmp_path / "busy").iterdir()] == ["keep.txt"]


def test_the_command_reports_every_problem_and_exits_1(tmp_path, capsys):
    source = copy_fixture(tmp_path, "program.csv", "09:00,09:30,Opening", "11:00,10:00,Opening")
    assert main(["import", str(source), str(tmp_path / "out"), "--timezone", "UTC"]) == 1
    err = capsys.readouterr().err
    assert "program.csv:row 3: item 'opening' ends at 10:00" in err
    assert "nothing was written" in err
    assert main(["import", str(FIXTURES / "program.csv"), str(tmp_path / "out"),
                 "--timezone", "UTC"]) == 0
    assert main(["check", "--strict", "--content", str(tmp_path / "out")]) == 0
    shutil.rmtree(tmp_path / "out")
