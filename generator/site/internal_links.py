"""Links written `[text](@session-5)` in Markdown, made relative to the page shown.

Rendered Markdown is cached by its text alone (render.py, markdown_store.py), so
the `@` addresses stay in the cached HTML and are resolved here, per page, from
the page's own `url` helper (render.Links): relative on every page (a host, a
sub-path, opened from disk), absolute on the 404 page. The content stage has
checked every target (content/internal_links.py).
"""
from __future__ import annotations

import re

import jinja2
from markupsafe import Markup, escape

from ..content.internal_links import Targets
from ..errors import RenderError

ADDRESS = re.compile(r"""\b(href|src)=(["'])@([A-Za-z0-9._/-]+)(#[^"']*)?\2""")


class InternalLinks:
    """The `markdown` filter of templates: Markdown, then `@` links resolved."""

    def __init__(self, render_markdown) -> None:
        self.render_markdown = render_markdown
        self._targets: tuple[object, Targets] | None = None  # the last site's, by identity

    def targets(self, site) -> Targets:
        if self._targets is None or self._targets[0] is not site:
            self._targets = (site, Targets(site.agenda, site.index))
        return self._targets[1]

    def filter(self):
        @jinja2.pass_context
        def markdown(context, text: str) -> Markup:
            return self.render(text, context.get("url"))
        return markdown

    def render(self, text: str, links) -> Markup:
        """`links`: the page's render.Links."""
        html = self.render_markdown(text)
        if '="@' not in html and "='@" not in html:
            return html
        if links is None:
            raise RenderError("the markdown filter needs the page's `url` helper in its "
                              "context: import macros that use it `with context`")
        return Markup(ADDRESS.sub(lambda match: self._resolve(match, links), html))

    def _resolve(self, match: re.Match, links) -> str:
        attribute, quote, path, anchor = match.groups()
        target = self.targets(links.site).find(path)
        if target is None:
            raise RenderError(f"{links.here}: link to unknown page '@{path}'")
        address = links(target)
        if anchor:
            address = address.split("#", 1)[0] + anchor
        return f"{attribute}={quote}{escape(address)}{quote}"
