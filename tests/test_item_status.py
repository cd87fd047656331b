"""An item's status (cancelled, postponed, moved): what the checker says of it, and
how the pages, calendars and schedule.json show it. Edits a copy of the default
meeting; one behaviour per test."""
from __future__ import annotations

import json
import re

import icalendar
import pytest

from support import TEMPLATES, edit, line_of
from generator.content.pipeline import load_content
from generator.errors import ContentError
from generator.site.build import Builder

SESSION_7 = "      - id: session-7\n"


def set_status(content, lines: str, item: str = SESSION_7) -> int:
    """Add `lines` (YAML, 8-space indented) under an item; return the first one's line."""
    edit(content / "schedule.yaml", item, item + lines)
    return line_of(content / "schedule.yaml", item.strip()) + 1


def only_error(content) -> str:
    with pytest.raises(ContentError) as caught:
        load_content(content)
    errors = [str(p) for p in caught.value.problems if not p.warning]
    assert len(errors) == 1, errors
    return errors[0]


def built(content, tmp_path):
    Builder(content, TEMPLATES).build(tmp_path / "out")
    return tmp_path / "out"


def event(site, uid: str):
    calendar = icalendar.Calendar.from_ical((site / "egims-2022.ics").read_bytes())
    return next(e for e in calendar.walk("VEVENT") if str(e["UID"]) == f"{uid}@egims-2022")


def card(content, path: str, item_id: str):
    builder = Builder(content, TEMPLATES)
    site = builder.plan(builder.check())
    view = next(o.view for o in site.outputs if o.path == path)
    return next(c for row in view.rows for lane in row.lanes for c in lane.items
                if c.id == item_id)


def test_moved_to_an_item_that_does_not_exist_names_file_line_and_the_likely_one(content):
    line = set_status(content, "        status: moved\n        moved_to: sesion-9\n") + 1
    assert only_error(content) == (
        f"schedule.yaml:{line}: `moved_to: sesion-9` of item 'session-7' names no item; did you "
        "mean 'session-9'? give the id of an item in schedule.yaml, or a new time (HH:MM (the "
        "same day), YYYY-MM-DD or YYYY-MM-DD HH:MM)")


def test_moved_needs_moved_to(content):
    line = set_status(content, "        status: moved\n")
    assert only_error(content) == (
        f"schedule.yaml:{line}: item 'session-7' has `status: moved` but no `moved_to:`; give "
        "the id of the item it moved to, or its new time (`moved_to: 2022-06-23 10:00`)")


def test_moved_to_needs_status_moved(content):
    line = set_status(content, "        moved_to: session-9\n")
    assert only_error(content) == (f"schedule.yaml:{line}: item 'session-7' has `moved_to:` "
                                   "without `status: moved`; add `status: moved`, or remove "
                                   "`moved_to:`")


def test_a_reason_needs_a_status(content):
    line = set_status(content, "        reason: No room.\n")
    assert only_error(content) == (f"schedule.yaml:{line}: item 'session-7' has a `reason:` "
                                   "but no `status:`; the reason explains `status: cancelled`, "
                                   "`postponed` or `moved`")


def test_a_misspelt_status_suggests_the_right_one(content):
    line = set_status(content, "        status: canceled\n")
    assert only_error(content) == (f"schedule.yaml:{line}: 'status' in item 'session-7' is "
                                   "'canceled'; did you mean 'cancelled'? use one of: "
                                   "cancelled, postponed, moved")


@pytest.mark.parametrize("target", ["25:00", "2022-02-30 10:00", "next week"])
def test_moved_to_must_be_an_item_or_a_time(content, target):
    line = set_status(content, f'        status: moved\n        moved_to: "{target}"\n') + 1
    assert only_error(content) == (f"schedule.yaml:{line}: `moved_to: {target}` of item "
                                   "'session-7' is neither an item id nor a new time (HH:MM "
                                   "(the same day), YYYY-MM-DD or YYYY-MM-DD HH:MM)")


def test_a_cancelled_item_frees_its_slot_for_another(content):
    set_status(content, "        status: cancelled\n")
    edit(content / "schedule.yaml", "      # Correction: seed says \"12:30-1:30\"",
         '      - id: replacement\n        start: "12:00"\n        end: "12:30"\n'
         "        title: Replacement session\n\n      # Correction: seed says \"12:30-1:30\"")
    assert load_content(content).agenda  # no overlap reported


def test_a_cancelled_item_stays_struck_with_its_reason(content, tmp_path):
    set_status(content, "        status: cancelled\n        reason: The presenter cannot travel.\n")
    shown = card(content, "days/2022-06-21/index.html", "session-7")
    assert (shown.struck, shown.status_note) == (True, "The presenter cannot travel.")
    assert [b.text for b in shown.badges] == ["Cancelled"]
    site = built(content, tmp_path)
    cancelled = event(site, "session-7")
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert str(cancelled["DESCRIPTION"]).startswith("Cancelled: The presenter cannot travel.")


def test_the_badge_and_reason_show_wherever_the_item_is_listed(content, tmp_path):
    set_status(content, "        status: cancelled\n        reason: The presenter cannot travel.\n")
    site = built(content, tmp_path)
    entries = {page.relative_to(site).parts[0]: entry.group(0)
               for page in site.rglob("index.html")
               for entry in re.finditer(r'<li[ >](?:(?!</li>).)*?'
                                        r'sessions/session-7/index.html.*?</li>',
                                        page.read_text(encoding="utf-8"), re.S)}
    assert {"index.html", "people", "organisations"} <= set(entries), sorted(entries)
    for kind, entry in entries.items():
        assert "Cancelled" in entry and "The presenter cannot travel." in entry, kind


def test_a_postponed_item_is_dropped_from_calendars(content, tmp_path):
    set_status(content, "        status: postponed\n")
    assert [b.text for b in card(content, "days/2022-06-21/index.html", "session-7").badges] \
        == ["Postponed"]
    assert str(event(built(content, tmp_path), "session-7")["STATUS"]) == "CANCELLED"


def test_an_item_moved_to_another_links_to_it_and_leaves_calendars(content, tmp_path):
    set_status(content, "        status: moved\n        moved_to: session-9\n")
    shown = card(content, "days/2022-06-21/index.html", "session-7")
    assert (shown.moved_to.path, shown.moved_to.text) == (
        "sessions/session-9/index.html", "Session 9: Data quality issues")
    site = built(content, tmp_path)
    moved = event(site, "session-7")
    assert str(moved["STATUS"]) == "CANCELLED"
    assert str(moved["DESCRIPTION"]).startswith(
        "Moved to Session 9: Data quality issues (Tue 21 Jun, 14:00).")


def test_an_item_moved_to_a_new_time_is_the_same_event_then(content, tmp_path):
    set_status(content, '        status: moved\n        moved_to: "2022-06-23 10:00"\n')
    shown = card(content, "days/2022-06-21/index.html", "session-7")
    assert (shown.struck, shown.moved_to.path, shown.moved_to.text) == \
        (True, "", "Thu 23 Jun, 10:00")
    site = built(content, tmp_path)
    moved = event(site, "session-7")
    assert str(moved["STATUS"]) == "TENTATIVE"  # the default agenda is tentative
    assert moved.decoded("DTSTART").isoformat() == "2022-06-23T10:00:00+01:00"
    assert moved.decoded("DTEND").isoformat() == "2022-06-23T10:30:00+01:00"
    schedule = json.loads((site / "schedule.json").read_text(encoding="utf-8"))
    titles = [e["title"] for day in schedule["schedule"]["conference"]["days"]
              for room in day["rooms"].values() for e in room]
    assert "Moved: Session 7: Latin America diagnostics study and roadmap" in titles


def test_a_previous_id_in_use_is_an_error(content):
    line = set_status(content, "        previous_ids: [session-9]\n")
    assert only_error(content) == (
        f"schedule.yaml:{line}: previous id 'session-9' of item 'session-7' is the id of item "
        f"'session-9' (schedule.yaml:{line_of(content / 'schedule.yaml', '- id: session-9')}); "
        "an old id redirects to the new page, so it must not be in use")


def test_one_old_id_for_two_records_is_an_error(content):
    first = set_status(content, "        previous_ids: [latin-america]\n")
    second = set_status(content, "        previous_ids: [latin-america]\n",
                        "      - id: session-9\n")
    assert only_error(content) == (
        f"schedule.yaml:{second}: previous id 'latin-america' of item 'session-9' is also a "
        f"previous id of 'session-7' (schedule.yaml:{first - 1}); an old address can lead to "
        "one page only")


def test_previous_ids_of_people_and_themes_get_redirect_pages(content, tmp_path):
    edit(content / "people.yaml", "  - id: kare-vassenden\n",
         "  - id: kare-vassenden\n    previous_ids: [k-vassenden]\n")
    edit(content / "meeting.yaml", "    - id: 1\n", "    - id: 1\n      previous_ids: [flows]\n")
    site = built(content, tmp_path)
    person = (site / "people/k-vassenden/index.html").read_text(encoding="utf-8")
    assert 'url=../kare-vassenden/index.html"' in person
    theme = (site / "policy-areas/flows/index.html").read_text(encoding="utf-8")
    assert 'url=../1/index.html"' in theme and "Policy area 1: Improve" in theme


def test_search_engines_read_the_status_in_the_pages_event_data(content, tmp_path):
    set_status(content, '        status: moved\n        moved_to: "2022-06-23 10:00"\n')
    html = (built(content, tmp_path) / "sessions/session-7/index.html").read_text(encoding="utf-8")
    data = json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert data["eventStatus"] == "https://schema.org/EventRescheduled"
    assert (data["startDate"], data["previousStartDate"]) == \
        ("2022-06-23T10:00+01:00", "2022-06-21T12:00+01:00")
