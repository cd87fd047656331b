"""Typed reading of one YAML mapping, turning every mistake into a located problem.

`Fields` wraps a `Located` mapping with the record (spec.py) that says which keys
it may hold and what each holds. Each getter returns a clean Python value (or a
default) and records a problem that names the file, the line and the fix when the
value is missing or of the wrong shape.
"""
from __future__ import annotations

import difflib
import math
import re
from datetime import date, datetime, time

from anyascii import anyascii

from ..errors import Problems
from .load import Located, LocatedList
from .model import Source
from .safe_urls import SCHEMES_TEXT, unsafe_scheme
from .spec import GETTERS, TRANSLATABLE, Key, Record
from .language_fields import LanguageFields

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")
TIME_PATTERN = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
# Said of a `null`, `~` or a bare `-` in a list.
EMPTY_ENTRY = "; remove the empty entry (a `-` with nothing after it, or null)"
# Dates a meeting can have: far outside, time-zone arithmetic and calendars overflow.
YEARS = range(1900, 2201)
ID_RULE = ("an id may hold only ASCII letters (a-z, A-Z), digits, '-', '_' and '.', and "
           "must start with a letter or digit")


class Fields(LanguageFields):
    """Reads the keys of one mapping described as `what` (e.g. "item 'session-2'")."""

    def __init__(self, mapping: Located, file: str, problems: Problems, what: str,
                 record: Record, languages: tuple[str, ...] = ("en",)) -> None:
        self.mapping = mapping
        self.file = file
        self.problems = problems
        self.what = what
        self.record = record
        self.languages = languages  # the meeting's, main first: texts may be given by them
        self.text_lines: dict[str, int] = {}  # where each Markdown text starts
        for key in mapping:
            if key not in record.keys:
                self._unknown_key(key)

    def _unknown_key(self, key: str) -> None:
        if key in self.record.hints:
            self.error(key, f"unknown key '{key}' in {self.what}; {self.record.hints[key]}")
            return
        allowed = self.record.allowed
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else "allowed keys: " + ", ".join(allowed)
        self.error(key, f"unknown key '{key}' in {self.what}; {hint}")

    def _declared(self, key: str, getter: str) -> Key:
        """The key's declaration; reading it other than as declared is a bug in parse.py."""
        spec = self.record.keys.get(key)
        if spec is None or getter not in GETTERS[spec.kind]:
            declared = spec.kind if spec else "nowhere"
            raise TypeError(f"{self.record.name}: '{key}' is read with {getter}() but declared "
                            f"as {declared} in spec.py")
        return spec

    @staticmethod
    def describe(value: object) -> str:
        return _kind(value)

    @property
    def source(self) -> Source:
        return Source(self.file, self.mapping.line, dict(self.mapping.key_lines),
                      dict(self.text_lines))

    def line(self, key: str) -> int:
        return self.mapping.line_of(key)

    def error(self, key: str, message: str) -> None:
        self.problems.error(self.file, self.line(key), message)

    def child(self, mapping: Located, what: str, record: Record) -> Fields:
        """A Fields for a mapping nested in this one (same file and languages)."""
        return Fields(mapping, self.file, self.problems, what, record, self.languages)

    def _missing(self, key: str, example: str) -> None:
        self.problems.error(self.file, self.mapping.line,
                            f"{self.what} is missing required key '{key}'; add `{key}: {example}`")

    def _get(self, key: str, spec: Key):
        value = self.mapping.get(key)
        if value is None and spec.required:
            self._missing(key, spec.example)
        return value

    def text(self, key: str) -> str:
        spec = self._declared(key, "text")
        value = self.mapping.get(key)
        if spec.kind in TRANSLATABLE and self._by_languages(value):
            text = self._by_language(f"'{key}'", value, self.line(key))
            if spec.required and not text and self.languages[0] in value:
                self.error(key, f"'{key}' in {self.what} must not be empty")
            raw, line = value.get(self.languages[0]), value.line_of(self.languages[0])
            if spec.kind == "markdown":  # where each translation starts: "about@fr"
                for lang in getattr(text, "translations", {}):
                    if lang != self.languages[0]:
                        self.text_lines[f"{key}@{lang}"] = _text_line(
                            value[lang], value.line_of(lang))
        else:
            text = self._text(key, spec)
            raw, line = self.mapping.get(key), self.line(key)
        if spec.kind == "markdown" and text:
            self.text_lines[key] = _text_line(raw, line)
        return text

    def _text(self, key: str, spec: Key) -> str:
        value = self._get(key, spec)
        if value is None:
            return ""
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.error(key, f"'{key}' in {self.what} must be text, not {_kind(value)}; "
                            "quote it if needed")
            return ""
        text = str(value).strip()
        if spec.required and not text:
            self.error(key, f"'{key}' in {self.what} must not be empty")
        return text

    def ident(self, key: str) -> str:
        value = self._text(key, self._declared(key, "ident"))
        if value and not ID_PATTERN.match(value):
            self.error(key, f"'{key}' in {self.what} is '{value}'; {ID_RULE}"
                            f"{suggested_id(value)}")
            return ""
        return value

    def url(self, key: str) -> str:
        """A link address: every URL field of the content is read here, the one place
        where addresses are checked before they reach a page, a calendar or JSON.
        Only http, https, mailto, tel and relative addresses pass: a `javascript:` or
        `data:` address is left out, with a warning."""
        value = self._text(key, self._declared(key, "url"))
        scheme = unsafe_scheme(value)
        if scheme:
            self.problems.warn(self.file, self.line(key),
                               f"'{key}' in {self.what} is a {scheme}: address, which pages "
                               f"do not link to, so it was left out; use {SCHEMES_TEXT} or a "
                               "relative address")
            return ""
        return value

    def minutes(self, key: str) -> int | None:
        """A whole number of minutes (0 to a day), e.g. `opens_before: 15`."""
        self._declared(key, "minutes")
        value = self.mapping.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 1440:
            self.error(key, f"'{key}' in {self.what} must be a whole number of minutes "
                            f"from 0 to 1440 (like 15), not '{value}'")
            return None
        return value

    def flag(self, key: str, default: bool = False) -> bool:
        self._declared(key, "flag")
        value = self.mapping.get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.error(key, f"'{key}' in {self.what} must be true or false, not '{value}'")
            return default
        return value

    def choice(self, key: str, default: str) -> str:
        options = self._declared(key, "choice").choices
        value = self._text(key, self.record.keys[key])
        if not value:
            return default
        if value not in options:
            close = difflib.get_close_matches(value, options, n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            self.error(key, f"'{key}' in {self.what} is '{value}'; {hint}"
                            f"use one of: {', '.join(options)}")
            return default
        return value

    def day(self, key: str) -> date | None:
        value = self._get(key, self._declared(key, "day"))
        if value is None:
            return None
        if isinstance(value, datetime) or not isinstance(value, date):
            value = _quoted_date(value) or value  # a quoted date is still a date
        if isinstance(value, date) and not isinstance(value, datetime):
            if value.year in YEARS:
                return value
            self.error(key, f"'{key}' in {self.what} is {value.isoformat()}; a meeting's "
                            f"dates lie between {YEARS[0]} and {YEARS[-1]}")
            return None
        self.error(key, f"'{key}' in {self.what} must be a date written YYYY-MM-DD "
                        f"(like 2022-06-20), not '{value}'")
        return None

    def clock(self, key: str) -> time | None:
        value = self._get(key, self._declared(key, "clock"))
        if value is None:
            return None
        match = TIME_PATTERN.match(str(value).strip())
        meant = _time_meant(value) if not match else None
        if meant:
            self.error(key, f"'{key}' in {self.what} must be a 24-hour time HH:MM; YAML "
                            f"read this as the number {value}: write \"{meant}\" with a colon")
            return None
        if not match:
            self.error(key, f"'{key}' in {self.what} must be a 24-hour time HH:MM "
                            f"(like 09:30 or 13:20), not '{value}'")
            return None
        return time(int(match.group(1)), int(match.group(2)))

    def mapping_of(self, key: str, what: str) -> Located | None:
        self._declared(key, "mapping_of")
        value = self.mapping.get(key)
        if value is None:
            return None
        if not isinstance(value, Located):
            self.error(key, f"'{key}' in {self.what} must be a mapping of `key: value` lines "
                            f"describing {what}, not {_kind(value)}")
            return None
        return value

    def flag_or_mapping(self, key: str, what: str) -> bool | Located | None:
        """`true`/`false`, or a mapping describing the thing (None when not given)."""
        self._declared(key, "flag_or_mapping")
        value = self.mapping.get(key)
        if value is None or isinstance(value, (bool, Located)):
            return value
        self.error(key, f"'{key}' in {self.what} must be true, false or a mapping of "
                        f"`key: value` lines describing {what}, not {_kind(value)}")
        return None

    def entries(self, key: str, what: str):
        """A Fields for each mapping in the list under `key`, named `what 'ID'`."""
        spec = self._declared(key, "entries")
        for entry in records(self.mapping.get(key), self.file, self.line(key), self.problems,
                             f"'{key}'"):
            yield self.child(entry, _label(what, entry), spec.record)

    def list_of(self, key: str) -> LocatedList:
        return self._list_of(key, self._declared(key, "list_of"))

    def _list_of(self, key: str, spec: Key) -> LocatedList:
        value = self._get(key, spec)
        if value is None:
            return LocatedList(line=self.line(key))
        if isinstance(value, LocatedList):
            return value
        single = LocatedList([value], line=self.line(key))
        single.item_lines = [self.line(key)]
        return single  # a single value stands for a list of one

    def idents(self, key: str) -> tuple[str, ...]:
        values = self._list_of(key, self._declared(key, "idents"))
        result = []
        for index, value in enumerate(values):
            text = "" if isinstance(value, (bool, Located, LocatedList)) or value is None \
                else str(value).strip()
            if not ID_PATTERN.match(text):
                self.problems.error(self.file, values.line_at(index),
                                    f"'{key}' in {self.what} must list ids, not {_kind(value)}"
                                    f"{EMPTY_ENTRY if value is None else ''}")
                continue
            result.append(text)
        return tuple(result)

    def texts(self, key: str) -> tuple[str, ...]:
        values = self._list_of(key, self._declared(key, "texts"))
        result = []
        for index, value in enumerate(values):
            if self._by_languages(value):  # one entry written by language
                text = self._by_language(f"'{key}' entry", value, values.line_at(index))
                if text:
                    result.append(text)
                continue
            if isinstance(value, (bool, LocatedList)) or value is None:
                self.problems.error(self.file, values.line_at(index),
                                    f"'{key}' in {self.what} must list text lines, "
                                    f"not {_kind(value)}{EMPTY_ENTRY if value is None else ''}")
                continue
            result.append(str(value).strip())
        return tuple(result)


def records(value: object, file: str, line: int, problems: Problems, what: str):
    """Yield (mapping, line) for each entry of a list that must hold mappings."""
    if value is None:
        return
    if not isinstance(value, LocatedList):
        problems.error(file, line, f"{what} must be a list of entries starting with '- '")
        return
    for index, entry in enumerate(value):
        if isinstance(entry, Located):
            yield entry
        else:
            problems.error(file, value.line_at(index),
                           f"each entry of {what} must be a mapping of `key: value` lines, "
                           f"not {_kind(entry)}{EMPTY_ENTRY if entry is None else ''}")


def suggested_id(value: str) -> str:
    """'; try 'ftmh-lzhr'' for an id in another script or with accents ('' if none)."""
    latin = re.sub(r"[^A-Za-z0-9._-]+", "-", anyascii(value)).strip("-._").lower()
    return f"; try '{latin}'" if latin and ID_PATTERN.match(latin) else ""


def _label(what: str, entry: Located) -> str:
    """How problems name an entry: by its id, else its name, else its kind alone.

    An id that is empty or not text says nothing ("person ''"), so it is skipped."""
    for key in ("id", "name"):
        value = entry.get(key)
        if isinstance(value, (str, int, float)) and not isinstance(value, bool) \
                and str(value).strip():
            return f"{what} '{str(value).strip()}'"
    return what


def _text_line(raw: object, key_line: int) -> int:
    """The line where a text value starts: the key's own, or the next for a block
    (`key: |`); leading blank lines of a block are skipped like the text's."""
    if not isinstance(raw, str):
        return key_line
    leading = raw[: len(raw) - len(raw.lstrip())]
    return key_line + (1 if "\n" in raw else 0) + leading.count("\n")


def _quoted_date(value: object) -> date | None:
    if not isinstance(value, str) or not DATE_PATTERN.match(value.strip()):
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:  # e.g. 2022-02-30: the caller reports it like any bad date
        return None


def _kind(value: object) -> str:
    if isinstance(value, Located):
        return "a mapping"
    if isinstance(value, LocatedList):
        return "a list"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if value is None:
        return "an empty value"
    text = str(value)
    return f"'{text[:60]}...'" if len(text) > 60 else f"'{text}'"


def _time_meant(value) -> str:
    """The HH:MM an organiser meant by a time YAML read as a number (16.30 -> 16.3),
    or "" when the number is no such time."""
    if not isinstance(value, float) or not math.isfinite(value):
        return ""
    hours, fraction = divmod(value, 1)
    text = f"{int(hours):02d}:{round(fraction * 100):02d}"
    return text if TIME_PATTERN.match(text) else ""
