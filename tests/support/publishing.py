"""The scripted sequence of issue 12 on a copy of the default meeting, shared by the
publishing tests: publish; move a session, add a discussant, cancel an item, rename
an id with `previous_ids`; publish again. Used by tests only.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from support import TEMPLATES, edit, english_content
from generator.cli import main
from generator.site.build import Builder

FIRST, SECOND = "2022-06-10", "2022-06-14"
MOVED, ADDED_TO, CANCELLED, RENAMED, NEW_ID = (
    "session-5", "session-6", "session-7", "session-8", "morocco-system")
CHANGED = {MOVED, ADDED_TO, CANCELLED, RENAMED}  # the events whose shown values change
REASON = "The presenter cannot travel."


@dataclass(frozen=True)
class Sequence:
    content: Path
    before: Path      # the site built after the first publication
    after: Path       # the site built after the second


def publish(content: Path, when: str) -> None:
    assert main(["publish", "--content", str(content), "--date", when]) == 0


def make_changes(content: Path) -> None:
    """The organiser's edits between the two publications."""
    schedule = content / "schedule.yaml"
    edit(schedule, f'      - id: {MOVED}\n        number: "5"\n        kind: session\n'
                   '        start: "16:00"\n        end: "17:30"',
         f'      - id: {MOVED}\n        number: "5"\n        kind: session\n'
         '        start: "16:30"\n        end: "18:00"')
    edit(schedule, "        discussants:\n          - person: nikoloz-nikuradze\n",
         "        discussants:\n          - person: nikoloz-nikuradze\n"
         "          - person: kare-vassenden\n")
    edit(schedule, f"      - id: {CANCELLED}\n",
         f"      - id: {CANCELLED}\n        status: cancelled\n        reason: {REASON}\n")
    edit(schedule, f"      - id: {RENAMED}\n",
         f"      - id: {NEW_ID}\n        previous_ids: [{RENAMED}]\n")
    edit(content / "meeting.yaml", "status: tentative",
         f"status: tentative\nchanges_since: {FIRST}")


def run_sequence(folder: Path, base_url: str = "") -> Sequence:
    content = folder / "content"
    english_content(content)
    publish(content, FIRST)
    Builder(content, TEMPLATES, base_url).build(folder / "before")
    make_changes(content)
    publish(content, SECOND)
    Builder(content, TEMPLATES, base_url).build(folder / "after")
    return Sequence(content, folder / "before", folder / "after")
