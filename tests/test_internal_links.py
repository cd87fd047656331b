"""Links between pages written in Markdown as `[Session 1](@session-1)`: checked by
`agenda check`, and relative links on the built pages, which work from a sub-path of
a host and from disk."""
from __future__ import annotations

import re
import urllib.request
from urllib.parse import urljoin

import pytest

from support.browser import serve
from support import TEMPLATES, edit, line_of
from generator.content.internal_links import internal_links
from generator.content.pipeline import load_content
from generator.errors import ContentError
from generator.site.build import Builder
from support.sitecheck import broken_links

NOTE_LINKS = """
See [the introduction](@session-1), [Francesca Grum](@people/francesca-grum),
[the first day](@days/2022-06-20), [UNSD](@organisations/unsd),
[policy area 1](@policy-areas/1), [TF1](@task-forces/TF1),
[the coffee break](@break-2022-06-20-1100), [its agenda](@sessions/session-5#note-agenda)
and [the opening][opening].

[opening]: @opening
"""
EXPECTED = {  # from sessions/session-2/index.html
    "the introduction": "../session-1/index.html",
    "Francesca Grum": "../../people/francesca-grum/index.html",
    "the first day": "../../days/2022-06-20/index.html",
    "UNSD": "../../organisations/unsd/index.html",
    "policy area 1": "../../policy-areas/1/index.html",
    "TF1": "../../task-forces/tf1/index.html",
    "the coffee break": "../../days/2022-06-20/index.html#break-2022-06-20-1100",
    "its agenda": "../session-5/index.html#note-agenda",
    "the opening": "../opening/index.html",
}


def anchors(html: str) -> dict[str, str]:
    return {text: href for href, text in re.findall(r'<a href="([^"]+)">([^<]+)</a>', html)}


def errors_of(content) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(content)
    return [str(p) for p in caught.value.problems if not p.warning]


@pytest.fixture
def linked(content):
    with (content / "notes" / "session-2.md").open("a", encoding="utf-8") as note:
        note.write(NOTE_LINKS)
    return content


def test_links_become_relative_links_from_the_page(linked, tmp_path):
    Builder(linked, TEMPLATES).build(tmp_path / "out")
    page = (tmp_path / "out" / "sessions" / "session-2" / "index.html").read_text()
    found = anchors(page)
    assert {text: found.get(text) for text in EXPECTED} == EXPECTED
    assert broken_links(tmp_path / "out")[0] == []


def test_links_in_descriptions_and_objectives_are_relative_to_their_own_page(content, tmp_path):
    edit(content / "schedule.yaml", "    objective: |\n",
         "    objective: |\n      Start with [the opening](@opening).\n")
    Builder(content, TEMPLATES).build(tmp_path / "out")
    home = (tmp_path / "out" / "index.html").read_text()
    day = (tmp_path / "out" / "days" / "2022-06-20" / "index.html").read_text()
    assert anchors(home)["the opening"] == "sessions/opening/index.html"
    assert anchors(day)["the opening"] == "../../sessions/opening/index.html"


def test_links_work_on_a_host_under_a_sub_path(linked, tmp_path):
    output = tmp_path / "out"
    output.mkdir()
    with serve(output) as base:
        Builder(linked, TEMPLATES, base_url=base).build(output)
        page_url = base + "sessions/session-2/"
        page = urllib.request.urlopen(page_url).read().decode()
        for text in ("Francesca Grum", "the first day", "TF1"):
            target = urljoin(page_url, anchors(page)[text])
            assert target.startswith(base)
            with urllib.request.urlopen(target) as answer:
                assert answer.status == 200


def test_an_unknown_target_is_a_located_error_with_a_suggestion(linked):
    note = linked / "notes" / "session-2.md"
    edit(note, "(@people/francesca-grum)", "(@people/francesca-grun)")
    assert errors_of(linked) == [
        f"notes/session-2.md:{line_of(note, 'francesca-grun')}: link to unknown page "
        "'@people/francesca-grun'; did you mean '@people/francesca-grum'? a link to another "
        "page of the meeting is written @ITEM-ID, @days/DATE, @people/ID, @organisations/ID "
        "or @TAXONOMY/ID (see \"Links between pages\" in content/README.md)"]


def test_an_unknown_target_in_a_yaml_block_names_its_own_line(content):
    schedule = content / "schedule.yaml"
    edit(schedule, "    objective: |\n", "    objective: |\n      After [lunch](@lunch).\n")
    errors = errors_of(content)
    assert len(errors) == 1
    assert errors[0].startswith(f"schedule.yaml:{line_of(schedule, '(@lunch)')}: link to "
                                "unknown page '@lunch'")


def test_a_reference_definition_is_checked_too(content):
    note = content / "notes" / "session-2.md"
    with note.open("a", encoding="utf-8") as stream:
        stream.write("\nSee [it][x].\n\n[x]: @nowhere\n")
    assert errors_of(content)[0].startswith(
        f"notes/session-2.md:{line_of(note, '[x]: @nowhere')}: link to unknown page '@nowhere'")


def test_an_anchor_on_an_item_without_a_page_is_refused(content):
    note = content / "notes" / "session-2.md"
    with note.open("a", encoding="utf-8") as stream:
        stream.write("\n[Coffee](@break-2022-06-20-1100#top)\n")
    assert errors_of(content) == [
        f"notes/session-2.md:{line_of(note, '#top')}: '@break-2022-06-20-1100' is a break, "
        "shown on its day's page without a page of its own; link to it without '#top'"]


def test_code_is_not_read_for_links():
    text = "Write `[x](@nowhere)` like this:\n\n```\n[y](@nowhere-either)\n```\n[z](@here)\n"
    assert [path for _, path, _ in internal_links(text)] == ["here"]


def test_other_links_and_e_mail_addresses_are_left_alone():
    text = "[site](https://example.org/@x) and <someone@example.org> and [m](mailto:a@b.org)"
    assert list(internal_links(text)) == []
