"""Stage 6, write: put rendered files on disk without ever losing the last good site.

A full build writes into a fresh staging folder beside the output and swaps it
in only when every file is written. The dev server instead syncs in place,
rewriting only files whose bytes changed. Either way the generator deletes only
folders it created itself (they hold a marker file).
"""
from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path
from typing import Iterable

from ..errors import OutputError

MARKER = ".agenda-output"
MARKER_TEXT = "This folder was created by the agenda generator; it is replaced on every build.\n"


def check_output_dir(output: Path, protected: Iterable[Path]) -> Path:
    """Refuse output folders whose replacement would destroy something else."""
    out = Path(output).resolve()
    if out == Path(out.anchor) or out == Path.home().resolve():
        raise OutputError(f"refusing to write the site to {out}: choose a folder of its own, "
                          "such as output/")
    for keep in protected:
        keep = Path(keep).resolve()
        if out == keep or out in keep.parents or keep in out.parents:
            raise OutputError(f"refusing to write the site to {out}: it overlaps {keep}; "
                              "choose a separate folder such as output/")
    if out.exists():
        if not out.is_dir():
            raise OutputError(f"{out} exists and is not a folder; choose another --output")
        visible = [p for p in out.iterdir() if not p.name.startswith(".")]
        if visible and not (out / MARKER).exists():
            raise OutputError(f"{out} holds files the generator did not write (no {MARKER} "
                              "marker); it will not replace them. Choose an empty or new folder")
    return out


def write_site(files: Iterable[tuple[str, bytes]], output: Path) -> int:
    """Write every file into a staging folder, then swap it in; returns files written."""
    staging = output.parent / f".{output.name}.staging-{os.getpid()}"
    output.parent.mkdir(parents=True, exist_ok=True)
    _remove_own(staging)
    staging.mkdir()
    count = 0
    try:
        for path, data in files:
            target = staging / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            count += 1
        (staging / MARKER).write_text(MARKER_TEXT)
        _swap(staging, output)
    except BaseException:
        _remove_own(staging)
        raise
    return count


def _swap(staging: Path, output: Path) -> None:
    if not output.exists():
        os.rename(staging, output)
        return
    # Keep dot-entries a user put there (a .git of a deploy branch, a CNAME-like dotfile).
    for entry in output.iterdir():
        if entry.name.startswith(".") and entry.name != MARKER:
            os.rename(entry, staging / entry.name)
    old = output.parent / f".{output.name}.old-{os.getpid()}"
    os.rename(output, old)
    os.rename(staging, output)
    _remove_own(old)


def _remove_own(folder: Path) -> None:
    """Delete a folder only if it is empty or carries our marker."""
    if not folder.exists():
        return
    if (folder / MARKER).exists() or ".staging-" in folder.name:
        shutil.rmtree(folder)
    elif not any(folder.iterdir()):
        folder.rmdir()
    else:
        raise OutputError(f"{folder} was not created by the generator; not deleting it")


class SiteSync:
    """Keeps an output folder in step with successive builds, writing only changes."""

    def __init__(self, output: Path) -> None:
        self.output = output
        self.digests: dict[str, str] | None = None  # None: not yet read from disk

    def _digests_on_disk(self) -> dict[str, str]:
        """Digests of the files a previous run left, so unchanged ones are not rewritten."""
        if not (self.output / MARKER).exists():
            return {}
        found = {}
        for file in self.output.rglob("*"):
            relative = file.relative_to(self.output).as_posix()
            if file.is_file() and not any(part.startswith(".") for part in relative.split("/")):
                found[relative] = digest(file.read_bytes())
        return found

    def _known(self) -> dict[str, str]:
        """Digests of the files this sync wrote, read from disk on first use."""
        if self.digests is None:
            self.digests = self._digests_on_disk()
        return self.digests

    def current(self, path: str, expected: str) -> bool:
        """Whether the file on disk still holds bytes of this digest (no need to render it)."""
        return (self._known().get(path) == expected
                and os.path.exists(os.path.join(self.output, path)))

    def sync(self, files: Iterable[tuple[str, bytes]],
             unchanged: Iterable[str] = ()) -> tuple[int, int]:
        """Write changed files, delete files no longer produced; returns (written, removed).

        `unchanged` names files still produced whose bytes are known to be the same
        (checked with `current`), so they are neither rendered nor hashed again.
        """
        known = self._known()
        self.output.mkdir(parents=True, exist_ok=True)
        marker = self.output / MARKER
        if not marker.exists():
            marker.write_text(MARKER_TEXT)
        seen: dict[str, str] = {path: known[path] for path in unchanged}
        written = 0
        for path, data in files:
            seen[path] = new = digest(data)
            if known.get(path) == new and (self.output / path).exists():
                continue
            _atomic_write(self.output / path, data)
            written += 1
        removed = 0
        for path in set(known) - set(seen):
            (self.output / path).unlink(missing_ok=True)
            removed += 1
        self.digests = seen
        return written, removed


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _atomic_write(target: Path, data: bytes) -> None:
    """Write via a temporary file and rename, so no reader sees half a page."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, target)
