"""The content format as data: each kind of record, its keys, what they hold.

One source of truth. parse.py reads every key through `Fields`, which takes the
allowed keys, whether a key is required and its example from here, and refuses
(as a programming error) to read a key in another way than declared; schema.py
turns the same records into the JSON Schema that editors use to complete keys
and flag typos. `hints` explain keys organisers put in the wrong place, where
the closest spelling would mislead.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .model import AUDIENCES, ITEM_KINDS, ITEM_STATUSES, MATERIAL_KINDS, STATUSES

# Kinds of value, and the Fields getters that may read each. "text" and "markdown"
# may be written by language (`title: {en: ..., fr: ...}`, content/texts.py);
# "literal" is text that is the same in every language (a file name, a time zone).
TRANSLATABLE = ("text", "markdown")
GETTERS = {
    "text": {"text"}, "markdown": {"text"}, "literal": {"text"}, "language": {"language"},
    "languages": {"language_tags"}, "url": {"text", "url"}, "id": {"ident"},
    "ref": {"text", "ident"}, "flag": {"flag"}, "choice": {"choice"}, "date": {"day"},
    "time": {"clock"}, "ids": {"idents"}, "texts": {"texts"}, "people": {"list_of"},
    "mapping": {"mapping_of"}, "records": {"entries"}, "flag_or_mapping": {"flag_or_mapping"},
    "minutes": {"minutes"}, "photo": {"mapping_of", "text"}, "list": {"list_of"},
}


@dataclass(frozen=True)
class Key:
    kind: str
    doc: str
    required: bool = False
    example: str = "..."
    record: Record | None = None  # for mapping, records and flag_or_mapping
    choices: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.kind not in GETTERS:
            raise ValueError(f"unknown kind of key: {self.kind}")


@dataclass(frozen=True)
class Record:
    name: str                      # what the record is, for schema titles
    keys: dict[str, Key]
    hints: dict[str, str] = field(default_factory=dict)

    @property
    def allowed(self) -> tuple[str, ...]:
        return tuple(self.keys)


PEOPLE_FILE_KEYS = "organisations and people belong in people.yaml"
SCHEDULE_FILE_KEYS = "days and their items belong in schedule.yaml"
MEETING_FILE_KEYS = "the meeting's own facts belong in meeting.yaml"

VENUE = Record("venue", {
    "name": Key("text", "Name of the place, e.g. Hotel Example"),
    "city": Key("text", "City; it also names the meeting's time (\"Rabat time\")"),
    "country": Key("text", "Country"),
    "address": Key("text", "Street address"),
    "url": Key("url", "Web page of the venue"),
})
ONLINE = Record("online participation", {
    "platform": Key("text", "Video platform, e.g. Zoom"),
    "url": Key("url", "The join link"),
    "note": Key("text", "How to join, e.g. \"The link is sent by e-mail.\""),
    "opens_before": Key("minutes", "Minutes before the start the link opens, e.g. 15"),
})
ROOM = Record("room", {
    "id": Key("id", "Stable id items refer to with `room:`", required=True, example="plenary"),
    "name": Key("text", "Name shown on pages, e.g. Plenary hall", required=True),
    "online": Key("flag_or_mapping", "How people join this room remotely (overrides the "
                                     "meeting's)", record=ONLINE),
})
TERM = Record("term", {
    "id": Key("id", "Stable id: used in URLs and referenced by items", required=True,
              example="1"),
    "title": Key("text", "Title of the theme or group", required=True),
    "short": Key("text", "Short label"),
    "description": Key("markdown", "Description (Markdown)"),
    "previous_ids": Key("ids", "Ids this used to have: their old addresses lead here"),
})
TAXONOMY = Record("taxonomy", {
    "name": Key("text", "Singular name shown on pages, e.g. Policy area"),
    "plural": Key("text", "Plural name: the index title, e.g. Policy areas"),
    "slug": Key("id", "URL folder of its pages, e.g. policy-areas"),
    "items": Key("records", "The terms", record=TERM),
})
BRANDING = Record("branding", {
    "logo": Key("literal", "A PNG or JPEG file inside the content folder, e.g. logo.png"),
    "primary": Key("literal", "Colour of links, headings and the header, e.g. \"#0b5cad\""),
    "accent": Key("literal", "Colour of highlights and badges, e.g. \"#b45309\""),
})
MEETING = Record("meeting", {
    "id": Key("id", "Stable id, used in calendar UIDs and file names", required=True,
              example="my-meeting-2025"),
    "title": Key("text", "Title of the meeting", required=True),
    "subtitle": Key("text", "Subtitle"),
    "short_title": Key("text", "Short title for browser tabs and calendar entries"),
    "status": Key("choice", "draft, tentative, final (default) or cancelled", choices=STATUSES),
    "updated": Key("date", "Date the agenda last changed (YYYY-MM-DD)"),
    "changes_since": Key("date", "Items changed after this date (e.g. when invitations went "
                                 "out) get New/Changed badges"),
    "timezone": Key("literal", "IANA time zone of the venue, e.g. Europe/Paris", required=True,
                    example="Europe/Paris"),
    "start": Key("date", "First day (YYYY-MM-DD)", required=True, example="2025-06-20"),
    "end": Key("date", "Last day (YYYY-MM-DD)", required=True, example="2025-06-22"),
    "language": Key("language", "Main language of the content, a BCP 47 tag (default: the "
                                "first of `languages`, else en)"),
    "languages": Key("languages", "Languages of the content, main first, e.g. [en, fr, ar]; "
                                  "any text may then be written by language"),
    "about": Key("markdown", "Introduction shown on the home page (Markdown)"),
    "venue": Key("mapping", "Where people meet in person", record=VENUE),
    "online": Key("flag_or_mapping", "How people join remotely: `true`, or a mapping with "
                                     "platform, url and note", record=ONLINE),
    "organisers": Key("ids", "Organisation ids from people.yaml"),
    "rooms": Key("records", "Rooms items can refer to with `room:`", record=ROOM),
    "themes": Key("mapping", "The meeting's themes, whatever they are called",
                  record=TAXONOMY),
    "groups": Key("mapping", "Task forces, working groups, tracks ...", record=TAXONOMY),
    "branding": Key("mapping", "The site's logo and colours", record=BRANDING),
    "trusted_html": Key("flag", "Publish raw HTML written in Markdown as it is (scripts, "
                                "iframes, forms ...) instead of removing what is unsafe; only "
                                "when one organiser writes all the content (default false)"),
}, hints={
    "dates": "a meeting's dates are `start:` and `end:` (YYYY-MM-DD), its first and last "
             "day; the days themselves are listed in schedule.yaml",
    "date": "a meeting's dates are `start:` and `end:` (YYYY-MM-DD), its first and last "
            "day; the days themselves are listed in schedule.yaml",
    "days": SCHEDULE_FILE_KEYS, "people": PEOPLE_FILE_KEYS, "organisations": PEOPLE_FILE_KEYS,
    "location": "write where the meeting is held under `venue:` (name, city, country, "
                "address, url)",
})
ORGANISATION = Record("organisation", {
    "id": Key("id", "Stable id", required=True, example="unsd"),
    "name": Key("text", "Full name", required=True),
    "short": Key("text", "Acronym shown in lists"),
    "country": Key("text", "Country"),
    "url": Key("url", "Web page"),
    "previous_ids": Key("ids", "Ids this used to have: their old addresses lead here"),
})
PHOTO = Record("photo", {
    "file": Key("literal", "A PNG, JPEG, GIF or WebP file inside the content folder",
                required=True, example="photos/name.jpg"),
    "alt": Key("text", "What the picture shows (default \"Photo of NAME\")"),
})
PERSON = Record("person", {
    "id": Key("id", "Stable id in ASCII letters, digits and - _ . (e.g. francesca-grum)",
              required=True, example="francesca-grum"),
    "name": Key("text", "Name as shown, in any script", required=True),
    "honorific": Key("text", "e.g. Ms., Dr."),
    "organisation": Key("ref", "An organisation id"),
    "country": Key("text", "Country (default: the organisation's)"),
    "position": Key("text", "Job title"),
    "role": Key("text", "Role in the meeting (co-chair, rapporteur ...)"),
    "url": Key("url", "Web page"),
    "bio": Key("markdown", "A short biography (Markdown)"),
    "photo": Key("photo", "A picture file inside the content folder, or a mapping with "
                          "file and alt", record=PHOTO),
    "previous_ids": Key("ids", "Ids this used to have: their old addresses lead here"),
}, hints={
    "tbc": "`tbc` marks a person's place in one item, not the person: in schedule.yaml write "
           "`- person: ID` with `tbc: true` under the item's chair, speakers, presenters or "
           "discussants",
})
PEOPLE_FILE = Record("people.yaml", {
    "organisations": Key("records", "Organisations", record=ORGANISATION),
    "people": Key("records", "People", record=PERSON),
}, hints={"days": SCHEDULE_FILE_KEYS})
PERSON_REF = Record("person reference", {
    "person": Key("ref", "A person id from people.yaml"),
    "organisation": Key("ref", "An organisation id (alone: the organisation speaks)"),
    "role": Key("text", "Capacity in this item, e.g. Indonesia"),
    "tbc": Key("flag", "Participation to be confirmed"),
})
PEOPLE_DOC = "A person id, a mapping with person and/or organisation, or a list of them"
MATERIAL = Record("material", {
    "title": Key("text", "What it is, e.g. Slides", required=True),
    "url": Key("url", "Its address, or a path from the site root", required=True,
               example="https://example.org/"),
    "kind": Key("choice", "slides, paper, report, recording, minutes, data or other",
                choices=MATERIAL_KINDS),
    "language": Key("literal", "Language code, e.g. fr"),
})
ITEM = Record("item", {
    "id": Key("id", "Page URL and #anchor (default: session-NUMBER or KIND-DATE)"),
    "number": Key("literal", "Shown as \"Session NUMBER\""),
    "kind": Key("choice", "How the item is shown (default session)", choices=ITEM_KINDS),
    "start": Key("time", "Start, 24-hour HH:MM", required=True, example='"09:30"'),
    "end": Key("time", "End, 24-hour HH:MM, after start", required=True, example='"10:30"'),
    "title": Key("text", "Title", required=True),
    "subtitle": Key("text", "Subtitle"),
    "description": Key("markdown", "Description (Markdown)"),
    "chair": Key("people", PEOPLE_DOC, record=PERSON_REF),
    "speakers": Key("people", PEOPLE_DOC, record=PERSON_REF),
    "presenters": Key("people", PEOPLE_DOC, record=PERSON_REF),
    "discussants": Key("people", PEOPLE_DOC, record=PERSON_REF),
    "main_question": Key("text", "The main guiding question"),
    "questions": Key("texts", "Guiding questions"),
    "themes": Key("ids", "Theme ids from meeting.yaml"),
    "groups": Key("ids", "Group ids from meeting.yaml"),
    "audience": Key("choice", "all (default), in-person or online", choices=AUDIENCES),
    "parallel": Key("literal", "Items with the same value run side by side (not needed for "
                            "items in different rooms)"),
    "room": Key("ref", "A room id from meeting.yaml"),
    "continues": Key("id", "Id of an earlier item this one continues"),
    "tbc": Key("flag", "The whole item is to be confirmed"),
    "notes": Key("literal", "Markdown file in notes/ (its translations beside it: "
                            "session-5.fr.md)"),
    "online": Key("flag_or_mapping", "How people join this item remotely (overrides the "
                                     "room's and the meeting's)", record=ONLINE),
    "materials": Key("records", "Slides, papers, recordings, minutes ...", record=MATERIAL),
    "status": Key("choice", "cancelled, postponed or moved (leave out while it takes place)",
                  choices=ITEM_STATUSES),
    "reason": Key("text", "Why it is cancelled, postponed or moved"),
    "moved_to": Key("literal", "With status moved: an item id, or the new \"HH:MM\", "
                            "\"YYYY-MM-DD\" or \"YYYY-MM-DD HH:MM\""),
    "previous_ids": Key("ids", "Ids this used to have: their old addresses lead here"),
}, hints={
    "date": "an item takes its date from its day: list it under that day's `items:`",
    "time": "an item's times are `start:` and `end:` (24-hour HH:MM)",
    "people": "list people under `chair`, `speakers`, `presenters` or `discussants`",
})
DAY = Record("day", {
    "date": Key("date", "The day's date, within the meeting's start and end",
                required=True, example="2025-06-20"),
    "name": Key("text", "Name (default \"Day N\")"),
    "objective": Key("markdown", "Objective of the day (Markdown)"),
    "items": Key("records", "The day's items, in time order across all rooms",
                 required=True, record=ITEM),
}, hints={
    "start": "a day has a `date:`; times belong to its items", "end":
    "a day has a `date:`; times belong to its items",
})
SCHEDULE_FILE = Record("schedule.yaml", {
    "days": Key("records", "One entry per meeting day", required=True, record=DAY),
}, hints={"people": PEOPLE_FILE_KEYS, "organisations": PEOPLE_FILE_KEYS,
          "title": MEETING_FILE_KEYS, "start": MEETING_FILE_KEYS, "end": MEETING_FILE_KEYS})
NOTE = Record("note front matter", {
    "session": Key("id", "Id of the item this note belongs to"),
})

# The content files editors can check against a schema (schema.py).
FILES = {"meeting.yaml": MEETING, "people.yaml": PEOPLE_FILE, "schedule.yaml": SCHEDULE_FILE}
