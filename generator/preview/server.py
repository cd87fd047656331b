"""`agenda serve`: build, serve the output folder, rebuild on every save and reload browsers.

Changes are seen through file-system events (watch.py, with watchfiles) and
confirmed by content digests. livereload 2.7.1 provides the browser client and
its WebSocket protocol; its traps are avoided here rather than patched:
- it drops a reload that follows the previous one within 3 s, so we never use its
  watcher or poll_tasks: we reload after every build ourselves;
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

from ..site.build import Builder, BuildResult
from ..errors import AgendaError, ContentError
from ..site.markdown_store import default_folder
from ..site.swap import recover_now
from ..site.write import SiteSync, check_output_dir
from .serve_http import BuildStatus, ReloadSocket, is_loopback, make_application
from .watch import SourceWatcher


def serve(builder: Builder, output: Path, host: str, port: int) -> int:
    """Serve until SIGINT or SIGTERM; returns the exit status."""
    output = check_output_dir(output, builder.protected())  # refuse what build refuses
    recover_now(output)  # what an interrupted `agenda build` left (site/swap.py)
    return asyncio.run(_serve(builder, output, host, port))


async def _serve(builder: Builder, output: Path, host: str, port: int) -> int:
    stop = _stop_event()
    status = BuildStatus()
    rebuilder = Rebuilder(builder, output, status)
    try:
        http = make_application(output, status, host, port).listen(port, address=host)
    except OSError as exc:
        raise AgendaError(f"cannot serve on {host}:{port}: {exc.strerror}") from exc
    watching = asyncio.ensure_future(rebuilder.watcher.run(stop))  # edits during the first build count
    await rebuilder.first_build()
    _say_where(host, port)
    rebuilder.start()
    await stop.wait()
    print("Stopping (after the build in progress, if any).", flush=True)
    await rebuilder.close()
    await watching
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


class Rebuilder:
    """Waits for changed files, rebuilds once per batch, then reloads browsers."""

    def __init__(self, builder: Builder, output: Path, status: BuildStatus) -> None:
        self.builder, self.output, self.status = builder, output, status
        self.watcher = SourceWatcher(builder.watched_folders())
        self.sync = SiteSync(output)
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="rebuild")
        self.building: asyncio.Future | None = None
        self.waiting: asyncio.Task | None = None

    async def first_build(self) -> None:
        # A rebuild, not a full build: it fills the render cache, so the first save
        # re-renders only what it changed, and it renders in this process (a full
        # build forks workers, which a process with threads should not do). It
        # shares `agenda build`'s Markdown cache, the largest part of a first build.
        cache = default_folder(self.output)
        await self._run(lambda: self.builder.rebuild(self.sync, cache_dir=cache),
                        "Initial build")

    def start(self) -> None:
        self.watcher.rescan()  # files saved while the first build ran, seen or not
        self.waiting = asyncio.ensure_future(self._rebuild_on_changes())

    async def _rebuild_on_changes(self) -> None:
        themes = tuple(os.path.join(str(folder.resolve()), "")
                       for folder in self.builder.theme.folders)
        while True:
            # Saves during a rebuild gather in the watcher: one more rebuild after it.
            changed = await self.watcher.changed()
            templates_changed = any(path.startswith(themes) for path in changed)
            self.building = asyncio.ensure_future(
                self._rebuild(_describe(changed, self.builder), templates_changed))
            await asyncio.shield(self.building)  # a stop lets the rebuild finish

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
        if self.waiting is not None:
            self.waiting.cancel()
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
    for root in builder.watched_folders():
        try:
            return str(Path(root.name) / Path(path).relative_to(root.resolve()))
        except ValueError:
            continue
    return path
