"""Nothing from content reaches a page as code: Markdown's HTML is sanitised with an
allow-list, URL fields take only http, https, mailto, tel and relative addresses,
and `check` and `build` name each thing left out, with its file and line."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from support import TEMPLATES, edit, line_of
from generator.cli import main
from generator.site.render import MarkdownCache
from generator.site.views.frame import CONTENT_SECURITY_POLICY

ADVICE = ("pages show only safe HTML from content (`trusted_html: true` in meeting.yaml keeps "
          "it, if you write all the content yourself)")
NOTE = "notes/session-5.md"
SESSION_5 = "sessions/session-5/index.html"
HOSTILE_NOTE = """
<script>window.hacked = 1</script>

[click me](javascript:window.hacked=2) <img src="x.png" onerror="window.hacked=3">

## Heading {: onclick="window.hacked=4" }

<iframe src="https://example.org/"></iframe> <form action="/x"><input name=a></form>

![pixel](data:image/png;base64,AAAA)
"""


def add_to_note(content: Path, text: str) -> int:
    """Append text to session 5's note; returns the line it starts on."""
    note = content / NOTE
    before = note.read_text(encoding="utf-8")
    note.write_text(before + text, encoding="utf-8")
    return before.count("\n") + 1


def check_and_build(content: Path, output: Path, capsys) -> list[str]:
    """The warnings `check` prints, which `build` must print alike."""
    assert main(["check", "--content", str(content)]) == 0
    checked = capsys.readouterr().err.splitlines()
    assert main(["build", "--content", str(content), "--templates", str(TEMPLATES),
                 "--output", str(output)]) == 0
    assert capsys.readouterr().err.splitlines() == checked
    return checked


def page(output: Path, path: str) -> str:
    return (output / path).read_text(encoding="utf-8")


def test_unsafe_html_in_a_note_is_left_out_with_a_warning_for_each_thing(content, tmp_path,
                                                                          capsys):
    first = add_to_note(content, HOSTILE_NOTE)
    warnings = check_and_build(content, tmp_path / "out", capsys)
    expected = [(1, "the <script> element"), (3, "a javascript: address in <a href>"),
                (3, "the onerror attribute of <img>"), (5, "the onclick attribute of <h3>"),
                (7, "the <iframe> element"), (7, "the <form> element"),
                (7, "the <input> element"), (9, "a data: address in <img src>")]
    assert sorted(warnings) == sorted(
        f"{NOTE}:{first + offset}: warning: unsafe HTML left out: {what}; {ADVICE}"
        for offset, what in expected)
    html = page(tmp_path / "out", SESSION_5)
    for gone in ("<script>window", "hacked", "javascript:", "<iframe", "<form", "<input",
                 "data:image"):
        assert gone not in html
    assert '<a>click me</a> <img src="x.png">' in html and ">Heading</h3>" in html


@pytest.mark.parametrize("file, old, new, key", [
    ("schedule.yaml", "**Introduction.** Overview", "<script>x()</script> Overview",
     "description"),
    ("meeting.yaml", "organisers: [unsd, hcp]",
     "about: <img src=x onerror=alert(1)>\norganisers: [unsd, hcp]", "about"),
    ("people.yaml", "    name: Francesca Grum\n",
     "    name: Francesca Grum\n    bio: <script>x()</script>\n", "bio"),
])
def test_unsafe_html_in_a_markdown_field_is_left_out(content, tmp_path, capsys, file, old,
                                                     new, key):
    edit(content / file, old, new)
    (warning,) = check_and_build(content, tmp_path / "out", capsys)
    line = line_of(content / file, new.splitlines()[-1 if key == "bio" else 0].strip()
                   if key != "about" else "about:")
    assert warning.startswith(f"{file}:{line}: warning: unsafe HTML left out: the ")
    built = "\n".join(p.read_text(encoding="utf-8")
                      for p in (tmp_path / "out").rglob("*.html"))
    assert "<script>x()" not in built and "<img src=x onerror" not in built


URL_FIELDS = [
    ("meeting.yaml", "  city: Rabat\n", "  city: Rabat\n  url: {url}\n", "venue"),
    ("meeting.yaml", "  note: Online participation", "  url: {url}\n  note: Online participation",
     "online"),
    ("people.yaml", "    name: Francesca Grum\n", "    name: Francesca Grum\n    url: {url}\n",
     "person 'francesca-grum'"),
    ("people.yaml", "    short: UNSD\n", "    short: UNSD\n    url: {url}\n",
     "organisation 'unsd'"),
    ("schedule.yaml", "        description: |\n          **Introduction.**",
     "        materials:\n          - title: Slides\n            url: {url}\n"
     "        description: |\n          **Introduction.**", "material of item 'session-1'"),
]


@pytest.mark.parametrize("file, old, new, what", URL_FIELDS)
@pytest.mark.parametrize("url, scheme", [("javascript:alert(1)", "javascript"),
                                         (" JaVa\tScript:alert(1)", "javascript"),
                                         ("data:text/html,<b>x</b>", "data")])
def test_a_url_field_with_another_scheme_is_left_out(content, tmp_path, capsys, file, old, new,
                                                     what, url, scheme):
    edit(content / file, old, new.format(url=f'"{url}"'))
    (warning,) = check_and_build(content, tmp_path / "out", capsys)
    line = line_of(content / file, "url: ")
    assert warning == (f"{file}:{line}: warning: 'url' in {what} is a {scheme}: address, "
                       "which pages do not link to, so it was left out; use an http, https, "
                       "mailto or tel address or a relative address")
    for built in (tmp_path / "out").rglob("*"):
        if built.is_file() and built.suffix in (".html", ".json", ".ics", ".xml", ".js"):
            assert "alert(1)" not in built.read_text(encoding="utf-8"), built


@pytest.mark.parametrize("url", ["https://example.org/a", "http://example.org/",
                                 "mailto:someone@example.org", "tel:+212500000000",
                                 "slides/one.pdf", "/files/two.pdf"])
def test_safe_addresses_pass_unchanged(content, tmp_path, capsys, url):
    edit(content / "people.yaml", "    name: Francesca Grum\n",
         f"    name: Francesca Grum\n    url: {url}\n")
    assert check_and_build(content, tmp_path / "out", capsys) == []
    assert f'href="{url}"' in page(tmp_path / "out", "people/francesca-grum/index.html")


def test_what_markdown_makes_itself_survives_sanitising(content, tmp_path, capsys):
    add_to_note(content, "\n| Left | Right |\n|:-----|------:|\n| a | b |\n\nA footnote[^n] "
                         "and [session 1](@session-1), <mailto:a@example.org>, "
                         "[call](tel:+2125).\n\n[^n]: The note.\n\n*[UNSD]: United Nations "
                         "Statistics Division\n\nUNSD <!-- an editor's comment -->\n")
    assert check_and_build(content, tmp_path / "out", capsys) == []
    html = page(tmp_path / "out", SESSION_5)
    assert '<th style="text-align:left">Left</th>' in html
    assert '<td style="text-align:right">b</td>' in html
    assert '<a class="footnote-ref" href="#fn:n">1</a>' in html
    assert '<a href="../session-1/index.html">session 1</a>' in html
    assert 'href="tel:+2125"' in html and "mailto:" in html
    assert '<abbr title="United Nations Statistics Division">UNSD</abbr>' in html
    assert "an editor's comment" not in html


def test_trusted_html_publishes_raw_html_without_warnings(content, tmp_path, capsys):
    edit(content / "meeting.yaml", "organisers:", "trusted_html: true\norganisers:")
    add_to_note(content, '\n<iframe src="https://example.org/video"></iframe>\n\n'
                         '<p class="lead" onclick="go()">Raw</p>\n')
    assert check_and_build(content, tmp_path / "out", capsys) == []
    html = page(tmp_path / "out", SESSION_5)
    assert '<iframe src="https://example.org/video"></iframe>' in html
    assert '<p class="lead" onclick="go()">Raw</p>' in html


def test_trusted_html_still_checks_url_fields(content, tmp_path, capsys):
    edit(content / "meeting.yaml", "organisers:", "trusted_html: true\norganisers:")
    edit(content / "meeting.yaml", "  city: Rabat\n", "  city: Rabat\n  url: javascript:x()\n")
    (warning,) = check_and_build(content, tmp_path / "out", capsys)
    assert "'url' in venue is a javascript: address" in warning


def test_strict_makes_unsafe_html_an_error(content, capsys):
    add_to_note(content, "\n<script>x()</script>\n")
    assert main(["check", "--strict", "--content", str(content)]) == 1
    assert "unsafe HTML left out: the <script> element" in capsys.readouterr().err


def test_html_kept_as_written_is_never_served_sanitised_or_back():
    markdown = MarkdownCache()
    text = "<p onclick=\"go()\">Raw</p>"
    markdown.trusted = True
    assert 'onclick="go()"' in markdown(text)
    markdown.trusted = False
    assert markdown(text) == "<p>Raw</p>"
    markdown.trusted = True
    assert 'onclick="go()"' in markdown(text)


def test_every_page_declares_the_content_security_policy(site):
    policy = CONTENT_SECURITY_POLICY.replace("'", "&#39;")
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50
    for path in pages:
        head = path.read_text(encoding="utf-8").split("</head>")[0]
        assert re.search(r'<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" '
                         f'content="{re.escape(policy)}">', head), path


def test_pages_have_no_inline_script_or_handler_the_policy_would_block(site):
    for path in sorted(site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        for script in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in script or 'type="application/ld+json"' in script, (path, script)
        assert not re.search(r"\son[a-z]+\s*=", html), path
        assert "javascript:" not in html, path
