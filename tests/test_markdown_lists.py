"""Nested lists indented by two spaces (or three under `1.`) nest, as in editors and
CommonMark; notes written with four-space levels render exactly as before."""
from __future__ import annotations

import functools
import random

from support import CONTENT, TEMPLATES, edit
from generator.content.pipeline import load_content
from generator.site.build import Builder
from generator.site.markdown_lists import reindent
from generator.site.render import MarkdownCache

TWO_SPACES = """\
- Morning
  - Coffee
    - Decaf on request
  - Welcome
- Afternoon

  A second paragraph of the afternoon.

1. First
   1. First, part one
   2. First, part two
2. Second
"""
FOUR_SPACES = """\
- Morning
    - Coffee
        - Decaf on request
    - Welcome
- Afternoon

    A second paragraph of the afternoon.

1. First
    1. First, part one
    2. First, part two
2. Second
"""


@functools.cache
def plain_renderer() -> MarkdownCache:
    render = MarkdownCache()
    render._md.preprocessors.deregister("list_indent")
    return render


def plain_python_markdown(text: str) -> str:
    """The renderer's own Python-Markdown without the two-space preprocessor."""
    return str(plain_renderer()(text))


def every_markdown_text(content) -> list[str]:
    agenda = load_content(content).agenda
    texts = [agenda.meeting.about, *(note.body for note in agenda.notes)]
    texts += [day.objective for day in agenda.days]
    texts += [item.description for _, item in agenda.items()]
    texts += [t.description for t in agenda.meeting.themes.terms + agenda.meeting.groups.terms]
    return [text for text in texts if text]


def test_a_list_nested_by_two_spaces_renders_nested():
    html = MarkdownCache()(TWO_SPACES)
    assert "<li>Morning<ul>\n<li>Coffee<ul>\n<li>Decaf on request</li>" in html
    assert "<li>First<ol>\n<li>First, part one</li>" in html


def test_two_space_nesting_renders_as_the_four_space_form_always_did():
    assert MarkdownCache()(TWO_SPACES) == plain_python_markdown(FOUR_SPACES)


def test_a_paragraph_indented_under_an_item_stays_in_the_item():
    html = MarkdownCache()(TWO_SPACES)
    assert "<p>Afternoon</p>\n<p>A second paragraph of the afternoon.</p>\n</li>" in html


def test_four_space_lines_are_left_exactly_as_written():
    lines = FOUR_SPACES.splitlines()
    assert reindent(lines) == lines


def test_every_markdown_text_of_the_default_meeting_renders_as_before():
    texts = every_markdown_text(CONTENT)
    assert any("\n    - " in text for text in texts)  # it has four-space nested lists
    render = MarkdownCache()
    for text in texts:
        assert render(text) == plain_python_markdown(text)


def test_code_and_rules_in_a_list_are_not_taken_for_items():
    text = "- item\n\n        - code, not an item\n\n* * *\n"
    assert MarkdownCache()(text) == plain_python_markdown(text)


def test_fenced_code_keeps_its_lines():
    lines = ["```", "- a", "  - b", "```"]
    assert reindent(lines) == lines


def test_a_heading_after_a_nested_list_is_still_a_heading():
    html = MarkdownCache()("- a\n  - b\n## After\n")
    assert '<h3 id="note-after">After</h3>' in html


def test_a_note_with_two_space_nesting_builds_nested_on_its_page(content, tmp_path):
    edit(content / "notes" / "session-3.md", "    - Mexico INEGI", "   - Mexico INEGI")
    edit(content / "notes" / "session-3.md", "    - US - Lauren", "   - US - Lauren")
    Builder(content, TEMPLATES).build(tmp_path / "out")
    page = (tmp_path / "out" / "sessions" / "session-3" / "index.html").read_text()
    assert "<ul>\n<li>Mexico INEGI - Omar Muro Orozco</li>" in page


def test_random_four_space_documents_render_as_before():
    """Lists, code, quotes, rules, tables and HTML mixed at levels of four spaces."""
    pieces = ["- item", "* star", "1. one", "2. two", "text", "## Heading", "> quote", "```",
              "code", "| a | b |", "|---|---|", "* * *", "Term", ":   Definition", "<div>",
              "</div>"]
    chance = random.Random(7)
    render = MarkdownCache()
    for _ in range(500):
        lines = ["    " * chance.choice([0, 0, 1, 1, 2]) + chance.choice(pieces)
                 if chance.random() > 0.15 else "" for _ in range(chance.randint(1, 9))]
        text = "\n".join(lines) + "\n"
        assert render(text) == plain_python_markdown(text), text


def test_random_two_space_lists_render_as_their_four_space_forms():
    chance = random.Random(3)
    render = MarkdownCache()
    for _ in range(300):
        two, four, kinds, level = [], [], {}, 0
        for _ in range(chance.randint(2, 10)):
            level = max(0, min(level + chance.choice([-1, 0, 0, 1]), 3))
            level = min(level, len(kinds))  # one level deeper at most
            kind = kinds.get(level) or chance.choice(["- ", "1. "])  # siblings share a kind
            kinds = {depth: k for depth, k in kinds.items() if depth < level}
            kinds[level] = kind
            blank = "\n" if chance.random() < 0.2 else ""
            parents = [kinds[depth] for depth in range(level)]
            two.append(blank + "".join(" " * len(k) for k in parents) + kind + "text")
            four.append(blank + "    " * level + kind + "text")
        assert render("\n".join(two) + "\n") == plain_python_markdown("\n".join(four) + "\n"), two
