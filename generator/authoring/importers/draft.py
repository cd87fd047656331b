"""What an import makes before it is written: the meeting, people and items in the
content format's own keys, each item remembering where it came from ("program.csv:
row 7"), so that every problem the checker finds is reported by row."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from anyascii import anyascii

from ...content.fields import ID_PATTERN

TBC = re.compile(r"\s*\((?:tbc|to be confirmed)\)\s*$", re.IGNORECASE)


def make_id(text: str, fallback: str = "", longest: int = 48) -> str:
    """A readable ASCII id for a name in any script: 'María López' -> 'maria-lopez';
    a long title is cut at a word."""
    slug = re.sub(r"[^a-z0-9._-]+", "-", anyascii(str(text)).lower()).strip("-._")
    if len(slug) > longest:
        slug = slug[:longest].rsplit("-", 1)[0]
    return slug if slug and ID_PATTERN.match(slug) else fallback


@dataclass
class DraftItem:
    origin: str     # where it came from, as problems name it: "program.csv:row 7"
    date: date
    fields: dict    # schedule.yaml keys, in the order they are written


@dataclass
class Draft:
    source: str                                       # the imported file's name
    meeting: dict = field(default_factory=dict)       # meeting.yaml keys
    items: list[DraftItem] = field(default_factory=list)
    people: dict[str, dict] = field(default_factory=dict)     # by name
    rooms: dict[str, str] = field(default_factory=dict)       # id by name
    terms: dict[str, dict[str, dict]] = field(default_factory=dict)  # taxonomy -> title -> term
    problems: list[tuple[str, str]] = field(default_factory=list)    # (origin, message)

    def problem(self, origin: str, message: str) -> None:
        self.problems.append((origin, message))

    def person(self, name: str) -> dict:
        """A reference to the person of this name (made a people entry when new):
        `Name (tbc)` is a person whose participation is to be confirmed."""
        tbc = bool(TBC.search(name))
        name = TBC.sub("", name).strip()
        if name not in self.people:
            taken = {entry["id"] for entry in self.people.values()}
            self.people[name] = {"id": _unique(make_id(name, "person"), taken), "name": name}
        person_id = self.people[name]["id"]
        return {"person": person_id, "tbc": True} if tbc else {"person": person_id}

    def room(self, name: str) -> str:
        """The id of the room of this name (declared in meeting.yaml when new)."""
        if name not in self.rooms:
            self.rooms[name] = _unique(make_id(name, "room"), set(self.rooms.values()))
        return self.rooms[name]

    def item_id(self, title: str) -> str:
        """An id for an item from its title, unique among the items' ids."""
        taken = {item.fields.get("id") for item in self.items}
        return _unique(make_id(title, "item"), taken)

    def term(self, taxonomy: str, title: str) -> str:
        """The id of a theme or group of this title (declared when new)."""
        terms = self.terms.setdefault(taxonomy, {})
        if title not in terms:
            taken = {term["id"] for term in terms.values()}
            terms[title] = {"id": _unique(make_id(title, "term"), taken), "title": title}
        return terms[title]["id"]


def people_refs(draft: Draft, cell: str) -> list:
    """People named in one cell, separated by ';' or line breaks."""
    names = [name.strip() for name in re.split(r"[;\n]", cell) if name.strip()]
    refs = [draft.person(name) for name in names]
    return [ref["person"] if len(ref) == 1 else ref for ref in refs]


def _unique(wanted: str, taken: set[str]) -> str:
    candidate, number = wanted, 2
    while candidate in taken:
        candidate = f"{wanted}-{number}"
        number += 1
    return candidate
