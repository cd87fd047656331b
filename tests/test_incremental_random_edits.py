"""Random organiser edits (content and templates), each followed by a dev-server rebuild: the site on disk
is always byte for byte what a full build of the same content writes.

The edits are drawn with a fixed seed, so a failure names a reproducible round.
"""
from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

from support import TEMPLATES
from generator.site.build import Builder
from generator.errors import ContentError
from generator.site.write import SiteSync
from support import BASE_URL, SHOW_MORE, files_of, full_build, show_more

ROUNDS = 20


def minutes(text) -> int:
    hours, mins = str(text).split(":")
    return int(hours) * 60 + int(mins)


def clock(total: int) -> str:
    return f"{total // 60:02d}:{total % 60:02d}"


def edit_schedule(data: dict, rng: random.Random) -> str:
    day = rng.choice(data["days"])
    item = rng.choice(day["items"])
    what = rng.choice(["shift", "title", "kind", "audience", "tbc", "objective", "day name",
                       "move to another day", "swap notes"])
    if what == "shift":
        delta = rng.choice([-10, 5, 15, 240])
        item["start"] = clock(minutes(item["start"]) + delta)
        item["end"] = clock(minutes(item["end"]) + delta)
    elif what == "title":
        item["title"] = f"{item.get('title', '')} (revised)"
    elif what == "kind":
        item["kind"] = rng.choice(["session", "plenary", "break"])
    elif what == "audience":
        item["audience"] = rng.choice(["all", "online", "in-person"])
    elif what == "tbc":
        item["tbc"] = not item.get("tbc", False)
    elif what == "objective":
        day["objective"] = f"{day.get('objective', '')} And more."
    elif what == "day name":
        day["name"] = f"{day.get('name', 'Day')}!"
    elif what == "swap notes":
        with_notes = [i for d in data["days"] for i in d["items"] if i.get("notes")]
        first, second = rng.sample(with_notes, 2)
        first["notes"], second["notes"] = second["notes"], first["notes"]
    else:
        other = rng.choice(data["days"])
        if other is not day and len(day["items"]) > 1:
            day["items"].remove(item)
            start = max(minutes(i["end"]) for i in other["items"])
            length = minutes(item["end"]) - minutes(item["start"])
            item["start"], item["end"] = clock(start), clock(start + length)
            other["items"].append(item)
    return what


def rename_after(path: Path, section: str, key: str, what: str) -> str:
    """Prefix the first `key` value after `section` in a YAML file."""
    text = path.read_text(encoding="utf-8")
    start = text.index(section)
    path.write_text(text[:start] + text[start:].replace(key, f"{key}New ", 1), encoding="utf-8")
    return what


def random_edit(content: Path, theme: Path, rng: random.Random, round_: int) -> str:
    draw = rng.random()
    if draw < 0.15:
        name, snippet = rng.choice(SHOW_MORE)
        show_more(theme, name, snippet)
        return f"template {name} shows {snippet}"
    if draw < 0.3:
        note = rng.choice(sorted((content / "notes").glob("*.md")))
        note.write_text(note.read_text(encoding="utf-8") + f"\nMore in round {round_}.\n",
                        encoding="utf-8")
        return f"note {note.name}"
    if draw < 0.35:
        return rename_after(content / "people.yaml", "\npeople:", "name: ", "person renamed")
    if draw < 0.45:
        return rename_after(content / "meeting.yaml", "\nthemes:", "title: ", "theme renamed")
    schedule = content / "schedule.yaml"
    data = yaml.safe_load(schedule.read_text(encoding="utf-8"))
    what = edit_schedule(data, rng)
    schedule.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True),
                        encoding="utf-8")
    return what


def test_random_edits_keep_the_live_site_equal_to_a_full_build(content, tmp_path):
    rng = random.Random(20261125)
    theme = tmp_path / "theme"
    shutil.copytree(TEMPLATES, theme)
    builder = Builder(content, theme, BASE_URL)
    sync = SiteSync(tmp_path / "live")
    builder.rebuild(sync)
    checked = 0
    for round_ in range(ROUNDS):
        saved = {path: path.read_bytes() for path in content.rglob("*") if path.is_file()}
        what = random_edit(content, theme, rng, round_)
        try:
            Builder(content, TEMPLATES).check()
        except ContentError:  # an edit the checker refuses: put the files back
            for path, data in saved.items():
                path.write_bytes(data)
            continue
        builder.rebuild(sync)
        expected, live = full_build(content, theme, tmp_path / "full"), files_of(sync.output)
        stale = sorted(p for p in set(expected) | set(live) if live.get(p) != expected.get(p))
        assert not stale, f"round {round_} ({what}): {stale[:5]}"
        checked += 1
    assert checked >= ROUNDS // 2
