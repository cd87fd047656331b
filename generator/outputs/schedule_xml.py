"""schedule.xml in the frab XML format, the file Giggity, ConfClerk and EventFahrplan
read. Valid against the c3voc XSD (tests/schemas/c3voc-schedule.xml.xsd); it says
what schedule.json says (frab.py), in XML.

The XSD requires `abstract`, `subtitle` and `track` on every event, so they are
written empty when an item has none; `url` (an http(s) address) only with a base URL.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import partial
from xml.etree import ElementTree as ET

from .. import __version__
from ..content.model import Agenda
from ..content.relations import Index
from ..site.planned import Generated
from . import frab

PATH = "schedule.xml"


@dataclass(frozen=True)
class ScheduleXmlView:
    """What schedule.xml says: the conference's facts and the frab schedule."""

    title: str
    start: str
    end: str
    days: int
    timezone: str
    base_url: str
    schedule: frab.Schedule


def outputs(agenda: Agenda, index: Index, base_url: str) -> list[Generated]:
    """The `plan_site` extra: schedule.xml at the root of the site (it carries note
    text in descriptions, so it is not `from_schedule`)."""
    return [Generated(PATH, agenda.meeting.source, partial(view, agenda, index, base_url),
                      schedule_xml)]


def view(agenda: Agenda, index: Index, base_url: str) -> ScheduleXmlView:
    meeting = agenda.meeting
    return ScheduleXmlView(meeting.title, meeting.start.isoformat(), meeting.end.isoformat(),
                           len(agenda.days), meeting.timezone, base_url,
                           frab.schedule(agenda, index, base_url))


def schedule_xml(view: ScheduleXmlView) -> bytes:
    model = view.schedule
    root = ET.Element("schedule")
    ET.SubElement(root, "generator", name="agenda", version=__version__)
    _text(root, "version", model.version)
    conference = ET.SubElement(root, "conference")
    for tag, value in (("acronym", model.acronym), ("title", view.title),
                       ("start", view.start), ("end", view.end),
                       ("days", str(view.days)), ("timeslot_duration", model.timeslot),
                       ("base_url", view.base_url), ("time_zone_name", view.timezone)):
        if value:
            _text(conference, tag, value)
    for day in model.days:
        element = ET.SubElement(root, "day", index=str(day.index),
                                date=day.date.isoformat(),
                                start=_iso(day.start), end=_iso(day.end))
        for name, events in day.rooms:
            room = ET.SubElement(element, "room", name=name)
            for event in events:
                _event(room, event)
    ET.indent(root, space=" ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _event(room: ET.Element, event: frab.Event) -> None:
    element = ET.SubElement(room, "event", guid=event.guid, id=str(event.id))
    for tag, value in (("date", _iso(event.start)), ("start", event.start.strftime("%H:%M")),
                       ("duration", event.duration), ("room", event.room),
                       ("slug", event.slug), ("url", event.url), ("title", event.title),
                       ("subtitle", event.subtitle), ("track", event.track),
                       ("type", event.type), ("language", event.language),
                       ("abstract", event.abstract), ("description", event.description)):
        if value or tag in ("subtitle", "track", "abstract"):  # required, possibly empty
            _text(element, tag, value)
    persons = ET.SubElement(element, "persons")
    for person in event.persons:
        _text(persons, "person", person.name).set("id", str(person.id))
    links = ET.SubElement(element, "links")
    for link in event.links:
        _text(links, "link", link.title).set("href", link.url)


def _text(parent: ET.Element, tag: str, value: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = value
    return element


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")
