"""Notes in several languages: `notes/session-5.fr.md` is the French text of
`notes/session-5.md` (items keep `notes: session-5.md`), not a note of its own.

The translations are parsed like notes and attached to the note they translate
(`Note.translations`); content/languages.py reads them when projecting.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

from ..errors import Problems
from .model import Note
from .texts import is_language_tag


def split_note_files(files: list[Path], languages: tuple[str, ...], problems: Problems
                     ) -> tuple[list[Path], dict[Path, tuple[Path, str]]]:
    """The notes, and each translation file with (the note it translates, its language).

    `NAME.TAG.md` beside `NAME.md` is a translation when TAG is a language tag other
    than the main one; for a language the meeting does not list it is left out with
    a warning. Any other file is a note (`notes.v2.md` alone is a note too)."""
    present = set(files)
    notes: list[Path] = []
    translations: dict[Path, tuple[Path, str]] = {}
    for path in files:
        base, _, lang = path.name.removesuffix(".md").rpartition(".")
        original = path.with_name(base + ".md")
        if not base or not is_language_tag(lang) or lang == languages[0] \
                or (original not in present and lang not in languages):
            notes.append(path)
        elif lang not in languages:
            problems.warn(path, 1, f"looks like the {lang} text of notes/{original.name}, but "
                                   f"{lang} is not one of the meeting's languages "
                                   f"({', '.join(languages)}), so it is left out; add {lang} "
                                   "to `languages:` in meeting.yaml, or rename the file")
        elif original not in present:
            problems.warn(path, 1, f"is the {lang} text of notes/{original.name}, which does "
                                   f"not exist, so it is left out; write notes/{original.name} "
                                   "in the main language, or rename this file")
        else:
            translations[path] = (original, lang)
    return notes, translations


def attach_translations(notes: tuple[Note, ...], translations: dict[str, dict[str, Note]],
                        languages: tuple[str, ...], problems: Problems) -> tuple[Note, ...]:
    """Each note with its translations (by note name, then language). A note that
    has a translation but lacks another of the languages gets a warning, as a text
    written by language that lacks one does."""
    result = []
    for note in notes:
        found = translations.get(note.name)
        if not found:
            result.append(note)
            continue
        for lang in languages[1:]:
            if lang not in found:
                name = note.name.removesuffix(".md")
                problems.warn(note.source.file, 1, f"note {note.name} has no {lang} "
                                                   f"translation; add notes/{name}.{lang}.md "
                                                   f"(the {languages[0]} text is shown meanwhile)")
        result.append(dataclasses.replace(note, translations=found))
    return tuple(result)
