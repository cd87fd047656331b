"""`agenda import SOURCE FOLDER`: an existing schedule as a new content folder.

frab/c3voc/pretalx `schedule.json` and `schedule.xml` (frab.py), and spreadsheets
with one row per item, `.csv` or `.xlsx` (spreadsheet.py), become a Draft
(draft.py), written and checked by the real checker (writer.py). Problems are
reported by row or event, all at once, and then nothing is written.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ...errors import ContentError, InputError, Problem
from ..folders import check_fresh, fresh_folder
from . import frab, spreadsheet, writer

READERS = {".json": frab.read_json, ".xml": frab.read_xml, ".csv": spreadsheet.read_csv,
           ".xlsx": spreadsheet.read_xlsx}


@dataclass(frozen=True)
class Imported:
    folder: Path
    items: int
    people: int
    warnings: tuple[Problem, ...]

    def summary(self) -> str:
        return (f"Imported {self.items} items and {self.people} people into {self.folder}; "
                f"check it with `agenda check --content {self.folder}`")


def import_schedule(source: Path, folder: Path, timezone: str = "", title: str = "",
                    meeting_id: str = "") -> Imported:
    source = Path(source)
    reader = READERS.get(source.suffix.lower())
    if reader is None:
        raise InputError(f"{source}: cannot import a '{source.suffix}' file; give a frab/"
                         "pretalx schedule.json or schedule.xml, or a .csv or .xlsx spreadsheet")
    if not source.is_file():
        raise InputError(f"{source}: no such file")
    check_fresh(folder, "agenda import")
    draft = reader(source)
    if reader in (spreadsheet.read_csv, spreadsheet.read_xlsx):
        draft.meeting.update(spreadsheet.meeting_defaults(source))
    draft.meeting.update({key: value for key, value in
                          (("timezone", timezone), ("title", title), ("id", meeting_id)) if value})
    problems = [Problem(origin, 0, message) for origin, message in draft.problems]
    if not draft.items:  # nothing could be read: other problems would follow from that
        raise ContentError(problems or [Problem(source.name, 0, "has no items to import")])
    if not draft.meeting.get("timezone"):
        raise ContentError(problems + [Problem(
            source.name, 0, "the meeting's time zone is not given; pass --timezone with its "
                            "IANA name, e.g. --timezone Europe/Paris")])
    # The rows that could be read are checked too, so that one run reports everything.
    with fresh_folder(folder, "agenda import") as staging:
        spans = writer.write(draft, staging)
        try:
            warnings = writer.check(draft, staging, spans)
        except ContentError as error:
            problems.extend(error.problems)
        if problems:
            raise ContentError(problems)  # leaves the staging folder: nothing is written
    return Imported(Path(folder), len(draft.items), len(draft.people), warnings)
