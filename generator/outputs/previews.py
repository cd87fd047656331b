"""Link previews: what a chat app shows when the home page or a day page is pasted.

- `description(agenda, day)`: the og:description, with dates and place first.
- `og-image.png` (1200x630) for the meeting and one per day, drawn at build time:
  title, dates, place, organisers (and the logo). Same content, same bytes.
- `link_preview(day=None)` in templates: what the head needs (image path and
  public URL, size, alt text, description).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from PIL import Image, ImageDraw

from ..content.model import Agenda, Day, Meeting
from ..content.relations import Index
from ..site import urls
from ..site.planned import Generated
from .. import i18n
from ..i18n import _, active, date_range, direction, join
from ..site.describe import online_place
from ..site.present import hm, long_date, zone_city
from . import drawing

IMAGE_FILE = "og-image.png"
WIDTH, HEIGHT = 1200, 630
MARGIN = 80
INK, MUTED, PAPER = "#1b1f24", "#4a5360", "#ffffff"
DESCRIPTION_LIMIT = 300


def image_path(day: Day | None = None) -> str:
    """Where the preview image of the home page (day None) or of a day page is written."""
    return f"days/{day.date.isoformat()}/{IMAGE_FILE}" if day else IMAGE_FILE


def place(meeting: Meeting) -> str:
    """'Hotel Example, Paris, France, and online', 'Online', or '' when neither is given."""
    venue = meeting.venue
    where = i18n.parts((venue.name, venue.city, venue.country))
    if meeting.online is None:
        return where
    return online_place(where)


def organisers(agenda: Agenda, index: Index, short: bool = False) -> list[str]:
    found = [index.organisations[o] for o in agenda.meeting.organisers if o in index.organisations]
    return [org.label if short else org.name for org in found]


def description(agenda: Agenda, index: Index, day: Day | None = None) -> str:
    """The og:description (and meta description) of the home page or of a day page:
    when and where first, then what; at most 300 characters."""
    meeting = agenda.meeting
    where = place(meeting)
    if day is None:
        facts = [date_range(meeting.start, meeting.end), where]
        names = organisers(agenda, index, short=True)
        lead = " · ".join(p for p in facts if p) + "."
        if names:
            lead += " " + _("Organised by {names}.").format(names=join(names))
        about = meeting.subtitle or _first_sentence(meeting.about)
    else:
        when = long_date(day.date)
        if day.items:
            when += ", " + _day_hours(meeting, day)
        lead = _("{day} of {meeting}: {when}").format(
            day=day.name, meeting=meeting.short_title or meeting.title, when=when)
        lead += f" · {where}." if where else "."
        about = _first_sentence(day.objective)
    return _shorten(f"{lead} {about}".strip(), DESCRIPTION_LIMIT)


def _day_hours(meeting: Meeting, day: Day) -> str:
    """'09:00–17:30 Rabat time'."""
    return _("{start}–{end} {city} time").format(start=hm(day.starts_at), end=hm(day.ends_at),
                                                 city=zone_city(meeting))


def _first_sentence(markdown: str) -> str:
    text = " ".join(markdown.replace("*", "").replace("_", " ").split())
    end = text.find(". ")
    return text[: end + 1] if end > 0 else text


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:·") + "…"


@dataclass(frozen=True)
class PreviewCard:
    """Everything a preview image shows (its view)."""

    primary: str
    accent: str
    kicker: str              # the dates, or the day and its date
    title: str
    where: str
    about: str
    organisers: str          # "Organised by A and B", or ""
    logo_path: str           # "" without a logo
    logo_digest: str         # the logo file's bytes, so a new logo makes a new image
    font: str                # the font drawn with (drawing.FONT_KEY)
    direction: str = "ltr"   # "rtl": drawn from the right (Arabic)


def outputs(agenda: Agenda, index: Index, base_url: str) -> list[Generated]:
    """The `plan_site` extra: the preview image of the home page and of each day page."""
    meeting = agenda.meeting
    targets = [(None, meeting.source)] + [(day, day.source) for day in agenda.days]
    # Not from_schedule: the logo file can change while meeting.yaml does not.
    return [Generated(image_path(day), origin, partial(card, agenda, index, day), preview_png)
            for day, origin in targets]


def card(agenda: Agenda, index: Index, day: Day | None = None) -> PreviewCard:
    meeting = agenda.meeting
    if day is None:
        kicker, title = date_range(meeting.start, meeting.end), meeting.title
        where, about = place(meeting), meeting.subtitle or _first_sentence(meeting.about)
    else:
        kicker, title = f"{day.name} · {long_date(day.date)}", meeting.short_title or meeting.title
        hours = _day_hours(meeting, day) if day.items else ""
        where = " · ".join(p for p in (hours, place(meeting)) if p)
        about = _first_sentence(day.objective)
    branding = meeting.branding
    names = organisers(agenda, index)
    return PreviewCard(branding.primary, branding.accent, kicker, title, where, about,
                       _("Organised by {names}").format(names=join(names)) if names else "",
                       branding.logo_path, drawing.file_digest(branding.logo_path),
                       str(drawing.FONT_KEY), direction(active()))


def preview_png(card: PreviewCard) -> bytes:
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    rtl = card.direction == "rtl"
    band = (WIDTH - 24, 0, WIDTH, HEIGHT) if rtl else (0, 0, 23, HEIGHT)
    draw.rectangle(band, fill=card.primary)
    draw.rectangle((0 if rtl else 24, HEIGHT - 12, WIDTH - 24 if rtl else WIDTH, HEIGHT),
                   fill=card.accent)
    draw = drawing.Writer(draw, card.direction)
    width = WIDTH - 2 * MARGIN
    kicker_face = drawing.font(34, True)
    y = drawing.text_block(draw, (MARGIN, 64), drawing.wrap(card.kicker, kicker_face, width, 1),
                           kicker_face, card.primary)
    size, lines = _title_lines(card.title, width)
    y = drawing.text_block(draw, (MARGIN, y + 18), lines, drawing.font(size, True), INK, 1.18)
    footer_top = _footer(image, draw, card)
    for text, face, fill in ((card.where, drawing.font(32), MUTED),
                             (card.about, drawing.font(28), INK)):
        room = (footer_top - 24 - (y + 14)) // round(face.size * 1.25)
        if text and room > 0:
            y = drawing.text_block(draw, (MARGIN, y + 14), drawing.wrap(text, face, width,
                                                                        min(room, 2)),
                                   face, fill, 1.25)
    return drawing.png_bytes(image)


def _title_lines(title: str, width: int) -> tuple[int, list[str]]:
    """The largest title size at which it fits in 4 lines (else the smallest, cut)."""
    for size in (64, 58, 52, 46):
        lines = drawing.wrap(title, drawing.font(size, True), width, 4)
        if not lines[-1].endswith(drawing.ELLIPSIS):
            return size, lines
    return size, lines


def _footer(image: Image.Image, draw: drawing.Writer, card: PreviewCard) -> int:
    """Organisers along the bottom, the logo at the bottom right; returns the footer's top."""
    bottom = HEIGHT - 48
    top = bottom
    logo = drawing.load_logo(card.logo_path)
    right = WIDTH - MARGIN
    if logo is not None:
        box = drawing.fitted(logo, 240, 110)
        left = right - box.width
        mirrored = WIDTH - left - box.width  # bottom left, in a right-to-left card
        image.paste(box, (mirrored if card.direction == "rtl" else left, bottom - box.height), box)
        right, top = left - 32, bottom - box.height
    if card.organisers:
        face = drawing.font(26)
        lines = drawing.wrap(card.organisers, face, right - MARGIN, 2)
        text_top = bottom - round(face.size * 1.25) * len(lines)
        drawing.text_block(draw, (MARGIN, text_top), lines, face, MUTED, 1.25)
        top = min(top, text_top)
    return top


def alt_text(agenda: Agenda, day: Day | None = None) -> str:
    meeting = agenda.meeting
    title = meeting.title if day is None else f"{day.name}, {long_date(day.date)}: {meeting.title}"
    parts = (title, date_range(meeting.start, meeting.end), place(meeting))
    return ". ".join(part for part in parts if part)


@dataclass(frozen=True)
class LinkPreview:
    """What a page's head says to link previews (chat apps, social sites)."""

    description: str
    image: str               # output path of the image
    image_url: str           # its public address; "" without a base URL
    width: int
    height: int
    alt: str
    type: str = "image/png"


def link_preview(agenda: Agenda, index: Index, base_url: str, day: Day | None = None
                 ) -> LinkPreview:
    path = image_path(day)
    return LinkPreview(description(agenda, index, day), path,
                       urls.public_url(base_url, path) if base_url else "",
                       WIDTH, HEIGHT, alt_text(agenda, day))
