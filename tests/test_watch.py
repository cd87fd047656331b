"""The dev server's watcher (generator/preview/watch.py) on real folders and real events."""
from __future__ import annotations

import asyncio
import os
import shutil

import pytest

from generator.preview import watch
from generator.preview.watch import SourceWatcher

QUIET = 0.4  # long enough for a change to be reported if there were one


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "content"
    (root / "notes").mkdir(parents=True)
    for name in ("a", "b"):
        (root / "notes" / f"{name}.md").write_text(f"Note {name}\n")
    (root / "meeting.yaml").write_text("title: Meeting\n")
    return root


def watched(folder, steps):
    """Runs `steps(watcher)` while a SourceWatcher watches `folder`."""
    async def run():
        watcher = SourceWatcher([folder])
        stop = asyncio.Event()
        task = asyncio.ensure_future(watcher.run(stop))
        await asyncio.sleep(0)  # the task starts its watcher before anything is saved
        try:
            return await steps(watcher)
        finally:
            stop.set()
            await asyncio.wait_for(task, 5)
    return asyncio.run(run())


async def next_change(watcher) -> list[str]:
    return await asyncio.wait_for(watcher.changed(), 5)


async def no_change(watcher) -> bool:
    try:
        await asyncio.wait_for(watcher.changed(), QUIET)
    except asyncio.TimeoutError:
        return True
    return False


def test_a_file_deleted_and_moved_back_with_its_old_mtime_counts_both_times(folder, tmp_path):
    note = folder / "notes" / "a.md"
    old = note.stat()

    async def steps(watcher):
        os.rename(note, tmp_path / "a.md")
        deleted = await next_change(watcher)
        os.utime(tmp_path / "a.md", ns=(old.st_atime_ns, old.st_mtime_ns))
        os.rename(tmp_path / "a.md", note)
        return deleted, await next_change(watcher)

    assert watched(folder, steps) == ([str(note)], [str(note)])
    assert note.stat().st_mtime_ns == old.st_mtime_ns


def test_saving_the_same_bytes_is_no_change_and_a_real_edit_is(folder):
    meeting = folder / "meeting.yaml"

    async def steps(watcher):
        meeting.write_bytes(meeting.read_bytes())
        os.utime(folder / "notes" / "b.md")
        unchanged = await no_change(watcher)
        meeting.write_text("title: Edited\n")
        return unchanged, await next_change(watcher)

    assert watched(folder, steps) == (True, [str(meeting)])


def test_a_burst_of_saves_is_one_batch(folder):
    async def steps(watcher):
        for number in range(30):
            (folder / "notes" / f"new-{number}.md").write_text(f"Note {number}\n")
            (folder / "meeting.yaml").write_text(f"title: Meeting {number}\n")
        return await next_change(watcher), await no_change(watcher)

    changed, then_quiet = watched(folder, steps)
    assert len(changed) == 31 and then_quiet


def test_a_folder_moved_in_or_out_counts_every_file_in_it(folder, tmp_path):
    photos = tmp_path / "photos"
    photos.mkdir()
    for name in ("x.jpg", "y.jpg"):
        (photos / name).write_bytes(name.encode())

    async def steps(watcher):
        os.rename(photos, folder / "photos")
        moved_in = await next_change(watcher)
        shutil.move(folder / "notes", tmp_path / "notes")
        return moved_in, await next_change(watcher)

    moved_in, moved_out = watched(folder, steps)
    assert moved_in == [str(folder / "photos" / "x.jpg"), str(folder / "photos" / "y.jpg")]
    assert moved_out == [str(folder / "notes" / "a.md"), str(folder / "notes" / "b.md")]


def test_editor_scratch_files_and_dot_folders_are_not_changes(folder):
    async def steps(watcher):
        for scratch in (".a.md.swp", "a.md~", "#a.md#", "a.md.tmp"):
            (folder / "notes" / scratch).write_text("typing")
        (folder / ".git").mkdir()
        (folder / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
        return await no_change(watcher)

    assert watched(folder, steps)


def test_polling_takes_over_when_the_system_gives_no_events(folder, monkeypatch, capsys):
    def no_events(*paths, **options):
        raise OSError("OS file watch limit reached.")  # as watchfiles says when it is

    monkeypatch.setattr(watch, "awatch", no_events)

    async def steps(watcher):
        await asyncio.sleep(0.2)  # the poller takes its first inventory
        (folder / "meeting.yaml").write_text("title: Polled\n")
        return await next_change(watcher), watcher.polling

    assert watched(folder, steps) == ([str(folder / "meeting.yaml")], True)
    assert ("File-system events failed (OS file watch limit reached.); polling every "
            f"{watch.POLL_MS} ms instead.") in capsys.readouterr().err


def test_polling_sees_two_saves_of_the_same_size_within_a_second(folder, monkeypatch):
    # watchfiles' own poller compares modification times to the second and missed these.
    monkeypatch.setenv("WATCHFILES_FORCE_POLLING", "1")
    meeting = folder / "meeting.yaml"

    async def steps(watcher):
        await asyncio.sleep(0.2)  # the poller's first inventory
        meeting.write_text("title: First\n")
        first = await next_change(watcher)
        meeting.write_text("title: Again\n")
        return watcher.polling, first, await next_change(watcher)

    assert watched(folder, steps) == (True, [str(meeting)], [str(meeting)])
