"""The edits a benchmark rebuild measures, made to a copy of any content folder."""
from __future__ import annotations

from pathlib import Path

import yaml

from generator.content.pipeline import load_content

DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def note_of_a_session(content: Path) -> Path:
    """The note file of the session in the middle of the schedule."""
    loaded = load_content(content)
    notes = [loaded.index.note_of_item[item.id] for _, item in loaded.agenda.items()
             if item.id in loaded.index.note_of_item]
    return content / "notes" / notes[len(notes) // 2].name


def edit_note(note: Path, round_: int) -> None:
    """Append a sentence, different on each round, as an organiser typing would."""
    with note.open("a", encoding="utf-8") as file:
        file.write(f"\nEdited in benchmark round {round_}.\n")


def _minutes(text: str) -> int:
    hours, minutes = str(text).split(":")
    return int(hours) * 60 + int(minutes)


def move_session(content: Path) -> str:
    """Move one session of the middle day to a new slot after the day's last item.

    The item is moved to the end of the day's list, so the schedule stays in time
    order and overlaps nothing; schedule.yaml is rewritten as an editor would save it.
    """
    path = content / "schedule.yaml"
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER)
    day = data["days"][len(data["days"]) // 2]
    items = day["items"]
    pages = [i for i in items if i.get("kind", "session") not in ("break", "meal", "registration")]
    item = pages[len(pages) // 3]
    length = _minutes(item["end"]) - _minutes(item["start"])
    start = max(_minutes(i["end"]) for i in items)
    item["start"] = f"{start // 60:02d}:{start % 60:02d}"
    item["end"] = f"{(start + length) // 60:02d}:{(start + length) % 60:02d}"
    items.remove(item)
    items.append(item)
    path.write_text(yaml.dump(data, Dumper=DUMPER, sort_keys=False, allow_unicode=True,
                              width=100), encoding="utf-8")
    return item.get("id", "")
