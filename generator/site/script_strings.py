"""The scripts' words in the interface language, for <body data-strings>.

The theme's scripts (templates/static/*.js) write their words as `_("Now")` and
`ngettext("{count} item", "{count} items", n)`, English being the fallback; Babel
extracts them into the catalogues like the templates' (babel.cfg). Pages may not
carry inline scripts (the Content-Security-Policy), so each page carries the
translations as JSON in an attribute: a word by its English text, and a plural by
its singular, with a form for each CLDR plural category of the language (the
browser picks one with Intl.PluralRules).
"""
from __future__ import annotations

import json
from functools import lru_cache

from babel.messages.extract import extract_javascript

from .. import i18n
from .theme import builtin_folder

GETTEXT_KEYWORDS = {"_": None, "ngettext": (1, 2)}
# A number of each plural category, to ask the catalogue for that category's form.
SAMPLES = tuple(range(0, 200)) + (1000, 10000, 100000, 1000000)  # "many" in French: millions


@lru_cache(maxsize=1)
def script_messages() -> tuple[tuple[str, ...], ...]:
    """Every message of the built-in scripts: (text,) or (singular, plural)."""
    found: dict[tuple[str, ...], None] = {}
    for path in sorted((builtin_folder() / "static").glob("*.js")):
        with path.open("rb") as script:
            for _line, func, message, _comments in extract_javascript(
                    script, GETTEXT_KEYWORDS, [], {}):
                # The raw arguments: strings, None for any other (values, a count).
                message = (message,) if isinstance(message, str) else tuple(message)
                texts = message[:1] if func == "_" else message[:2]
                if all(isinstance(text, str) for text in texts):
                    found[texts] = None
    return tuple(found)


def translated(lang: str) -> dict:
    """Each script message whose words in `lang` differ from the English ones."""
    words: dict = {}
    with i18n.using(lang):
        plural_category = i18n.locale(lang).plural_form
        for message in script_messages():
            if len(message) == 1:
                text = i18n.gettext(message[0])
                if text != message[0]:
                    words[message[0]] = text
                continue
            forms = {}
            for number in SAMPLES:
                forms.setdefault(plural_category(number), i18n.ngettext(*message, number))
            english = {"one": message[0], "other": message[1]}
            if any(forms.get(category) != english.get(category) for category in forms):
                words[message[0]] = forms
    return words


@lru_cache(maxsize=None)
def _as_json(lang: str) -> str:
    words = translated(lang)
    return json.dumps(words, ensure_ascii=False, sort_keys=True) if words else ""


def as_json(lang: str | None = None) -> str:
    """The JSON for the active (or given) language; "" when it is English throughout."""
    return _as_json(lang or i18n.active())
