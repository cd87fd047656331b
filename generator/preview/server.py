"""`agenda serve`: build, serve the output folder, rebuild on every save and reload browsers.

livereload 2.7.1 provides the file watcher, the browser client and its WebSocket
protocol; its traps are avoided here rather than patched:
- it drops a reload that follows the previous one within 3 s, so we never use its
  poll_tasks: we poll the watcher ourselves and reload after every build;
- an exception in its watch callback is only logged, so our build catches every
  error and turns it into the error page that browsers are reloaded to;
- its WebSocket accepts any Origin: serve_http.ReloadSocket accepts only our own.
Builds run on one worker thread, so the server keeps answering meanwhile, and a
stop waits for the build in progress: no half-written output is left behind.
"""
from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from livereload.watcher import Watcher
from tornado.ioloop import PeriodicCallback

from ..site.build import Builder, BuildResult
from ..errors import AgendaError, ContentError
from ..site.markdown_store import default_folder
from .serve_http import BuildStatus, ReloadSocket, is_loopback, make_application
from ..site.swap import recover_now
from ..site.write import SiteSync, check_output_dir

POLL_MS = 100  # how often the watched folders are scanned for changes
SCRATCH_SUFFIXES = ("~", ".swp", ".swx", ".tmp", ".bak")


def serve(builder: Builder, output: Path, host: str, port: int) -> int:
    """Serve until SIGINT or SIGTERM; returns the exit status."""
    output = check_output_dir(output, builder.protected())  # refuse what build refuses
    recover_now(output)  # what an interrupted `agenda build` left (site/swap.py)
    return asyncio.run(_serve(builder, output, host, port))


async def _serve(builder: Builder, output: Path, host: str, port: int) -> int:
    stop = _stop_event()
    status = BuildStatus()
    rebuilder = Rebuilder(builder, output, status)  # watches from now: edits during the first build count
    try:
        http = make_application(output, status, host, port).listen(port, address=host)
    except OSError as exc:
        raise AgendaError(f"cannot serve on {host}:{port}: {exc.strerror}") from exc
    await rebuilder.first_build()
    _say_where(host, port)
    rebuilder.start()
    await stop.wait()
    print("Stopping (after the build in progress, if any).", flush=True)
    await rebuilder.close()
    http.stop()
    ReloadSocket.close_all()
    await http.close_all_connections()
    return 0


def _stop_event() -> asyncio.Event:
    """An event set by the first Ctrl-C or SIGTERM; a second one stops at once."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()

    def on_signal() -> None:
        stop.set()
        for number in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(number)

    for number in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(number, on_signal)
    return stop


def _say_where(host: str, port: int) -> None:
    shown = "127.0.0.1" if host in ("", "0.0.0.0", "::") else host
    shown = f"[{shown}]" if ":" in shown else shown
    print(f"Serving the site at http://{shown}:{port}/", flush=True)
    if is_loopback(host):
        print(f"Bound to {host}: only this computer can open it "
              "(pass --host 0.0.0.0 to share it on your network).", flush=True)
    else:
        print(f"Bound to {host}: other computers on the network can open it.", flush=True)
    print("Watching content and templates; every save rebuilds and reloads open pages. "
          "Press Ctrl-C to stop.", flush=True)


class ScanningWatcher(Watcher):
    """livereload's Watcher stops a folder scan at the first changed file, so a
    checkout of ten files took ten polls; this one records every change in one scan."""

    def __init__(self) -> None:
        super().__init__()
        self.changed: list[str] = []

    def examine(self) -> list[str]:
        self.changed = []
        super().examine()
        return self.changed

    def is_folder_changed(self, path: str, ignore=None) -> bool:
        found = []
        for root, dirs, files in os.walk(path):
            dirs[:] = [d for d in dirs if d not in self.ignored_dirs]
            found += [os.path.join(root, name) for name in files
                      if self.is_file_changed(os.path.join(root, name), ignore)]
        self.changed.extend(found)
        return bool(found)

    def is_file_removed(self) -> bool:
        removed = set(self._task_mtimes) - set(self._new_mtimes)
        self.changed.extend(sorted(removed))
        return super().is_file_removed()


def _is_scratch_file(path: str) -> bool:
    """Editor swap and backup files: they change on every keystroke, not on save."""
    name = os.path.basename(path)
    return name.startswith((".", "#")) or name.endswith(SCRATCH_SUFFIXES)


class Rebuilder:
    """Polls for changes, waits for saves to settle, rebuilds, then reloads browsers."""

    def __init__(self, builder: Builder, output: Path, status: BuildStatus) -> None:
        self.builder, self.output, self.status = builder, output, status
        self.watcher = ScanningWatcher()
        for folder in (builder.content_dir, builder.templates_dir):
            self.watcher.watch(str(folder), ignore=_is_scratch_file)
        self.sync = SiteSync(output)
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="rebuild")
        self.poller = PeriodicCallback(self._poll, POLL_MS)
        self.pending: list[str] = []  # changes seen and not yet built
        self.building: asyncio.Task | None = None

    async def first_build(self) -> None:
        # A rebuild, not a full build: it fills the render cache, so the first save
        # re-renders only what it changed, and it renders in this process (a full
        # build forks workers, which a process with threads should not do). It
        # shares `agenda build`'s Markdown cache, the largest part of a first build.
        cache = default_folder(self.output)
        await self._run(lambda: self.builder.rebuild(self.sync, cache_dir=cache),
                        "Initial build")

    def start(self) -> None:
        # The first scan inventories the files; it reports those saved since the watcher began.
        self.pending.extend(self.watcher.examine())
        self.poller.start()

    def _poll(self) -> None:
        changed = self.watcher.examine()
        if changed:
            self.pending.extend(changed)
            return  # debounce: build once a scan finds nothing new
        if self.pending and self.building is None:
            reason = _describe(self.pending, self.builder)
            templates = os.path.join(str(self.builder.templates_dir), "")
            templates_changed = any(path.startswith(templates) for path in self.pending)
            self.pending = []
            self.building = asyncio.ensure_future(self._rebuild(reason, templates_changed))

    async def _rebuild(self, reason: str, templates_changed: bool) -> None:
        try:
            if await self._run(lambda: self.builder.rebuild(self.sync, templates_changed), reason):
                ReloadSocket.reload_browsers()
        finally:
            self.building = None

    async def _run(self, build, reason: str) -> bool:
        """Runs one build on the worker thread; True if browsers should reload."""
        loop = asyncio.get_running_loop()
        had_error = self.status.report is not None
        result = await loop.run_in_executor(self.worker, _build_safely, build)
        if isinstance(result, BuildResult):
            self.status.headline, self.status.report = "", None
            for warning in result.warnings:
                print(warning, file=sys.stderr, flush=True)
            print(f"{reason}: {result.summary(self.output)}", flush=True)
            return had_error or result.written > 0
        self.status.headline, self.status.report = result
        print(f"{reason}: {self.status.headline}; the site was not updated.\n"
              f"{self.status.report}", file=sys.stderr, flush=True)
        return True

    async def close(self) -> None:
        self.poller.stop()
        if self.building is not None:
            await self.building
        self.worker.shutdown(wait=True)


def _build_safely(build) -> BuildResult | tuple[str, str]:
    """A build's result, or (headline, report) for any error: the server must survive it."""
    try:
        return build()
    except ContentError as exc:
        return str(exc), exc.report()
    except AgendaError as exc:
        return "Build error", str(exc)
    except Exception:  # a bug must not stop the preview either; show it
        return "Unexpected error", traceback.format_exc()


def _describe(changed: list[str], builder: Builder) -> str:
    names = sorted({_relative(path, builder) for path in changed})
    shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    return f"{time.strftime('%H:%M:%S')} {shown} changed"


def _relative(path: str, builder: Builder) -> str:
    for root in (builder.content_dir, builder.templates_dir):
        try:
            return str(Path(root.name) / Path(path).relative_to(root))
        except ValueError:
            continue
    return path
