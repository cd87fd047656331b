"""One site per language: the main language at the root, every other one in its own
folder with the same pages, a switcher that lands on the same page, hreflang
alternates, shared static files and one sitemap (site/editions.py)."""
from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import pytest

from generator.errors import ContentError
from generator.site.build import Builder
from support import TEMPLATES, edit
from support.sitecheck import broken_links

BASE_URL = "https://example.org/meetings/rabat-2022/"  # conftest.site_with_base_url


def make_multilingual(content: Path, languages: str = "[en, fr, ar]") -> Path:
    edit(content / "meeting.yaml", "language: en\n", f"language: en\nlanguages: {languages}\n")
    return content


@pytest.fixture
def editions(site_with_base_url) -> Path:
    """The default meeting, in English, French and Arabic, built once for the session."""
    return site_with_base_url


def switcher_links(page: Path) -> dict[str, str]:
    """hreflang -> href of the language switcher's links."""
    html = page.read_text(encoding="utf-8")
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return {language: href for href, language in
            re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"', switcher)}


def test_every_language_gets_the_same_pages_in_its_folder(editions):
    english = {p.relative_to(editions).as_posix() for p in editions.rglob("*.html")
               if p.relative_to(editions).parts[0] not in ("fr", "ar")}
    for folder in ("fr", "ar"):
        translated = {p.relative_to(editions / folder).as_posix()
                      for p in (editions / folder).rglob("*.html")}
        assert translated == english


def test_static_files_and_photos_are_written_once_and_shared(editions):
    assert (editions / "static").is_dir()
    assert not (editions / "fr" / "static").exists()
    assert not (editions / "fr" / "favicon.svg").exists()
    assert not (editions / "ar" / "robots.txt").exists()


def test_every_link_of_every_edition_resolves(editions):
    assert broken_links(editions)[0] == []


def test_a_translated_page_links_to_pages_of_its_own_language(editions):
    page = (editions / "fr" / "sessions" / "session-5" / "index.html").read_text()
    day_link = re.search(r'href="([^"]*days/2022-06-21/index.html)"', page).group(1)
    assert posixpath.normpath(posixpath.join("fr/sessions/session-5", day_link)) == \
        "fr/days/2022-06-21/index.html"
    stylesheet = re.search(r'href="([^"]*static/style\.[0-9a-f]+\.css)"', page).group(1)
    assert posixpath.normpath(posixpath.join("fr/sessions/session-5", stylesheet)).startswith(
        "static/")


def test_the_switcher_lands_on_the_same_page_in_each_language(editions):
    links = switcher_links(editions / "ar" / "days" / "2022-06-21" / "index.html")
    assert links == {"en": "../../../days/2022-06-21/index.html",
                     "fr": "../../../fr/days/2022-06-21/index.html",
                     "ar": "index.html"}


def test_the_switcher_names_each_language_in_itself_and_marks_the_current_one(editions):
    html = (editions / "fr" / "index.html").read_text()
    assert '<a href="index.html" hreflang="fr" lang="fr" aria-current="true">Français</a>' in html
    assert 'lang="ar">العربية</a>' in html and 'lang="en">English</a>' in html


def test_every_page_lists_its_alternates_with_hreflang(editions):
    html = (editions / "people" / "francesca-grum" / "index.html").read_text()
    for language, prefix in (("en", ""), ("fr", "fr/"), ("ar", "ar/"), ("x-default", "")):
        assert (f'<link rel="alternate" hreflang="{language}" '
                f'href="{BASE_URL}{prefix}people/francesca-grum/">') in html


def test_each_page_declares_its_language_and_direction(editions):
    assert '<html lang="fr">' in (editions / "fr" / "index.html").read_text()
    assert '<html lang="ar" dir="rtl">' in (editions / "ar" / "index.html").read_text()
    assert '<html lang="en">' in (editions / "index.html").read_text()


def test_one_sitemap_lists_the_pages_of_every_edition(editions):
    sitemap = (editions / "sitemap.xml").read_text()
    assert not (editions / "fr" / "sitemap.xml").exists()
    for prefix in ("", "fr/", "ar/"):
        assert f"<loc>{BASE_URL}{prefix}sessions/session-5/</loc>" in sitemap


def test_calendars_and_data_files_exist_per_language_with_their_own_addresses(editions):
    for prefix in ("", "fr/", "ar/"):
        schedule = json.loads((editions / prefix / "schedule.json").read_text())
        assert schedule["schedule"]["conference"]["url"].startswith(BASE_URL + prefix)
        assert (editions / prefix / "egims-2022.ics").exists()
        calendar = (editions / prefix / "sessions" / "session-5" / "egims-2022-session-5.ics")
        assert f"URL:{BASE_URL}{prefix}sessions/session-5/" in calendar.read_text().replace(
            "\r\n ", "")


def test_a_single_language_meeting_has_no_switcher_and_no_language_folders(content, tmp_path):
    Builder(content, TEMPLATES).build(tmp_path / "out")
    home = (tmp_path / "out" / "index.html").read_text()
    assert "language-switcher" not in home and "hreflang" not in home
    assert not (tmp_path / "out" / "fr").exists()


def test_a_missing_translation_is_shown_in_the_main_language_marked_with_its_lang(
        content, tmp_path):
    make_multilingual(content, "[en, fr, ar]")
    edit(content / "schedule.yaml", "        title: Opening\n",
         "        title:\n          en: Opening\n          fr: Ouverture\n")
    (content / "notes" / "session-5.fr.md").write_text("## Ordre du jour\n", encoding="utf-8")
    Builder(content, TEMPLATES).build(tmp_path / "out")
    arabic = (tmp_path / "out" / "ar" / "sessions" / "opening" / "index.html").read_text()
    assert '<h1><bdi lang="en">Opening</bdi></h1>' in arabic
    french = (tmp_path / "out" / "fr" / "sessions" / "opening" / "index.html").read_text()
    assert "<h1><bdi>Ouverture</bdi></h1>" in french
    note = (tmp_path / "out" / "ar" / "sessions" / "session-5" / "index.html").read_text()
    assert '<div lang="en"><h3 id="note-agenda">Agenda</h3>' in note


def test_names_and_titles_are_isolated_from_the_text_around_them(editions):
    arabic = (editions / "ar" / "sessions" / "opening" / "index.html").read_text()
    assert '<bdi>Ayache Khellaf</bdi>' in arabic
    assert '<bdi>Ayache Khellaf</bdi>' in (editions / "sessions" / "opening" / "index.html").read_text()


def test_translated_texts_and_notes_are_shown_in_their_edition(editions):
    french = (editions / "fr" / "sessions" / "opening" / "index.html").read_text()
    assert "<h1><bdi>Ouverture</bdi></h1>" in french
    arabic = (editions / "ar" / "sessions" / "session-5" / "index.html").read_text()
    assert "جدول الأعمال" in arabic and 'lang="en"><h3' not in arabic


def test_an_id_that_would_take_a_language_folder_is_refused(content, tmp_path):
    make_multilingual(content, "[en, fr]")
    edit(content / "meeting.yaml", "  slug: policy-areas\n", "  slug: fr\n")
    with pytest.raises(ContentError) as caught:
        Builder(content, TEMPLATES).build(tmp_path / "out")
    assert "this would write fr/index.html, which" in "\n".join(
        str(problem) for problem in caught.value.problems)


def test_link_previews_speak_the_language_of_their_edition(editions):
    html = (editions / "fr" / "index.html").read_text()
    assert f'<meta property="og:image" content="{BASE_URL}fr/og-image.png">' in html
    assert ('<meta name="description" content="20–22 juin 2022 · Rabat, Maroc, et en ligne. '
            'Organisée par UNSD et HCP.">') in html
    assert (editions / "ar" / "og-image.png").read_bytes() != (editions / "og-image.png").read_bytes()


def test_calendars_of_an_edition_are_in_its_language(editions):
    calendar = (editions / "fr" / "sessions" / "session-5" / "egims-2022-session-5.ics")
    text = calendar.read_text().replace("\r\n ", "")
    assert "SUMMARY:Séance 5 : Stratégies de collecte" in text
    assert "LOCATION:Rabat\\, Maroc\\, et en ligne" in text
