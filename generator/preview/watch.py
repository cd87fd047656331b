"""What changed under the watched folders: file-system events, confirmed by content.

watchfiles (the Rust `notify` crate: inotify, FSEvents, ReadDirectoryChangesW)
reports changes as the system sees them, with no scanning. Where the system
cannot give events (its watch limit is reached, WSL, some network mounts;
`WATCHFILES_FORCE_POLLING=1` forces it) the folders are polled every POLL_MS
instead, by our own scan: notify's poller compares modification times to the
second, so it missed a second save of the same size within one second.

A lone save (an editor's few events within a millisecond or two) is a batch
once QUIET_MS pass without another event, so it rebuilds at once. Events that
keep coming make it a burst (a `git checkout`, a script, a save-all), which is
a batch only once BURST_QUIET_MS pass without one: one rebuild, even when the
process writing stalls for a moment on a busy machine.

An event only says that a path was touched. Each touched file is compared with
a digest of the bytes it had when last seen, so a save that changed nothing (a
touch, an editor saving unchanged text) does not rebuild, while a file deleted
and moved back with its old modification time does: it was missing, now it is
back. A folder moved in or out counts for every file below it.
"""
from __future__ import annotations

import asyncio
import hashlib
import os
import platform
import sys
import time
from pathlib import Path
from typing import Iterable, Iterator

from watchfiles import awatch

SCRATCH_SUFFIXES = ("~", ".swp", ".swx", ".tmp", ".bak")
GROUP_MS = 5  # watchfiles reports events this close together as one group
QUIET_MS = 15  # after one group: a lone save, once no other came for this long
BURST_QUIET_MS = 150  # after several: a burst, done once no group came for this long
LONGEST_BATCH_MS = 1600  # a long burst still rebuilds at least this often
POLL_MS = 100  # the polling fallback's interval


class SourceWatcher:
    """Watches folders; `changed()` waits for files whose bytes differ from before."""

    def __init__(self, roots: Iterable[Path]) -> None:
        self.roots = [str(Path(root).resolve()) for root in roots]
        self.digests = {path: _digest(path) for path in self._files(self.roots)}
        self.touched: set[str] = set()
        self.wake = asyncio.Event()
        self.polling = _polling_forced()

    async def run(self, stop: asyncio.Event) -> None:
        """Collects touched paths until `stop` is set; polls if the system gives no
        events or its watcher fails."""
        if not self.polling:
            try:
                async for changes in awatch(*self.roots, stop_event=stop,
                                            watch_filter=lambda _, path: not self.ignore(path),
                                            step=GROUP_MS, debounce=LONGEST_BATCH_MS,
                                            force_polling=False):
                    self._touch(path for _, path in changes)
                return
            except (OSError, RuntimeError) as exc:  # a watch limit, an error of the watcher
                print(f"File-system events failed ({exc}); polling every {POLL_MS} ms instead.",
                      file=sys.stderr, flush=True)
                self.polling = True
                self.rescan()  # what changed while no watcher was running
        await self._poll(stop)

    async def _poll(self, stop: asyncio.Event) -> None:
        """Scans every POLL_MS for files whose size or times (to the nanosecond; the
        change time catches a file moved back with an old modification time) differ."""
        loop = asyncio.get_running_loop()
        seen = await loop.run_in_executor(None, self._stats)
        while True:
            try:
                await asyncio.wait_for(stop.wait(), POLL_MS / 1000)
                return
            except asyncio.TimeoutError:
                pass
            now = await loop.run_in_executor(None, self._stats)  # the server keeps answering
            self._touch(path for path in seen.keys() | now.keys() if seen.get(path) != now.get(path))
            seen = now

    def _stats(self) -> dict[str, tuple[int, int, int]]:
        found = {}
        for path in self._files(self.roots):
            try:
                status = os.stat(path)
            except OSError:
                continue  # deleted since the folder was listed: missing, as it is now
            found[path] = (status.st_size, status.st_mtime_ns, status.st_ctime_ns)
        return found

    def _touch(self, paths: Iterable[str]) -> None:
        """Records touched paths; each group of them wakes the watcher (a burst is
        the same files saved again and again, so count groups, not new paths)."""
        paths = set(paths)
        if paths:
            self.touched.update(paths)
            self.wake.set()

    def rescan(self) -> None:
        """Catches changes no event reported: every file whose bytes differ from the
        last seen (or that came or went) counts as touched. Only these wake the
        watcher, so a burst that starts just after is not split by a needless batch."""
        files = set(self.digests) | set(self._files(self.roots))
        differing = {path for path in files if _digest(path) != self.digests.get(path)}
        if differing:
            self.touched.update(differing)
            self.wake.set()

    async def changed(self) -> list[str]:
        """Waits until some file's bytes changed; returns those files, sorted."""
        while True:
            await self.wake.wait()
            await self._settle()
            touched, self.touched = self.touched, set()
            changed = self._confirm(touched)
            if changed:
                return changed

    async def _settle(self) -> None:
        """Waits until the saves stop: QUIET_MS after a lone group of events, but
        BURST_QUIET_MS once more came (while polling, a poll always comes between).
        Events reach us a few milliseconds late, later still on a busy machine, so
        a file written within QUIET_MS (by its change time) also means more to come."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + LONGEST_BATCH_MS / 1000
        burst = self.polling
        while loop.time() < deadline:
            self.wake.clear()
            try:
                await asyncio.wait_for(self.wake.wait(),
                                       (BURST_QUIET_MS if burst else QUIET_MS) / 1000)
            except asyncio.TimeoutError:
                # An empty file is most often a save caught between truncating and
                # writing: give it the burst's wait once before building.
                if not self._written_within(QUIET_MS / 1000) and (burst or not self._emptied()):
                    return
            burst = True

    def _emptied(self) -> bool:
        """Whether a touched file is now empty."""
        return any(os.path.isfile(path) and os.path.getsize(path) == 0 for path in self.touched)

    def _written_within(self, seconds: float) -> bool:
        """Whether a touched file (or the folder of a deleted one) changed lately."""
        now = time.time_ns()
        for path in self.touched:
            try:
                changed = os.stat(path).st_ctime_ns  # a rename or utime sets it too
            except OSError:
                try:
                    changed = os.stat(os.path.dirname(path)).st_ctime_ns
                except OSError:
                    continue
            if 0 <= now - changed < seconds * 1e9:  # a clock behind ours is ignored
                return True
        return False

    def _confirm(self, touched: set[str]) -> list[str]:
        """Files among (or below) the touched paths whose bytes differ; remembers them."""
        files: set[str] = set()
        for path in touched:
            if path in self.digests or os.path.isfile(path):
                files.add(path)
            else:  # a folder moved in or out, or something else that was never a file
                inside = os.path.join(path, "")
                files.update(known for known in self.digests if known.startswith(inside))
                files.update(self._files([path]))
        changed = []
        for path in sorted(files):
            now = _digest(path)
            if now != self.digests.get(path):
                changed.append(path)
                if now is None:
                    self.digests.pop(path, None)
                else:
                    self.digests[path] = now
        return changed

    def ignore(self, path: str) -> bool:
        """Editor scratch files and dot-entries (a .git inside the content, say): an
        editor writes those on every keystroke, not on save."""
        for root in self.roots:
            if path.startswith(os.path.join(root, "")):
                parts = path[len(root) + 1:].split(os.sep)
                return (any(part.startswith((".", "#")) for part in parts)
                        or parts[-1].endswith(SCRATCH_SUFFIXES))
        return False  # a watched folder itself

    def _files(self, folders: Iterable[str]) -> Iterator[str]:
        for folder in folders:
            for root, dirs, names in os.walk(folder):
                dirs[:] = [d for d in dirs if not self.ignore(os.path.join(root, d))]
                yield from (path for path in (os.path.join(root, name) for name in names)
                            if not self.ignore(path))


def _digest(path: str) -> str | None:
    """A digest of the file's bytes; None if it is missing or cannot be read (yet)."""
    try:
        with open(path, "rb") as file:
            return hashlib.blake2b(file.read(), digest_size=16).hexdigest()
    except OSError:
        return None


def _polling_forced() -> bool:
    """Whether to poll from the start, as watchfiles documents it: the environment
    variable WATCHFILES_FORCE_POLLING, or WSL, whose Windows folders give no events."""
    forced = os.environ.get("WATCHFILES_FORCE_POLLING", "")
    if forced:
        return forced.lower() not in {"false", "disable", "disabled"}
    uname = platform.uname()
    return uname.system == "Linux" and "microsoft-standard" in uname.release.lower()
