"""The real dev server sees saves through file-system events (or polling), confirmed by
content: what reaches the browser, and how many rebuilds it takes."""
from __future__ import annotations

import os
import re
import shutil
import time

import pytest

from support import TEMPLATES, edit
from support.live_server import LiveServer

SETTLE = 0.6  # several quiet periods of the watcher: a second rebuild would have started


@pytest.fixture
def start_server(content, tmp_path):
    templates = shutil.copytree(TEMPLATES, tmp_path / "templates")
    started = []

    def start(**env) -> LiveServer:
        started.append(LiveServer(content, tmp_path / "output", templates, env=env))
        return started[-1]

    yield start
    for server in started:
        server.stop()


@pytest.mark.parametrize("watching", ["events", "polling"])
def test_a_note_deleted_then_moved_back_with_its_old_mtime_is_rebuilt(
        start_server, content, tmp_path, watching):
    server = start_server(**({"WATCHFILES_FORCE_POLLING": "1"} if watching == "polling" else {}))
    note = content / "notes" / "session-3.md"
    kept = note.stat()
    os.rename(note, tmp_path / "session-3.md")
    server.wait_for_text("/sessions/session-3/", "session-3.md", status=500)
    os.utime(tmp_path / "session-3.md", ns=(kept.st_atime_ns, kept.st_mtime_ns))
    os.rename(tmp_path / "session-3.md", note)  # back, older than the server's start
    server.wait_for_text("/sessions/session-3/", "Discussion on Migration Indicators")
    assert note.stat().st_mtime_ns == kept.st_mtime_ns
    server.wait_until(lambda: server.builds() == 2, what="two rebuilds: deleted, restored")


def test_a_checkout_of_many_files_is_not_rebuilt_file_by_file(start_server, content):
    server = start_server()
    notes = sorted((content / "notes").glob("*.md"))
    for note in notes:  # as git does: a new file renamed over the old one
        fresh = note.with_name(f".{note.name}.lock")
        fresh.write_text(note.read_text(encoding="utf-8") + "\nChecked out.\n", encoding="utf-8")
        os.replace(fresh, note)
    edit(content / "meeting.yaml", "short_title: ", "short_title: Checked out ")
    server.wait_for_text("/", "Checked out Migration")
    time.sleep(SETTLE)
    # One rebuild; a writer stalled by a busy machine for longer than a lone save's
    # quiet time may split the checkout once, never file by file.
    assert server.builds() <= 2, server.terminal()
    assert re.search(r"and \d+ more changed", server.terminal())


def test_saving_unchanged_files_does_not_rebuild(start_server, content):
    server = start_server()
    meeting = content / "meeting.yaml"
    meeting.write_bytes(meeting.read_bytes())
    for note in (content / "notes").glob("*.md"):
        os.utime(note)
    time.sleep(SETTLE)
    assert server.builds() == 0
    edit(meeting, "short_title: ", "short_title: Really edited ")
    server.wait_for_text("/", "Really edited")
    server.wait_until(lambda: server.builds() == 1, what="one rebuild, for the real edit")
