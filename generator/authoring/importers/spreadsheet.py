"""A spreadsheet with one row per item (CSV, or XLSX through openpyxl) as a Draft.

The first row names the columns, with the keys of schedule.yaml (content/README.md,
"Importing a schedule"): `date`, `start`, `end` and `title` are needed, the others
are optional. People are named, not given by id: `Ana Silva; Tomáš Novák (tbc)`.
Rooms, themes and groups are named too, and declared in meeting.yaml as they come.
Rows are numbered as the spreadsheet shows them (the header is row 1).
"""
from __future__ import annotations

import csv
import difflib
import io
from datetime import date, datetime, time
from pathlib import Path

from ...content.model import TIME_OFF_KINDS
from ...content.spec import ITEM
from .draft import Draft, DraftItem, make_id, people_refs

REQUIRED = ("date", "start", "end", "title")
PEOPLE = ("chair", "speakers", "presenters", "discussants")
LISTS = ("themes", "groups")
COLUMNS = ("date", "start", "end", "title", "id", "number", "kind", "subtitle", "description",
           "room", *PEOPLE, "main_question", "questions", *LISTS, "audience", "parallel",
           "continues", "tbc")
YES, NO = {"yes", "y", "true", "x", "1"}, {"no", "n", "false", "0", ""}


def read_csv(path: Path) -> Draft:
    draft = Draft(path.name)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        draft.problem(path.name, "the file is not UTF-8 text; save it as \"CSV UTF-8\"")
        return draft
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)  # Excel writes ';' where ',' is a decimal mark
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    read_rows(draft, enumerate(rows, start=1))
    return draft


def read_xlsx(path: Path) -> Draft:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException
    from zipfile import BadZipFile

    draft = Draft(path.name)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, BadZipFile, KeyError, OSError) as error:
        draft.problem(path.name, f"cannot be read as an .xlsx workbook ({error})")
        return draft
    try:
        sheet = book.worksheets[0]
        read_rows(draft, enumerate(sheet.iter_rows(values_only=True), start=1))
    finally:
        book.close()
    return draft


def read_rows(draft: Draft, rows) -> None:
    header = None
    for number, row in rows:
        cells = ["" if value is None else value for value in row]
        if not any(str(cell).strip() for cell in cells):
            continue
        if header is None:
            header = _header(draft, number, cells)
            if header is None:
                return
            continue
        values = {name: cell for name, cell in zip(header, cells) if name}
        _row(draft, f"{draft.source}:row {number}", values)
    if header is None:
        draft.problem(draft.source, "the file is empty; the first row names the columns: "
                                    + ", ".join(REQUIRED))


def _header(draft: Draft, number: int, cells: list) -> list[str] | None:
    names = [str(cell).strip().lower().replace(" ", "_").replace("-", "_") for cell in cells]
    origin = f"{draft.source}:row {number}"
    for name in names:
        if name and name not in COLUMNS:
            close = difflib.get_close_matches(name, COLUMNS, n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            draft.problem(origin, f"unknown column '{name}'; {hint}the columns are: "
                                  + ", ".join(COLUMNS))
    missing = [name for name in REQUIRED if name not in names]
    if missing:
        draft.problem(origin, f"missing column{'s' if len(missing) > 1 else ''} "
                              f"{', '.join(missing)}; the first row names the columns")
    return None if draft.problems else names


def _row(draft: Draft, origin: str, values: dict) -> None:
    when = _date(values.get("date"))
    if when is None:
        draft.problem(origin, f"date '{_text(values.get('date'))}' must be written YYYY-MM-DD "
                              "(like 2025-06-20)")
        return
    fields: dict = {}
    for key in ITEM.keys:  # in the order schedule.yaml lists them
        value = values.get(key, "")
        if key in ("start", "end"):
            fields[key] = _clock(value)
        elif key in PEOPLE and _text(value):
            fields[key] = people_refs(draft, _text(value))
        elif key in LISTS and _text(value):
            fields[key] = [draft.term(key, part.strip()) for part in _text(value).split(";")
                           if part.strip()]
        elif key == "room" and _text(value):
            fields[key] = draft.room(_text(value))
        elif key == "questions" and _text(value):
            fields[key] = [line.strip() for line in _text(value).splitlines() if line.strip()]
        elif key == "tbc":
            flag = _text(value).lower()
            if flag in YES:
                fields[key] = True
            elif flag not in NO:
                draft.problem(origin, f"tbc '{_text(value)}' must be yes or no (or empty)")
        elif key in ("kind", "audience"):
            fields[key] = _text(value).lower()
        else:
            fields[key] = _text(value)
    if not fields["id"] and not fields["number"] and fields["title"] and \
            fields["kind"] not in TIME_OFF_KINDS:
        # Readable URLs, and no two parallel sessions of one day with the same made-up id.
        fields["id"] = draft.item_id(fields["title"])
    draft.items.append(DraftItem(origin, when, {k: v for k, v in fields.items() if v != ""}))


def _text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a number typed into a spreadsheet: 2, not 2.0
    return str(value).strip()


def _date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(_text(value))
    except ValueError:
        return None


def _clock(value) -> str:
    """A time cell as HH:MM; text is passed on as written, for the checker to judge."""
    if isinstance(value, datetime):
        value = value.time()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, float) and 0 <= value < 1:  # a time of day as a fraction of one
        minutes = round(value * 24 * 60)
        return f"{minutes // 60:02d}:{minutes % 60:02d}"
    return _text(value)


def meeting_defaults(path: Path) -> dict:
    """A spreadsheet names no meeting: its id and title come from the file name."""
    return {"id": make_id(path.stem, "meeting"), "title": path.stem.replace("_", " ").strip()}
