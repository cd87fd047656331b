"""Nothing from content runs in a reader's browser: Markdown's HTML through an allow-list.

Markdown lets an organiser write raw HTML, and its `{: attribute}` lists put any
attribute on an element, so a note could carry `<script>`, an `onerror=` handler
or a `javascript:` link. Every piece of HTML made from content goes through
nh3 (the Python binding of the Ammonia sanitiser) with the allow-list below:
common text, list, table and image elements, no script, style, iframe, object,
embed or form, no `on*` attributes, and only http, https, mailto, tel and
relative addresses (the project's `@` links are relative ones, resolved later).
`trusted_html: true` in meeting.yaml skips it, for an organiser who writes all
the content. The checker names each thing left out (`unsafe_html`), found by
reading the unsanitised HTML against the same allow-list; texts that cannot
produce HTML beyond what Markdown makes itself are not even rendered for it.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Callable, Iterable, Iterator

import nh3

from ..content.model import Source
from ..content.safe_urls import URL_SCHEMES, unsafe_scheme
from ..errors import Problem

TAGS = frozenset(nh3.ALLOWED_TAGS)  # Ammonia's text, list, table, image and link elements
GENERIC_ATTRIBUTES = frozenset({"id", "title", "lang", "dir"})  # ids: Markdown's anchors
ATTRIBUTES = {tag: frozenset(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()}
# Markdown's tables align columns with `style="text-align: ..."`, and nothing else.
for _cell in ("th", "td"):
    ATTRIBUTES[_cell] = ATTRIBUTES.get(_cell, frozenset()) | {"style"}
STYLE_PROPERTIES = frozenset({"text-align"})
# The classes Markdown's footnotes carry (the stylesheet may style them).
CLASSES = {"a": frozenset({"footnote-ref", "footnote-backref"}), "div": frozenset({"footnote"})}
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})

_CLEANER = nh3.Cleaner(
    tags=set(TAGS), clean_content_tags={"script", "style"},
    attributes={"*": set(GENERIC_ATTRIBUTES), **{t: set(a) for t, a in ATTRIBUTES.items()}},
    url_schemes=set(URL_SCHEMES), allowed_classes={t: set(c) for t, c in CLASSES.items()},
    filter_style_properties=set(STYLE_PROPERTIES), link_rel=None)

# What can make HTML beyond Markdown's own: raw tags and autolinks (`<`), attribute
# lists (`{: onclick=...}`), and link or image addresses with a scheme or an entity.
_MAY_BE_UNSAFE = re.compile(
    r"<|\{[^}\n]*=|\]\s*\(\s*<?[^)\s]*[:&]|^ {0,3}\[[^\]\n]+\]:\s*<?\S*[:&]", re.MULTILINE)
ADVICE = ("pages show only safe HTML from content (`trusted_html: true` in meeting.yaml "
          "keeps it, if you write all the content yourself)")


def clean(html: str) -> str:
    """The HTML with everything outside the allow-list removed."""
    return _CLEANER.clean(html)


def unsafe_html(texts: Iterable[tuple[str, Source, str]], render: Callable[[str], str]
                ) -> list[Problem]:
    """A warning, with its file and line, for each thing the sanitiser removes from
    each Markdown text ((text, source, key) as content/internal_links.markdown_texts
    gives them; `render`: Markdown to unsanitised HTML)."""
    found = []
    for text, source, key in texts:
        if not text or not _MAY_BE_UNSAFE.search(text):
            continue
        first = source.text_line(key) if key else source.line
        for what, needle in _removed(render(text)):
            offset = _find(text, needle)
            line = first + text.count("\n", 0, offset)
            found.append(Problem(source.file, line, f"unsafe HTML left out: {what}; {ADVICE}",
                                 warning=True))
    return sorted(set(found))


def _find(text: str, needle: str) -> int:
    match = re.search(re.escape(needle), text, re.IGNORECASE)
    return match.start() if match else 0


def _removed(html: str) -> Iterator[tuple[str, str]]:
    """(what is removed, text to find it by in the source) for each removal."""
    inspector = _Inspector()
    inspector.feed(html)
    inspector.close()
    return iter(inspector.removed)


class _Inspector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.removed: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in TAGS:
            self.removed.append((f"the <{tag}> element", f"<{tag}"))
            return
        for name, value in attrs:
            if not _allowed(tag, name, value or ""):
                self.removed.append((f"the {name} attribute of <{tag}>", name))
            elif name in URL_ATTRIBUTES and unsafe_scheme(value or ""):
                scheme = unsafe_scheme(value or "")
                self.removed.append((f"a {scheme}: address in <{tag} {name}>", f"{scheme}:"))

    handle_startendtag = handle_starttag


def _allowed(tag: str, name: str, value: str) -> bool:
    if name == "class":
        return bool(value.split()) and set(value.split()) <= CLASSES.get(tag, frozenset())
    return name in GENERIC_ATTRIBUTES or name in ATTRIBUTES.get(tag, frozenset())
