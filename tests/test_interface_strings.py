"""The interface language: every word of the theme comes from a gettext catalogue,
an edition in French or Arabic reads in that language (Arabic right to left), and
the English site stays as it was."""
from __future__ import annotations

import json
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg

from generator import i18n
from generator.site import present, script_strings
from generator.site.build import Builder
from support import TEMPLATES
from tools.i18n import LANGUAGES, ROOT, untranslated

COMPLETE = ("en", "fr", "ar")


def build_in(language: str, content: Path, output: Path) -> Path:
    meeting = content / "meeting.yaml"
    text = meeting.read_text(encoding="utf-8")
    meeting.write_text(re.sub(r"(?m)^language: .*$", f"language: {language}", text),
                       encoding="utf-8")
    Builder(content, TEMPLATES).build(output)
    return output


def page(output: Path, path: str) -> str:
    return (output / path).read_text(encoding="utf-8")


@pytest.fixture
def french(content, tmp_path) -> Path:
    return build_in("fr", content, tmp_path / "fr")


@pytest.fixture
def arabic(content, tmp_path) -> Path:
    return build_in("ar", content, tmp_path / "ar")


# Editions in another language

def test_a_french_edition_has_french_navigation(french):
    html = page(french, "index.html")
    assert '<html lang="fr">' in html
    for label in ("Aperçu", "Personnes", "Mon agenda", "Aller au contenu"):
        assert f">{label}<" in html
    assert ">Overview<" not in html and ">People<" not in html


def test_a_french_day_page_writes_its_date_in_french(french):
    html = page(french, "days/2022-06-20/index.html")
    assert '<time datetime="2022-06-20">lundi 20 juin 2022</time>' in html
    assert "Ajouter cette journée à votre agenda" in html


def test_a_french_page_carries_the_scripts_words(french):
    words = json.loads(unescape(re.search(r'data-strings="([^"]*)"',
                                          page(french, "index.html")).group(1)))
    assert words["Now and next"] == "En ce moment et ensuite"
    assert words["{count} item"] == {"one": "{count} point", "many": "{count} points",
                                     "other": "{count} points"}


def test_an_arabic_edition_is_right_to_left(arabic):
    html = page(arabic, "days/2022-06-20/index.html")
    assert '<html lang="ar" dir="rtl">' in html
    assert ">نظرة عامة<" in html            # Overview
    assert "الاثنين، 20 يونيو 2022" in html  # Monday 20 June 2022


def test_arabic_previous_and_next_arrows_point_the_reading_way(arabic):
    html = page(arabic, "days/2022-06-21/index.html")
    assert re.search(r'rel="prev"[^>]*>→ ', html) and re.search(r'rel="next"[^>]*>[^<]* ←</a>', html)


def test_the_english_edition_stays_english_and_left_to_right(site):
    html = page(site, "days/2022-06-20/index.html")
    assert '<html lang="en">' in html and "dir=" not in html.split(">", 2)[1]
    assert '<time datetime="2022-06-20">Monday 20 June 2022</time>' in html
    assert "data-strings" not in html   # the scripts' own words are the English ones


# Dates, lists and plurals in the locale

def test_english_dates_keep_the_sites_form():
    from datetime import date
    with i18n.using("en"):
        assert i18n.long_date(date(2022, 6, 10)) == "Friday 10 June 2022"
        assert i18n.short_date(date(2022, 6, 10)) == "Fri 10 Jun"


def test_lists_are_joined_in_the_locale():
    with i18n.using("fr"):
        assert i18n.join(["A", "B", "C"]) == "A, B et C"
    with i18n.using("en"):
        assert i18n.join(["A", "B", "C"]) == "A, B and C"


@pytest.mark.parametrize("number, expected", [
    (0, "لا بنود"), (1, "بند واحد"), (2, "بندان"), (3, "3 بنود"), (11, "11 بندًا"),
    (100, "100 بند")])
def test_arabic_counts_take_the_right_one_of_six_plural_forms(number, expected):
    with i18n.using("ar"):
        assert present.item_count(number) == expected


def test_french_counts_take_the_singular_for_zero_and_one():
    with i18n.using("fr"):
        assert [present.item_count(n) for n in (0, 1, 2)] == ["0 point", "1 point", "2 points"]


def test_arabic_script_plurals_carry_every_category():
    forms = script_strings.translated("ar")["{count} item"]
    assert set(forms) == {"zero", "one", "two", "few", "many", "other"}


# The catalogues

@pytest.mark.parametrize("language", COMPLETE)
def test_the_catalogue_has_no_untranslated_entry(language):
    missing = untranslated(language)
    assert not missing, f"{language}: {len(missing)} untranslated: {missing}"


def test_every_language_has_a_catalogue_with_its_plural_rule():
    for language in LANGUAGES:
        assert i18n.catalogue_path(language).is_file(), language
    header = i18n.catalogue_path("ar").read_text(encoding="utf-8")
    assert '"Plural-Forms: nplurals=6; plural=(n == 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 :' in header


def test_every_extracted_string_is_in_the_catalogues():
    with (ROOT / "babel.cfg").open() as config:
        method_map, options_map = parse_mapping_cfg(config)
    keywords = dict(DEFAULT_KEYWORDS, N_=None)
    found = {message if isinstance(message, str) else message[0]
             for _file, _line, message, _comments, _context in
             extract_from_dir(ROOT, method_map, options_map, keywords)}
    from babel.messages.pofile import read_po
    for language in COMPLETE:
        with i18n.catalogue_path(language).open("rb") as po:
            known = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(po) if m.id}
        assert not found - known, f"run `make i18n`: {language} lacks {sorted(found - known)}"


# No English-only text in the theme

VISIBLE_ATTRIBUTES = {"alt", "title", "aria-label", "placeholder", "label"}
EXPRESSION = re.compile(r"\{\{.*?\}\}", re.S)       # becomes a placeholder
STATEMENT = re.compile(r"\{%.*?%\}|\{#.*?#\}", re.S)  # becomes a space
TAG_NAME = re.compile(r"(</?)\{\{.*?\}\}", re.S)     # <{{ heading }} ...>
LETTER = re.compile(r"[^\W\d_]")
# Words that are the same in every language: file formats and standards.
NOT_WORDS = {"(.ics)", "(Atom)", "UTC"}


class VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.hidden += 1
        for name, value in attrs:
            if name in VISIBLE_ATTRIBUTES and value:
                self.check(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.check(data)

    def check(self, text):
        for part in text.split("\x00"):
            part = part.strip()
            if part and part not in NOT_WORDS and LETTER.search(part):
                self.found.append(part)


def literal_text(template: Path) -> list[str]:
    """Visible text of a template that is not made by Jinja (so not through gettext)."""
    parser = VisibleText()
    source = TAG_NAME.sub(r"\1x", template.read_text(encoding="utf-8"))
    parser.feed(EXPRESSION.sub("\x00", STATEMENT.sub(" ", source)))
    return parser.found


@pytest.mark.parametrize("template", sorted(Path(TEMPLATES).glob("*.html")) +
                         sorted(Path(TEMPLATES).glob("*.xml")), ids=lambda p: p.name)
def test_a_template_has_no_visible_text_outside_gettext(template):
    assert literal_text(template) == [], f"{template.name}: wrap these in {{{{ _('...') }}}}"


def test_the_scanner_catches_an_unwrapped_word(tmp_path):
    template = tmp_path / "bad.html"
    template.write_text('<p>{{ _("Fine") }}</p><p>Not wrapped</p><img alt="A photo">\n')
    assert literal_text(template) == ["Not wrapped", "A photo"]


# Right to left: logical properties only

PHYSICAL = re.compile(r"(?<![\w-])(margin|padding|border|inset)-(left|right)\b|(?<![\w-])(left|right)\s*:"
                      r"|(text-align|float|clear)\s*:\s*(left|right)")


def test_the_stylesheet_has_no_physical_left_or_right():
    css = (Path(TEMPLATES) / "static" / "style.css").read_text(encoding="utf-8")
    found = [line for line in css.splitlines() if PHYSICAL.search(line)]
    assert not found, "use logical properties (margin-inline-start, inset-inline-end, " \
                      f"text-align: start ...): {found}"


def test_the_brand_stylesheet_has_no_physical_left_or_right(site):
    for css in (site / "static").glob("brand.*.css"):
        assert not PHYSICAL.search(css.read_text(encoding="utf-8")), css.name


def test_latin_words_in_an_arabic_sentence_are_isolated(arabic):
    html = page(arabic, "days/2022-06-20/index.html")
    assert "توقيت \u2068Rabat\u2069 (\u2068UTC+01:00\u2069)" in html
