"""Rendered Markdown kept between builds: same pages, fresh text, never in the site."""
from __future__ import annotations

import json

import pytest

from support import TEMPLATES, edit
from generator.site import markdown_store
from generator.site import parallel
from generator.site.build import Builder
from generator.cli import main
from generator.site.write import SiteSync


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def build(content, output, *extra):
    assert main(["build", "--content", str(content), "--templates", str(TEMPLATES),
                 "--output", str(output), *extra]) == 0


def entries(cache):
    found = {}
    for shard in cache.glob("markdown-*.json"):
        found.update(json.loads(shard.read_text(encoding="utf-8"))["entries"])
    return found


def test_a_second_build_reuses_the_cache_and_writes_the_same_site(content, tmp_path):
    build(content, tmp_path / "plain", "--no-cache")
    assert not (tmp_path / markdown_store.FOLDER).exists()
    build(content, tmp_path / "first")
    cache = tmp_path / markdown_store.FOLDER
    shard = cache / "markdown-0.json"
    assert len(entries(cache)) > 20  # the default content's notes and descriptions
    written = shard.stat().st_mtime_ns
    build(content, tmp_path / "second")
    assert shard.stat().st_mtime_ns == written  # nothing new: not rewritten
    plain = snapshot(tmp_path / "plain")
    assert snapshot(tmp_path / "first") == plain == snapshot(tmp_path / "second")
    assert not any(markdown_store.FOLDER in path for path in plain)


def test_edited_notes_show_their_new_text_and_old_entries_drop_out(content, tmp_path):
    cache = tmp_path / "cache"
    build(content, tmp_path / "out", "--cache-dir", str(cache))
    before = entries(cache)
    edit(content / "notes" / "session-1.md", "## Agenda",
         "## Freshly edited heading\n\nNew words here.\n\n## Agenda")
    build(content, tmp_path / "out", "--cache-dir", str(cache))
    after = entries(cache)
    assert len(after) == len(before) and after != before
    pages = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "out").rglob("*.html"))
    assert "New words here." in pages and 'id="note-freshly-edited-heading"' in pages


def test_outdated_or_broken_shards_are_ignored(content, tmp_path):
    cache = tmp_path / "cache"
    build(content, tmp_path / "good", "--no-cache")
    build(content, tmp_path / "out", "--cache-dir", str(cache))
    shard = cache / "markdown-0.json"
    data = json.loads(shard.read_text(encoding="utf-8"))
    poisoned = {key: "<p>stale</p>" for key in data["entries"]}
    shard.write_text(json.dumps({"settings": "other settings", "entries": poisoned}))
    (cache / "markdown-1.json").write_text("{not json")
    build(content, tmp_path / "out", "--cache-dir", str(cache))
    assert snapshot(tmp_path / "out") == snapshot(tmp_path / "good")
    assert not (cache / "markdown-1.json").exists()  # no second process this time


def test_a_cache_inside_the_output_is_refused(content, tmp_path, capsys):
    output = tmp_path / "out"
    assert main(["build", "--content", str(content), "--output", str(output),
                 "--cache-dir", str(output / "cache")]) == 1
    assert (f"--cache-dir {output / 'cache'}: refusing to keep the Markdown cache there, it is "
            f"inside the output folder {output.resolve()}") in capsys.readouterr().err
    assert not output.exists()


def test_each_worker_keeps_its_own_share(content, tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "MIN_OUTPUTS", 1)  # the default content, on two cores
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    cache = tmp_path / "cache"
    Builder(content, TEMPLATES).build(tmp_path / "out", cache)
    shards = sorted(p.name for p in cache.glob("markdown-*.json"))
    assert shards == ["markdown-0.json", "markdown-1.json"]
    monkeypatch.undo()
    alone = Builder(content, TEMPLATES)
    alone.build(tmp_path / "alone")
    assert set(entries(cache)) == set(alone.renderer.markdown.used_entries())
    assert snapshot(tmp_path / "out") == snapshot(tmp_path / "alone")


def test_the_settings_digest_follows_the_markdown_settings():
    builder = Builder(TEMPLATES, TEMPLATES)
    digest = builder.renderer.markdown.settings()
    assert digest == Builder(TEMPLATES, TEMPLATES).renderer.markdown.settings()
    assert digest != markdown_store.settings_digest(lambda text: text.upper())


@pytest.mark.parametrize("name", ["markdown-x.json", "notes.txt"])
def test_foreign_files_do_not_break_loading(tmp_path, name):
    (tmp_path / name).write_text("whatever")
    store = markdown_store.MarkdownStore(tmp_path, "s")
    assert store.load() == {}


def test_the_dev_server_s_first_build_starts_from_the_build_cache(content, tmp_path,
                                                                   monkeypatch):
    """`agenda serve` after `agenda build` finds the notes rendered; and it leaves a
    cache the next build can use."""
    cache = tmp_path / "cache"
    build(content, tmp_path / "built", "--cache-dir", str(cache))
    converted = []
    builder = Builder(content, TEMPLATES)
    real = builder.renderer.markdown._md.convert
    monkeypatch.setattr(builder.renderer.markdown._md, "convert",
                        lambda text: converted.append(text) or real(text))
    builder.rebuild(SiteSync(tmp_path / "live"), cache_dir=cache)
    assert converted == [markdown_store.PROBE]  # only the settings probe was rendered
    assert snapshot(tmp_path / "live") == snapshot(tmp_path / "built")
    assert len(entries(cache)) > 20
