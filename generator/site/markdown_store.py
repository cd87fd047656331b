"""Rendered Markdown kept on disk between full builds, by content hash.

Markdown is the largest single cost of a full build (about 1 ms per note or
description), and most notes do not change from one build to the next. `agenda
build` keeps what it rendered in a cache folder beside the output (default
`.agenda-cache/`, never inside the published site), and the next build, even in
a new process, takes unchanged texts from there. Deleting the folder is always
safe: the next build renders everything again.

A build may render on several cores (parallel.py); each process writes its own
shard (`markdown-<n>.json`) with exactly the entries it used, so texts that are
gone drop out and a build that changed nothing writes nothing. Every shard
records a digest of the Markdown settings (library version and the output of a
probe text), so a change of extensions or of the library ignores old entries.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from pathlib import Path

import markdown
import nh3

FORMAT = 1
FOLDER = ".agenda-cache"
SHARD = re.compile(r"^markdown-(\d+)\.json$")
# Exercises the extensions the renderer enables, so a change of their settings
# changes the digest and old entries are not reused.
PROBE = """# Probe {#probe}

Text with *emphasis*, `code`, a [link](https://example.org) and a note[^1].

| a | b |
|---|---|
| 1 | 2 |

Term
:   Definition

1. one
2. two

- nested by two spaces
  - as editors indent

[^1]: A footnote about HTML.

*[HTML]: HyperText Markup Language

<p onclick="x">Raw HTML, <script>sanitised</script></p>
"""


def default_folder(output: Path) -> Path:
    """The cache folder of an output folder: beside it, shared by its siblings."""
    return Path(output).resolve().parent / FOLDER


def settings_digest(convert) -> str:
    """What rendered Markdown depends on besides its text: library and settings."""
    probe = convert(PROBE)
    versions = f"{markdown.__version__}\n{nh3.__version__}"
    return hashlib.sha1(f"{FORMAT}\n{versions}\n{probe}".encode()).hexdigest()


class MarkdownStore:
    """Shards of {text digest: HTML} in one folder, read together, written per process."""

    def __init__(self, folder: Path, settings: str) -> None:
        self.folder = Path(folder)
        self.settings = settings
        self._loaded: dict[int, frozenset[str]] = {}  # shard -> keys it held

    def load(self) -> dict[str, str]:
        """Every usable entry; unreadable or outdated shards are ignored."""
        entries: dict[str, str] = {}
        for shard, slot in self._shards():
            try:
                data = json.loads(shard.read_text(encoding="utf-8"))
                if data.get("settings") != self.settings:
                    continue
                found = {str(k): str(v) for k, v in data["entries"].items()}
            except (OSError, ValueError, KeyError, AttributeError):
                continue  # an unreadable shard only costs speed: its texts render again
            self._loaded[slot] = frozenset(found)
            entries.update(found)
        return entries

    def save(self, slot: int, entries: dict[str, str], slots: int) -> None:
        """Write this process's shard, if it differs; the first process also drops
        shards of processes this build did not have. Failures only cost speed."""
        try:
            if slot == 0:
                for shard, number in self._shards():
                    if number >= slots:
                        shard.unlink(missing_ok=True)
            if self._loaded.get(slot) == frozenset(entries):
                return
            self.folder.mkdir(parents=True, exist_ok=True)
            target = self.folder / f"markdown-{slot}.json"
            partial = target.with_name(f"{target.name}.{os.getpid()}.tmp")
            partial.write_text(json.dumps({"settings": self.settings, "entries": entries},
                                          ensure_ascii=False), encoding="utf-8")
            os.replace(partial, target)
        except OSError as exc:
            print(f"agenda: warning: Markdown cache not saved in {self.folder}: "
                  f"{exc.strerror or exc}", file=sys.stderr)

    def _shards(self):
        """(path, process number) of the shard files this store writes, and no others."""
        if not self.folder.is_dir():
            return []
        found = ((path, SHARD.match(path.name)) for path in self.folder.iterdir())
        return sorted((path, int(match.group(1))) for path, match in found if match)
