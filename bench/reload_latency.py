"""Dev-server latency: the time from a save to the rebuilt page being served.

Starts the real `agenda serve` on a copy of a content folder, then, for each
round, saves an edit and polls the affected page until it carries the edit.
Two edits: a note (one session page changes) and the meeting's title (every
page changes). Also prints the rebuild times the server reports.
With --browser, the page is open in headless Chromium instead (Debian's, through
Playwright, from the test extras) and the time runs from the save to the moment
the reloaded page's DOM was ready, as its own navigation timing records it.
Run: .venv/bin/python bench/reload_latency.py [--content DIR] [--rounds 5] [--browser]
"""
from __future__ import annotations

import argparse
import http.client
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.content.pipeline import load_content  # noqa: E402
from generator.site.urls import item_path  # noqa: E402

TIMEOUT = 60.0
CHROMIUM = "/usr/bin/chromium"  # as in tests/browsing.py
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


class Server:
    def __init__(self, content: Path, output: Path) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.process = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", "--content", str(content),
             "--output", str(output), "--port", str(self.port)],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines: list[str] = []
        threading.Thread(target=lambda: self.lines.extend(self.process.stdout), daemon=True).start()
        self._until(lambda: any("Serving the site at" in line for line in self.lines))
        self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)

    def page(self, path: str) -> str:
        try:
            self.connection.request("GET", path)
            response = self.connection.getresponse()
        except (http.client.RemoteDisconnected, ConnectionError):
            # The server may close a kept-alive connection between rounds: open another.
            self.connection.close()
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
            self.connection.request("GET", path)
            response = self.connection.getresponse()
        return response.read().decode("utf-8", "replace")

    def _until(self, condition) -> None:
        deadline = time.monotonic() + TIMEOUT
        while not condition():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("the server did not start:\n" + "".join(self.lines))
            time.sleep(0.01)

    def rebuild_times(self) -> list[float]:
        return [float(m.group(1)) for line in self.lines if " changed: " in line
                for m in [re.search(r"in (\d+\.\d+) s$", line.strip())] if m]

    def stop(self) -> None:
        self.connection.close()
        self.process.terminate()
        self.process.wait(30)


def save_to_served(server: Server, save, path: str, marker: str) -> float:
    """Seconds from the save returning to the first response carrying `marker`."""
    save()
    saved = time.perf_counter()
    while marker not in server.page(path):
        if time.perf_counter() - saved > TIMEOUT:
            raise SystemExit(f"{marker!r} never appeared at {path}:\n" + "".join(server.lines))
        time.sleep(0.002)
    return time.perf_counter() - saved


class Browser:
    """One Chromium page on the dev server, reloaded by its livereload client only."""

    def __init__(self, url: str) -> None:
        from playwright.sync_api import sync_playwright
        self.playwright = sync_playwright().start()
        self.browser = self.playwright.chromium.launch(executable_path=CHROMIUM,
                                                       args=CHROMIUM_ARGS)
        self.page = self.browser.new_page()
        self.connected: list[bool] = []  # set when a page's reload client says hello
        self.page.on("websocket", lambda socket: socket.on(
            "framesent", lambda frame: self.connected.append('"info"' in str(frame))))
        self.page.goto(url)
        self._until_connected()

    def _until_connected(self) -> None:
        deadline = time.monotonic() + TIMEOUT
        while not any(self.connected):
            if time.monotonic() > deadline:
                raise SystemExit("the page's live-reload client never connected")
            self.page.wait_for_timeout(5)

    def save_to_reloaded(self, save, marker: str) -> float:
        """Seconds from the save returning to the reloaded page's DOM being ready."""
        self.connected.clear()
        save()
        saved = time.time()
        self.page.wait_for_function(f"document.documentElement.innerHTML.includes({marker!r})",
                                    timeout=TIMEOUT * 1000)
        ready = self.page.evaluate("performance.timeOrigin + performance.getEntriesByType("
                                   "'navigation')[0].domContentLoadedEventEnd") / 1000
        self._until_connected()  # the next save must find the new page listening
        return ready - saved

    def close(self) -> None:
        self.browser.close()
        self.playwright.stop()


def measure(content: Path, rounds: int, browser: bool) -> None:
    loaded = load_content(content)
    item_id, note = next(iter(loaded.index.note_of_item.items()))
    item = next(item for _, item in loaded.agenda.items() if item.id == item_id)
    note_file = content / "notes" / note.name
    meeting = content / "meeting.yaml"
    pages = "/" + item_path(item).removesuffix("index.html")
    until = "reloaded in Chromium" if browser else "served"
    with tempfile.TemporaryDirectory() as scratch:
        server = Server(content, Path(scratch) / "output")
        page = Browser(f"http://127.0.0.1:{server.port}{pages}") if browser else None

        def probe(save, path: str, marker: str) -> float:
            if page is not None:
                return page.save_to_reloaded(save, marker)
            return save_to_served(server, save, path, marker)

        results: dict[str, list[float]] = {"note edit (one page changes)": [],
                                           "title edit (every page changes)": []}
        try:
            for round_ in range(rounds):
                marker = f"Latency probe {round_}"
                results["note edit (one page changes)"].append(probe(
                    lambda: _append(note_file, f"\n{marker}.\n"), pages, marker))
                time.sleep(0.5)
                marker = f"Probe{round_}"
                results["title edit (every page changes)"].append(probe(
                    lambda: _retitle(meeting, marker), "/", marker))
                time.sleep(0.5)
            time.sleep(0.5)  # let the last rebuild line arrive
        finally:
            if page is not None:
                page.close()
            server.stop()
    print(f"content: {content} ({len(loaded.agenda.days)} days, "
          f"{sum(len(d.items) for d in loaded.agenda.days)} items), {rounds} rounds")
    for name, times in results.items():
        print(f"  save -> {until}, {name}: median {statistics.median(times) * 1000:.0f} ms, "
              f"max {max(times) * 1000:.0f} ms")
    rebuilds = server.rebuild_times()
    if rebuilds:
        print(f"  rebuild time reported by the server: median {statistics.median(rebuilds):.2f} s, "
              f"max {max(rebuilds):.2f} s over {len(rebuilds)} rebuilds")


def _append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as file:
        file.write(text)


def _retitle(meeting: Path, marker: str) -> None:
    text = meeting.read_text(encoding="utf-8")
    text = re.sub(r"^(title:\s*[\"']?)(?:Probe\d+ )?", rf"\g<1>{marker} ", text, count=1,
                  flags=re.MULTILINE)
    meeting.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=ROOT / "content",
                        help="content folder to measure (copied; default: the default content)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--browser", action="store_true",
                        help="measure to the page reloaded in headless Chromium")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "content"
        shutil.copytree(args.content, copy)
        measure(copy, args.rounds, args.browser)


if __name__ == "__main__":
    main()
