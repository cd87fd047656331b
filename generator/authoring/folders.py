"""Writing a new content folder all at once: into a staging folder beside it, moved
into place only when complete, and only where nothing would be overwritten."""
from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ..errors import OutputError


def check_fresh(folder: Path, command: str) -> Path:
    """The folder, if it is new or empty; else an OutputError that says why."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder} is a file; {command} writes a new folder")
    if folder.is_dir() and any(folder.iterdir()):
        raise OutputError(f"{folder} is not empty; {command} writes only into a new or empty "
                          "folder, so that nothing is overwritten")
    return folder


@contextmanager
def fresh_folder(folder: Path, command: str) -> Iterator[Path]:
    """Yield a staging folder to fill; on success it becomes `folder`, on any error it
    is removed and `folder` is left as it was."""
    folder = check_fresh(folder, command).absolute()
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = folder.with_name(f".{folder.name}.{os.getpid()}.tmp")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    try:
        yield staging
        check_fresh(folder, command)  # nothing appeared there meanwhile
        if folder.is_dir():
            folder.rmdir()
        os.replace(staging, folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
