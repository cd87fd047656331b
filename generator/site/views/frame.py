"""What every page shows around its content: head, navigation, status banner and
footer. One `Frame` per build, shared by every page view."""
from __future__ import annotations

from dataclasses import dataclass

from ... import i18n
from ...content.model import Agenda
from ...i18n import _, pgettext
from ...outputs import brand
from ...outputs.brand import HeadLink, Logo
from ...outputs.previews import LinkPreview
from .. import present, script_strings, urls
from ..planned import edition_prefix


@dataclass(frozen=True)
class DateText:
    iso: str         # 2022-06-10
    text: str        # Friday 10 June 2022


@dataclass(frozen=True)
class NavEntry:
    label: str
    path: str
    date: str = ""   # a day's short date, shown beside its name


@dataclass(frozen=True)
class EditionLink:
    """One language of a multilingual site, for the switcher and `hreflang` links."""

    language: str            # "fr", as in `languages:`
    name: str                # the language in itself: "Français", "العربية"
    prefix: str              # its folder: "" for the main language, "fr/"
    current: bool            # the edition this page belongs to


# No inline scripts, event handlers or javascript: links, no plugins, no <base>.
CONTENT_SECURITY_POLICY = "script-src 'self'; object-src 'none'; base-uri 'none'"


@dataclass(frozen=True)
class Frame:
    language: str
    direction: str           # "ltr", or "rtl" (Arabic): <html dir>
    site_name: str           # the short title, else the title
    description: str         # the default page description
    nav: tuple[NavEntry, ...]
    status: str              # "" when final, else e.g. "Tentative"
    status_class: str        # e.g. "tentative"
    updated: DateText | None
    timezone: str            # the IANA name
    start_iso: str           # the first day
    zone_label: str          # "Rabat time (UTC+01:00)"
    base_url: str
    assets: dict             # the theme's static files: name -> output path, e.g.
                             # "style.css" -> "static/style.1a2b3c4d5e.css"; "brand.css":
                             # the brand colours as CSS custom properties
    theme_color: str         # the primary brand colour
    head_links: tuple[HeadLink, ...]  # favicons and the web manifest
    logo: Logo | None
    meeting_id: str          # keys what the reader's browser keeps (My agenda)
    feed: str                # the Atom feed of changes (<link rel="alternate">), or ""
    script_strings: str      # the scripts' words in the interface language, as JSON
                             # (<body data-strings>); "" when they are the English ones
    editions: tuple[EditionLink, ...] = ()  # every language, when there are several

    @property
    def stylesheet(self) -> str:
        return self.assets["style.css"]

    @property
    def script(self) -> str:
        return self.assets["agenda.js"]

    @property
    def content_security_policy(self) -> str:
        """The policy every page declares in a <meta>: scripts only from the site's own
        files, so a script that slipped into content could not run."""
        return CONTENT_SECURITY_POLICY


@dataclass(frozen=True)
class Meta:
    """A page's own head: its path, title, description and public address."""

    path: str
    title: str               # the page's heading text
    document_title: str      # the title in the browser tab: "Day 1: … – Site"
    description: str
    canonical: str           # "" without a base URL
    preview: LinkPreview | None = None  # the image link previews show (home and day pages)


def make_frame(agenda: Agenda, base_url: str, assets: dict[str, str]) -> Frame:
    meeting = agenda.meeting
    nav = [NavEntry(_("Overview"), urls.HOME)]
    nav += [NavEntry(day.name, urls.day_path(day), present.short_date(day.date))
            for day in agenda.days]
    nav += [NavEntry(taxonomy.plural, urls.taxonomy_path(taxonomy))
            for taxonomy in (meeting.themes, meeting.groups) if taxonomy.terms]
    nav.append(NavEntry(_("Programme"), urls.PROGRAMME))
    nav += [NavEntry(_("People"), urls.PEOPLE), NavEntry(_("Organisations"), urls.ORGANISATIONS)]
    nav.append(NavEntry(_("My agenda"), urls.MY_AGENDA))
    published = bool(agenda.publications)
    if published:
        nav.append(NavEntry(_("What changed"), urls.CHANGES))
    final = meeting.status == "final"
    return Frame(
        meeting.language, i18n.direction(meeting.language), meeting.short_title or meeting.title,
        meeting.subtitle or meeting.title, tuple(nav),
        "" if final else status_text(meeting.status), "" if final else meeting.status,
        date_text(last_updated(agenda)), meeting.timezone, meeting.start.isoformat(),
        present.zone_label(meeting), base_url, dict(assets), meeting.branding.primary,
        brand.HEAD_LINKS, brand.logo(meeting), meeting.id, urls.FEED if published else "",
        script_strings.as_json(), edition_links(meeting.language, meeting.languages))


def edition_links(language: str, languages: tuple[str, ...]) -> tuple[EditionLink, ...]:
    """The switcher's entries, in the order of `languages:`; none for one language."""
    if len(languages) < 2:
        return ()
    return tuple(EditionLink(code, i18n.language_name(code), edition_prefix(code, languages),
                             code == language) for code in languages)


def status_text(status: str) -> str:
    """The status banner's words: 'Tentative agenda'."""
    return {"draft": pgettext("status", "Draft agenda"),
            "tentative": pgettext("status", "Tentative agenda"),
            "cancelled": pgettext("status", "Cancelled agenda")}.get(
        status, _("{status} agenda").format(status=status.capitalize()))


def last_updated(agenda: Agenda):
    """`updated:`, else the date of the latest publication record, else None."""
    if agenda.meeting.updated:
        return agenda.meeting.updated
    return agenda.publications[-1].date if agenda.publications else None


def date_text(when) -> DateText | None:
    return DateText(when.isoformat(), present.long_date(when)) if when else None


def make_meta(frame: Frame, path: str, title: str, description: str = "",
              canonical: bool = True, preview: LinkPreview | None = None) -> Meta:
    document_title = title if path == urls.HOME else f"{title} – {frame.site_name}"
    public = urls.public_url(frame.base_url, path) if frame.base_url and canonical else ""
    if preview is not None:
        description = preview.description
    return Meta(path, title, document_title, description or frame.description, public,
                preview)
