"""Project an agenda into one of its languages, for one edition of the site.

Parsing keeps each text in the main language, with its other languages carried
along (content/texts.py, note_languages.py). `project` turns that into the agenda
an edition in `lang` is built from: every text in `lang`, or in the main language
where no translation was given, each a `LangText` that says which language it is
really in; the notes from their per-language files; `meeting.language == lang`;
and an Index rebuilt over the projected records. Projecting into the main language
gives records equal to the parsed ones, so the main edition is what it always was.

Records are frozen, so projection replaces only what holds text; each projected
record is remembered per language (by the object it came from) so the dev
server's rebuilds hand the same projected objects to the index and to the
incremental fingerprints when the source records did not change.
"""
from __future__ import annotations

import dataclasses

from .model import (Agenda, Day, Item, Material, Meeting, Note, Online, Organisation, Person,
                    PersonRef, Photo, Room, Taxonomy, Term, Venue)
from .relations import Index, build_index
from .texts import LangText, in_language

# The fields of each record that hold text in a language (a tuple: one per entry).
TEXT_FIELDS: dict[type, tuple[str, ...]] = {
    Meeting: ("title", "subtitle", "short_title", "about"),
    Venue: ("name", "city", "country", "address"),
    Online: ("platform", "note"),
    Room: ("name",),
    Taxonomy: ("name", "plural"),
    Term: ("title", "short", "description"),
    Organisation: ("name", "short", "country"),
    Person: ("name", "honorific", "country", "position", "role", "bio"),
    Photo: ("alt",),
    PersonRef: ("role",),
    Material: ("title",),
    Item: ("title", "subtitle", "description", "main_question", "questions", "reason"),
    Day: ("name", "objective"),
}
# The fields of each record that hold records (or tuples of them) with text.
NESTED_FIELDS: dict[type, tuple[str, ...]] = {
    Meeting: ("venue", "online", "rooms", "themes", "groups"),
    Room: ("online",),
    Taxonomy: ("terms",),
    Person: ("photo",),
    Item: ("chairs", "speakers", "presenters", "discussants", "online", "materials"),
    Day: ("items",),
}


def project(agenda: Agenda, index: Index, lang: str) -> tuple[Agenda, Index]:
    """The agenda and its index in `lang`, one of `agenda.meeting.languages`."""
    meeting = agenda.meeting
    if lang not in meeting.languages:
        raise ValueError(f"{lang} is not one of the meeting's languages "
                         f"({', '.join(meeting.languages)})")
    # By the languages too: a record's fallback depends on which language is main.
    cache = _CACHES.setdefault((lang, meeting.languages), _Cache())
    if cache.source is not None and cache.source[0] is agenda and cache.source[1] is index:
        return cache.result
    projector = _Projector(lang, meeting.languages[0], cache)
    projected = Agenda(
        dataclasses.replace(projector.record(meeting), language=lang),
        projector.records(agenda.organisations), projector.records(agenda.people),
        projector.records(agenda.days), tuple(projector.note(n) for n in agenda.notes),
        agenda.publications)
    cache.new_build(projector.seen)
    result = (projected, build_index(projected, cache.result[1] if cache.result else None))
    cache.source, cache.result = (agenda, index), result
    return result


def source_of(agenda: Agenda, index: Index) -> tuple[Agenda, Index]:
    """The parsed agenda and index a projection was made from (itself for one that is
    not a projection): what is compared with publication records, which hold the main
    language's texts, whatever the edition."""
    cache = _CACHES.get((agenda.meeting.language, agenda.meeting.languages))
    if cache is not None and cache.result is not None and cache.result[0] is agenda:
        return cache.source
    return agenda, index


def editions(agenda: Agenda, index: Index) -> list[tuple[str, Agenda, Index]]:
    """(language, agenda, index) of every edition, the main language first."""
    return [(lang, *project(agenda, index, lang)) for lang in agenda.meeting.languages]


class _Cache:
    """One language's last projection, and its projected records by source object."""

    def __init__(self) -> None:
        self.source: tuple | None = None
        self.result: tuple[Agenda, Index] | None = None
        self.records: dict[int, tuple[object, object]] = {}

    def new_build(self, seen: dict[int, tuple[object, object]]) -> None:
        # Keep only what this projection used: the memo holds its sources, so their
        # ids cannot be reused by new objects while they are remembered.
        self.records = seen


_CACHES: dict[tuple[str, tuple[str, ...]], _Cache] = {}


class _Projector:
    def __init__(self, lang: str, main: str, cache: _Cache) -> None:
        self.lang, self.main = lang, main
        self.previous = cache.records
        self.seen: dict[int, tuple[object, object]] = {}

    def text(self, value):
        if isinstance(value, tuple):
            return tuple(in_language(text, self.lang, self.main) for text in value)
        return in_language(value, self.lang, self.main)

    def records(self, values: tuple) -> tuple:
        return self._remembered(values, lambda: tuple(self.record(v) for v in values))

    def record(self, value):
        if value is None:
            return None
        if isinstance(value, tuple):
            return self.records(value)
        kind = type(value)
        if kind not in TEXT_FIELDS:
            return value

        def make():
            changes = {name: self.text(getattr(value, name)) for name in TEXT_FIELDS[kind]}
            for name in NESTED_FIELDS.get(kind, ()):
                changes[name] = self.record(getattr(value, name))
            return dataclasses.replace(value, **changes)

        return self._remembered(value, make)

    def note(self, note: Note) -> Note:
        def make():
            translation = note.translations.get(self.lang)
            if translation is None or self.lang == self.main:
                # A note with no translation at all is written once, for every language.
                written_in = self.main if note.translations else self.lang
                return dataclasses.replace(note, body=LangText(note.body, written_in))
            return dataclasses.replace(note, body=LangText(translation.body, self.lang),
                                       digest=translation.digest, source=translation.source)

        return self._remembered(note, make)

    def _remembered(self, value, make):
        hit = self.seen.get(id(value)) or self.previous.get(id(value))
        if hit is None or hit[0] is not value:
            hit = (value, make())
        self.seen[id(value)] = hit
        return hit[1]
