"""`agenda new FOLDER` writes a small commented meeting that passes `agenda check`;
`agenda schema` writes the editors' JSON Schema into a content folder."""
from __future__ import annotations

import json
from datetime import date

import pytest

from support import TEMPLATES
from generator.authoring.new import create, next_monday
from generator.cli import main
from generator.content.pipeline import load_content
from generator.content.relations import concurrent_items
from generator.content.schema import schemas
from generator.site.build import Builder
from support.sitecheck import broken_links
from test_content_schema import schema_errors


@pytest.fixture
def starter(tmp_path):
    folder = tmp_path / "city-workshop"
    create(folder, date(2031, 3, 10))
    return folder


def test_new_writes_a_meeting_that_passes_check_strictly(tmp_path, capsys):
    assert main(["new", str(tmp_path / "mine"), "--start", "2031-03-10"]) == 0
    assert "agenda serve --content" in capsys.readouterr().out
    assert main(["check", "--strict", "--content", str(tmp_path / "mine")]) == 0


def test_the_starter_has_two_days_a_break_parallel_sessions_and_a_note(starter):
    agenda = load_content(starter).agenda
    assert [day.date for day in agenda.days] == [date(2031, 3, 10), date(2031, 3, 11)]
    assert agenda.meeting.id == "city-workshop"
    kinds = [item.kind for _, item in agenda.items()]
    assert "break" in kinds
    first_day = agenda.days[0].items
    side_by_side = sorted({tuple(sorted((item_id, other.id)))
                           for item_id, others in concurrent_items(first_day).items()
                           for other in others})
    assert side_by_side == [("session-2a", "session-2b")]
    assert [note.name for note in agenda.notes] == ["session-1.md"]


def test_every_starter_file_names_its_schema_and_opens_with_an_explanation(starter):
    for name in ("meeting.yaml", "people.yaml", "schedule.yaml"):
        text = (starter / name).read_text(encoding="utf-8")
        assert text.startswith(f"# yaml-language-server: $schema=schema/"
                               f"{name.replace('.yaml', '.schema.json')}\n# ")


def test_the_starter_builds_with_working_links_and_nested_lists(starter, tmp_path):
    Builder(starter, TEMPLATES).build(tmp_path / "out")
    assert broken_links(tmp_path / "out")[0] == []
    note = (tmp_path / "out" / "sessions" / "session-1" / "index.html").read_text()
    assert "<li>Short talks<ul>" in note
    assert '<a href="../../people/tomas-novak/index.html">Tomáš Novák</a>' in note


@pytest.mark.parametrize("name", ["meeting.yaml", "people.yaml", "schedule.yaml"])
def test_the_starter_validates_against_the_schema_it_ships(starter, name):
    assert schema_errors(starter, name) == []


def test_new_refuses_a_folder_that_is_not_empty(tmp_path, capsys):
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("keep me")
    assert main(["new", str(tmp_path / "busy")]) == 1
    assert capsys.readouterr().err == (f"agenda: error: {tmp_path / 'busy'} is not empty; agenda "
                                       "new writes only into a new or empty folder, so that "
                                       "nothing is overwritten\n")
    assert [p.name for p in (tmp_path / "busy").iterdir()] == ["notes.txt"]


def test_new_fills_an_empty_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    create(tmp_path / "empty", date(2031, 3, 10))
    load_content(tmp_path / "empty")


def test_new_starts_on_the_next_monday_by_default():
    assert next_monday(date(2031, 3, 5)) == date(2031, 3, 10)  # a Wednesday
    assert next_monday(date(2031, 3, 10)) == date(2031, 3, 17)  # a Monday: the next one


def test_a_start_that_is_no_date_is_refused(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["new", str(tmp_path / "x"), "--start", "10/03/2031"])
    assert "'10/03/2031' is not a date written YYYY-MM-DD" in capsys.readouterr().err


def test_schema_command_writes_the_schemas_into_the_content_folder(content):
    for path in (content / "schema").iterdir():
        path.unlink()
    assert main(["schema", "--content", str(content)]) == 0
    written = {p.name: json.loads(p.read_text()) for p in (content / "schema").iterdir()}
    assert written == schemas()


def test_the_starter_builds_from_any_folder_with_the_built_in_theme(starter, tmp_path,
                                                                     monkeypatch):
    monkeypatch.chdir(tmp_path)  # no templates/ folder here
    assert main(["build", "--content", str(starter), "--output", "site"]) == 0
    assert (tmp_path / "site" / "sessions" / "session-1" / "index.html").is_file()
