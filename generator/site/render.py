"""Stage 5, render: turn planned pages into bytes with Jinja templates.

Templates get autoescaping, strict undefined values and a few helpers for links,
times and Markdown; all decisions stay in Python (plan.py, present.py).
"""
from __future__ import annotations

import hashlib
import traceback
from pathlib import Path

import jinja2
import markdown
from markdown.extensions.toc import slugify_unicode
from markupsafe import Markup

from ..errors import RenderError
from .plan import Generated, Page, Site
from ..outputs import calendars, seo
from . import markdown_store, present, urls
from .internal_links import InternalLinks
from .markdown_lists import ListIndentExtension


class MarkdownCache:
    """One Markdown instance, reset between texts, with results cached by content."""

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
        key = hashlib.sha1(text.encode()).hexdigest()
        self.used.add(key)
        html = self._cache.get(key)
        if html is None:
            html = Markup(self._md.reset().convert(text))
            self._cache[key] = html
        return html

    def settings(self) -> str:
        return markdown_store.settings_digest(lambda text: self._md.reset().convert(text))

    def preload(self, entries: dict[str, str]) -> None:
        """Take entries rendered by an earlier build; start counting which are used."""
        for key, html in entries.items():
            self._cache.setdefault(key, Markup(html))
        self.used = set()

    def used_entries(self) -> dict[str, str]:
        return {key: str(self._cache[key]) for key in sorted(self.used)}


class Renderer:
    def __init__(self, templates_dir: Path) -> None:
        self.templates_dir = Path(templates_dir)
        self.markdown = MarkdownCache()
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(self.templates_dir)),
            autoescape=jinja2.select_autoescape(["html", "xml"]),
            undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
            keep_trailing_newline=True)
        self.env.filters["markdown"] = InternalLinks(self.markdown).filter()  # `@` links, per page
        self.env.globals.update(**present.helpers(), **calendars.helpers(),
                                **seo.helpers())

    def reload_templates(self) -> None:
        """Forget compiled templates so edited files are read again."""
        if self.env.cache is not None:
            self.env.cache.clear()

    def render(self, output, site: Site) -> bytes:
        if isinstance(output, Generated):
            return output.make()
        return self.render_page(output, site)

    def render_page(self, page: Page, site: Site) -> bytes:
        try:
            template = self.env.get_template(page.template)
            html = template.render(page.context, page=page, site=site,
                                   meeting=site.agenda.meeting, agenda=site.agenda,
                                   index=site.index, url=Links(page, site))
        except jinja2.TemplateSyntaxError as exc:
            raise RenderError(f"{self._name(exc.filename)}:{exc.lineno}: template syntax error: "
                              f"{exc.message}") from exc
        except jinja2.TemplateNotFound as exc:
            raise RenderError(f"{self.templates_dir}: template '{exc.name}' not found "
                              f"(needed for {page.path})") from exc
        except Exception as exc:
            raise RenderError(f"{self._template_line(exc, page)}: error while rendering "
                              f"{page.path}: {exc}") from exc
        return html.encode("utf-8")

    def _name(self, filename: str | None) -> str:
        if not filename:
            return str(self.templates_dir)
        try:
            return str(Path(filename).relative_to(self.templates_dir.parent))
        except ValueError:
            return filename

    def _template_line(self, exc: Exception, page: Page) -> str:
        """The innermost template frame of a rendering error, as file:line."""
        for frame in reversed(traceback.extract_tb(exc.__traceback__)):
            if frame.filename.startswith(str(self.templates_dir)):
                return f"{self._name(frame.filename)}:{frame.lineno}"
        return self._name(str(self.templates_dir / page.template))


class Links:
    """`url(target, anchor=False)` in templates: a relative link from the page being
    rendered to a model object or output path.

    One per page, passed in the render context rather than a `pass_context` global:
    Jinja copies the context for such a global on every call inside a loop, which
    cost more than the link itself on pages with long lists."""

    def __init__(self, page: Page, site: Site) -> None:
        self.here = page.path
        self.site = site
        # The 404 page is served at any depth, so relative links would break there.
        self.absolute = bool(page.context.get("absolute_links"))

    def __call__(self, target, anchor: bool = False) -> str:
        here = self.here
        path = target if isinstance(target, str) else None
        if self.absolute:
            return urls.public_url(self.site.base_url, path or urls.path_of(target))
        if path is not None:
            return urls.relative(here, path)
        if anchor or not getattr(target, "has_page", True):
            day_page = urls.day_path(self.site.index.items[target.id][0])
            link = "" if day_page == here else urls.relative(here, day_page)
            return f"{link}#{target.id}"
        return urls.relative(here, urls.path_of(target))
