"""`agenda publish` and its records (content/published/DATE.json): deterministic,
one item and one page per line, read back as they were written; the date is never
the clock's unless asked; a damaged record is reported as file:line."""
from __future__ import annotations

import json
from datetime import date


from support import TEMPLATES, edit, line_of, english_content
from generator.cli import main
from generator.site.build import Builder
from generator.site.snapshot import snapshot

RECORD = "published/2022-06-10.json"


def publish(content, *options) -> int:
    return main(["publish", "--content", str(content), *options])


def test_a_record_is_deterministic_with_one_item_and_one_page_per_line(content, tmp_path):
    other = tmp_path / "other"
    english_content(other / "content")
    assert publish(content, "--date", "2022-06-10") == 0
    assert publish(other / "content", "--date", "2022-06-10") == 0
    text = (content / RECORD).read_text(encoding="utf-8")
    assert text == (other / "content" / RECORD).read_text(encoding="utf-8")
    lines = text.splitlines()
    assert sum(line.startswith('  {"id": ') for line in lines) == 33
    assert '  "days/2022-06-20/index.html",' in lines
    assert "  \"changes/index.html\"," in lines  # the page the record itself brings
    assert not any("404.html" in line or ".ics" in line for line in lines)
    assert text.endswith("]\n}\n")


def test_a_record_reads_back_as_the_content_it_recorded(content):
    assert publish(content, "--date", "2022-06-10") == 0
    loaded = Builder(content, TEMPLATES).check()
    (record,) = loaded.agenda.publications
    assert record.items == snapshot(loaded.agenda, loaded.index, record.date).items
    assert record.date == date(2022, 6, 10) and "index.html" in record.pages


def test_the_date_is_updated_when_no_date_is_given(content, capsys):
    edit(content / "meeting.yaml", "status: tentative", "status: tentative\nupdated: 2022-06-09")
    assert publish(content) == 0
    assert (content / "published/2022-06-09.json").is_file()
    assert "Recorded the publication of 2022-06-09" in capsys.readouterr().out


def test_without_a_date_or_updated_publish_asks_for_one(content, capsys):
    assert publish(content) == 1
    assert ("say which date this publication has: pass --date YYYY-MM-DD (or --date today), "
            "or set `updated:` in meeting.yaml") in capsys.readouterr().err
    assert not (content / "published").exists()


def test_today_reads_the_clock_only_when_asked(content):
    assert publish(content, "--date", "today") == 0
    assert (content / f"published/{date.today().isoformat()}.json").is_file()


def test_a_date_before_the_latest_record_is_refused(content, capsys):
    assert publish(content, "--date", "2022-06-10") == 0
    assert publish(content, "--date", "2022-06-01") == 1
    assert "the latest record is of 2022-06-10, after 2022-06-01" in capsys.readouterr().err


def test_publishing_again_on_the_same_date_replaces_that_record(content, capsys):
    assert publish(content, "--date", "2022-06-10") == 0
    edit(content / "schedule.yaml", "title: Georgia benchmarking study",
         "title: Georgia benchmarking")
    assert publish(content, "--date", "2022-06-10") == 0
    assert "Replaced the record of 2022-06-10" in capsys.readouterr().out
    assert "Georgia benchmarking\"" in (content / RECORD).read_text(encoding="utf-8")
    assert sorted(p.name for p in (content / "published").iterdir()) == ["2022-06-10.json"]


def test_a_site_without_records_has_no_changes_page(site):
    assert not (site / "changes").exists()
    assert "What changed" not in (site / "index.html").read_text(encoding="utf-8")


def damaged(content, old: str, new: str) -> str:
    assert publish(content, "--date", "2022-06-10") == 0
    edit(content / RECORD, old, new)
    return RECORD


def build_fails_with(content, tmp_path, capsys, message: str) -> None:
    assert main(["build", "--content", str(content), "--output", str(tmp_path / "out")]) == 1
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_a_record_that_is_not_json_names_the_line(content, tmp_path, capsys):
    damaged(content, '"id": "session-7"', '"id": session-7')
    line = line_of(content / RECORD, '"id": session-7')
    build_fails_with(content, tmp_path, capsys, f"{RECORD}:{line}: not valid JSON: Expecting "
                                                "value (column 10)")


def test_a_damaged_time_in_a_record_names_the_line(content, tmp_path, capsys):
    damaged(content, '"start": "12:00"', '"start": "noon"')
    line = line_of(content / RECORD, '"start": "noon"')
    build_fails_with(content, tmp_path, capsys,
                     f"{RECORD}:{line}: 'start' must be a time HH:MM, not 'noon'; this file is "
                     "written by `agenda publish`: restore it from version control")


def test_an_unknown_key_in_a_record_is_named(content, tmp_path, capsys):
    damaged(content, '"id": "session-7",', '"id": "session-7", "colour": "red",')
    line = line_of(content / RECORD, '"colour"')
    build_fails_with(content, tmp_path, capsys,
                     f"{RECORD}:{line}: unknown key 'colour' in published item 'session-7'")


def test_a_record_whose_date_is_not_its_name_is_refused(content, tmp_path, capsys):
    damaged(content, '"date": "2022-06-10"', '"date": "2022-06-11"')
    build_fails_with(content, tmp_path, capsys, f"{RECORD}:4: the record says 2022-06-11 but "
                                                "its file is named 2022-06-10.json")


def test_a_record_of_another_format_is_refused(content, tmp_path, capsys):
    damaged(content, '"format_version": 1', '"format_version": 2')
    build_fails_with(content, tmp_path, capsys, f"{RECORD}:2: not a publication record of "
                                                "format 'agenda-publication' version 1")


def test_a_file_not_named_after_a_date_is_refused(content, tmp_path, capsys):
    (content / "published").mkdir()
    (content / "published/latest.json").write_text("{}", encoding="utf-8")
    build_fails_with(content, tmp_path, capsys, "published/latest.json: a publication record "
                                                "is named after its date")


def test_changes_since_without_any_record_is_a_warning(content, capsys):
    edit(content / "meeting.yaml", "status: tentative", "status: tentative\n"
                                                         "changes_since: 2022-06-10")
    assert main(["check", "--content", str(content)]) == 0
    line = line_of(content / "meeting.yaml", "changes_since")
    assert f"meeting.yaml:{line}: warning: `changes_since: 2022-06-10` marks changes since a " \
           "publication, but nothing is recorded yet" in capsys.readouterr().err


def test_check_notes_changes_not_yet_published(content, capsys):
    assert publish(content, "--date", "2022-06-10") == 0
    edit(content / "schedule.yaml", "title: Georgia benchmarking study",
         "title: Georgia benchmarking")
    assert main(["check", "--content", str(content)]) == 0
    assert "Note: 1 item changed since the publication of 2022-06-10; `agenda publish " \
           "--date YYYY-MM-DD` records the changes" in capsys.readouterr().out


def test_a_record_reformatted_by_an_editor_still_reads_and_locates_its_lines(content, tmp_path,
                                                                                capsys):
    assert publish(content, "--date", "2022-06-10") == 0
    written = Builder(content, TEMPLATES).check().agenda.publications
    record = content / RECORD
    record.write_text(json.dumps(json.loads(record.read_text(encoding="utf-8")), indent=2,
                                 ensure_ascii=False), encoding="utf-8")
    assert Builder(content, TEMPLATES).check().agenda.publications[0].items == written[0].items
    edit(record, '"start": "12:00"', '"start": "noon"')
    line = line_of(record, '"start": "noon"')
    build_fails_with(content, tmp_path, capsys, f"{RECORD}:{line}: 'start' must be a time HH:MM")
