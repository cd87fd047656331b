"""Issue 12's scripted sequence on a copy of the default meeting (publishing.py):
publish; move a session, add a discussant, cancel an item, rename an id with
`previous_ids`; publish again. Then the changes page, the badges, the home page,
the feed, the calendars, the data files and the redirect say exactly that.
"""
from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from datetime import datetime, timezone

import icalendar
import pytest

from support import TEMPLATES, edit, line_of, english_content
from generator.cli import main
from generator.site.build import Builder
from generator.site.write import MARKER, SiteSync
from support.publishing import (ADDED_TO, CANCELLED, CHANGED, FIRST, MOVED, NEW_ID, REASON, RENAMED,
                        SECOND, make_changes, publish, run_sequence)
from support.sitecheck import internal_target, read_page
from test_html_valid import vnu_errors

ATOM = "{http://www.w3.org/2005/Atom}"
XHTML = "{http://www.w3.org/1999/xhtml}"
CALENDAR = "egims-2022.ics"
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


@pytest.fixture(scope="module")
def sequence(tmp_path_factory):
    return run_sequence(tmp_path_factory.mktemp("sequence"))


def text_of(html: str) -> str:
    """A page's text as a reader sees it: tags dropped, spaces collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace(" :", ":")


def page(site, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def article(html: str, item_id: str) -> str:
    """The markup of one item on a day page."""
    match = re.search(rf'<article [^>]*id="{item_id}".*?</article>', html, re.S)
    assert match, item_id
    return match.group(0)


def badges(html: str) -> list[str]:
    return re.findall(r'<span class="badge[^"]*">([^<]+)</span>', html)


def test_each_publication_leaves_one_record_in_the_content(sequence):
    records = sorted(p.name for p in (sequence.content / "published").iterdir())
    assert records == [f"{FIRST}.json", f"{SECOND}.json"]


def test_the_changes_page_says_what_changed_in_plain_words(sequence):
    html = page(sequence.after, "changes/index.html")
    text = text_of(html)
    assert "Published Tuesday 14 June 2022 4 items changed." in text
    assert ("Session 5: Data collection and production strategies to implement the revised "
            "conceptual framework on international migration, and potential data sources "
            "Mon 20 Jun, 16:30 moved from 16:00 to 16:30") in text
    assert "Session 6: Georgia benchmarking study Tue 21 Jun, 11:30 " \
           "Kåre Vassenden added as discussant" in text
    assert f"Cancelled Session 7: Latin America diagnostics study and roadmap Tue 21 Jun, " \
           f"12:00 cancelled: {REASON}" in text
    assert f"new address sessions/{NEW_ID}/ (links to sessions/{RENAMED}/ lead there)" in text
    assert "Published Friday 10 June 2022 First publication: 33 items." in text
    assert text.index("14 June 2022") < text.index("Published Friday 10 June 2022")
    targets = {internal_target("changes/index.html", link) for link in read_page(
        sequence.after / "changes/index.html").links}
    assert (f"sessions/{NEW_ID}/index.html", "") in targets


def test_items_changed_since_changes_since_carry_badges_on_every_page(sequence):
    day_1 = page(sequence.after, "days/2022-06-20/index.html")
    day_2 = page(sequence.after, "days/2022-06-21/index.html")
    assert badges(article(day_1, MOVED)) == ["Changed"]
    assert badges(article(day_2, ADDED_TO)) == ["Changed"]
    assert badges(article(day_2, CANCELLED)) == ["Cancelled"]
    assert badges(article(day_2, NEW_ID)) == ["Changed"]
    assert badges(article(day_2, "session-9")) == []
    assert "Changed" in badges(page(sequence.after, f"sessions/{MOVED}/index.html"))
    assert "Cancelled" in badges(page(sequence.after, f"sessions/{CANCELLED}/index.html"))
    term = page(sequence.after, "task-forces/tf4/index.html")
    entry = re.search(r"<li><a href=\"../../sessions/session-5/index.html\">.*?</li>", term, re.S)
    assert badges(entry.group(0)) == ["Changed"]


def test_a_person_page_shows_the_badges_of_the_changed_item(sequence):
    builder = Builder(sequence.content, TEMPLATES)
    site = builder.plan(builder.check())
    view = next(o.view for o in site.outputs if o.path == "people/kare-vassenden/index.html")
    marks = {a.item.id: [b.text for b in a.item.badges] for a in view.appearances}
    assert marks == {ADDED_TO: ["Changed"], "session-9": []}
    (added,) = [a for a in view.appearances if a.item.id == ADDED_TO]
    assert added.item.changes == ("Kåre Vassenden added as discussant",)


def test_the_cancelled_item_stays_with_its_reason_and_status(sequence):
    builder = Builder(sequence.content, TEMPLATES)
    site = builder.plan(builder.check())
    home = next(o.view for o in site.outputs if o.path == "index.html")
    day = next(o.view for o in site.outputs if o.path == "days/2022-06-21/index.html")
    (card,) = [c for row in day.rows for lane in row.lanes for c in lane.items
               if c.id == CANCELLED]
    assert (card.struck, card.status_note) == (True, REASON)
    assert [entry.label.split(":")[0] for entry in home.latest_changes] == \
        ["Session 5", "Session 6", "Session 7"]
    assert home.latest_changes[2].summary == f"cancelled: {REASON}"
    assert home.changes == "changes/index.html"


def test_last_updated_is_the_latest_record_and_the_nav_names_the_changes(sequence):
    home = page(sequence.after, "index.html")
    assert 'last updated <time datetime="2022-06-14">Tuesday 14 June 2022</time>' in home
    assert '<a href="changes/index.html">What changed</a>' in home


def test_the_feed_is_valid_atom_with_one_entry_per_publication(sequence):
    root = ET.parse(sequence.after / "changes/feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):  # RFC 4287 4.1.1: exactly one each
        assert len(root.findall(f"{ATOM}{name}")) == 1, name
    assert root.findall(f"{ATOM}author/{ATOM}name")  # 4.1.1: authors, or one per entry
    assert root.findtext(f"{ATOM}updated") == "2022-06-14T00:00:00Z"
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 2
    ids = [entry.findtext(f"{ATOM}id") for entry in entries] + [root.findtext(f"{ATOM}id")]
    assert len(set(ids)) == 3 and all(i.startswith("urn:uuid:") for i in ids)  # absolute IRIs
    for entry in entries:
        for name in ("id", "title", "updated"):  # 4.1.2: exactly one each
            assert len(entry.findall(f"{ATOM}{name}")) == 1, name
        assert RFC3339.match(entry.findtext(f"{ATOM}updated"))  # 3.3: date-time
        (link,) = [l for l in entry.findall(f"{ATOM}link") if l.get("rel") == "alternate"]
        path, fragment = internal_target("changes/feed.xml", link.get("href"))
        assert fragment in read_page(sequence.after / path).ids
    latest = entries[0]
    assert latest.findtext(f"{ATOM}updated") == "2022-06-14T00:00:00Z"
    (content,) = latest.findall(f"{ATOM}content")
    assert content.get("type") == "xhtml"
    (div,) = list(content)  # 4.1.3.3: a single XHTML div
    assert div.tag == f"{XHTML}div"
    lines = [li.text for li in div.iter(f"{XHTML}li")]
    assert len(lines) == 4
    assert "Session 6: Georgia benchmarking study: Kåre Vassenden added as discussant" in lines
    assert any(line.endswith(f"cancelled: {REASON}") for line in lines)


def sequences(site) -> dict[str, tuple[int, datetime, datetime]]:
    calendar = icalendar.Calendar.from_ical((site / CALENDAR).read_bytes())
    return {str(e["UID"]): (int(e["SEQUENCE"]), e.decoded("LAST-MODIFIED"), e.decoded("DTSTAMP"))
            for e in calendar.walk("VEVENT")}


def test_sequence_rises_for_exactly_the_changed_events(sequence):
    before, after = sequences(sequence.before), sequences(sequence.after)
    assert before.keys() == after.keys()  # the renamed item keeps its UID
    risen = {uid for uid in after if after[uid][0] > before[uid][0]}
    assert risen == {f"{item}@egims-2022" for item in CHANGED}
    first = datetime(2022, 6, 10, tzinfo=timezone.utc)
    second = datetime(2022, 6, 14, tzinfo=timezone.utc)
    for uid, (number, modified, stamp) in after.items():
        if uid in risen:
            assert (modified, stamp) == (second, second)
        else:  # unchanged events keep their revision, byte for byte
            assert (number, modified, stamp) == before[uid] == ((first - datetime(
                1970, 1, 1, tzinfo=timezone.utc)).days, first, first)
    renamed = f"sessions/{NEW_ID}/egims-2022-{NEW_ID}.ics"
    (event,) = icalendar.Calendar.from_ical((sequence.after / renamed).read_bytes()).walk("VEVENT")
    assert str(event["UID"]) == f"{RENAMED}@egims-2022"


def test_the_cancelled_event_is_cancelled_in_every_calendar(sequence):
    for path in (CALENDAR, "days/2022-06-21/egims-2022-2022-06-21.ics",
                 f"sessions/{CANCELLED}/egims-2022-{CANCELLED}.ics"):
        calendar = icalendar.Calendar.from_ical((sequence.after / path).read_bytes())
        (event,) = [e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith(CANCELLED)]
        assert str(event["STATUS"]) == "CANCELLED", path
        assert str(event["SUMMARY"]).startswith("Cancelled: Session 7:")
        assert str(event["DESCRIPTION"]).startswith(f"Cancelled: {REASON}")


def test_the_data_files_carry_the_status(sequence):
    agenda = json.loads((sequence.after / "agenda.json").read_text(encoding="utf-8"))
    items = {i["id"]: i for day in agenda["days"] for i in day["items"]}
    assert (items[CANCELLED]["status"], items[CANCELLED]["reason"]) == ("cancelled", REASON)
    assert items[NEW_ID]["previous_ids"] == [RENAMED]
    assert items["session-9"]["status"] == ""

    def events(site):
        data = json.loads((site / "schedule.json").read_text(encoding="utf-8"))
        return {e["slug"]: e for day in data["schedule"]["conference"]["days"]
                for room in day["rooms"].values() for e in room}
    before, after = events(sequence.before), events(sequence.after)
    assert after[f"egims_2022-{CANCELLED}"]["title"].startswith("Cancelled: Session 7:")
    assert after[f"egims_2022-{CANCELLED}"]["description"].startswith(f"Cancelled: {REASON}")
    # Apps follow an event by its guid: the renamed item keeps the one it was published with.
    assert after[f"egims_2022-{NEW_ID}"]["guid"] == before[f"egims_2022-{RENAMED}"]["guid"]


def test_the_old_address_is_a_small_redirect_to_the_new_page(sequence):
    html = page(sequence.after, f"sessions/{RENAMED}/index.html")
    assert '<meta http-equiv="refresh" content="0; url=../morocco-system/index.html">' in html
    assert '<link rel="canonical" href="../morocco-system/index.html">' in html
    assert '<a href="../morocco-system/index.html">Session 8: Morocco' in html
    assert "<script" not in html


def test_with_a_base_url_the_redirect_names_the_public_canonical(sequence, tmp_path):
    base = "https://example.org/m/"
    Builder(sequence.content, TEMPLATES, base).build(tmp_path / "out")
    html = page(tmp_path / "out", f"sessions/{RENAMED}/index.html")
    assert f'<link rel="canonical" href="{base}sessions/{NEW_ID}/">' in html
    assert 'url=../morocco-system/index.html"' in html  # still relative: works on any host
    assert f"{base}sessions/{RENAMED}/" not in page(tmp_path / "out", "sitemap.xml")


def test_a_rename_without_previous_ids_warns_naming_the_url(sequence, tmp_path, capsys):
    content = tmp_path / "content"
    shutil.copytree(sequence.content, content)
    edit(content / "schedule.yaml", f"        previous_ids: [{RENAMED}]\n", "")
    assert main(["check", "--content", str(content)]) == 0
    err = capsys.readouterr().err
    line = line_of(content / "schedule.yaml", f"- id: {NEW_ID}")
    assert (f"schedule.yaml:{line}: warning: sessions/{RENAMED}/ was published on {SECOND} "
            f"(published/{SECOND}.json) and would now break: no page is at that address; "
            f"if item '{NEW_ID}' is the same, add `previous_ids: [{RENAMED}]` to it") in err
    assert main(["check", "--strict", "--content", str(content)]) == 1
    assert f"sessions/{RENAMED}/ was published" in capsys.readouterr().err


def test_publishing_again_without_changes_writes_nothing(sequence, capsys):
    before = sorted((sequence.content / "published").iterdir())
    publish(sequence.content, "2022-06-20")
    assert "Nothing changed since the publication of 2022-06-14" in capsys.readouterr().out
    assert sorted((sequence.content / "published").iterdir()) == before


def test_the_new_and_changed_pages_are_valid_html(sequence):
    pages = [sequence.after / path for path in (
        "changes/index.html", f"sessions/{RENAMED}/index.html", "index.html",
        "days/2022-06-21/index.html", f"sessions/{CANCELLED}/index.html",
        "people/kare-vassenden/index.html", "task-forces/tf4/index.html")]
    assert vnu_errors(pages) == {}


def test_the_live_preview_follows_publications_exactly(tmp_path):
    """Records written while `agenda serve` runs (and edits after them) rebuild to what a
    full build makes: the publication records are part of what views are made from."""
    def files(folder):
        return {p.relative_to(folder).as_posix(): p.read_bytes()
                for p in sorted(folder.rglob("*")) if p.is_file() and p.name != MARKER}
    content = tmp_path / "content"
    english_content(content)
    builder, sync = Builder(content, TEMPLATES), SiteSync(tmp_path / "live")
    builder.rebuild(sync)
    for step in (lambda: publish(content, FIRST), lambda: make_changes(content),
                 lambda: publish(content, SECOND)):
        step()
        builder.rebuild(sync)
        shutil.rmtree(tmp_path / "full", ignore_errors=True)
        Builder(content, TEMPLATES).build(tmp_path / "full")
        assert files(sync.output) == files(tmp_path / "full")
    assert (sync.output / "changes/index.html").is_file()


def test_a_new_item_is_marked_new_at_once_and_listed_once_published(sequence, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(sequence.content, content)
    edit(content / "schedule.yaml", "      - id: session-12\n",
         '      - id: session-12b\n        start: "11:20"\n        end: "11:30"\n'
         "        title: Data integration in practice\n        room: plenary\n\n"
         "      - id: session-12\n        room: hall\n")
    edit(content / "meeting.yaml", "themes:\n", "rooms:\n  - id: plenary\n    name: Plenary\n"
                                               "  - id: hall\n    name: Hall\n"
                                               "themes:\n")
    site = tmp_path / "out"
    Builder(content, TEMPLATES).build(site)
    day_3 = page(site, "days/2022-06-22/index.html")
    assert badges(article(day_3, "session-12b")) == ["New"]
    assert badges(article(day_3, "session-12")) == ["Changed"]  # now in a room
    changes = text_of(page(site, "changes/index.html"))
    assert "Changes made since Tuesday 14 June 2022 are shown on the pages but not listed " \
           "here until the next publication." in changes
    assert "Data integration in practice" not in changes
    publish(content, "2022-06-16")
    Builder(content, TEMPLATES).build(tmp_path / "again")
    changes = text_of(page(tmp_path / "again", "changes/index.html"))
    assert "New Data integration in practice Wed 22 Jun, 11:20 new session" in changes
    assert "Session 12: Data integration: Methods and case studies Wed 22 Jun, 11:20 " \
           "now in Hall" in changes
    assert "not listed here" not in changes
