"""Rebuilds re-render only what changed, and end up byte-for-byte like a full build.

A full build is reproducible: two builds of the same content give the same bytes.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from tools import edits, synthetic
from support import BASE_URL, TEMPLATES, edit, files_of, full_build, show_more, SHOW_MORE
from generator.site.build import Builder
from generator.site.write import SiteSync



@pytest.fixture
def live(content, tmp_path):
    """A dev-server-like pair: a persistent Builder and SiteSync over a copy of templates."""
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    builder = Builder(content, templates, BASE_URL)
    sync = SiteSync(tmp_path / "live")
    first = builder.rebuild(sync)
    assert first.rendered == first.files

    def rebuild_and_compare():
        result = builder.rebuild(sync)
        assert files_of(sync.output) == full_build(content, templates, tmp_path / "full")
        return result
    return builder, sync, templates, rebuild_and_compare


def test_nothing_changed_renders_nothing(live):
    *_, rebuild = live
    result = rebuild()
    assert (result.rendered, result.written) == (0, 0)


def test_note_edit_renders_its_session_page_the_schedule_files_and_search_data(live, content):
    *_, rebuild = live
    edit(content / "notes" / "session-5.md", "## Agenda", "## Agenda (revised)")
    result = rebuild()
    # schedule.json and .xml carry note text in their events' descriptions, and
    # data/search.js too: the programme's search covers notes.
    assert (result.rendered, result.written) == (4, 4)


def test_moved_session_updates_every_page_that_shows_it(live, content):
    *_, rebuild = live
    edits.move_session(content)
    result = rebuild()
    assert 0 < result.rendered < result.files
    assert result.written > 3  # its page, its day, calendars, JSON ...


def test_moved_session_leaves_pages_that_only_name_its_day(tmp_path):
    """Moving one session re-renders what shows it, not every page of its day."""
    content = synthetic.write(synthetic.generate(150), tmp_path / "content")
    builder = Builder(content, TEMPLATES, BASE_URL)
    sync = SiteSync(tmp_path / "live")
    builder.rebuild(sync)
    moved = edits.move_session(content)
    day = next(d for d in builder.check().agenda.days if moved in {i.id for i in d.items})
    pages_of_the_day = sum(item.has_page for item in day.items)
    result = builder.rebuild(sync)
    assert result.rendered < pages_of_the_day / 2
    assert files_of(sync.output) == full_build(content, TEMPLATES, tmp_path / "full")


def test_a_note_edit_reuses_the_schedule_indexes_and_renders_what_shows_it(live, content):
    """Records of unchanged files are the same objects from one rebuild to the next, so
    the schedule's indexes are reused; only outputs whose view changed are rendered:
    the session page, and schedule.json and .xml, which carry the note's text."""
    builder, sync, *_ = live
    before = builder.check().index
    edit(content / "notes" / "session-5.md", "## Agenda", "## Agenda (revised)")
    result = builder.rebuild(sync)
    after = builder.check().index
    assert after.person_appearances is before.person_appearances
    assert after.note_of_item["session-5"] is not before.note_of_item["session-5"]
    assert result.rendered == 4  # and schedule.json, schedule.xml, data/search.js


def test_a_schedule_edit_rebuilds_the_indexes(live, content):
    builder, *_ = live
    before = builder.check().index
    edit(content / "schedule.yaml", "title: Opening", "title: Opening ceremony")
    assert builder.check().index.person_appearances is not before.person_appearances


@pytest.mark.parametrize("file, old, new", [
    ("people.yaml", "name: Francesca Grum", "name: Francesca Grum-Rossi"),
    ("meeting.yaml", "short_title: Migration", "short_title: The Migration"),
    ("schedule.yaml", "title: Opening", "title: Opening ceremony"),
    # A day's first time (the overview shows each day's span) and its objective
    # (the day page and the overview show it), now that a day stands for its heading.
    ("schedule.yaml", 'start: "08:40"', 'start: "08:30"'),
    ("schedule.yaml", "To conclude the work of TF1", "To complete the work of TF1"),
])
def test_content_edits_match_a_full_build(live, content, file, old, new):
    *_, rebuild = live
    edit(content / file, old, new)
    assert rebuild().written > 0


def test_a_day_moved_to_another_date_matches_a_full_build(live, content):
    *_, rebuild = live
    edit(content / "meeting.yaml", "end: 2022-06-22", "end: 2022-06-23")
    edit(content / "schedule.yaml", "- date: 2022-06-22", "- date: 2022-06-23")
    assert rebuild().written > 0


def test_template_edit_rerenders_every_page(live):
    builder, sync, templates, rebuild = live
    edit(templates / "base.html", "</footer>", "<p>Edited footer.</p>\n</footer>")
    result = rebuild()
    assert result.rendered == result.files


def test_deleted_output_file_is_written_again(live):
    builder, sync, templates, rebuild = live
    page = sync.output / "sessions" / "session-5" / "index.html"
    page.unlink()
    result = rebuild()
    assert page.exists() and result.written == 1


@pytest.mark.parametrize("which", ["default", "synthetic"])
def test_two_builds_give_the_same_bytes(tmp_path, which):
    if which == "default":
        content = Path(__file__).resolve().parent.parent / "content"
    else:
        content = synthetic.write(synthetic.generate(60), tmp_path / "content")
    first = full_build(content, TEMPLATES, tmp_path / "first")
    second = full_build(content, TEMPLATES, tmp_path / "second")
    assert len(first) > 50
    assert first == second


def test_templates_showing_more_stay_exact_in_the_live_site(live, content):
    """The README's old trap: a template reading more than its declared inputs left
    pages stale in the preview. Each template edit here, followed by an edit of the
    content the new text shows, gives a live site equal to a full build."""
    builder, sync, templates, _ = live
    # Full builds by one Builder, for speed: it keeps only rendered Markdown and parsed
    # files between builds (both keyed by content) and recompiles templates.
    full = Builder(content, templates, BASE_URL)
    output = sync.output.parent / "full"
    for round_, (name, snippet) in enumerate(SHOW_MORE):
        show_more(templates, name, snippet)
        builder.rebuild(sync)
        if round_ % 2:
            edits.move_session(content)
        else:
            edit(content / "schedule.yaml", "title: ", f"title: Round {round_} ")
        builder.rebuild(sync)
        full.renderer.reload_templates()
        full.build(output)
        assert files_of(sync.output) == files_of(output), f"after {name}: {snippet}"


def test_an_at_link_follows_a_break_to_another_day(live, content):
    """`@` links are resolved in the view, so the preview follows a moved target."""
    *_, rebuild = live
    schedule = content / "schedule.yaml"
    data = yaml.safe_load(schedule.read_text(encoding="utf-8"))
    first_day, second_day = data["days"][0], data["days"][1]
    coffee = next(item for item in first_day["items"] if item.get("kind") == "break")
    coffee["id"] = "first-break"
    schedule.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True),
                        encoding="utf-8")
    note = content / "notes" / "session-5.md"
    note.write_text(note.read_text(encoding="utf-8") + "\nSee the [break](@first-break).\n",
                    encoding="utf-8")
    rebuild()
    first_day["items"].remove(coffee)
    coffee["start"], coffee["end"] = "19:00", "19:15"
    second_day["items"].append(coffee)
    schedule.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True),
                        encoding="utf-8")
    rebuild()
    page = (live[1].output / "sessions" / "session-5" / "index.html").read_text(encoding="utf-8")
    assert f'href="../../days/{second_day["date"]}/index.html#first-break"' in page
