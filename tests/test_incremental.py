"""Rebuilds re-render only what changed, and end up byte-for-byte like a full build.

A full build is reproducible: two builds of the same content give the same bytes.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bench import edits, synthetic
from conftest import TEMPLATES, edit
from generator.site.build import Builder
from generator.site.incremental import RenderCache
from generator.site.write import MARKER, SiteSync

BASE_URL = "https://example.org/meetings/m/"


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != MARKER}


def full_build(content: Path, templates: Path, output: Path) -> dict[str, bytes]:
    shutil.rmtree(output, ignore_errors=True)
    Builder(content, templates, BASE_URL).build(output)
    return files_of(output)


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


def test_note_edit_renders_only_its_session_page_and_the_search_data(live, content):
    *_, rebuild = live
    edit(content / "notes" / "session-5.md", "## Agenda", "## Agenda (revised)")
    result = rebuild()
    # The session page, and data/search.js: the programme's search covers notes.
    assert (result.rendered, result.written) == (2, 2)


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


def test_a_note_edit_reuses_the_schedule_indexes_and_renders_one_page(live, content):
    """Records of unchanged files are the same objects from one rebuild to the next, so
    the schedule's indexes are reused; only the page whose view changed is rendered."""
    builder, sync, *_ = live
    before = builder.check().index
    edit(content / "notes" / "session-5.md", "## Agenda", "## Agenda (revised)")
    result = builder.rebuild(sync)
    after = builder.check().index
    assert after.person_appearances is before.person_appearances
    assert after.note_of_item["session-5"] is not before.note_of_item["session-5"]
    assert result.rendered == 2  # and data/search.js


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


# Template edits that make a page show more than before, each inserted before the
# template's last `{% endblock %}`. With views, none of them can leave a page stale.
SHOW_MORE = [
    ("session.html", "{{ view.concurrent|length }} at once"),
    ("session.html", "{% for c in view.concurrent %}{{ c.room }} {{ c.times.end }}{% endfor %}"),
    ("session.html", "{{ view.item.day.long_date }} {{ view.item.roles|length }}"),
    ("day.html", "{{ view.rows|length }} rows; {{ view.frame.nav|length }} links"),
    ("day.html", "{% for r in view.rows %}{% for l in r.lanes %}{{ l.items|length }}"
                 "{% endfor %}{% endfor %}"),
    ("person.html", "{% for a in view.appearances %}{{ a.item.room }} {{ a.item.kind_label }}"
                    "{% endfor %}"),
    ("term.html", "{% for c in view.entries %}{{ c.subtitle }}{{ c.roles|length }}{% endfor %}"),
    ("home.html", "{% for d in view.days %}{{ d.sessions|length }}{% endfor %}"),
    ("organisation.html", "{% for a in view.appearances %}{{ a.item.times.end }}{% endfor %}"),
    ("people.html", "{{ view.people|length }} people"),
    ("taxonomy.html", "{% for t in view.terms %}{{ t.path }}{% endfor %}"),
    ("base.html", "{{ view.frame.updated.text if view.frame.updated else '' }}"),
]


def show_more(templates: Path, name: str, snippet: str) -> None:
    path = templates / name
    text = path.read_text(encoding="utf-8")
    cut = text.rindex("{% endblock %}") if "{% endblock %}" in text else text.rindex("</body>")
    path.write_text(text[:cut] + snippet + text[cut:], encoding="utf-8")


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
