"""Stage 1, load: read YAML and Markdown sources, keeping the line of every value.

Mappings become `Located` dicts that remember the line of each key, lists become
`LocatedList`s that remember the line of each item, so later stages can point at
`schedule.yaml:42`. Files are cached by content hash, so the dev server re-reads
only what changed.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import Problem

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Located(dict):
    """A YAML mapping that knows where it and each of its keys stand."""

    def __init__(self, *args, line: int = 0, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.line = line
        self.key_lines: dict[str, int] = {}

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LocatedList(list):
    """A YAML sequence that knows the line of each item."""

    def __init__(self, items=(), line: int = 0) -> None:
        super().__init__(items)
        self.line = line
        self.item_lines: list[int] = []

    def line_at(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


class _Loader(_BaseLoader):
    """Safe loader that records lines, refuses duplicate keys and keeps `9:00` a string.

    YAML 1.1 reads an unquoted `9:00` as the sexagesimal integer 540; organisers
    mean a time, so any number written with a colon stays text.
    """

    def __init__(self, stream):
        super().__init__(stream)
        self.duplicate_keys: list[tuple[int, str]] = []

    def construct_located_map(self, node):
        mapping = Located(line=node.start_mark.line + 1)
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            key = key if isinstance(key, str) else str(key)
            line = key_node.start_mark.line + 1
            if key in mapping:
                self.duplicate_keys.append((line, key))
            mapping[key] = self.construct_object(value_node, deep=True)
            mapping.key_lines[key] = line
        return mapping

    def construct_located_seq(self, node):
        items = LocatedList((self.construct_object(child, deep=True) for child in node.value),
                            line=node.start_mark.line + 1)
        items.item_lines = [child.start_mark.line + 1 for child in node.value]
        return items

    def construct_number_or_text(self, node):
        if ":" in node.value:
            return node.value
        if node.tag.endswith(":int"):
            return self.construct_yaml_int(node)
        return self.construct_yaml_float(node)

    def construct_date_or_text(self, node):
        """An impossible date such as 2022-02-30 stays text, for the checker to report."""
        try:
            return self.construct_yaml_timestamp(node)
        except ValueError:
            return node.value


_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_located_map)
_Loader.add_constructor("tag:yaml.org,2002:seq", _Loader.construct_located_seq)
_Loader.add_constructor("tag:yaml.org,2002:int", _Loader.construct_number_or_text)
_Loader.add_constructor("tag:yaml.org,2002:float", _Loader.construct_number_or_text)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_date_or_text)


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


def parse_yaml(text: str, name: str, first_line: int = 1) -> tuple[object, list[Problem]]:
    """Parse YAML text; lines in marks and problems are shifted to start at first_line."""
    padded = "\n" * (first_line - 1) + text
    loader = _Loader(padded)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else first_line
        return None, [Problem(name, line, _syntax_message(exc, padded, line))]
    except yaml.YAMLError as exc:
        return None, [Problem(name, first_line, f"YAML error: {exc}")]
    finally:
        loader.dispose()
    problems = [Problem(name, line, f"key '{key}' appears twice in one mapping; keep one")
                for line, key in loader.duplicate_keys]
    return data, problems


def _syntax_message(exc: yaml.MarkedYAMLError, text: str, line: int) -> str:
    # Tab indentation is the most common cause, and the parser's own wording
    # ("cannot start any token") does not mention tabs, so name it plainly.
    lines = text.splitlines()
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    indent = source[: len(source) - len(source.lstrip(" \t"))]
    scanner = exc.problem and ("token" in exc.problem or "tab" in exc.problem)
    if "\t" in indent and scanner:
        return ("YAML syntax error: this line is indented with a tab; YAML needs spaces, "
                "so replace the tab with spaces")
    what = " ".join(part for part in (exc.context, exc.problem) if part)
    return (f"YAML syntax error: {what}; check indentation, colons and quotes on this line "
            "or the one above")


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
