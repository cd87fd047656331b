"""The getters of `Fields` that know the meeting's languages (content/texts.py):
texts written by language (`title: {en: ..., fr: ...}`) and language tags.

A mixin: it uses the host's mapping, file, problems, `what` and `languages`.
"""
from __future__ import annotations

from ..errors import Problems
from .load import Located
from .texts import Translated, is_language_tag, tag_hint


class LanguageFields:
    languages: tuple[str, ...]  # the meeting's, main first
    problems: Problems
    file: str
    what: str

    def _by_languages(self, value: object) -> bool:
        """Whether a value is a text written by language: a mapping naming one of the
        meeting's languages (any other mapping is refused as not text, as it was
        before languages)."""
        return isinstance(value, Located) and any(str(k) in self.languages for k in value)

    def _by_language(self, label: str, value: Located, line: int) -> str:
        """The main language's text of a text written by language; a `Translated`
        carrying the others when there are any (content/texts.py)."""
        main = self.languages[0]
        texts: dict[str, str] = {}
        for lang, text in value.items():
            lang_line = value.line_of(lang)
            if str(lang) not in self.languages:
                self.problems.error(self.file, lang_line, f"{label} in {self.what} has a text "
                                    f"in '{lang}', which is not one of the meeting's languages "
                                    f"({', '.join(self.languages)}); add it to `languages:` in "
                                    "meeting.yaml, or remove it")
            elif isinstance(text, bool) or not isinstance(text, (str, int, float, type(None))):
                self.problems.error(self.file, lang_line, f"{label} in {self.what} must be text "
                                    f"in {lang}, not {self.describe(text)}; quote it if needed")
            elif text is not None and str(text).strip():
                texts[str(lang)] = str(text).strip()
        if main not in texts:
            if main not in value:
                self.problems.error(self.file, line, f"{label} in {self.what} has no text in "
                                    f"{main}, the main language; add `{main}: ...` under it")
            return ""
        for lang in self.languages[1:]:
            if lang not in texts:
                self.problems.warn(self.file, line, f"{label} in {self.what} has no {lang} "
                                   f"translation; add `{lang}: ...` under it (the {main} text "
                                   "is shown meanwhile)")
        return Translated(texts[main], texts) if len(texts) > 1 else texts[main]

    def language(self, key: str) -> str:
        """A BCP 47 language tag, e.g. `language: fr`."""
        value = self._text(key, self._declared(key, "language"))
        if value and not is_language_tag(value):
            self.error(key, f"'{key}' in {self.what} is '{value}', not a language code; "
                            f"{tag_hint(value)}")
            return ""
        return value

    def language_tags(self, key: str) -> tuple[str, ...]:
        """A list of distinct BCP 47 tags, e.g. `languages: [en, fr, ar]`."""
        values = self._list_of(key, self._declared(key, "language_tags"))
        result: list[str] = []
        first: dict[str, int] = {}
        for index, value in enumerate(values):
            line = values.line_at(index)
            text = str(value).strip() if isinstance(value, str) else ""
            if not text:
                self.problems.error(self.file, line, f"'{key}' in {self.what} must list "
                                    f"language codes such as en, fr, not {self.describe(value)}")
            elif not is_language_tag(text):
                self.problems.error(self.file, line, f"'{key}' in {self.what} lists '{text}', "
                                    f"not a language code; {tag_hint(text)}")
            elif text.lower() in first:
                self.problems.error(self.file, line, f"'{key}' in {self.what} lists '{text}' "
                                    f"twice (first at line {first[text.lower()]}); list each "
                                    "language once")
            else:
                first[text.lower()] = line
                result.append(text)
        return tuple(result)
