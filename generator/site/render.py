"""Stage 6, render: turn each output's view into bytes (Jinja templates for pages)."""
from __future__ import annotations

import hashlib
import re
import traceback

import jinja2
import markdown
from markdown.extensions.toc import slugify_unicode
from markupsafe import Markup

from .. import i18n
from ..errors import RenderError
from .planned import Generated, Page
from .theme import Theme
from . import markdown_store, safe_html, urls
from .internal_links import InternalLinks
from .markdown_lists import ListIndentExtension


# The name in Jinja's "has no attribute 'nmae'" and "'nmae' is undefined".
MISSING_NAME = re.compile(r"(?:attribute '|^')(\w+)'")
# Prefixed to a text's cache key when its HTML is kept as written.
TRUSTED_KEY = "trusted-html\n"


class MarkdownCache:
    """One Markdown instance, reset between texts, with results cached by content.

    Its HTML is sanitised (safe_html.py) unless `trusted` (`trusted_html: true` in
    meeting.yaml); the flag is part of each cache key, so HTML rendered one way is
    never served the other, in memory or in the store on disk."""

    trusted = False

    def __init__(self) -> None:
        self._md = markdown.Markdown(
            extensions=["extra", "sane_lists", "toc", ListIndentExtension()],
            extension_configs={"toc": {"baselevel": 2, "permalink": False,
                                       "slugify": lambda text, sep: "note-" + slugify_unicode(text, sep)}})
        self._cache: dict[str, Markup] = {}
        self.used: set[str] = set()  # keys asked for since `preload` (markdown_store.py)

    def __call__(self, text: str) -> Markup:
        if not text:
            return Markup("")
        key = hashlib.sha1((TRUSTED_KEY if self.trusted else "").encode() + text.encode()
                           ).hexdigest()
        self.used.add(key)
        html = self._cache.get(key)
        if html is None:
            html = self.unsanitised(text)
            html = Markup(html if self.trusted else safe_html.clean(html))
            self._cache[key] = html
        return html

    def unsanitised(self, text: str) -> str:
        """The HTML Markdown makes of a text, before sanitising (for the checker)."""
        return self._md.reset().convert(text)

    def settings(self) -> str:
        return markdown_store.settings_digest(
            lambda text: safe_html.clean(self._md.reset().convert(text)))

    def preload(self, entries: dict[str, str]) -> None:
        """Take entries rendered by an earlier build; start counting which are used."""
        for key, html in entries.items():
            self._cache.setdefault(key, Markup(html))
        self.used = set()

    def used_entries(self) -> dict[str, str]:
        return {key: str(self._cache[key]) for key in sorted(self.used)}


class Renderer:
    """Renders each output from its view alone: a page with its template, a generated
    file with its maker. Templates get autoescaping, strict undefined values and two
    helpers, `url` and `markdown`; all decisions are made in Python (views/)."""

    def __init__(self, theme: Theme) -> None:
        self.theme = theme
        self.markdown = MarkdownCache()
        self.env = jinja2.Environment(
            loader=theme.loader(),
            autoescape=jinja2.select_autoescape(["html", "xml"]),
            undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
            keep_trailing_newline=True, extensions=["jinja2.ext.i18n"])
        # Interface words through the catalogues, in the active language (render_page);
        # new-style gettext escapes the values put into a message.
        self.env.install_gettext_callables(i18n.gettext, i18n.ngettext, newstyle=True,
                                           pgettext=i18n.pgettext, npgettext=i18n.npgettext)
        self.env.filters["markdown"] = InternalLinks(self.markdown).filter()  # `@` links, per page
        self.env.filters["fallback_lang"] = fallback_language

    def reload_templates(self) -> None:
        """Forget compiled templates so edited files are read again."""
        if self.env.cache is not None:
            self.env.cache.clear()

    def render(self, output, base_url: str) -> bytes:
        if isinstance(output, Generated):
            return output.make(output.view)
        return self.render_page(output, base_url)

    def render_page(self, page: Page, base_url: str) -> bytes:
        try:
            template = self.env.get_template(page.template)
            with i18n.using(_language(page)):
                html = template.render(view=page.view, url=Links(page, base_url))
        except jinja2.TemplateSyntaxError as exc:
            raise RenderError(f"{self.theme.name(exc.filename)}:{exc.lineno}: template syntax "
                              f"error: {exc.message}") from exc
        except jinja2.TemplateNotFound as exc:
            raise RenderError(f"{self.theme.name(None)}: template '{exc.name}' not found "
                              f"(needed for {page.path})") from exc
        except Exception as exc:
            raise RenderError(f"{self._template_line(exc, page)}: error while rendering "
                              f"{page.path}: {exc}") from exc
        return html.encode("utf-8")

    def _template_line(self, exc: Exception, page: Page) -> str:
        """Where in the templates a rendering error is, as file:line: the innermost
        template frame, or, for a name that is not in the view, the line that writes it
        (a value handed to a macro such as t() fails inside the macro)."""
        frames = [frame for frame in reversed(traceback.extract_tb(exc.__traceback__))
                  if self.theme.owns(frame.filename)]
        if not frames:
            return self.theme.name(str(self.theme.folders[0] / page.template))
        missing = MISSING_NAME.search(str(exc))
        if missing:
            frames = [f for f in frames if missing.group(1) in (f.line or "")] or frames
        return f"{self.theme.name(frames[0].filename)}:{frames[0].lineno}"


def _language(page: Page) -> str:
    frame = getattr(page.view, "frame", None)
    return frame.language if frame is not None else i18n.SOURCE_LANGUAGE


def fallback_language(value) -> str:
    """The language a content text is really in when that is not the page's (a missing
    translation, shown in the main language: content/languages.py), else ""."""
    text = getattr(value, "text", value)  # a MarkdownText holds its text
    lang = getattr(text, "lang", "")
    return lang if lang and lang != i18n.active() else ""


class Links:
    """`url(path)` in templates: a relative link from the page being rendered to an
    output path (`days/2022-06-20/index.html#session-5` keeps its anchor).

    One per page, passed in the render context rather than a `pass_context` global:
    Jinja copies the context for such a global on every call inside a loop, which
    cost more than the link itself on pages with long lists."""

    def __init__(self, page: Page, base_url: str) -> None:
        self.here = page.path
        self.base_url = base_url
        self.edition = page.edition  # a page in fr/ links to fr/ pages (editions.py)
        # The 404 page is served at any depth, so relative links would break there.
        self.absolute = bool(getattr(page.view, "absolute_links", False))

    def __call__(self, path: str) -> str:
        path, _, anchor = path.partition("#")
        path = self.edition.path(path)
        if self.absolute:
            return urls.public_url(self.base_url, path)
        if not anchor:
            return urls.relative(self.here, path)
        link = "" if path == self.here else urls.relative(self.here, path)
        return f"{link}#{anchor}"

    def in_edition(self, prefix: str, public: bool = False) -> str:
        """This page in the edition whose folder is `prefix` ("" for the main language),
        for the language switcher (relative, so it works from disk) and `hreflang`
        links (`public`: absolute given a base URL, as search engines want)."""
        target = prefix + self.here[len(self.edition.prefix):]
        if self.base_url and (public or self.absolute):
            return urls.public_url(self.base_url, target)
        return urls.relative(self.here, target)
