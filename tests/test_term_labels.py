"""How themes and groups are named: a term whose id is a code (it has a digit, or
is one to three capitals) is "Policy area 1: Labour migration" or "Track A: Web";
a term whose id is a word is named by its title alone ("Web platform", never
"Track web: Web platform"), everywhere."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from support import TEMPLATES, write_content, without_isolation
from generator.site.build import Builder
from generator.content.model import Taxonomy, Term
from generator.site.present import term_label, term_short_label

MEETING = """\
id: devconf-2031
title: Developer conference
timezone: Europe/Berlin
start: 2031-05-06
end: 2031-05-06
themes:
  name: Topic
  plural: Topics
  slug: topics
  items:
    - id: 2a
      title: Data sharing
groups:
  name: Track
  plural: Tracks
  slug: tracks
  items:
    - id: web
      title: Web platform
"""
SCHEDULE = """\
days:
  - date: 2031-05-06
    items:
      - id: keynote
        kind: plenary
        start: "09:00"
        end: "10:00"
        title: Keynote
        themes: [2a]
        groups: [web]
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    content = write_content(tmp_path_factory.mktemp("conference") / "content", MEETING,
                            SCHEDULE)
    output = content.parent / "out"
    Builder(content, TEMPLATES).build(output)
    return output


def page(site: Path, path: str) -> str:
    return without_isolation(html.unescape((site / path / "index.html").read_text(encoding="utf-8")))


def title_of(text: str) -> str:
    return re.search(r"<title>(.*?) – ", text).group(1)


def breadcrumb_of(text: str) -> str:
    return re.search(r'<li aria-current="page">(.*?)</li>', text).group(1)


def h1_of(text: str) -> str:
    return re.sub(r"<[^>]+>", "", re.search(r"<h1>(.*?)</h1>", text).group(1))


@pytest.mark.parametrize("term_id", ["1", "2a", "3.1", "10", "TF1", "v2", "A", "ML"])
def test_a_term_whose_id_is_a_code_is_named_by_taxonomy_id_and_title(term_id):
    taxonomy = Taxonomy("Policy area", "Policy areas", "policy-areas")
    term = Term(term_id, term_id.lower(), "Labour migration")
    assert term_label(taxonomy, term) == f"Policy area {term_id}: Labour migration"
    assert term_short_label(taxonomy, term) == f"Policy area {term_id}"


@pytest.mark.parametrize("term_id", ["web", "Web", "keynotes", "open-source", "WEBDEV"])
def test_a_term_whose_id_is_a_word_is_named_by_its_title_alone(term_id):
    taxonomy = Taxonomy("Track", "Tracks", "tracks")
    term = Term(term_id, term_id.lower(), "Web platform")
    assert term_label(taxonomy, term) == "Web platform"
    assert term_short_label(taxonomy, term) == "Web platform"


def test_a_word_id_term_page_is_titled_by_the_term_title(site):
    text = page(site, "tracks/web")
    assert title_of(text) == "Web platform"
    assert h1_of(text) == "Web platform"


def test_a_word_id_term_page_breadcrumb_ends_with_the_term_title(site):
    assert breadcrumb_of(page(site, "tracks/web")) == "Web platform"


def test_the_taxonomy_index_names_a_word_id_term_by_its_title(site):
    text = page(site, "tracks")
    assert '<a href="web/index.html">Web platform</a>' in text


def test_a_session_page_links_a_word_id_term_by_its_title(site):
    text = page(site, "sessions/keynote")
    assert '<a href="../../tracks/web/index.html">Web platform</a>' in text


def test_no_page_names_a_word_id_as_if_it_were_a_number(site):
    for path in site.rglob("*.html"):
        assert "Track web" not in path.read_text(encoding="utf-8"), path


def test_a_number_like_id_term_keeps_taxonomy_name_and_id_on_every_page(site):
    term = page(site, "topics/2a")
    assert title_of(term) == "Topic 2a: Data sharing"
    assert breadcrumb_of(term) == "Topic 2a"
    assert h1_of(term) == "Topic 2a: Data sharing"
    assert "Topic 2a: Data sharing</a>" in page(site, "sessions/keynote")
    assert re.search(r'<a href="2a/index.html"><span class="term-id">Topic 2a</span>: '
                     r"Data sharing</a>", page(site, "topics"))


def test_a_day_page_tags_items_with_word_terms_by_title_and_codes_by_id(site):
    day = page(site, "days/2031-05-06")
    assert 'Track: <a href="../../tracks/web/index.html">Web platform</a>' in day
    assert re.search(r'>2a</a>', day)
