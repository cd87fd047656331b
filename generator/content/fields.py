"""Typed reading of one YAML mapping, turning every mistake into a located problem.

`Fields` wraps a `Located` mapping with the set of keys it may hold. Each getter
returns a clean Python value (or a default) and records a problem that names the
file, the line and the fix when the value is missing or of the wrong shape.
"""
from __future__ import annotations

import difflib
import math
import re
from datetime import date, datetime, time

from ..errors import Problems
from .load import Located, LocatedList
from .model import Source

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")
TIME_PATTERN = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


class Fields:
    """Reads the keys of one mapping described as `what` (e.g. "item 'session-2'")."""

    def __init__(self, mapping: Located, file: str, problems: Problems, what: str,
                 allowed: tuple[str, ...]) -> None:
        self.mapping = mapping
        self.file = file
        self.problems = problems
        self.what = what
        for key in mapping:
            if key not in allowed:
                self._unknown_key(key, allowed)

    def _unknown_key(self, key: str, allowed: tuple[str, ...]) -> None:
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else "allowed keys: " + ", ".join(allowed)
        self.error(key, f"unknown key '{key}' in {self.what}; {hint}")

    @property
    def source(self) -> Source:
        return Source(self.file, self.mapping.line, dict(self.mapping.key_lines))

    def line(self, key: str) -> int:
        return self.mapping.line_of(key)

    def error(self, key: str, message: str) -> None:
        self.problems.error(self.file, self.line(key), message)

    def _missing(self, key: str, example: str) -> None:
        self.problems.error(self.file, self.mapping.line,
                            f"{self.what} is missing required key '{key}'; add `{key}: {example}`")

    def _get(self, key: str, required: bool, example: str):
        value = self.mapping.get(key)
        if value is None and required:
            self._missing(key, example)
        return value

    def text(self, key: str, required: bool = False, example: str = "...") -> str:
        value = self._get(key, required, example)
        if value is None:
            return ""
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.error(key, f"'{key}' in {self.what} must be text, not {_kind(value)}; "
                            "quote it if needed")
            return ""
        text = str(value).strip()
        if required and not text:
            self.error(key, f"'{key}' in {self.what} must not be empty")
        return text

    def ident(self, key: str, required: bool = False, example: str = "my-id") -> str:
        value = self.text(key, required, example)
        if value and not ID_PATTERN.match(value):
            self.error(key, f"'{key}' in {self.what} is '{value}'; an id may hold only letters, "
                            "digits, '-', '_' and '.', and must start with a letter or digit")
            return ""
        return value

    def url(self, key: str, required: bool = False) -> str:
        """A link address: every URL field of the content is read here, the one place
        where addresses are checked before they reach a page, a calendar or JSON."""
        return self.text(key, required, "https://example.org/")

    def minutes(self, key: str) -> int | None:
        """A whole number of minutes (0 to a day), e.g. `opens_before: 15`."""
        value = self.mapping.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 1440:
            self.error(key, f"'{key}' in {self.what} must be a whole number of minutes "
                            f"from 0 to 1440 (like 15), not '{value}'")
            return None
        return value

    def flag(self, key: str, default: bool = False) -> bool:
        value = self.mapping.get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.error(key, f"'{key}' in {self.what} must be true or false, not '{value}'")
            return default
        return value

    def choice(self, key: str, options: tuple[str, ...], default: str) -> str:
        value = self.text(key)
        if not value:
            return default
        if value not in options:
            close = difflib.get_close_matches(value, options, n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            self.error(key, f"'{key}' in {self.what} is '{value}'; {hint}"
                            f"use one of: {', '.join(options)}")
            return default
        return value

    def day(self, key: str, required: bool = False) -> date | None:
        value = self._get(key, required, "2022-06-20")
        if value is None:
            return None
        if isinstance(value, date) and not isinstance(value, datetime):
            return value
        quoted = _quoted_date(value)  # a quoted date is still a date
        if quoted is not None:
            return quoted
        self.error(key, f"'{key}' in {self.what} must be a date written YYYY-MM-DD "
                        f"(like 2022-06-20), not '{value}'")
        return None

    def clock(self, key: str, required: bool = False) -> time | None:
        value = self._get(key, required, '"09:30"')
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
        value = self.mapping.get(key)
        if value is None:
            return None
        if not isinstance(value, Located):
            self.error(key, f"'{key}' in {self.what} must be a mapping of `key: value` lines "
                            f"describing {what}, not {_kind(value)}")
            return None
        return value

    def list_of(self, key: str, required: bool = False) -> LocatedList:
        value = self._get(key, required, "[...]")
        if value is None:
            return LocatedList(line=self.line(key))
        if isinstance(value, LocatedList):
            return value
        single = LocatedList([value], line=self.line(key))
        single.item_lines = [self.line(key)]
        return single  # a single value stands for a list of one

    def idents(self, key: str) -> tuple[str, ...]:
        values = self.list_of(key)
        result = []
        for index, value in enumerate(values):
            text = "" if isinstance(value, (bool, Located, LocatedList)) else str(value).strip()
            if not ID_PATTERN.match(text):
                self.problems.error(self.file, values.line_at(index),
                                    f"'{key}' in {self.what} must list ids, not '{value}'")
                continue
            result.append(text)
        return tuple(result)

    def texts(self, key: str) -> tuple[str, ...]:
        values = self.list_of(key)
        result = []
        for index, value in enumerate(values):
            if isinstance(value, (bool, Located, LocatedList)) or value is None:
                self.problems.error(self.file, values.line_at(index),
                                    f"'{key}' in {self.what} must list text lines, "
                                    f"not {_kind(value)}")
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
                           f"not {_kind(entry)}")


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
    return f"'{value}'"


def _time_meant(value) -> str:
    """The HH:MM an organiser meant by a time YAML read as a number (16.30 -> 16.3),
    or "" when the number is no such time."""
    if not isinstance(value, float) or not math.isfinite(value):
        return ""
    hours, fraction = divmod(value, 1)
    text = f"{int(hours):02d}:{round(fraction * 100):02d}"
    return text if TIME_PATTERN.match(text) else ""
