"""A deterministic synthetic meeting in the project's content format.

`generate(n)` returns the meeting as plain data (the three YAML documents and the
notes); `write(spec, folder)` writes it as a content folder. The same seed and
size always give the same bytes, so benchmark runs are comparable. The shape
follows a FOSDEM-sized event: many rooms, each room one track (theme), every
session in a room, short slots, a large pool of people.
"""
from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import yaml

SEED = 20240601
DAY_START = 8 * 60        # minutes after midnight
DAY_LENGTH = 12 * 60      # sessions run 08:00-20:00
START_DATE = date(2025, 2, 1)

SYLLABLES = ("ka", "lo", "mi", "ne", "ra", "su", "ti", "vo", "ze", "da", "fe", "gu", "ho",
             "ji", "pa", "qui", "bre", "sto", "tra", "ple", "mon", "dal", "ver", "sen")
FIRST = ("Amina", "Bruno", "Chen", "Dalia", "Emeka", "Farah", "Goran", "Hana", "Ivan", "Jia",
         "Kofi", "Lena", "Mateo", "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Sami", "Tomoko",
         "Ugo", "Vera", "Wen", "Ximena", "Yusuf", "Zofia", "Ana", "Björn", "Chloé", "Dmitri")
LAST = ("Abebe", "Bauer", "Costa", "Diallo", "Eriksen", "Fujita", "García", "Haddad", "Ivanova",
        "Jensen", "Kowalski", "López", "Mensah", "Nguyen", "Okafor", "Petrov", "Quispe",
        "Rossi", "Singh", "Tanaka", "Urbán", "Varga", "Wójcik", "Xu", "Yilmaz", "Zhang")
COUNTRIES = ("Argentina", "Belgium", "Brazil", "Canada", "Chile", "Côte d'Ivoire", "Egypt",
             "Finland", "France", "Germany", "Ghana", "India", "Indonesia", "Italy", "Japan",
             "Kenya", "Mexico", "Morocco", "Netherlands", "Nigeria", "Norway", "Peru", "Poland",
             "Portugal", "Senegal", "South Africa", "Spain", "Sweden", "Türkiye", "Viet Nam")
ORGANISATION_KINDS = ("Institute", "Office", "Foundation", "University", "Agency")
POSITIONS = ("Head", "Lead", "Officer", "Researcher")
KINDS = ("session",) * 8 + ("plenary", "breakout", "other", "report-back")


@dataclass(frozen=True)
class Shape:
    sessions: int
    days: int
    rooms: int

    @property
    def per_room_day(self) -> int:
        return math.ceil(self.sessions / (self.days * self.rooms))

    @property
    def slot(self) -> int:
        """Slot length in minutes; one slot per room and day is left free."""
        return min(90, DAY_LENGTH // (self.per_room_day + 1) // 5 * 5)


def shape_for(sessions: int) -> Shape:
    """Days and rooms of a meeting of that size: 2-5 days, up to 35 rooms."""
    days = min(5, max(2, round(sessions / 400) + 1))
    rooms = min(35, max(3, sessions // 40))
    return Shape(sessions, days, rooms)


def word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3)))


def words(rng: random.Random, count: int) -> str:
    return " ".join(word(rng) for _ in range(count))


def sentence(rng: random.Random, count: int) -> str:
    return words(rng, count).capitalize() + "."


def hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def note_text(rng: random.Random, title: str) -> str:
    """About 300 words of Markdown: headings, a list, a numbered list and links."""
    link = f"https://example.org/{word(rng)}/{word(rng)}"
    parts = [
        "## Summary", "",
        " ".join(sentence(rng, rng.randint(8, 14)) for _ in range(6)), "",
        "## Agenda", "",
        *(f"{n}. {sentence(rng, rng.randint(4, 8))}" for n in range(1, 5)), "",
        "### Background reading", "",
        *(f"- [{words(rng, 3)}](https://example.org/docs/{word(rng)}) – {sentence(rng, 6)}"
          for _ in range(4)), "",
        f"## Discussion on {title.lower()}", "",
        " ".join(sentence(rng, rng.randint(8, 14)) for _ in range(8)), "",
        f"See the [slides]({link}) and the *draft report* for **details**.", "",
        "### Outcomes", "",
        *(f"- {sentence(rng, rng.randint(5, 9))}" for _ in range(4)), "",
    ]
    return "\n".join(parts)


def generate(sessions: int, seed: int = SEED) -> dict:
    """The meeting as data: {'meeting': ..., 'people': ..., 'schedule': ..., 'notes': {...}}."""
    rng = random.Random(seed)
    shape = shape_for(sessions)
    themes = [{"id": str(n), "title": f"Track {n}: {words(rng, 3)}", "short": word(rng)}
              for n in range(1, min(shape.rooms, 24) + 1)]
    groups = [{"id": f"G{n}", "title": f"Working group {n} on {words(rng, 2)}",
               "description": sentence(rng, 12)} for n in range(1, 9)]
    rooms = [{"id": f"room-{n}", "name": f"Room {n} ({word(rng).upper()})"}
             for n in range(1, shape.rooms + 1)]
    organisations, people = _people(rng, max(30, sessions * 6 // 5))
    meeting = {
        "id": f"synthetic-{sessions}", "title": f"Synthetic conference of {sessions} sessions",
        "short_title": f"Synth {sessions}", "status": "final",
        "timezone": "Europe/Brussels", "start": START_DATE,
        "end": START_DATE + timedelta(days=shape.days - 1), "language": "en",
        "about": f"A generated meeting for benchmarks.\n\n{sentence(rng, 30)}\n",
        "venue": {"name": "Campus", "city": "Brussels", "country": "Belgium"},
        "online": {"platform": "Stream", "url": "https://example.org/live"},
        "organisers": [organisations[0]["id"], organisations[1]["id"]], "rooms": rooms,
        "themes": {"name": "Track", "plural": "Tracks", "slug": "tracks", "items": themes},
        "groups": {"name": "Working group", "plural": "Working groups", "slug": "groups",
                   "items": groups},
    }
    days, notes = _schedule(rng, shape, themes, groups, people)
    return {"meeting": meeting, "people": {"organisations": organisations, "people": people},
            "schedule": {"days": days}, "notes": notes, "shape": shape}


def _people(rng: random.Random, count: int) -> tuple[list[dict], list[dict]]:
    organisations = []
    for n in range(max(10, count // 8)):
        name = f"{word(rng).capitalize()} {rng.choice(ORGANISATION_KINDS)}"
        organisations.append({"id": f"org-{n + 1}", "name": name,
                              "short": name.split()[0][:5].upper() + str(n + 1),
                              "country": rng.choice(COUNTRIES)})
    people = []
    for n in range(count):
        person = {"id": f"person-{n + 1}", "name": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                  "organisation": organisations[n % len(organisations)]["id"],
                  "position": f"{rng.choice(POSITIONS)} of {word(rng)}"}
        if rng.random() < 0.3:
            person["country"] = rng.choice(COUNTRIES)
        people.append(person)
    return organisations, people


def _schedule(rng, shape: Shape, themes, groups, people) -> tuple[list[dict], dict[str, str]]:
    """Sessions fill room-days in order, leaving the last slot of each free."""
    cast = _Cast(rng, people)
    days: list[list[dict]] = [[] for _ in range(shape.days)]
    notes: dict[str, str] = {}
    length = max(10, shape.slot - 5)
    for number in range(1, shape.sessions + 1):
        slot_index = (number - 1) % shape.per_room_day
        room_day = (number - 1) // shape.per_room_day
        day, room = divmod(room_day, shape.rooms)
        start = DAY_START + slot_index * shape.slot
        item = _item(rng, number, start, start + length, room, themes, groups, cast)
        if rng.random() < 0.5:
            notes[f"session-{number}.md"] = note_text(rng, item["title"])
            item["notes"] = f"session-{number}.md"
        else:  # the other way to attach a note: front matter naming the session
            notes[f"front-{number}.md"] = (f"---\nsession: {item['id']}\n---\n"
                                           + note_text(rng, item["title"]))
        days[day].append(item)
    return [{"date": START_DATE + timedelta(days=n), "name": f"Day {n + 1}",
             "objective": sentence(rng, 15), "items": sort_items(items)}
            for n, items in enumerate(days)], notes


def sort_items(items: list[dict]) -> list[dict]:
    return sorted(items, key=lambda item: (item["start"], item["room"]))


class _Cast:
    """Hands out people so that everyone appears at least once."""

    def __init__(self, rng: random.Random, people: list[dict]) -> None:
        self.rng = rng
        self.ids = [p["id"] for p in people]
        rng.shuffle(self.ids)
        self.next = 0

    def take(self) -> str:
        if self.next < len(self.ids):
            self.next += 1
            return self.ids[self.next - 1]
        return self.rng.choice(self.ids)

    def refs(self, count: int) -> list:
        chosen = list(dict.fromkeys(self.take() for _ in range(count)))
        return [p if self.rng.random() < 0.7 else
                {"person": p, "role": word(self.rng).capitalize(), "tbc": self.rng.random() < 0.2}
                for p in chosen]


def _item(rng, number, start, end, room, themes, groups, cast) -> dict:
    title = f"{words(rng, rng.randint(2, 5)).capitalize()} and {words(rng, 2)}"
    item = {"id": f"session-{number}", "number": str(number), "kind": rng.choice(KINDS),
            "start": hhmm(start), "end": hhmm(end), "title": title,
            "description": sentence(rng, rng.randint(15, 30)),
            "chair": cast.take(), "presenters": cast.refs(rng.randint(1, 3)),
            "themes": [themes[room % len(themes)]["id"]], "room": f"room-{room + 1}"}
    if rng.random() < 0.4:
        item["discussants"] = cast.refs(rng.randint(1, 2))
    if rng.random() < 0.3:
        item["groups"] = [rng.choice(groups)["id"]]
    if rng.random() < 0.2:
        item["subtitle"] = sentence(rng, 6)
    if rng.random() < 0.3:
        item["questions"] = [sentence(rng, 8).rstrip(".") + "?" for _ in range(2)]
    if rng.random() < 0.1:
        item["audience"] = rng.choice(("in-person", "online"))
    return item


def dump(data) -> str:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100)


def write(spec: dict, folder: Path) -> Path:
    """Write the meeting as a content folder (meeting.yaml, people.yaml, schedule.yaml, notes/)."""
    folder = Path(folder)
    (folder / "notes").mkdir(parents=True, exist_ok=True)
    for name in ("meeting", "people", "schedule"):
        (folder / f"{name}.yaml").write_text(dump(spec[name]), encoding="utf-8")
    for name, text in spec["notes"].items():
        (folder / "notes" / name).write_text(text, encoding="utf-8")
    return folder

