"""The interface language: gettext catalogues, and dates and lists in the locale.

The interface language of an edition (one built site) is a context: the build
enters `using(lang)` around making views and rendering pages, and everything
below (`_`, `ngettext`, `long_date`, ...) reads `active()`. The catalogues are
the .po files under generator/locales, compiled in memory with Babel on first use
(no .mo files to keep in step). English is the catalogues' source language: its
dates and lists keep the site's own forms ("Friday 10 June 2022").
"""
from __future__ import annotations

import contextlib
import contextvars
import gettext as gettext_module
import io
from datetime import date
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_interval, format_skeleton
from babel.lists import format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALES = Path(__file__).parent / "locales"
DOMAIN = "messages"
SOURCE_LANGUAGE = "en"
_active: contextvars.ContextVar[str] = contextvars.ContextVar("interface_language",
                                                               default=SOURCE_LANGUAGE)


@contextlib.contextmanager
def using(lang: str):
    """Make `lang` the interface language inside the block."""
    token = _active.set(lang or SOURCE_LANGUAGE)
    try:
        yield
    finally:
        _active.reset(token)


def active() -> str:
    return _active.get()


def catalogue_path(lang: str) -> Path:
    return LOCALES / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def _candidates(lang: str) -> list[str]:
    """'fr-CA' looks for fr_CA, then fr."""
    tag = lang.replace("-", "_")
    return [tag, tag.split("_")[0]] if "_" in tag else [tag]


@lru_cache(maxsize=None)
def translations(lang: str) -> gettext_module.NullTranslations:
    """The compiled catalogue of a language (English words when it has none), read
    once per process: the catalogues are part of the generator, like its code."""
    for tag in _candidates(lang):
        path = catalogue_path(tag)
        if path.is_file():
            with path.open("rb") as po:
                catalogue = read_po(po, locale=tag)
            compiled = io.BytesIO()
            write_mo(compiled, catalogue)
            compiled.seek(0)
            return gettext_module.GNUTranslations(compiled)
    return gettext_module.NullTranslations()


def gettext(message: str) -> str:
    return translations(active()).gettext(message)


_ = gettext


def ngettext(singular: str, plural: str, number: int) -> str:
    return translations(active()).ngettext(singular, plural, number)


def pgettext(context: str, message: str) -> str:
    return translations(active()).pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, number: int) -> str:
    return translations(active()).npgettext(context, singular, plural, number)


def N_(message: str) -> str:
    """Marks a message for extraction; translated where it is shown (with `_`)."""
    return message


@lru_cache(maxsize=None)
def locale(lang: str) -> Locale:
    for tag in _candidates(lang):
        try:
            return Locale.parse(tag)
        except (ValueError, UnknownLocaleError):
            continue
    return Locale.parse(SOURCE_LANGUAGE)


def language_name(code: str) -> str:
    """A language's name in itself, from the Unicode CLDR: "fr" -> "Français"; the
    code itself for a language CLDR does not know."""
    try:
        name = Locale.parse(code, sep="-").get_display_name(code.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return code
    return name[:1].upper() + name[1:] if name else code


def direction(lang: str) -> str:
    """'rtl' for a language written right to left (Arabic), else 'ltr'."""
    return "rtl" if locale(lang).character_order == "right-to-left" else "ltr"


def isolate(text: str) -> str:
    """Text of another direction set inside a sentence of a right-to-left language,
    between Unicode isolates (FSI ... PDI), so that 'Rabat' or 'UTC+01:00' keeps its own
    order and does not pull the sentence's punctuation around; as it is elsewhere."""
    return f"\u2068{text}\u2069" if text and direction(active()) == "rtl" else text


def _english() -> bool:
    return active().split("-")[0].split("_")[0] == SOURCE_LANGUAGE


def long_date(day: date) -> str:
    """'Friday 10 June 2022'; 'lundi 20 juin 2022' in French."""
    if _english():
        return f"{day:%A} {day.day} {day:%B %Y}"
    return format_date(day, format="full", locale=locale(active()))


def short_date(day: date) -> str:
    """'Fri 10 Jun'; 'ven. 10 juin' in French."""
    if _english():
        return f"{day:%a} {day.day} {day:%b}"
    return format_skeleton("MMMEd", day, locale=locale(active()))


def date_range(start: date, end: date) -> str:
    """'20 June 2022', '20–22 June 2022', '30 June – 2 July 2022', '30 December 2022 –
    2 January 2023'; '20–22 juin 2022' in French."""
    if not _english():
        return format_interval(start, end, "yMMMMd", locale=locale(active()))
    if start == end:
        return f"{start.day} {start:%B %Y}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {end:%B %Y}"
    if start.year == end.year:
        return f"{start.day} {start:%B} – {end.day} {end:%B %Y}"
    return f"{start.day} {start:%B %Y} – {end.day} {end:%B %Y}"


def parts(items) -> str:
    """Parts of one thing in a row, as an address is written: 'Rabat, Morocco';
    'الرباط، المغرب' in Arabic."""
    return pgettext("separator of an address's parts", ", ").join(
        str(item) for item in items if item)


def join(items) -> str:
    """'A, B and C'; 'A, B et C' in French."""
    items = [str(item) for item in items]
    if _english():  # British, like the rest of the site (CLDR's en adds a comma)
        return format_list(items, locale="en_GB")
    return format_list(items, locale=locale(active()))
