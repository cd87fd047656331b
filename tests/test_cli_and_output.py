"""The command line and the safety of the output folder."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT, TEMPLATES, edit, line_of
from generator.cli import main
from generator.site.write import MARKER


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def build(content, output, *extra, templates=TEMPLATES):
    return main(["build", "--content", str(content), "--templates", str(templates),
                 "--output", str(output), *extra])


def test_check_reports_ok_and_exits_zero(content, capsys):
    assert main(["check", "--content", str(content)]) == 0
    assert "OK, 3 days, 33 items, 27 people" in capsys.readouterr().out


def test_build_prints_a_one_line_summary(content, tmp_path, capsys):
    assert build(content, tmp_path / "out") == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and out[0].startswith("Built ") and " in " in out[0]
    assert (tmp_path / "out" / "index.html").is_file() and (tmp_path / "out" / MARKER).is_file()


def test_module_entry_point_runs_as_python_dash_m(content):
    result = subprocess.run([sys.executable, "-m", "generator", "check", "--content",
                             str(content)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr


def test_bad_content_exits_1_with_every_message_and_keeps_the_last_good_output(
        content, tmp_path, capsys):
    output = tmp_path / "out"
    assert build(content, output) == 0
    before = snapshot(output)
    schedule = content / "schedule.yaml"
    edit(schedule, "chair: francesca-grum", "chiar: francesca-grum")
    capsys.readouterr()
    assert build(content, output) == 1
    err = capsys.readouterr().err
    assert f"schedule.yaml:{line_of(schedule, 'chiar')}: unknown key 'chiar'" in err
    assert "1 problem found; nothing was written" in err
    assert snapshot(output) == before
    assert not any(".staging-" in p.name for p in tmp_path.iterdir())


def test_template_error_names_template_line_and_keeps_output(content, tmp_path, capsys):
    output = tmp_path / "out"
    assert build(content, output) == 0
    before = snapshot(output)
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    edit(templates / "person.html", "{{ t(view.name) }}</h1>", "{{ t(view.nmae) }}</h1>")
    capsys.readouterr()
    assert build(content, output, templates=templates) == 1
    err = capsys.readouterr().err
    assert f"templates/person.html:{line_of(templates / 'person.html', 'view.nmae')}:" in err
    assert "has no attribute 'nmae'" in err
    assert snapshot(output) == before
    assert not any(".staging-" in p.name for p in tmp_path.iterdir())


def test_debug_flag_shows_the_traceback(content, tmp_path):
    edit(content / "schedule.yaml", "chair: francesca-grum", "chiar: francesca-grum")
    with pytest.raises(Exception):
        main(["--debug", "check", "--content", str(content)])


@pytest.mark.parametrize("target", ["/", "content", "content/notes", "."])
def test_refuses_output_folders_that_would_destroy_something(content, tmp_path, target, capsys,
                                                              monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert build("content", target) == 1
    assert "refusing to write the site" in capsys.readouterr().err
    assert (content / "meeting.yaml").is_file()


def test_refuses_to_replace_a_folder_it_did_not_create(content, tmp_path, capsys):
    foreign = tmp_path / "documents"
    foreign.mkdir()
    (foreign / "thesis.txt").write_text("precious")
    assert build(content, foreign) == 1
    assert "holds files the generator did not write" in capsys.readouterr().err
    assert (foreign / "thesis.txt").read_text() == "precious"


def test_rebuild_keeps_dot_entries_such_as_a_deploy_git_folder(content, tmp_path):
    output = tmp_path / "out"
    assert build(content, output) == 0
    (output / ".git").mkdir()
    (output / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n")
    assert build(content, output) == 0
    assert (output / ".git" / "HEAD").read_text() == "ref: refs/heads/gh-pages\n"


def test_two_sources_writing_one_path_are_refused(content, capsys):
    meeting = content / "meeting.yaml"
    edit(meeting, "slug: task-forces", "slug: policy-areas")
    assert main(["build", "--content", str(content), "--output", str(content.parent / "o")]) == 1
    err = capsys.readouterr().err
    assert "would write policy-areas/index.html, which meeting.yaml:" in err
    assert not (content.parent / "o").exists()


def test_strict_turns_warnings_into_failure(content, capsys):
    (content / "notes" / "orphan.md").write_text("## Spare\n", encoding="utf-8")
    assert main(["check", "--content", str(content)]) == 0
    assert main(["check", "--strict", "--content", str(content)]) == 1
    assert "notes/orphan.md:1: warning: note is not used" in capsys.readouterr().err


def test_titles_are_escaped_so_markup_in_content_shows_as_text(content, tmp_path):
    edit(content / "schedule.yaml", "title: Opening\n", "title: \"<script>alert(1)</script>\"\n")
    assert build(content, tmp_path / "out") == 0
    page = (tmp_path / "out" / "sessions" / "opening" / "index.html").read_text()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_check_refuses_ids_that_differ_only_in_case_like_build(content, capsys):
    people = content / "people.yaml"
    edit(people, "  - id: francesca-grum\n", "  - id: Francesca-Grum\n    name: Twin\n"
                                            "  - id: francesca-grum\n")
    assert main(["check", "--content", str(content)]) == 1
    assert "would write people/francesca-grum/index.html, which people.yaml:" in \
        capsys.readouterr().err


def test_an_unwritable_output_is_a_message_not_a_traceback(content, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert build(content, blocker / "site") == 1
    assert capsys.readouterr().err.startswith("agenda: error: ")


@pytest.mark.parametrize("kept", [[".git"], [".git", ".env"], [".env"]])
def test_a_folder_of_dot_entries_is_adopted_only_if_it_is_a_deploy_checkout(
        content, tmp_path, capsys, kept):
    output = tmp_path / "deploy"
    output.mkdir()
    for name in kept:
        (output / name).write_text(f"{name} contents\n")
    if kept == [".git"]:
        assert build(content, output) == 0
        assert (output / MARKER).is_file() and (output / "index.html").is_file()
        assert (output / ".git").read_text() == ".git contents\n"
        return
    assert build(content, output) == 1
    err = capsys.readouterr().err
    assert (f"agenda: error: {output} holds {', '.join(sorted(kept))}, which the generator did "
            f"not write (no {MARKER} marker): it writes only into an empty folder or a deploy "
            "checkout holding just .git. Move the other entries out of it, or choose another "
            "--output") in err
    assert sorted(p.name for p in output.iterdir()) == sorted(kept)


@pytest.mark.parametrize("target, relation, folder", [
    ("content", "is the content folder", "content"),
    ("content/notes", "is inside the content folder", "content"),
    ("templates", "is the templates folder", "templates"),
    ("templates/static", "is inside the templates folder", "templates"),
    ("out", "is the output folder", "out"), ("out/cache", "is inside the output folder", "out"),
    (".", "holds the content folder", "content")])
def test_cache_folder_may_not_overlap_content_templates_or_output(
        content, tmp_path, capsys, monkeypatch, target, relation, folder):
    monkeypatch.chdir(tmp_path)
    templates = shutil.copytree(TEMPLATES, tmp_path / "templates")
    (tmp_path / "out").mkdir()
    assert build("content", "out", "--cache-dir", target, templates=templates) == 1
    assert (f"agenda: error: --cache-dir {(tmp_path / target).resolve()}: refusing to keep the "
            f"Markdown cache there, it {relation} {tmp_path / folder}; "
            "choose a folder of its own, such as .agenda-cache beside the output") in \
        capsys.readouterr().err
    assert not list(tmp_path.rglob("markdown-*.json"))


@pytest.mark.parametrize("target", ["home", "/"])
def test_cache_folder_may_not_be_the_home_folder_or_the_root(content, tmp_path, capsys,
                                                              monkeypatch, target):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    folder = home if target == "home" else Path("/")
    assert build(content, tmp_path / "out", "--cache-dir", str(folder)) == 1
    assert (f"agenda: error: --cache-dir {folder}: refusing to keep the Markdown cache there; "
            "choose a folder of its own, such as .agenda-cache beside the output") in \
        capsys.readouterr().err
    assert not (tmp_path / "out").exists() and list(home.iterdir()) == []
