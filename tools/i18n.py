"""`make i18n`: extract the interface's words and bring every catalogue up to date.

Babel extracts from the Python (`_`, `ngettext`, `pgettext`, `N_`), the templates
(Jinja's i18n extension) and the scripts (`_`, `ngettext`), as babel.cfg says,
into generator/locales/messages.pot; each language's messages.po is then created
or updated from it, and the words still untranslated are counted per language.
Offline: Babel carries its CLDR data.
"""
from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "generator" / "locales"
TEMPLATE = LOCALES / "messages.pot"
# English (the source words), then the other UN languages.
LANGUAGES = ("en", "fr", "ar", "es", "ru", "zh")


def pybabel(*args: str) -> None:
    CommandLineInterface().run(["pybabel", "--quiet", *args])


def extract() -> None:
    os.chdir(ROOT)  # locations relative to the project
    pybabel("extract", "--mapping-file", str(ROOT / "babel.cfg"), "--keywords", "N_",
            "--sort-by-file", "--no-wrap", "--project", "agenda",
            "--msgid-bugs-address", "", "--copyright-holder", "",
            "--output-file", str(TEMPLATE), ".")


def update(lang: str) -> None:
    catalogue = LOCALES / lang / "LC_MESSAGES" / "messages.po"
    if catalogue.exists():
        pybabel("update", "--input-file", str(TEMPLATE), "--output-file", str(catalogue),
                "--locale", lang, "--no-wrap", "--ignore-obsolete", "--no-fuzzy-matching")
    else:
        pybabel("init", "--input-file", str(TEMPLATE), "--output-file", str(catalogue),
                "--locale", lang, "--no-wrap")


def untranslated(lang: str) -> list[str]:
    """The messages of a language's catalogue with no (or a fuzzy) translation."""
    with (LOCALES / lang / "LC_MESSAGES" / "messages.po").open("rb") as po:
        catalogue = read_po(po, locale=lang)
    missing = []
    for message in catalogue:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def _dates_aside(text: str) -> str:
    return re.sub(r'(?m)^"(POT-Creation-Date|PO-Revision-Date): .*$', "", text)


def keeping_dates(step, path: Path) -> None:
    """Run a step that rewrites `path`; keep the file as it was when only its dates
    changed, so that `make i18n` with nothing new leaves git clean."""
    before = path.read_text(encoding="utf-8") if path.exists() else None
    step()
    if before is not None and _dates_aside(before) == _dates_aside(path.read_text(encoding="utf-8")):
        path.write_text(before, encoding="utf-8")


def main() -> int:
    keeping_dates(extract, TEMPLATE)
    for lang in LANGUAGES:
        keeping_dates(lambda: update(lang), LOCALES / lang / "LC_MESSAGES" / "messages.po")
    for lang in LANGUAGES:
        print(f"{lang}: {len(untranslated(lang))} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
