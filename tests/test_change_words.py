"""What changed between two publication records, in plain words (site/changes.py):
one behaviour per test, on small hand-made records."""
from __future__ import annotations

import dataclasses
from datetime import date

from generator.content.published import Publication, PublishedItem, PublishedRef, PublishedTerm
from generator.site.changes import compare

SESSION = PublishedItem("session-2", "session", "Session 2: Indicators", "2022-06-20", "10:00",
                        "11:00", people=(PublishedRef("chair", "ana", "Ana Ruiz"),),
                        terms=(PublishedTerm("policy-areas/1", "Policy area 1"),),
                        page="sessions/session-2/index.html", details="aaa", event="e1")
BREAK = PublishedItem("break-1", "break", "Coffee break", "2022-06-20", "11:00", "11:30")


def record(when: str, *items: PublishedItem, status: str = "tentative") -> Publication:
    return Publication(date.fromisoformat(when), status, items, ())


def words(*changes, old=SESSION) -> tuple[str, ...]:
    """The phrases for SESSION changed by `changes` (field=value)."""
    new = dataclasses.replace(old, **dict(changes))
    (change,) = compare(record("2022-06-10", old), record("2022-06-14", new)).items
    return change.phrases


def test_the_first_publication_has_nothing_to_compare_with():
    step = compare(None, record("2022-06-10", SESSION))
    assert (step.first, step.items) == (True, ())


def test_an_unchanged_item_is_not_listed():
    assert compare(record("2022-06-10", SESSION, BREAK), record("2022-06-14", SESSION, BREAK)
                   ).items == ()


def test_a_later_start_is_a_move_from_one_time_to_the_other():
    assert words(("start", "11:30"), ("end", "12:30")) == ("moved from 10:00 to 11:30",)


def test_a_move_to_another_day_names_both_days():
    assert words(("date", "2022-06-21")) == ("moved from Mon 20 Jun, 10:00 to Tue 21 Jun, 10:00",)


def test_a_move_that_also_changes_the_length_says_the_new_end():
    assert words(("start", "10:30"), ("end", "12:00")) == \
        ("moved from 10:00 to 10:30", "now ends at 12:00 (was 11:00)")


def test_a_new_start_alone_says_the_end_stays():
    assert words(("start", "10:15")) == ("now starts at 10:15 (was 10:00), ends at 11:00 as before",)


def test_a_new_end_alone_says_the_old_one():
    assert words(("end", "11:15")) == ("now ends at 11:15 (was 11:00)",)


def test_people_added_removed_or_in_another_role():
    added = (PublishedRef("chair", "ana", "Ana Ruiz"),
             PublishedRef("discussant", "kare", "Kåre Vassenden"))
    assert words(("people", added)) == ("Kåre Vassenden added as discussant",)
    assert words(("people", ())) == ("Ana Ruiz removed as chair",)
    assert words(("people", (PublishedRef("speaker", "ana", "Ana Ruiz"),))) == \
        ("Ana Ruiz now speaker (was chair)",)


def test_a_person_confirmed_or_not_yet():
    unsure = dataclasses.replace(SESSION, people=(PublishedRef("chair", "ana", "Ana Ruiz", True),))
    assert words(("people", SESSION.people), old=unsure) == ("Ana Ruiz confirmed as chair",)
    assert words(("people", unsure.people)) == ("Ana Ruiz now to be confirmed as chair",)


def test_cancelled_with_its_reason_and_back_again():
    assert words(("status", "cancelled"), ("reason", "No speaker.")) == ("cancelled: No speaker.",)
    cancelled = dataclasses.replace(SESSION, status="cancelled")
    assert words(("status", ""), old=cancelled) == ("no longer cancelled",)


def test_moved_to_another_item_names_it():
    assert words(("status", "moved"), ("moved_to", "Session 9: Quality (Tue 21 Jun, 14:00)")) \
        == ("moved to Session 9: Quality (Tue 21 Jun, 14:00)",)


def test_rooms_titles_themes_and_texts():
    assert words(("room", "Room B")) == ("now in Room B",)
    assert words(("room", "Room B"), old=dataclasses.replace(SESSION, room="Hall")) == \
        ("moved from Hall to Room B",)
    assert words(("label", "Session 2: Core indicators")) == \
        ("title changed to “Session 2: Core indicators” (was “Session 2: Indicators”)",)
    assert words(("terms", (PublishedTerm("policy-areas/2", "Policy area 2"),))) == \
        ("added to Policy area 2", "removed from Policy area 1")
    assert words(("details", "bbb")) == ("description updated",)
    assert words(("audience", "in-person")) == ("now for in-person participants only",)
    assert words(("tbc", True)) == ("now to be confirmed",)


def test_new_and_removed_items():
    step = compare(record("2022-06-10", BREAK), record("2022-06-14", SESSION))
    assert [(c.id, c.kind, c.phrases) for c in step.items] == [
        ("session-2", "new", ("new session",)), ("break-1", "removed", ("removed from the agenda",))]


def test_a_renamed_item_is_one_item_with_a_new_address():
    renamed = dataclasses.replace(SESSION, id="indicators", previous_ids=("session-2",),
                                  page="sessions/indicators/index.html")
    (change,) = compare(record("2022-06-10", SESSION), record("2022-06-14", renamed)).items
    assert (change.id, change.kind) == ("indicators", "changed")
    assert change.phrases == ("new address sessions/indicators/ (links to sessions/session-2/ "
                              "lead there)",)


def test_the_agenda_becoming_final_is_a_change_of_the_whole_agenda():
    step = compare(record("2022-06-10", SESSION), record("2022-06-14", SESSION, status="final"))
    assert step.meeting == ("The agenda is now final (it was tentative).",)
