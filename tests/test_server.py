"""The dev server, run for real as a subprocess against a temp copy of the default content."""
from __future__ import annotations

import asyncio
import html
import http.client
import json
import os
import shutil
import signal
import subprocess
import sys
import re
import time
from importlib.metadata import version

import pytest
from tornado.httpclient import HTTPClientError

from support import CONTENT, TEMPLATES, edit, line_of
from support.live_server import ROOT, WAIT, LiveServer, open_reload_socket

TITLE = "short_title: Migration Statistics Technical Meeting 2022"
NOTE_LINE = "Discussion on Migration Indicators for Policy Area 2"


@pytest.fixture
def templates(tmp_path):
    """A private copy, so edits others make to templates/ cannot trigger rebuilds here."""
    return shutil.copytree(TEMPLATES, tmp_path / "templates")


@pytest.fixture
def server(content, templates, tmp_path):
    running = LiveServer(content, tmp_path / "output", templates)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def shared_server(tmp_path_factory):
    """One server for the tests that only read."""
    root = tmp_path_factory.mktemp("served")
    shutil.copytree(CONTENT, root / "content")
    shutil.copytree(TEMPLATES, root / "templates")
    running = LiveServer(root / "content", root / "output", root / "templates")
    yield running
    running.stop()


def test_serves_the_site_on_loopback_with_the_reload_client_injected(shared_server):
    status, home = shared_server.get("/")
    assert status == 200 and "Migration Statistics Technical Meeting 2022" in home
    assert "/livereload.js" in home
    on_disk = (shared_server.output / "index.html").read_text(encoding="utf-8")
    assert "livereload" not in on_disk
    assert f"http://127.0.0.1:{shared_server.port}/" in shared_server.terminal()
    assert "Bound to 127.0.0.1" in shared_server.terminal()
    assert shared_server.get("/livereload.js")[0] == 200


def test_the_reload_client_is_kept_by_browsers_under_a_url_naming_its_version(shared_server):
    # A reload then waits for the page alone, not for livereload.js again.
    home = shared_server.get("/")[1]
    assert f'src="/livereload.js?port={shared_server.port}&amp;v={version("livereload")}"' in home
    connection = http.client.HTTPConnection("127.0.0.1", shared_server.port, timeout=5)
    connection.request("GET", f"/livereload.js?port={shared_server.port}")
    response = connection.getresponse()
    assert response.status == 200 and b"LiveReload" in response.read()
    assert response.getheader("Cache-Control") == "max-age=86400, immutable"
    connection.close()


@pytest.mark.parametrize("path", ["/../content/meeting.yaml", "/%2e%2e/content/meeting.yaml",
                                  "/%2E%2E%2Fcontent%2Fmeeting.yaml", "/static/../../content/meeting.yaml"])
def test_traversal_out_of_the_output_folder_is_refused(shared_server, path):
    status, body = shared_server.get(path)
    assert status in (403, 404)
    assert "timezone:" not in body


def test_symlinks_leading_out_of_the_output_folder_are_refused(shared_server, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the browser")
    (shared_server.output / "leak.txt").symlink_to(secret)
    (shared_server.output / "leakdir").symlink_to(tmp_path, target_is_directory=True)
    for path in ("/leak.txt", "/leakdir/secret.txt"):
        status, body = shared_server.get(path)
        assert status in (403, 404) and "not for the browser" not in body


def test_unknown_paths_get_the_sites_own_404_page(shared_server):
    status, body = shared_server.get("/no/such/page/")
    assert status == 404
    assert "Page not found" in body and "/livereload.js" in body


def test_requests_naming_another_host_are_refused(shared_server):
    # A DNS-rebinding page would reach 127.0.0.1 with its own name in Host.
    assert shared_server.get("/", headers={"Host": f"evil.example:{shared_server.port}"})[0] == 403


def test_reload_socket_refuses_foreign_origins_and_accepts_its_own(shared_server):
    async def attempt(origin):
        try:
            socket_ = await open_reload_socket(shared_server.port, origin)
        except HTTPClientError as exc:
            return exc.code
        socket_.close()
        return 101

    assert asyncio.run(attempt("http://evil.example")) == 403
    assert asyncio.run(attempt(f"http://localhost:{shared_server.port + 1}")) == 403
    assert asyncio.run(attempt(None)) == 101


def test_yaml_and_note_edits_are_served_and_only_changed_pages_rewritten(server, content):
    edit(content / "meeting.yaml", TITLE, "short_title: Rabat Preview Edited")
    server.wait_for_text("/", "Rabat Preview Edited")
    server.wait_until(lambda: server.builds() == 1, what="the first rebuild")
    other_page = server.output / "sessions/session-1/index.html"
    before = other_page.stat().st_mtime_ns
    edit(content / "notes/session-3.md", NOTE_LINE, "Discussion edited in the note")
    server.wait_for_text("/sessions/session-3/", "Discussion edited in the note")
    server.wait_until(lambda: server.builds() == 2, what="the second rebuild")
    assert other_page.stat().st_mtime_ns == before  # its HTML did not change: not rewritten
    report = [line for line in server.lines if " changed: " in line][-1]
    assert "notes/session-3.md changed" in report and "unchanged" in report
    assert re.search(r"in \d+\.\d\d s$", report.strip())  # the rebuild time


def check_problems(content) -> list[str]:
    """What `agenda check` prints for the content, problem by problem."""
    check = subprocess.run([sys.executable, "-m", "generator", "check", "--content", str(content)],
                           cwd=ROOT, capture_output=True, text=True)
    assert check.returncode == 1
    return [line for line in check.stderr.splitlines() if not line.startswith("agenda:")]


def test_broken_yaml_shows_the_error_page_then_the_next_good_save_restores_the_site(server, content):
    meeting = content / "meeting.yaml"
    good = meeting.read_text(encoding="utf-8")
    edit(meeting, "timezone: Africa/Casablanca", "timezone: [Africa/Casablanca")
    body = server.wait_for_text("/days/2022-06-21/", "meeting.yaml:", status=500)
    problems = check_problems(content)
    assert len(problems) == 1 and "YAML syntax error" in problems[0]
    assert problems[0] in html.unescape(body) and problems[0] in server.terminal()
    assert "/livereload.js" in body  # the error page reloads by itself too
    stylesheet = next((server.output / "static").glob("style.*.css")).name
    assert server.get(f"/static/{stylesheet}")[0] == 200  # assets are still served
    assert server.process.poll() is None
    meeting.write_text(good, encoding="utf-8")
    server.wait_for_text("/days/2022-06-21/", "Tuesday 21 June 2022")


def test_missing_note_and_template_errors_show_the_check_message(server, content, templates):
    (content / "notes/session-2.md").unlink()
    body = server.wait_for_text("/", "schedule.yaml:", status=500)
    problems = check_problems(content)
    assert "session-2.md" in problems[0] and problems[0] in html.unescape(body)
    shutil.copy(CONTENT / "notes/session-2.md", content / "notes/session-2.md")
    server.wait_for_text("/", "Migration Statistics")
    edit(templates / "home.html", "{% block content %}", "{% block content %}{{ broken( }}")
    body = server.wait_for_text("/", f"home.html:{line_of(templates / 'home.html', 'broken(')}:",
                                status=500)
    assert "template syntax error" in body
    assert server.wait_for_text("/people/", "template syntax error", status=500)


def test_a_burst_of_saves_is_one_rebuild_not_one_per_save(server, content):
    """Ten saves in a row rebuild once. A writer stalled by a busy machine for longer
    than a lone save's quiet time (QUIET_MS) may split the burst once, never more."""
    meeting = content / "meeting.yaml"
    for number in range(10):
        edit(meeting, "short_title: ", f"short_title: {number}")
    server.wait_for_text("/", "9876543210Migration")
    server.wait_until(lambda: server.builds() >= 1, what="the rebuild's report")
    time.sleep(0.5)  # no further build may follow
    assert server.builds() <= 2, server.terminal()
    assert "file is empty" not in server.terminal()  # no save was caught half-written


def test_pages_requested_while_a_rebuild_rewrites_them_arrive_whole(server, content):
    """A page replaced between the server's look at its size and its read must still
    be sent whole (old or new), never as a dropped connection."""
    meeting = content / "meeting.yaml"
    answers = []
    for number in range(8):
        edit(meeting, "short_title: ", f"short_title: {'x' * number}")
        deadline = time.monotonic() + 0.4
        while time.monotonic() < deadline:
            try:
                status, body = server.get("/")
            except (ConnectionError, http.client.HTTPException):
                status, body = None, ""  # the connection was dropped
            answers.append(status == 200 and body.rstrip().endswith("</html>"))
    assert all(answers), f"{answers.count(False)} of {len(answers)} requests failed"


def test_two_saves_a_second_apart_both_reach_the_browser(server, content):
    async def two_saves():
        socket_ = await open_reload_socket(server.port)
        reloads = []
        for text in ("First quick save", "Second quick save"):
            edit(content / "meeting.yaml", "short_title: ", f"short_title: {text} ")
            message = await asyncio.wait_for(socket_.read_message(), WAIT)
            reloads.append(json.loads(message)["command"])
            assert text in server.get("/")[1]  # served by the time browsers are told
            await asyncio.sleep(1)
        socket_.close()
        return reloads

    assert asyncio.run(two_saves()) == ["reload", "reload"]


def test_ctrl_c_mid_rebuild_exits_cleanly_leaving_whole_files(server, content, tmp_path):
    server.wait_for_text("/", "Migration")
    edit(content / "meeting.yaml", TITLE, "short_title: Saved just before Ctrl-C")
    time.sleep(0.15)  # the rebuild is about to start or running
    started = time.monotonic()
    assert server.stop(signal.SIGINT) == 0
    assert time.monotonic() - started < 5
    leftovers = [p.name for p in tmp_path.iterdir() if ".staging-" in p.name or ".old-" in p.name]
    assert leftovers == []
    temporary = [p for p in server.output.rglob("*") if p.name.endswith(".tmp")]
    assert temporary == []
    assert (server.output / "index.html").read_text(encoding="utf-8").rstrip().endswith("</html>")


def test_sigterm_also_stops_it(server):
    assert server.stop(signal.SIGTERM) == 0


@pytest.mark.parametrize("target", ["content", "notes-dir", "foreign"])
def test_serve_refuses_unsafe_output_folders_like_build(content, tmp_path, target):
    output = {"content": content, "notes-dir": content / "notes", "foreign": tmp_path / "mine"}[target]
    if target == "foreign":
        output.mkdir()
        (output / "thesis.txt").write_text("keep me")
    result = subprocess.run([sys.executable, "-m", "generator", "serve", "--content", str(content),
                             "--output", str(output), "--port", "1"], cwd=ROOT,
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 1
    assert "refusing" in result.stderr or "did not write" in result.stderr
    assert "Serving" not in result.stdout
    if target == "foreign":
        assert os.listdir(output) == ["thesis.txt"]
