"""changes/feed.xml: an Atom feed (RFC 4287) of the agenda's publications, one
entry per publication with each item's changes, for feed readers.

Written with ElementTree, so the XML is well-formed whatever the content says.
Ids are `urn:uuid:` names made from the meeting id and the publication date, so
they never change; dates are the publications' (midnight UTC), never the build's.
Links are relative to the feed (resolved against its address, RFC 4287 section
4.2.7.1 with RFC 3986) unless a base URL is set, which makes them absolute.
"""
from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date

from ..content.model import Agenda
from ..content.relations import Index
from ..site import present, urls
from ..site.planned import Generated
from ..site.views.changes import anchor
from ..site.history import history_of

ATOM = "http://www.w3.org/2005/Atom"
XHTML = "http://www.w3.org/1999/xhtml"
GENERATOR = "agenda"
ET.register_namespace("", ATOM)  # Atom elements unprefixed; XHTML content as html:div


@dataclass(frozen=True)
class FeedEntry:
    id: str
    title: str
    updated: str             # RFC 3339: 2022-06-14T00:00:00Z
    link: str
    summary: str
    lines: tuple[str, ...]   # one per item: "Session 5: ...: moved from 16:00 to 16:30"


@dataclass(frozen=True)
class FeedView:
    id: str
    title: str
    language: str
    updated: str
    authors: tuple[str, ...]
    link: str                # the changes page
    self_link: str           # the feed's own public URL, "" without a base URL
    entries: tuple[FeedEntry, ...]   # newest first


def outputs(agenda: Agenda, index: Index, base_url: str) -> list[Generated]:
    """The `plan_site` extra: the feed, once there is a publication record."""
    if not agenda.publications:
        return []
    return [Generated(urls.FEED, agenda.meeting.source,
                      lambda: feed_view(agenda, index, base_url), feed_bytes)]


def feed_view(agenda: Agenda, index: Index, base_url: str) -> FeedView:
    meeting, history = agenda.meeting, history_of(agenda, index)
    page = _link(base_url, urls.CHANGES)
    entries = []
    for step, record in reversed(list(zip(history.steps, history.records))):
        lines = tuple(f"{change.label}: {'; '.join(change.phrases)}" for change in step.items)
        if step.first:
            title, summary = "The agenda was published", \
                f"First publication: {present.count(len(record.items), 'item')}."
        else:
            title = f"Changes of {present.long_date(step.date)}"
            summary = " ".join(step.meeting + (f"{present.count(len(lines), 'item')} changed.",))
        entries.append(FeedEntry(_uuid(meeting.id, f"publication/{step.date}"), title,
                                 _stamp(step.date), f"{page}#{anchor(step.date)}", summary,
                                 step.meeting + lines))
    organisers = tuple(index.organisations[o].name for o in meeting.organisers
                       if o in index.organisations)
    return FeedView(_uuid(meeting.id, "changes"),
                    f"What changed: {meeting.short_title or meeting.title}", meeting.language,
                    _stamp(history.latest), organisers or (meeting.short_title or meeting.title,),
                    page, urls.public_url(base_url, urls.FEED) if base_url else "",
                    tuple(entries))


def _link(base_url: str, path: str) -> str:
    """A link from the feed (changes/feed.xml) to an output path."""
    return urls.public_url(base_url, path) if base_url else urls.relative(urls.FEED, path)


def _uuid(meeting_id: str, what: str) -> str:
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'agenda:{meeting_id}/{what}')}"


def _stamp(when: date) -> str:
    return f"{when.isoformat()}T00:00:00Z"


def feed_bytes(view: FeedView) -> bytes:
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang":
                                          view.language})
    _text(feed, "id", view.id)
    _text(feed, "title", view.title)
    _text(feed, "updated", view.updated)
    for name in view.authors:
        _text(ET.SubElement(feed, f"{{{ATOM}}}author"), "name", name)
    _add_link(feed, "alternate", "text/html", view.link)
    if view.self_link:
        _add_link(feed, "self", "application/atom+xml", view.self_link)
    _text(feed, "generator", GENERATOR)
    for entry in view.entries:
        element = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(element, "id", entry.id)
        _text(element, "title", entry.title)
        _text(element, "updated", entry.updated)
        _add_link(element, "alternate", "text/html", entry.link)
        _text(element, "summary", entry.summary)
        if entry.lines:
            content = ET.SubElement(element, f"{{{ATOM}}}content", {"type": "xhtml"})
            listing = ET.SubElement(ET.SubElement(content, f"{{{XHTML}}}div"), f"{{{XHTML}}}ul")
            for line in entry.lines:
                ET.SubElement(listing, f"{{{XHTML}}}li").text = line
    ET.indent(feed, " ")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _text(parent: ET.Element, name: str, text: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{name}").text = text


def _add_link(parent: ET.Element, rel: str, kind: str, href: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}link", {"rel": rel, "type": kind, "href": href})
