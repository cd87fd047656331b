"""Swapping a finished staging folder in for the output, crash-safe at every step.

A full build writes the new site into `.NAME.staging-PID` beside the output
folder NAME, then swaps it in:

1. every dot-entry of the output other than the marker (a deploy's `.git`,
   `.well-known`, `.github`) is renamed into the staging folder, so it is kept
   (but not the half-written `.PAGE.tmp` a killed dev server may have left);
2. the output is renamed to `.NAME.old-PID`;
3. the staging folder is renamed to the output: the new site is in place;
4. the old folder is deleted.

An error or a Ctrl-C before step 3 is done undoes what was done, so the output
is left byte-identical; after step 3 the new site is complete and step 4 is
tidying, which a later build finishes if it was stopped.

Recovery. A crash (power loss, a killed process, a second Ctrl-C during the
undo) can stop anywhere, so every build, and `agenda serve`, first calls
`recover`, which works out from the names alone what to undo:

- no output but an old folder (stopped between steps 2 and 3): the old folder
  is renamed back to the output;
- a staging folder (stopped before step 3): the dot-entries in it are renamed
  back into the output (the site never writes dot-entries at its top, so any
  there came from the output), then it is deleted;
- an old folder beside an output (stopped during step 4): it is deleted.

Each recovery step is a rename, or a deletion of a folder only the generator
makes, so a crash during recovery leaves a state the next recovery handles too.
Builds into one parent folder hold a lock on it (`output_lock`), so a recovery
never touches the staging folder of a build that is still running.
"""
from __future__ import annotations

import fcntl
import os
import re
import shutil
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ..errors import OutputError

MARKER = ".agenda-output"
MARKER_TEXT = "This folder was created by the agenda generator; it is replaced on every build.\n"


def staging_folder(output: Path) -> Path:
    return output.parent / f".{output.name}.staging-{os.getpid()}"


def old_folder(output: Path) -> Path:
    return output.parent / f".{output.name}.old-{os.getpid()}"


@contextmanager
def output_lock(output: Path) -> Iterator[None]:
    """Holds an exclusive lock on the output's parent folder: a second build into
    it waits, rather than swapping at the same time or recovering our staging."""
    output.parent.mkdir(parents=True, exist_ok=True)
    handle = os.open(output.parent, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # closing releases the lock


def swap_in(staging: Path, output: Path) -> None:
    """Replace the output by the staging folder, keeping the output's dot-entries."""
    old = old_folder(output)
    try:
        if output.exists():
            for entry in _kept_entries(output):
                if not _partial_write(entry.name, staging):
                    os.rename(entry, staging / entry.name)
            os.rename(output, old)
        os.rename(staging, output)
    except BaseException:
        recover(output)  # back to the previous output (or only tidying, past step 3)
        raise
    try:
        remove_leftover(old)
    except OSError as exc:
        # The new site is complete; the next build's recover() deletes what is left.
        print(f"agenda: warning: could not delete {old}: {exc.strerror or exc}",
              file=sys.stderr)


def recover(output: Path) -> None:
    """Undo or finish a swap that a crash interrupted (see the module docstring)."""
    stagings, olds = _leftovers(output)
    if olds and not _exists(output):
        if len(olds) > 1:
            raise OutputError(f"{output} is missing and several earlier outputs were left "
                              f"beside it ({', '.join(p.name for p in olds)}); rename the one "
                              f"to keep to {output.name} and delete the others")
        os.rename(olds.pop(), output)
    for staging in stagings:
        _return_kept_entries(staging, output)
        remove_leftover(staging)
    if _exists(output):
        for old in olds:
            remove_leftover(old)


def recover_now(output: Path) -> None:
    """`recover` under the lock, for commands that then write in place (`agenda serve`)."""
    with output_lock(output):
        recover(output)


def remove_leftover(folder: Path) -> None:
    """Delete a staging or old folder of this output; nothing else is ever deleted."""
    if not re.fullmatch(r"\..+\.(staging|old)-\d+", folder.name):
        raise OutputError(f"{folder} was not created by the generator; not deleting it")
    if _exists(folder):
        shutil.rmtree(folder)


def _kept_entries(folder: Path) -> list[Path]:
    """Dot-entries a user or a deploy put in the output: kept across builds."""
    return sorted(entry for entry in folder.iterdir()
                  if entry.name.startswith(".") and entry.name != MARKER)


def _partial_write(name: str, site: Path) -> bool:
    """Whether a dot-entry is a dev server's half-written `.PAGE.tmp` (write.py) of a
    page the site has, left by a killed server: not kept, it goes with the old site."""
    return (name.endswith(".tmp") and len(name) > len("..tmp")
            and (site / name[1:-len(".tmp")]).is_file())


def _return_kept_entries(staging: Path, output: Path) -> None:
    kept = _kept_entries(staging) if staging.is_dir() else []
    if kept and not _exists(output):
        os.mkdir(output)  # the output itself was deleted by hand: keep them there still
    for entry in kept:
        if _exists(output / entry.name):
            raise OutputError(f"{entry} was left by an interrupted build, and {output} has "
                              f"a {entry.name} again; move the one to keep into {output} "
                              f"and delete {staging}")
        os.rename(entry, output / entry.name)


def _leftovers(output: Path) -> tuple[list[Path], list[Path]]:
    """(staging folders, old folders) that builds of this output left beside it."""
    pattern = re.compile(rf"\.{re.escape(output.name)}\.(staging|old)-\d+")
    found: dict[str, list[Path]] = {"staging": [], "old": []}
    if output.parent.is_dir():
        for entry in sorted(output.parent.iterdir()):
            match = pattern.fullmatch(entry.name)
            if match and entry.is_dir() and not entry.is_symlink():
                found[match.group(1)].append(entry)
    return found["staging"], found["old"]


def _exists(path: Path) -> bool:
    return os.path.lexists(path)
