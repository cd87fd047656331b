"""Every output is rendered from one frozen view, and the theme is layered: an
organiser's folder overrides single files of the built-in theme."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from support import CONTENT, ROOT, line_of
from generator.cli import main
from generator.errors import RenderError
from generator.site.build import Builder
from generator.site.planned import Page
from generator.site.theme import builtin_folder
from generator.site.views import check_view
from generator.site.write import SiteSync


def test_every_view_holds_only_text_and_view_records():
    builder = Builder(CONTENT, base_url="https://example.org/m/")
    site = builder.plan(builder.check())
    for output in site.outputs:
        check_view(output.view, output.path)


def test_a_model_record_in_a_view_is_refused():
    agenda = Builder(CONTENT).check().agenda
    with pytest.raises(RenderError, match="day.*content.model.Day.*not a view value"):
        check_view({"day": agenda.days[0]}, "day")


def test_the_built_in_theme_ships_in_the_package():
    assert (builtin_folder() / "base.html").is_file()
    assert (builtin_folder() / "static" / "style.css").is_file()


def test_agenda_build_works_from_another_folder(tmp_path):
    output = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "generator", "build", "--content", str(CONTENT),
                           "--output", str(output), "--no-cache"],
                          cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert next((output / "static").glob("style.*.css")).read_bytes() == (
        ROOT / "templates" / "static" / "style.css").read_bytes()
    assert "<h1>" in (output / "index.html").read_text(encoding="utf-8")


def test_a_content_theme_stylesheet_alone_restyles_the_site(content, tmp_path):
    (content / "theme" / "static").mkdir(parents=True)
    (content / "theme" / "static" / "style.css").write_text("body { color: rebeccapurple }\n")
    Builder(content).build(tmp_path / "out")
    static = tmp_path / "out" / "static"
    [stylesheet] = static.glob("style.*.css")
    assert stylesheet.read_text() == "body { color: rebeccapurple }\n"
    assert next(static.glob("agenda.*.js")).read_bytes() == (
        builtin_folder() / "static" / "agenda.js").read_bytes()
    home = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert f'href="static/{stylesheet.name}"' in home


def test_static_files_are_published_under_content_hashed_names(content, tmp_path, site):
    """A new stylesheet gets a new address, so no browser keeps the old one."""
    [before] = (site / "static").glob("style.*.css")
    assert re.fullmatch(r"style\.[0-9a-f]{10}\.css", before.name)
    for page in site.rglob("*.html"):
        assert f"static/{before.name}" in page.read_text(encoding="utf-8"), page
    (content / "theme" / "static").mkdir(parents=True)
    (content / "theme" / "static" / "style.css").write_text("body { margin: 0 }\n")
    Builder(content).build(tmp_path / "out")
    [after] = (tmp_path / "out" / "static").glob("style.*.css")
    assert after.name != before.name


def test_an_override_can_change_one_block_of_the_built_in_base(content, tmp_path):
    (content / "theme").mkdir()
    (content / "theme" / "base.html").write_text(
        '{% extends "default/base.html" %}\n'
        '{% block footer %}<footer class="site-footer"><p>Hosted by us</p></footer>\n'
        '{% endblock %}\n')
    Builder(content).build(tmp_path / "out")
    day = (tmp_path / "out" / "days" / "2022-06-20" / "index.html").read_text(encoding="utf-8")
    assert "<p>Hosted by us</p>" in day
    assert "All times are" not in day
    assert 'class="site-nav"' in day  # the rest of the built-in base is kept


def test_a_template_reading_past_its_view_fails_with_its_file_and_line(content, tmp_path,
                                                                       capsys):
    """On a session page the day is a heading: its items are not in the view."""
    theme = tmp_path / "theme"
    theme.mkdir()
    session = (builtin_folder() / "session.html").read_text(encoding="utf-8")
    assert "{{ t(item.label) }}</h1>" in session
    (theme / "session.html").write_text(session.replace(
        "{{ t(item.label) }}</h1>", "{{ t(item.label) }} ({{ item.day.items|length }})</h1>"))
    code = main(["build", "--content", str(content), "--theme", str(theme),
                 "--output", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 1
    assert f"theme/session.html:{line_of(theme / 'session.html', 'item.day.items')}:" in err
    assert "has no attribute 'items'" in err
    assert not (tmp_path / "out").exists()


def test_the_live_preview_fails_the_same_way(content, tmp_path):
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "person.html").write_text('{% extends "base.html" %}'
                                       "{% block content %}{{ view.agenda }}{% endblock %}")
    with pytest.raises(RenderError, match=r"theme/person.html:1: .*'agenda'"):
        Builder(content, theme).rebuild(SiteSync(tmp_path / "live"))


def test_pages_receive_only_their_view_and_the_helpers(content, tmp_path):
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "people.html").write_text("{{ meeting.title }}")
    with pytest.raises(RenderError, match="people.html:1: .*'meeting' is undefined"):
        Builder(content, theme).build(tmp_path / "out")


def test_every_page_is_planned_with_a_view():
    builder = Builder(CONTENT)
    site = builder.plan(builder.check())
    pages = [output for output in site.outputs if isinstance(output, Page)]
    assert pages and all(page.view is not None for page in pages)
    assert {type(page.view).__name__ for page in pages} >= {
        "HomeView", "DayView", "SessionView", "TaxonomyView", "TermView", "PeopleView",
        "PersonView", "OrganisationsView", "OrganisationView", "NotFoundView"}


def test_the_theme_reference_documents_every_view_field():
    from generator.site.views import reference
    documented = (ROOT / "docs" / "theme.md").read_text(encoding="utf-8")
    assert documented == reference.markdown(), (
        "docs/theme.md is out of date: run `python -m generator.site.views.reference "
        "> docs/theme.md`")


def test_the_default_theme_folder_is_the_content_theme(content):
    assert Builder(content).theme.override is None
    (content / "theme").mkdir()
    assert Builder(content).theme.override == content / "theme"


def test_relative_static_paths_work_from_nested_pages(site: Path):
    page = (site / "sessions" / "session-5" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="\.\./\.\./static/style\.[0-9a-f]{10}\.css"', page)
