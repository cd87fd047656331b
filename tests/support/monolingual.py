"""The default content in its main language only, as it was written before it was
translated: most tests edit English lines of it ("        title: Opening\\n") and
expect one edition. Languages have their own tests (test_languages.py,
test_editions.py), and the real multilingual content is built by the `site`
fixtures. Used by tests only.

The conversion is line-based and exact for the way the content writes texts by
language: a key with no value followed by `en:` (inline or a block scalar), `fr:`
and `ar:` one level deeper, or a list entry `- en: ...` followed by its other
languages; test_languages.py checks that it gives back English-only YAML.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

KEY_ALONE = re.compile(r"^(?P<indent> *)(?P<dash>- )?(?P<key>[A-Za-z_]+):(?P<pad> *)(?P<comment>#.*)?$")
LANGUAGE_LINE = re.compile(r"^(?P<indent> *)(?P<dash>- )?(?P<lang>[a-z]{2,3}(-[A-Za-z0-9]+)*): ?(?P<value>.*)$")


def monolingual_copy(source: Path, target: Path) -> Path:
    """Copy a content folder, keeping only the main language (the first of
    `languages:`) of every text, and no per-language notes."""
    shutil.copytree(source, target)
    meeting = target / "meeting.yaml"
    text = meeting.read_text(encoding="utf-8")
    found = re.search(r"^languages: \[([^\]]*)\]\n", text, re.M)
    if not found:
        return target
    languages = [code.strip() for code in found.group(1).split(",")]
    meeting.write_text(text.replace(found.group(0), ""), encoding="utf-8")
    for path in target.glob("*.yaml"):
        path.write_text(only_language(path.read_text(encoding="utf-8"), languages),
                        encoding="utf-8")
    for note in (target / "notes").glob("*.md"):
        if any(note.name.endswith(f".{code}.md") for code in languages[1:]):
            note.unlink()
    return target


def only_language(text: str, languages: list[str]) -> str:
    lines = text.splitlines(keepends=True)
    out: list[str] = []
    n = 0
    while n < len(lines):
        line = lines[n].rstrip("\n")
        key = KEY_ALONE.match(line)
        entry = LANGUAGE_LINE.match(line)
        if key and n + 1 < len(lines) and _is_language(lines[n + 1], languages[0]):
            n = _collapse_key(key, lines, n + 1, languages, out)
        elif entry and entry.group("dash") and entry.group("lang") == languages[0] \
                and n + 1 < len(lines) and LANGUAGE_LINE.match(lines[n + 1].rstrip("\n")):
            n = _collapse_entry(entry, lines, n, languages, out)
        else:
            out.append(lines[n])
            n += 1
    return "".join(out)


def _is_language(line: str, code: str, entry: bool = False) -> bool:
    """A line `code: ...` (`- code: ...` for a list entry)."""
    found = LANGUAGE_LINE.match(line.rstrip("\n"))
    return bool(found) and found.group("lang") == code and bool(found.group("dash")) == entry


def _collapse_key(key, lines: list[str], n: int, languages: list[str], out: list[str]) -> int:
    """`title:` + `  en: Opening` -> `title: Opening` (a block scalar moves up a level)."""
    first = LANGUAGE_LINE.match(lines[n].rstrip("\n"))
    depth = len(first.group("indent"))
    value, n = first.group("value"), n + 1
    head = f"{key.group('indent')}{key.group('dash') or ''}{key.group('key')}: {value}"
    if key.group("comment"):  # the comment stays in its column
        head += " " * max(1, len(key.group("pad")) - len(value) - 1) + key.group("comment")
    out.append(head + "\n")
    while _deeper(lines, n, depth):
        out.append(lines[n][2:] if lines[n].strip() else lines[n])
        n += 1
    return _skip_other_languages(lines, n, depth)


def _collapse_entry(entry, lines: list[str], n: int, languages: list[str], out: list[str]) -> int:
    """`- en: Why?` + `  fr: Pourquoi ?` -> `- Why?`."""
    out.append(f"{entry.group('indent')}- {entry.group('value')}\n")
    return _skip_other_languages(lines, n + 1, len(entry.group("indent")) + 2)


def _skip_other_languages(lines: list[str], n: int, depth: int) -> int:
    while _deeper(lines, n, depth) or (
            n < len(lines) and LANGUAGE_LINE.match(lines[n].rstrip("\n"))
            and _indent(lines[n]) == depth and not lines[n].lstrip().startswith("- ")):
        n += 1
    return n


def _deeper(lines: list[str], n: int, depth: int) -> bool:
    """Line n belongs to a value at `depth`: it is indented more, or blank inside it."""
    for line in lines[n:]:
        if line.strip():
            return _indent(line) > depth
    return False


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))
