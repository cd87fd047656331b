"""Stage 6, write: put rendered files on disk without ever losing the last good site.

A full build writes into a fresh staging folder beside the output and swaps it
in only when every file is written (swap.py: crash-safe at every step, and the
next build recovers what a crash left). The dev server instead syncs in place,
rewriting only files whose bytes changed. Either way the generator writes only
into folders it created itself (they hold a marker file), an empty folder or a
deploy checkout holding just `.git`, and deletes only its own folders.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Iterable

from ..errors import OutputError
from .markdown_store import FOLDER
from .swap import MARKER, MARKER_TEXT, output_lock, recover, staging_folder, swap_in

DEPLOY_CHECKOUT = ".git"  # a folder holding just this may be adopted as the output


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
    _check_parents(out)
    if out.exists():
        if not out.is_dir():
            raise OutputError(f"{out} exists and is not a folder; choose another --output")
        if not (out / MARKER).exists():
            _check_adoptable(out)
    return out


def _check_parents(out: Path) -> None:
    """The nearest existing folder above the output must be a folder, not a file."""
    for parent in out.parents:
        if parent.exists():
            if not parent.is_dir():
                raise OutputError(f"cannot make the output folder {out}: {parent} is a file, "
                                  "not a folder; choose another --output")
            return


def _check_adoptable(out: Path) -> None:
    """A folder without our marker is written into only if it is empty, or a deploy
    checkout holding just `.git` (its other dot-entries are kept, once adopted)."""
    names = sorted(entry.name for entry in out.iterdir())
    visible = [name for name in names if not name.startswith(".")]
    if visible:
        raise OutputError(f"{out} holds files the generator did not write (no {MARKER} "
                          "marker); it will not replace them. Choose an empty or new folder")
    if names and names != [DEPLOY_CHECKOUT]:
        raise OutputError(f"{out} holds {', '.join(names)}, which the generator did not write "
                          f"(no {MARKER} marker): it writes only into an empty folder or a "
                          f"deploy checkout holding just {DEPLOY_CHECKOUT}. Move the other "
                          "entries out of it, or choose another --output")


def check_cache_dir(folder: Path, others: dict[str, Path]) -> Path:
    """Refuse a Markdown cache folder that is, holds or sits in a folder it must not
    touch: `/`, the home folder, or any of `others` ({what: folder})."""
    cache = Path(folder).resolve()
    home = Path.home().resolve()
    if cache == Path(cache.anchor) or cache == home or cache in home.parents:
        raise OutputError(f"--cache-dir {cache}: refusing to keep the Markdown cache there; "
                          f"choose a folder of its own, such as {FOLDER} beside the output")
    for what, keep in others.items():
        keep = Path(keep).resolve()
        relation = ("is" if cache == keep else "is inside" if keep in cache.parents
                    else "holds" if cache in keep.parents else None)
        if relation:
            raise OutputError(f"--cache-dir {cache}: refusing to keep the Markdown cache there, "
                              f"it {relation} the {what} folder {keep}; choose a folder of its "
                              f"own, such as {FOLDER} beside the output")
    return cache


def write_site(files: Iterable[tuple[str, bytes]], output: Path) -> int:
    """Write every file into a staging folder, then swap it in (swap.py); returns
    files written. First recovers what an interrupted build left."""
    with output_lock(output):
        recover(output)
        staging = staging_folder(output)
        staging.mkdir()
        count = 0
        try:
            for path, data in files:
                if path.startswith("."):  # swap.py keeps the output's own dot-entries there
                    raise OutputError(f"the site may not write {path}: names starting with "
                                      "a dot at the top of the output are a deploy's own")
                target = staging / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
                count += 1
            (staging / MARKER).write_text(MARKER_TEXT)
        except BaseException:
            recover(output)  # deletes the staging folder; the output was not touched
            raise
        swap_in(staging, output)
    return count


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
