"""One test per validation rule: each bad input names file, line and the fix.

Every test edits a temp copy of the real default content, so the rest of the
meeting stays valid and only the planted problem is reported.
"""
from __future__ import annotations

import pytest

from support import edit, line_of
from generator.content.pipeline import load_content
from generator.errors import ContentError
from generator.content.load import parse_yaml


def errors_of(content) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(content)
    return [str(p) for p in caught.value.problems if not p.warning]


def only_error(content) -> str:
    errors = errors_of(content)
    assert len(errors) == 1, errors
    return errors[0]


def test_yaml_syntax_error_names_file_and_line(content):
    schedule = content / "schedule.yaml"
    edit(schedule, 'title: Opening\n', 'title: [Opening\n')
    message = only_error(content)
    assert message.startswith(f"schedule.yaml:{line_of(schedule, 'title: [Opening') + 1}:")
    assert "YAML syntax error" in message


def test_tab_indentation_is_named_plainly(content):
    schedule = content / "schedule.yaml"
    edit(schedule, "        title: Opening\n", "\ttitle: Opening\n")
    assert only_error(content) == (f"schedule.yaml:{line_of(schedule, 'title: Opening')}: YAML "
                                   "syntax error: this line is indented with a tab; YAML needs "
                                   "spaces, so replace the tab with spaces")


def test_a_tab_is_not_blamed_for_another_mistake_on_its_line():
    _, problems = parse_yaml("speakers: [\n\t*ana]\n", "schedule.yaml")
    assert [str(p) for p in problems] == [
        "schedule.yaml:2: YAML syntax error: found undefined alias; check indentation, colons "
        "and quotes on this line or the one above"]


def test_misspelt_key_is_an_error_that_suggests_the_right_one(content):
    schedule = content / "schedule.yaml"
    edit(schedule, "chair: francesca-grum", "chiar: francesca-grum")
    line = line_of(schedule, "chiar:")
    assert only_error(content) == (f"schedule.yaml:{line}: unknown key 'chiar' in item "
                                   "'session-1'; did you mean 'chair'?")


def test_duplicate_key_in_one_mapping_is_an_error(content):
    meeting = content / "meeting.yaml"
    edit(meeting, "start: 2022-06-20\n", "start: 2022-06-20\nstart: 2022-06-21\n")
    assert only_error(content) == (f"meeting.yaml:{line_of(meeting, 'start:', 2)}: key 'start' "
                                   "appears twice in one mapping; keep one")


def test_missing_required_field_names_the_key_to_add(content):
    schedule = content / "schedule.yaml"
    edit(schedule, "        title: Opening\n", "")
    line = line_of(schedule, "- id: opening")
    assert only_error(content) == (f"schedule.yaml:{line}: item 'opening' is missing required "
                                   "key 'title'; add `title: ...`")


def test_wrong_type_is_reported(content):
    schedule = content / "schedule.yaml"
    edit(schedule, "        title: Opening\n", "        title:\n          text: Opening\n")
    assert only_error(content) == (f"schedule.yaml:{line_of(schedule, 'text: Opening') - 1}: 'title' in "
                                   "item 'opening' must be text, not a mapping; quote it if needed")


def test_flag_must_be_true_or_false(content):
    schedule = content / "schedule.yaml"
    edit(schedule, "tbc: true", "tbc: maybe")
    assert "'tbc' in 'speakers' entry must be true or false, not 'maybe'" in only_error(content)


def test_malformed_time_asks_for_24_hour_hh_mm(content):
    schedule = content / "schedule.yaml"
    edit(schedule, 'start: "09:00"', 'start: "9h00"')
    assert only_error(content) == (f"schedule.yaml:{line_of(schedule, '9h00')}: 'start' in item "
                                   "'opening' must be a 24-hour time HH:MM (like 09:30 or 13:20), "
                                   "not '9h00'")


def test_unquoted_time_is_read_as_a_time_not_a_number(content):
    schedule = content / "schedule.yaml"
    edit(schedule, 'start: "09:00"', "start: 9:00")
    load_content(content)  # YAML 1.1 would read 9:00 as 540; it must stay a valid time


def test_time_written_with_a_dot_is_shown_as_the_time_it_means(content):
    schedule = content / "schedule.yaml"
    edit(schedule, 'start: "09:00"', "start: 9.30")
    assert only_error(content) == (
        f"schedule.yaml:{line_of(schedule, 'start: 9.30')}: 'start' in item 'opening' must be "
        'a 24-hour time HH:MM; YAML read this as the number 9.3: write "09:30" with a colon')


def test_malformed_date_is_reported(content):
    schedule = content / "schedule.yaml"
    edit(schedule, "date: 2022-06-21", "date: 21/06/2022")
    assert (f"schedule.yaml:{line_of(schedule, '21/06/2022')}: 'date' in day must be a date "
            "written YYYY-MM-DD (like 2022-06-20), not '21/06/2022'") in errors_of(content)


def test_end_not_after_start_hints_at_12_hour_times(content):
    schedule = content / "schedule.yaml"
    edit(schedule, 'end: "14:20"', 'end: "2:20"')  # session 3 written 13:20-2:20
    line = line_of(schedule, 'end: "2:20"')
    message = errors_of(content)[0]
    assert message == (f"schedule.yaml:{line}: item 'session-3' ends "
                       "at 02:20, not after its start 13:20; times are 24-hour, so write 13:20 "
                       "for 1:20 pm")


def test_afternoon_time_without_pm_is_caught_as_out_of_order(content):
    schedule = content / "schedule.yaml"
    edit(schedule, 'start: "13:20"\n        end: "14:20"', 'start: "1:20"\n        end: "2:20"')
    line = line_of(schedule, 'start: "1:20"')
    assert only_error(content) == (
        f"schedule.yaml:{line}: item 'session-3' starts at 01:20, before the item above it "
        "(12:20); list a day's items in time order across all rooms, not room by room; if "
        "1:20 is an afternoon time, write it in 24-hour form (13:20, not 1:20)")


def test_no_afternoon_hint_where_the_afternoon_would_not_fit_either(content):
    schedule = content / "schedule.yaml"
    edit(schedule, 'start: "09:00"\n        end: "09:30"', 'start: "08:30"\n        end: "08:40"')
    line = line_of(schedule, 'start: "08:30"')
    assert only_error(content) == (
        f"schedule.yaml:{line}: item 'opening' starts at 08:30, before the item above it "
        "(08:40); list a day's items in time order across all rooms, not room by room")


def test_item_listed_after_a_later_one_asks_for_time_order_across_rooms(content):
    schedule = content / "schedule.yaml"
    edit(schedule, '"16:00"\n        end: "17:15"\n        title: TF4',
         '"15:00"\n        end: "17:15"\n        title: TF4')  # 10b, listed after 10a
    line = line_of(schedule, 'start: "15:00"')
    assert only_error(content) == (
        f"schedule.yaml:{line}: item 'session-10b' starts at "
        "15:00, before the item above it (16:00); list a day's items in time order across all "
        "rooms, not room by room")


def test_one_12_hour_typo_is_one_problem_not_a_list_of_overlaps(content):
    schedule = content / "schedule.yaml"
    edit(schedule, 'start: "16:00"\n        end: "17:30"', 'start: "4:00"\n        end: "17:30"')
    line = line_of(schedule, 'start: "4:00"')
    assert only_error(content) == (
        f"schedule.yaml:{line}: item 'session-5' starts at "
        "04:00, before the item above it (15:40); list a day's items in time order across all "
        "rooms, not room by room; if 4:00 is an afternoon time, write it in 24-hour form "
        "(16:00, not 4:00)")


def test_overlapping_items_must_be_marked_parallel(content):
    schedule = content / "schedule.yaml"
    edit(schedule, 'start: "14:20"\n        end: "15:40"', 'start: "14:20"\n        end: "15:50"')
    line = line_of(schedule, 'start: "15:40"')
    session4 = line_of(schedule, "- id: session-4")
    assert only_error(content) == (
        f"schedule.yaml:{line}: item 'break-2022-06-20-1540' (15:40-16:00) overlaps 'session-4' "
        f"(14:20-15:50, line {session4}); fix the times, or, if they really run at the same "
        "time, give them different rooms (`room:`) or the same `parallel:` value")


def test_parallel_items_may_overlap(content):
    schedule = content / "schedule.yaml"
    edit(schedule, 'parallel: "10"', 'parallel: "ten"', count=2)
    load_content(content)
    edit(schedule, 'parallel: "ten"', 'parallel: "other"')
    assert "overlaps 'session-10a'" in only_error(content)


def test_wrong_day_date_is_caught_as_a_duplicate_day(content):
    schedule = content / "schedule.yaml"
    edit(schedule, "date: 2022-06-22", "date: 2022-06-21")  # the seed's own flaw
    errors = errors_of(content)
    assert (f"schedule.yaml:{line_of(schedule, 'date: 2022-06-21', 2)}: day 2022-06-21 (Tuesday) "
            "is listed twice (first at line "
            f"{line_of(schedule, 'date: 2022-06-21')}); each date gets one entry; check the date"
            ) in errors


def test_day_outside_meeting_dates_is_an_error(content):
    schedule = content / "schedule.yaml"
    edit(schedule, "date: 2022-06-22", "date: 2022-06-23")
    assert (f"schedule.yaml:{line_of(schedule, '2022-06-23')}: day 2022-06-23 (Thursday) is "
            "outside the meeting's dates 2022-06-20 to 2022-06-22 (meeting.yaml); check the date"
            ) in errors_of(content)


def test_unknown_person_reference_suggests_a_close_id(content):
    schedule = content / "schedule.yaml"
    edit(schedule, "person: maria-isabel-cobos", "person: maria-isabel-cobo")
    assert only_error(content) == (f"schedule.yaml:{line_of(schedule, 'maria-isabel-cobo')}: "
                                   "unknown person 'maria-isabel-cobo'; did you mean "
                                   "'maria-isabel-cobos'? define it in people.yaml")


def test_unknown_theme_is_named_with_the_meetings_own_word(content):
    schedule = content / "schedule.yaml"
    edit(schedule, "themes: [1]", "themes: [9]")
    assert only_error(content) == (f"schedule.yaml:{line_of(schedule, 'themes: [9]')}: unknown "
                                   "policy area '9'; define it in meeting.yaml under themes")


def test_unknown_group_is_reported(content):
    schedule = content / "schedule.yaml"
    edit(schedule, "groups: [TF3]", "groups: [TF2]")
    assert f"schedule.yaml:{line_of(schedule, 'groups: [TF2]')}: unknown task force 'TF2'" in \
        only_error(content)


def test_missing_note_file_is_reported(content):
    (content / "notes" / "session-6.md").unlink()
    schedule = content / "schedule.yaml"
    message = only_error(content)
    assert message.startswith(f"schedule.yaml:{line_of(schedule, 'notes: session-6.md')}: "
                              "unknown note file 'session-6.md'; did you mean 'session-")
    assert message.endswith("define it in the notes/ folder (the path is relative to it)")


def test_unknown_organisation_of_a_person_is_reported(content):
    people = content / "people.yaml"
    edit(people, "organisation: unsd", "organisation: unsdd")
    assert f"people.yaml:{line_of(people, 'unsdd')}: unknown organisation 'unsdd'" in \
        errors_of(content)[0]


def test_unknown_time_zone_suggests_a_real_one(content):
    meeting = content / "meeting.yaml"
    edit(meeting, "timezone: Africa/Casablanca", "timezone: Africa/Casablnca")
    assert only_error(content) == (f"meeting.yaml:{line_of(meeting, 'timezone')}: unknown time "
                                   "zone 'Africa/Casablnca'; use an IANA zone name, did you mean "
                                   "'Africa/Casablanca'?")


def test_duplicate_item_ids_are_refused(content):
    schedule = content / "schedule.yaml"
    edit(schedule, "- id: session-7", "- id: session-6")
    assert only_error(content) == (f"schedule.yaml:{line_of(schedule, '- id: session-6', 2)}: "
                                   "item id 'session-6' is already used at schedule.yaml:"
                                   f"{line_of(schedule, '- id: session-6')}; ids must be unique")


def test_all_problems_are_reported_at_once_in_file_order(content):
    schedule = content / "schedule.yaml"
    edit(schedule, "chair: francesca-grum", "chiar: francesca-grum")
    edit(schedule, 'end: "14:20"', 'end: "2:20"')
    edit(content / "meeting.yaml", "timezone: Africa/Casablanca", "timezone: Mars/Olympus")
    errors = errors_of(content)
    assert len(errors) == 3
    assert [e.split(":")[0] for e in errors] == ["meeting.yaml", "schedule.yaml", "schedule.yaml"]


def test_unused_notes_and_people_are_warnings_not_errors(content):
    (content / "notes" / "orphan.md").write_text("## Spare\n", encoding="utf-8")
    edit(content / "people.yaml", "people:\n", "people:\n  - id: nobody\n    name: No Body\n")
    warnings = [str(p) for p in load_content(content).warnings]
    assert ("notes/orphan.md:1: warning: note is not used by any item; add `notes: orphan.md` "
            "to an item or `session:` to its front matter") in warnings
    assert any(w.endswith("warning: person 'nobody' has no role in any item") for w in warnings)


def test_a_parallel_value_no_other_item_shares_is_a_warning(content):
    schedule = content / "schedule.yaml"
    edit(schedule, "        title: Opening\n", '        title: Opening\n        parallel: "9"\n')
    warnings = [str(p) for p in load_content(content).warnings]
    line = line_of(schedule, 'parallel: "9"')
    assert (f"schedule.yaml:{line}: warning: item 'opening' is the only one with "
            "`parallel: 9` on its day; give the items that run beside it the same value"
            ) in warnings


def test_quoted_date_is_still_a_date(content):
    edit(content / "schedule.yaml", "date: 2022-06-21", 'date: "2022-06-21"')
    load_content(content)


def test_impossible_date_is_reported_not_a_crash(content):
    meeting = content / "meeting.yaml"
    edit(meeting, "end: 2022-06-22", "end: 2022-02-30")
    assert (f"meeting.yaml:{line_of(meeting, 'end: 2022-02-30')}: 'end' in meeting.yaml must be "
            "a date written YYYY-MM-DD (like 2022-06-20), not '2022-02-30'") in errors_of(content)


def test_note_on_an_item_without_a_page_is_refused(content):
    schedule = content / "schedule.yaml"
    edit(schedule, "        title: Coffee break\n", "        title: Coffee break\n"
                                                    "        notes: session-2.md\n")
    errors = errors_of(content)
    assert (f"schedule.yaml:{line_of(schedule, 'notes: session-2.md', 2)}: item "
            "'break-2022-06-20-1100' is a break and has no page to show notes on; remove "
            "`notes:` or give the item another kind") in errors


def test_session_number_never_puts_a_page_outside_its_folder(content):
    schedule = content / "schedule.yaml"
    edit(schedule, '- id: session-6\n        number: "6"', '- number: "6/../../escaped"')
    loaded = load_content(content)
    ids = [item.id for _, item in loaded.agenda.items()]
    assert "session-6-escaped" in ids


def test_duplicate_ids_are_found_even_when_themes_and_groups_share_a_name(content):
    meeting = content / "meeting.yaml"
    edit(meeting, "name: Task force", "name: Policy area")
    edit(meeting, "    - id: 2\n", "    - id: 1\n")
    assert (f"meeting.yaml:{line_of(meeting, '- id: 1', 2)}: policy area id '1' is already used "
            f"at meeting.yaml:{line_of(meeting, '- id: 1')}; ids must be unique"
            ) in errors_of(content)


def test_item_cannot_continue_itself(content):
    schedule = content / "schedule.yaml"
    edit(schedule, "continues: session-2", "continues: session-2-discussion")
    assert only_error(content) == (
        f"schedule.yaml:{line_of(schedule, 'continues: session-2-discussion')}: item "
        "'session-2-discussion' cannot continue itself; `continues:` must name an earlier item")


def test_item_cannot_continue_a_later_one(content):
    schedule = content / "schedule.yaml"
    edit(schedule, "continues: session-2", "continues: session-3")
    assert only_error(content) == (
        f"schedule.yaml:{line_of(schedule, 'continues: session-3')}: item "
        "'session-2-discussion' continues 'session-3', which starts at 2022-06-20 13:20, not "
        "before it (2022-06-20 11:30); `continues:` must name an earlier item")
