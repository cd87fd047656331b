"""Indexes over the model: who speaks where, what runs at the same time, which note
belongs to which item. Built once per build and shared by the validator and the
page planner; tolerant of dangling references, which the validator reports.
"""
from __future__ import annotations

import dataclasses
from collections import defaultdict
from dataclasses import dataclass, field

from .model import Agenda, Day, Item, Note, Organisation, Person, PersonRef
from .overlaps import sweep


@dataclass(frozen=True)
class Appearance:
    """One person's (or organisation's) part in one item."""

    day: Day
    item: Item
    role: str
    ref: PersonRef


@dataclass
class Index:
    agenda: Agenda
    people: dict[str, Person] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    items: dict[str, tuple[Day, Item]] = field(default_factory=dict)
    notes: dict[str, Note] = field(default_factory=dict)
    note_of_item: dict[str, Note] = field(default_factory=dict)
    person_appearances: dict[str, list[Appearance]] = field(default_factory=dict)
    organisation_appearances: dict[str, list[Appearance]] = field(default_factory=dict)
    members: dict[str, list[Person]] = field(default_factory=dict)
    theme_items: dict[str, list[tuple[Day, Item]]] = field(default_factory=dict)
    group_items: dict[str, list[tuple[Day, Item]]] = field(default_factory=dict)
    concurrent: dict[str, tuple[Item, ...]] = field(default_factory=dict)
    continuations: dict[str, list[Item]] = field(default_factory=dict)


def build_index(agenda: Agenda, previous: Index | None = None) -> Index:
    """`previous`: the last build's index. When the schedule, people and organisations
    are the very objects it was built from (the dev server reuses unchanged files'
    records), its indexes of them are reused: rebuilding them after a note edit cost
    more than the rest of loading, and pages then get identical inputs, which the
    rebuild's fingerprints recognise at once."""
    if previous is not None and _same_schedule(previous.agenda, agenda):
        index = dataclasses.replace(previous, agenda=agenda)
    else:
        index = Index(agenda)
        _index_schedule(index, agenda)
    _index_notes(index, agenda)
    return index


def _same_schedule(old: Agenda, new: Agenda) -> bool:
    return (old.days is new.days and old.people is new.people
            and old.organisations is new.organisations)


def _index_schedule(index: Index, agenda: Agenda) -> None:
    index.people = {p.id: p for p in agenda.people}
    index.organisations = {o.id: o for o in agenda.organisations}
    for person in agenda.people:
        index.members.setdefault(person.organisation, []).append(person)
    for day, item in agenda.items():
        index.items.setdefault(item.id, (day, item))
        _index_people(index, day, item)
        for theme in item.themes:
            index.theme_items.setdefault(theme, []).append((day, item))
        for group in item.groups:
            index.group_items.setdefault(group, []).append((day, item))
        if item.continues:
            index.continuations.setdefault(item.continues, []).append(item)
    for day in agenda.days:
        index.concurrent.update(concurrent_items(day.items))


def _index_notes(index: Index, agenda: Agenda) -> None:
    index.notes = {n.name: n for n in agenda.notes}
    index.note_of_item = {}
    for note in agenda.notes:
        if note.session:
            index.note_of_item.setdefault(note.session, note)
    for _, item in agenda.items():
        if item.notes in index.notes:
            index.note_of_item[item.id] = index.notes[item.notes]


def _index_people(index: Index, day: Day, item: Item) -> None:
    for role, refs in item.roles():
        for ref in refs:
            appearance = Appearance(day, item, role, ref)
            if ref.person:
                index.person_appearances.setdefault(ref.person, []).append(appearance)
            organisation = ref.organisation or _organisation_of(index, ref.person)
            if organisation:
                index.organisation_appearances.setdefault(organisation, []).append(appearance)


def _organisation_of(index: Index, person_id: str) -> str:
    person = index.people.get(person_id)
    return person.organisation if person else ""


def concurrent_items(items: tuple[Item, ...]) -> dict[str, tuple[Item, ...]]:
    """For each item's id, the other items of the day whose time overlaps it."""
    found: dict[str, list[Item]] = defaultdict(list)
    for swept in sweep(items):
        item = items[swept.position]
        for earlier in swept.overlapped:
            other = items[earlier]
            found[item.id].append(other)
            found[other.id].append(item)
    return {key: tuple(value) for key, value in found.items()}
