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

BASE_URL = "https://example.org/meetings/2022/"


def make_multilingual(content: Path, languages: str = "[en, fr, ar]") -> Path:
    edit(content / "meeting.yaml", "language: en\n", f"language: en\nlanguages: {languages}\n")
    return content


@pytest.fixture(scope="module")
def editions(tmp_path_factory) -> Path:
    """The default meeting in English, French and Arabic, built once for the module."""
    import shutil
    from support import CONTENT
    root = tmp_path_factory.mktemp("editions")
    content = root / "content"
    shutil.copytree(CONTENT, content)
    if "languages:" not in (content / "meeting.yaml").read_text():
        make_multilingual(content)
    output = root / "output"
    Builder(content, TEMPLATES, base_url=BASE_URL).build(output)
    return output


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
    assert links == {"en": BASE_URL + "days/2022-06-21/",
                     "fr": BASE_URL + "fr/days/2022-06-21/",
                     "ar": BASE_URL + "ar/days/2022-06-21/"}


def test_the_switcher_names_each_language_in_itself_and_marks_the_current_one(editions):
    html = (editions / "fr" / "index.html").read_text()
    assert '<a href="' + BASE_URL + 'fr/" hreflang="fr" lang="fr" aria-current="true">Français</a>' \
        in html
    assert 'lang="ar">العربية</a>' in html and 'lang="en">English</a>' in html


def test_every_page_lists_its_alternates_with_hreflang(editions):
    html = (editions / "people" / "francesca-grum" / "index.html").read_text()
    for language, prefix in (("en", ""), ("fr", "fr/"), ("ar", "ar/"), ("x-default", "")):
        assert (f'<link rel="alternate" hreflang="{language}" '
                f'href="{BASE_URL}{prefix}people/francesca-grum/">') in html


def test_each_page_declares_its_language_and_direction(editions):
    assert '<html lang="fr" dir="ltr">' in (editions / "fr" / "index.html").read_text()
    assert '<html lang="ar" dir="rtl">' in (editions / "ar" / "index.html").read_text()
    assert '<html lang="en" dir="ltr">' in (editions / "index.html").read_text()


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


def test_a_single_language_meeting_has_no_switcher_and_no_language_folders(site):
    assert "language-switcher" not in (site / "index.html").read_text()
    assert "hreflang" not in (site / "index.html").read_text()
    assert not (site / "fr").exists()


def test_an_id_that_would_take_a_language_folder_is_refused(content, tmp_path):
    make_multilingual(content, "[en, fr]")
    edit(content / "meeting.yaml", "  slug: policy-areas\n", "  slug: fr\n")
    with pytest.raises(ContentError) as caught:
        Builder(content, TEMPLATES).build(tmp_path / "out")
    assert "this would write fr/index.html, which" in "\n".join(
        str(problem) for problem in caught.value.problems)
