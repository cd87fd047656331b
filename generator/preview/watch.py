"""What changed under the watched folders: file-system events, confirmed by content.

watchfiles (the Rust `notify` crate: inotify, FSEvents, ReadDirectoryChangesW)
reports changes as the system sees them, with no scanning; where the system
cannot give events (its watch limit is reached, WSL, some network mounts) it
polls instead (`WATCHFILES_FORCE_POLLING=1` forces that). Saves that follow one
another within QUIET_MS make one batch, so a burst (a `git checkout`) is one
rebuild.

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
import sys
from pathlib import Path
from typing import Iterable, Iterator

from watchfiles import awatch

SCRATCH_SUFFIXES = ("~", ".swp", ".swx", ".tmp", ".bak")
QUIET_MS = 15  # a batch ends once no event came for this long
LONGEST_BATCH_MS = 1600  # a long burst still rebuilds at least this often
POLL_MS = 100  # the polling fallback's interval


class SourceWatcher:
    """Watches folders; `changed()` waits for files whose bytes differ from before."""

    def __init__(self, roots: Iterable[Path]) -> None:
        self.roots = [str(Path(root).resolve()) for root in roots]
        self.digests = {path: _digest(path) for path in self._files(self.roots)}
        self.touched: set[str] = set()
        self.wake = asyncio.Event()
        self.polling = False

    async def run(self, stop: asyncio.Event) -> None:
        """Collects touched paths until `stop` is set; falls back to polling if the
        system's events fail, and keeps the server up (unwatched) if polling does too."""
        while not stop.is_set():
            try:
                async for changes in awatch(*self.roots, stop_event=stop,
                                            watch_filter=lambda _, path: not self.ignore(path),
                                            step=QUIET_MS, debounce=LONGEST_BATCH_MS,
                                            force_polling=True if self.polling else None,
                                            poll_delay_ms=POLL_MS):
                    self.touched.update(path for _, path in changes)
                    self.wake.set()
                return
            except (OSError, RuntimeError) as exc:  # a watch limit, an error of the watcher
                if self.polling:
                    print(f"Watching stopped: {exc}. Restart `agenda serve` to watch again.",
                          file=sys.stderr, flush=True)
                    return
                print(f"File-system events failed ({exc}); polling every {POLL_MS} ms instead.",
                      file=sys.stderr, flush=True)
                self.polling = True
                self.rescan()  # what changed while no watcher was running

    def rescan(self) -> None:
        """Counts every file as touched: catches changes no event reported."""
        self.touched.update(self.digests)
        self.touched.update(self._files(self.roots))
        self.wake.set()

    async def changed(self) -> list[str]:
        """Waits until some file's bytes changed; returns those files, sorted."""
        while True:
            await self.wake.wait()
            self.wake.clear()
            touched, self.touched = self.touched, set()
            changed = self._confirm(touched)
            if changed:
                return changed

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
