"""The display rules: how times, dates, labels and counts read, written once.

They return plain text; views (views/) and text outputs (calendars, JSON) use
them, and templates decide only the markup.
"""
from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from .. import i18n
from ..i18n import N_, _, ngettext


KIND_LABELS = {"session": N_("Session"), "plenary": N_("Plenary"), "breakout": N_("Break-out groups"),
               "report-back": N_("Report-back"), "opening": N_("Opening"), "closing": N_("Closing"),
               "recap": N_("Recap"), "social": N_("Social"), "other": N_("Item"), "break": N_("Break"),
               "meal": N_("Meal"), "registration": N_("Registration")}
ROLE_LABELS = {"chair": (N_("Chair"), N_("Chairs")), "speaker": (N_("Speaker"), N_("Speakers")),
               "presenter": (N_("Presenter"), N_("Presenters")),
               "discussant": (N_("Discussant"), N_("Discussants"))}
MATERIAL_LABELS = {"slides": N_("Slides"), "paper": N_("Paper"), "report": N_("Report"),
                   "recording": N_("Recording"), "minutes": N_("Minutes"), "data": N_("Data"),
                   "other": N_("Document")}
AUDIENCE_LABELS = {"in-person": N_("In-person participants only"),
                   "online": N_("Online participants only"), "all": ""}
# A term id with a digit (1, 3.1, TF1) or of one to three capitals (A, ML) is a code,
# shown with the taxonomy's name; any other id is a word, and the title says more.
CODE_LIKE = re.compile(r"\d|^[A-Z]{1,3}$")


def item_title(item) -> str:
    """e.g. 'Session 3: Data for migration policy'; items without a number: their title."""
    return _("Session {number}: {title}").format(number=item.number, title=item.title) \
        if item.number else item.title


def kind_label(kind: str) -> str:
    return _(KIND_LABELS[kind])


def material_label(kind: str) -> str:
    return _(MATERIAL_LABELS[kind])


def audience_label(audience: str) -> str:
    label = AUDIENCE_LABELS[audience]
    return _(label) if label else ""


def _has_code(term) -> bool:
    return CODE_LIKE.search(term.id) is not None


def term_code(taxonomy, term) -> str:
    """How a theme or group is referred to in short: 'Policy area 1' when its id is a
    code (CODE_LIKE); else nothing, since an id that is a word ('web') reads worse
    than the term's title."""
    return f"{taxonomy.name} {term.id}" if _has_code(term) else ""


def term_tag(term) -> str:
    """A theme or group after its taxonomy's name ('Policy areas: 3, 4'): its id when
    that is a code, else its title."""
    return term.id if _has_code(term) else term.title


def term_short_label(taxonomy, term) -> str:
    """A theme or group where space is short (breadcrumbs): 'Policy area 1', or its title."""
    return term_code(taxonomy, term) or term.title


def term_label(taxonomy, term) -> str:
    """A theme or group in full: 'Policy area 1: Labour migration', or 'Web platform'."""
    code = term_code(taxonomy, term)
    return f"{code}: {term.title}" if code else term.title


def hm(moment: time) -> str:
    return moment.strftime("%H:%M")


long_date = i18n.long_date    # "Friday 10 June 2022", in the interface language
short_date = i18n.short_date  # "Fri 10 Jun"


def offset_text(moment: datetime) -> str:
    """UTC offset of an aware datetime, as UTC+01:00 (a true minus sign: UTC−05:00)."""
    offset = moment.utcoffset() or timedelta(0)
    sign = "\u2212" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def zone_city(meeting) -> str:
    """The place that names the meeting's time: the venue city, else the zone's city."""
    return meeting.venue.city or meeting.timezone.rsplit("/", 1)[-1].replace("_", " ")


def duration(length: timedelta) -> str:
    """e.g. '1 h 20 min'."""
    hours, minutes = divmod(int(length.total_seconds()) // 60, 60)
    return " ".join(part for part in (_("{hours} h").format(hours=hours) if hours else "",
                                      _("{minutes} min").format(minutes=minutes) if minutes
                                      else "") if part)


def role_label(role: str, count: int = 1) -> str:
    singular, plural = ROLE_LABELS[role]
    return _(singular if count == 1 else plural)  # marked as two words (N_), not one plural


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="minutes")


def zone_label(meeting, when: date | None = None) -> str:
    """e.g. 'Rabat time (UTC+01:00)', with the offset of the given date; for the whole
    meeting, every offset it goes through: 'Berlin time (UTC+01:00, UTC+02:00 from Sun 31 Mar)'."""
    if when is not None:
        return _("{city} time ({offset})").format(
            city=i18n.isolate(zone_city(meeting)),
            offset=i18n.isolate(offset_text(_noon(meeting, when))))
    dates = [meeting.start + timedelta(days=n) for n in range((meeting.end - meeting.start).days + 1)]
    offsets = [offset_text(_noon(meeting, when)) for when in dates]
    changes = [_("{offset} from {date}").format(offset=i18n.isolate(offsets[n]),
                                                date=short_date(dates[n]))
               for n in range(1, len(dates)) if offsets[n] != offsets[n - 1]]
    return _("{city} time ({offset})").format(city=i18n.isolate(zone_city(meeting)),
                                              offset=", ".join([i18n.isolate(offsets[0])] + changes))


def _noon(meeting, when: date) -> datetime:
    return datetime.combine(when, time(12), tzinfo=meeting.zone)


def count(number: int, noun: str) -> str:
    """e.g. '1 session', '3 sessions' (English nouns only: outputs that are not translated)."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def item_count(number: int) -> str:
    """'1 item', '3 items', in the interface language."""
    return ngettext("{count} item", "{count} items", number).format(count=number)


def parallel_label(size: int, lanes: int) -> str:
    """What a row of parallel items says above them."""
    if size == lanes:
        return ngettext("{size} item at the same time", "{size} items at the same time",
                        size).format(size=size)
    return ngettext("{size} items in {lanes} parallel column",
                    "{size} items in {lanes} parallel columns", lanes).format(size=size, lanes=lanes)
