"""Text in several languages: language tags, and the two kinds of text the model holds.

A text field may be written once (`title: Opening`) or by language
(`title: {en: Opening, fr: Ouverture}`). Parsing keeps the main language's text
as the field's value, so every stage that does not care about languages sees
plain text; a `Translated` text also carries the other languages' texts, and
content/languages.py projects an agenda into one language, where each text is a
`LangText` that knows which language it is really in.
"""
from __future__ import annotations

import re

# RFC 5646's grammar (section 2.1): a language tag, a private-use tag or a
# grandfathered one; well-formedness only, the registry is not consulted. The
# grammar's 4- to 8-letter language subtags are left out: none is registered, and
# they would let `English` or `French` pass for a code.
_LANGTAG = (r"[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}"                    # language (+ extlang)
            r"(?:-[A-Za-z]{4})?"                                    # script
            r"(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"                       # region
            r"(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"       # variants
            r"(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*"        # extensions
            r"(?:-[xX](?:-[A-Za-z0-9]{1,8})+)?")                    # private use
_PRIVATE = r"[xX](?:-[A-Za-z0-9]{1,8})+"
_IRREGULAR = ("en-GB-oed|i-ami|i-bnn|i-default|i-enochian|i-hak|i-klingon|i-lux|i-mingo|"
              "i-navajo|i-pwn|i-tao|i-tay|i-tsu|sgn-BE-FR|sgn-BE-NL|sgn-CH-DE")
TAG_PATTERN = re.compile(rf"^(?:{_LANGTAG}|{_PRIVATE}|(?i:{_IRREGULAR}))$")
# The same for JSON Schema (ECMA-262 has no inline flags: the irregular tags as registered).
SCHEMA_TAG_PATTERN = rf"^(?:{_LANGTAG}|{_PRIVATE}|{_IRREGULAR})$"
# Names organisers write instead of a code.
_NAMED = {"english": "en", "anglais": "en", "french": "fr", "français": "fr",
          "francais": "fr", "arabic": "ar", "arabe": "ar", "spanish": "es", "español": "es",
          "espanol": "es", "russian": "ru", "chinese": "zh", "portuguese": "pt",
          "german": "de", "deutsch": "de", "italian": "it", "العربية": "ar"}
TAG_RULE = "a language is a BCP 47 tag such as en, fr, ar, zh-Hant or pt-BR"


def is_language_tag(value: str) -> bool:
    return bool(TAG_PATTERN.match(value))


def tag_hint(value: str) -> str:
    """What to write instead of a code that is not a BCP 47 tag."""
    named = _NAMED.get(value.strip().lower())
    if named:
        return f"write `{named}`, the code of {value}"
    dashed = value.strip().replace("_", "-").replace(" ", "-")
    if dashed != value and is_language_tag(dashed):
        return f"write `{dashed}` (parts of a tag are joined with '-')"
    return TAG_RULE


class Translated(str):
    """The main language's text of a field written by language; `translations`
    holds every language's text (the main one included), by language tag.

    It equals, hashes and prints as the main text: to the rest of the pipeline it
    is that text."""

    translations: dict[str, str]

    def __new__(cls, main: str, translations: dict[str, str]) -> Translated:
        text = super().__new__(cls, main)
        text.translations = translations
        return text

    def __reduce__(self):
        return Translated, (str(self), self.translations)


class LangText(str):
    """A text of a projected agenda, with the language it is really in (`lang`):
    the edition's language, or the main one where no translation was given, so a
    page can mark the fallback with its own `lang` attribute."""

    lang: str

    def __new__(cls, text: str, lang: str) -> LangText:
        value = super().__new__(cls, text)
        value.lang = lang
        return value

    def __reduce__(self):
        return LangText, (str(self), self.lang)


def in_language(text: str, lang: str, main: str) -> LangText:
    """`text` in `lang`, else in the main language. A text written once (a name,
    "Zoom") is the same in every language: it counts as being in `lang`."""
    translations = getattr(text, "translations", None)
    if not translations:
        return LangText(str(text), lang)
    if translations.get(lang):
        return LangText(translations[lang], lang)
    return LangText(str(text), main)


def interface_text(languages: tuple[str, ...], message: str, **values) -> str:
    """Words the generator supplies where the content gives none (a day's name "Day 2"),
    from the interface catalogues, in every language of the meeting: the main
    language's text, `Translated` when there are several, so editions show their own."""
    from ..i18n import gettext, using
    texts = {}
    for lang in languages:
        with using(lang):
            texts[lang] = gettext(message).format(**values)
    main = texts[languages[0]]
    return Translated(main, texts) if len(languages) > 1 else main
