"""Stage 1, load: read YAML and Markdown sources, keeping the line of every value.

YAML is read by yaml_safe.py: mappings become `Located` dicts that remember the
line of each key, lists become `LocatedList`s that remember the line of each
item, so later stages can point at `schedule.yaml:42`. Files are cached by
content hash, so the dev server re-reads only what changed. No file outside the
content folder is read, even through a symbolic link.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Problem
from .yaml_safe import ALIAS_LIMIT, Located, LocatedList, parse_yaml  # noqa: F401 (re-exported)


@dataclass(frozen=True)
class YamlDoc:
    path: Path
    data: object  # Located, LocatedList, scalar or None when unreadable
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class JsonDoc:
    path: Path
    data: object  # plain JSON data, or None when unreadable
    text: str
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class NoteDoc:
    path: Path
    meta: Located
    body: str
    body_line: int
    digest: str
    problems: tuple[Problem, ...] = ()


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Return (front matter text or None, body, line number where the body starts)."""
    if not text.startswith("---"):
        return None, text, 1
    lines = text.splitlines(keepends=True)
    if lines[0].strip() != "---":
        return None, text, 1
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return "".join(lines[1:index]), "".join(lines[index + 1:]), index + 2
    return "".join(lines[1:]), "", len(lines) + 1


@dataclass
class SourceReader:
    """Reads content files, re-parsing a file only when its bytes changed."""

    root: Path
    _cache: dict = field(default_factory=dict)
    # Results later stages derived from a file (its parsed records), keyed by path and
    # kept only while the file's doc object is the cached one: see content.parse_once.
    derived: dict = field(default_factory=dict)

    def _display(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)

    def _cached(self, path: Path, parse):
        target = path.resolve()
        if not target.is_relative_to(self.root.resolve()):
            # Nothing outside the content folder is read, even through a symbolic link.
            empty = parse(b"", "")
            return dataclasses.replace(empty, problems=(Problem(
                self._display(path), 0, f"leads outside the content folder (to {target}); "
                "copy the file into the content folder instead of linking to it"),))
        raw = path.read_bytes()
        digest = hashlib.sha1(raw).hexdigest()
        hit = self._cache.get(path)
        if hit is not None and hit[0] == digest:
            return hit[1]
        result = parse(raw, digest)
        self._cache[path] = (digest, result)
        return result

    def yaml(self, path: Path) -> YamlDoc:
        def parse(raw: bytes, digest: str) -> YamlDoc:
            name = self._display(path)
            text, problems = _decode(raw, name)
            data, more = parse_yaml(text, name) if text is not None else (None, [])
            return YamlDoc(path, data, tuple(problems + more))

        return self._cached(path, parse)

    def json(self, path: Path) -> JsonDoc:
        """A JSON file (a publication record), checked strictly and parsed as plain data;
        its text stays for locating values (content/published.py)."""
        def parse(raw: bytes, digest: str) -> JsonDoc:
            name = self._display(path)
            text, problems = _decode(raw, name)
            if text is None:
                return JsonDoc(path, None, "", tuple(problems))
            try:
                data = json.loads(text)
            except json.JSONDecodeError as exc:
                return JsonDoc(path, None, text, (Problem(name, exc.lineno, f"not valid JSON: "
                                                          f"{exc.msg} (column {exc.colno})"),))
            return JsonDoc(path, data, text, tuple(problems))

        return self._cached(path, parse)

    def note(self, path: Path) -> NoteDoc:
        def parse(raw: bytes, digest: str) -> NoteDoc:
            name = self._display(path)  # only for messages: not worth it on a cache hit
            text, problems = _decode(raw, name)
            front, body, body_line = split_front_matter(text or "")
            meta: object = Located()
            if front is not None and front.strip():
                meta, more = parse_yaml(front, name, first_line=2)
                problems += more
            if not isinstance(meta, Located):
                if meta is not None:
                    problems.append(Problem(name, 2, "front matter must be a mapping of "
                                                     "`key: value` lines"))
                meta = Located()
            return NoteDoc(path, meta, body, body_line, digest, tuple(problems))

        return self._cached(path, parse)

    def forget_missing(self) -> None:
        """Drop cache entries of files that were deleted."""
        for path in [p for p in self._cache if not p.exists()]:
            del self._cache[path]
            self.derived.pop(path, None)


def _decode(raw: bytes, name: str) -> tuple[str | None, list[Problem]]:
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Problem(name, line, "file is not valid UTF-8; save it as UTF-8")]
