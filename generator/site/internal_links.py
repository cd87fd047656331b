"""Links written `[text](@session-5)` in Markdown, made relative to the page shown.

A Markdown text in a view is a `MarkdownText`: the text and, for each `@` address
it uses, the output path it names, resolved when the view is made
(views/parts.py). So the view holds everything the rendered text depends on, and
the live preview stays exact when a target moves. Rendered Markdown is cached by
its text alone (render.py, markdown_store.py); the `@` addresses stay in the
cached HTML and are replaced here, per page, through the page's `url` helper:
relative on every page (a host, a sub-path, opened from disk), absolute on the
404 page. The content stage has checked every target (content/internal_links.py).
"""
from __future__ import annotations

import re

import jinja2
from markupsafe import Markup, escape

from ..errors import RenderError

ADDRESS = re.compile(r"""\b(href|src)=(["'])@([A-Za-z0-9._/-]+)(#[^"']*)?\2""")


class InternalLinks:
    """The `markdown` filter of templates: Markdown, then `@` links resolved."""

    def __init__(self, render_markdown) -> None:
        self.render_markdown = render_markdown

    def filter(self):
        @jinja2.pass_context
        def markdown(context, text) -> Markup:
            return self.render(text, context.get("url"))
        return markdown

    def render(self, text, links) -> Markup:
        """`text`: a MarkdownText (or plain text without `@` links); `links`: the
        page's render.Links."""
        html = self.render_markdown(str(text))
        if '="@' not in html and "='@" not in html:
            return html
        targets = dict(getattr(text, "links", ()))
        if links is None:
            raise RenderError("the markdown filter needs the page's `url` helper in its "
                              "context: import macros that use it `with context`")
        return Markup(ADDRESS.sub(lambda match: _resolve(match, targets, links), html))


def _resolve(match: re.Match, targets: dict[str, str], links) -> str:
    attribute, quote, path, anchor = match.groups()
    target = targets.get(path)
    if target is None:
        raise RenderError(f"{links.here}: link to unknown page '@{path}'")
    if anchor:
        target = target.split("#", 1)[0] + anchor
    return f"{attribute}={quote}{escape(links(target))}{quote}"
