"""agenda.json: the generator's own model as plain JSON, for other tools.

The fields follow the content files under the model's names (content/README.md
documents them: themes' `items` are `terms`, for one), with additions: every
item's `start`/`end` are full ISO 8601 date-times with the meeting's UTC offset,
and `page` and `calendar` give output paths relative to the site root. Source
positions (file, line) are left out.
"""
from __future__ import annotations

import dataclasses
from datetime import date, time

from ..content.media import published_path
from ..site import urls
from ..site.participation import participation
from .calendars import calendar_path
from ..site.describe import json_bytes, public_item_url, window
from ..content.model import Agenda, Day, Item
from ..site.planned import Generated
from ..content.relations import Index

PATH = "agenda.json"
FORMAT_VERSION = 1
# logo_path: a path on the building machine; languages and translations: each edition
# publishes its own agenda.json in its language (the meeting's language).
_LEFT_OUT = {"source", "line", "logo_path", "languages", "translations"}


def outputs(agenda: Agenda, index: Index, base_url: str) -> list[Generated]:
    """The `plan_site` extra: agenda.json at the root of the site."""
    return [Generated(PATH, agenda.meeting.source,
                      lambda: model(agenda, index, base_url), json_bytes,
                      from_schedule=True)]


def model(agenda: Agenda, index: Index, base_url: str) -> dict:
    meeting = agenda.meeting
    return {
        "format": "agenda", "format_version": FORMAT_VERSION,
        "base_url": base_url or None,
        "meeting": plain(meeting) | {"calendar": calendar_path(meeting)},
        "organisations": [plain(org) for org in agenda.organisations],
        "people": [_person(person) for person in agenda.people],
        "days": [_day(agenda, index, base_url, day) for day in agenda.days],
    }


def _person(person) -> dict:
    data = plain(person) | {"page": urls.person_path(person)}
    if person.photo is not None:  # where the site publishes it, beside the content's file
        data["photo"]["path"] = published_path(person.photo)
    return data


def _day(agenda: Agenda, index: Index, base_url: str, day: Day) -> dict:
    return {"date": day.date.isoformat(), "name": day.name, "objective": day.objective,
            "page": urls.day_path(day), "calendar": calendar_path(agenda.meeting, day),
            "items": [_item(agenda, index, base_url, day, item) for item in day.items]}


def _item(agenda: Agenda, index: Index, base_url: str, day: Day, item: Item) -> dict:
    start, end = window(agenda, day, item)
    data = plain(item)
    data.update(start=start.isoformat(timespec="minutes"), end=end.isoformat(timespec="minutes"),
                has_page=item.has_page,
                page=urls.item_path(item) if item.has_page else None,
                calendar=calendar_path(agenda.meeting, item) if item.has_page else None,
                url=public_item_url(base_url, item, index) or None)
    joining = participation(agenda.meeting, item)  # the levels of `online:` resolved
    data["joining"] = {"mode": joining.mode or None, "url": joining.url or None,
                       "platform": joining.platform or None, "note": joining.note or None,
                       "opens_before": joining.opens_before}
    return data


def plain(value):
    """A model value as JSON-ready data: dataclasses become objects, dates ISO text."""
    if dataclasses.is_dataclass(value):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)
                if f.name not in _LEFT_OUT}
    if isinstance(value, (tuple, list)):
        return [plain(v) for v in value]
    if isinstance(value, (date, time)):
        return value.isoformat(timespec="minutes") if isinstance(value, time) else value.isoformat()
    return value

