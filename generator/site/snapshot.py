"""The content as a publication record: each item's shown fields, as text.

`agenda publish` writes this record (with the pages the site has); every build
makes one of the content as it is, to compare with the records (history.py).
"""
from __future__ import annotations

import hashlib
import json
from datetime import date

from ..content.model import Agenda, Day, Item, PersonRef
from ..i18n import using
from ..content.published import Publication, PublishedItem, PublishedRef, PublishedTerm
from ..content.relations import Index
from ..outputs.events import event_digest
from . import urls
from .describe import ref_name
from .planned import Page
from .present import hm, item_title, term_short_label
from .status import moved_text

NOT_PUBLISHED = (urls.NOT_FOUND,)  # pages served for unknown addresses, not for a link


def snapshot(agenda: Agenda, index: Index, when: date, pages: tuple[str, ...] = ()) -> Publication:
    """The record of the content as it is; its words (labels, places) always in the
    main language, so `agenda publish` and every edition's build make the same one."""
    with using(agenda.meeting.languages[0]):
        return Publication(when, agenda.meeting.status,
                           tuple(published_item(agenda, index, day, item)
                                 for day, item in agenda.items()), pages)


def published_pages(outputs) -> tuple[str, ...]:
    """The pages a site publishes (its planned outputs): the addresses readers keep."""
    return tuple(sorted(output.path for output in outputs if isinstance(output, Page)
                        and output.path.endswith(".html") and output.path not in NOT_PUBLISHED))


def published_item(agenda: Agenda, index: Index, day: Day, item: Item) -> PublishedItem:
    meeting = agenda.meeting
    return PublishedItem(
        item.id, item.kind, item_title(item), day.date.isoformat(), hm(item.start),
        hm(item.end), meeting.room_name(item.room) if item.room else "", item.audience,
        item.tbc, item.status, item.reason, moved_text(item, index), item.previous_ids,
        tuple(PublishedRef(role, ref_key(ref), ref_name(ref, index), ref.tbc)
              for role, refs in item.roles() for ref in refs),
        tuple(PublishedTerm(f"{term.taxonomy}/{term.slug}", term_short_label(taxonomy, term))
              for taxonomy, ids in ((meeting.themes, item.themes), (meeting.groups, item.groups))
              for term in map(taxonomy.get, ids) if term is not None),
        urls.item_path(item) if item.has_page else "", details_digest(item),
        event_digest(agenda, index, day, item))


def ref_key(ref: PersonRef) -> str:
    return ref.person or f"organisation:{ref.organisation}"


def details_digest(item: Item) -> str:
    """The item's texts (subtitle, description, questions) in a short digest: records
    say that they changed, not how."""
    texts = [item.subtitle, item.description, item.main_question, list(item.questions)]
    return hashlib.sha1(json.dumps(texts, ensure_ascii=False).encode()).hexdigest()[:12]
