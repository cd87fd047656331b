"""Read a content folder into a validated model: load -> parse -> validate.

Nothing is written here; a `ContentError` carries every problem found.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import ContentError, Problem, Problems
from .branding import check_logo
from .load import SourceReader
from .media import measure_photos
from .model import Agenda
from .note_languages import attach_translations, split_note_files
from .published_read import read_publications
from .parse import assemble, parse_meeting, parse_note, parse_people, parse_schedule
from .relations import Index, build_index
from .validate import validate

CONTENT_FILES = ("meeting.yaml", "people.yaml", "schedule.yaml")
NOTES_DIR = "notes"


@dataclass(frozen=True)
class Loaded:
    agenda: Agenda
    index: Index
    warnings: tuple[Problem, ...]


def load_content(content_dir: Path, reader: SourceReader | None = None,
                 previous: Index | None = None) -> Loaded:
    """Read and check everything; raise ContentError listing all problems.

    `previous`: the index of the last load with the same reader (relations.build_index)."""
    content_dir = Path(content_dir)
    reader = reader or SourceReader(content_dir)
    problems = Problems(content_dir)
    if not content_dir.is_dir():
        found = "is a file, not a folder" if content_dir.exists() else "not found"
        raise ContentError([Problem(str(content_dir), 0, f"content folder "
                                    f"{found}; pass --content DIR, the folder that holds "
                                    "meeting.yaml, people.yaml and schedule.yaml")])
    docs = {}
    for name in CONTENT_FILES:
        path = content_dir / name
        if path.is_dir():
            problems.error(path, 0, "is a folder, not a file; move what it holds "
                                    f"elsewhere and write {name} (see content/README.md)")
            continue
        if not path.is_file():
            problems.error(path, 0, f"missing {name}; see content/README.md for its format")
            continue
        docs[name] = reader.yaml(path)
        problems.items.extend(docs[name].problems)
    if problems.errors:
        raise ContentError(problems.sorted())
    meeting = parse_once(reader, docs["meeting.yaml"], problems, parse_meeting)
    # Texts in the other files may be given by language: the meeting lists which.
    languages = meeting.languages if meeting is not None else ("en",)
    organisations, people = parse_once(reader, docs["people.yaml"], problems, parse_people,
                                       languages)
    people = (organisations, measure_photos(people, content_dir, problems.display(
        content_dir / "people.yaml"), problems, reader.derived))
    days = parse_once(reader, docs["schedule.yaml"], problems, parse_schedule, languages)
    notes = _notes(content_dir / NOTES_DIR, reader, problems, languages)
    publications = read_publications(content_dir, reader, problems, parse_once)
    if meeting is None:
        raise ContentError(problems.sorted())
    # Validate even when parsing found problems, so one run reports everything.
    agenda = assemble(meeting, people, days, notes, publications)
    index = build_index(agenda, previous)
    validate(agenda, index, problems)
    check_logo(meeting, content_dir, problems)
    if problems.errors:
        raise ContentError(problems.sorted())
    return Loaded(agenda, index, tuple(problems.sorted()))


def _notes(notes_dir: Path, reader: SourceReader, problems: Problems,
           languages: tuple[str, ...]) -> tuple:
    """The notes, each with its translations (`session-5.fr.md`: note_languages.py)."""
    paths, translation_paths = split_note_files(_note_files(notes_dir, problems), languages,
                                                problems)
    notes = tuple(parse_once(reader, reader.note(path), problems, parse_note, notes_dir)
                  for path in paths)
    if not translation_paths:
        return notes
    translations: dict[str, dict] = {}
    for path, (original, lang) in translation_paths.items():
        note = parse_once(reader, reader.note(path), problems, parse_note, notes_dir)
        translations.setdefault(original.relative_to(notes_dir).as_posix(), {})[lang] = note
    return attach_translations(notes, translations, languages, problems)


def _note_files(notes_dir: Path, problems: Problems) -> list[Path]:
    files = []
    for path in sorted(notes_dir.rglob("*.md")):
        if path.is_dir():
            problems.error(path, 0, "is a folder, not a note; rename it (a note is a "
                                    "Markdown file ending in .md) or move what it holds")
        elif path.is_file():
            files.append(path)
    return files


def parse_once(reader: SourceReader, doc, problems: Problems, parse, *args):
    """Parse a loaded file into records again only when its bytes changed.

    The reader hands back the same doc object for an unchanged file, so the dev
    server's rebuilds reuse the records (and the problems found in them); the
    records then stay the same objects, which keeps incremental fingerprints cheap.
    """
    hit = reader.derived.get(doc.path)
    if hit is None or hit[0] is not doc or hit[1] is not parse or hit[2] != args:
        found = Problems(problems.root)
        hit = (doc, parse, args, parse(doc, found, *args), tuple(found.items))
        reader.derived[doc.path] = hit
    problems.items.extend(hit[4])
    return hit[3]
