"""The pipeline, run straight through: load -> validate -> plan -> views -> render -> write.

`Builder` keeps caches (parsed files, rendered Markdown, compiled templates)
between runs, so the dev server can call `build` again cheaply.
"""
from __future__ import annotations

import dataclasses
import time
from functools import partial
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..content.pipeline import Loaded, load_content
from ..errors import ContentError, Problem
from ..content.load import SourceReader
from .markdown_store import MarkdownStore
from ..content.model import Source
from ..content.relations import Index
from .plan import plan_site
from .editions import plan_editions
from .planned import Generated, Page, Site
from .render import Renderer
from .incremental import RenderCache, collector_paused
from .theme import Theme
from .views import ViewCache
from .write import SiteSync, check_output_dir, digest, write_site
from ..outputs import (agenda_json, brand, calendars, companion_data, feed, photos, previews,
                        schedule_json, schedule_xml, seo)
from .addresses import broken_links
from . import parallel, safe_html
from ..content.internal_links import markdown_texts


@dataclass(frozen=True)
class BuildResult:
    files: int
    written: int
    seconds: float
    warnings: tuple[Problem, ...]
    rendered: int | None = None  # rebuilds: outputs rendered again (the rest were unchanged)

    def summary(self, output: Path) -> str:
        unchanged = self.files - self.written
        extra = f", {unchanged} unchanged" if unchanged else ""
        return (f"Built {self.files} files ({self.written} written{extra}) into {output} "
                f"in {self.seconds:.2f} s")


class Builder:
    def __init__(self, content_dir: Path, theme_dir: Path | None = None,
                 base_url: str = "") -> None:
        """`theme_dir`: an organiser's theme over the built-in one (default:
        content/theme/ when it exists; theme.py)."""
        self.content_dir = Path(content_dir)
        self.theme = Theme.for_content(self.content_dir, theme_dir)
        self.base_url = base_url.rstrip("/") + "/" if base_url else ""
        self.reader = SourceReader(self.content_dir)
        self.renderer = Renderer(self.theme)
        self.cache = RenderCache()  # for rebuilds: what each output was last built from
        self.views: dict[str, ViewCache] = {}  # each edition's last views, reused where exact
        self._index: Index | None = None  # the last good load's, reused where unchanged

    def check(self, strict: bool = False) -> Loaded:
        """Load and validate; raises ContentError with every problem (and, when
        strict, with the warnings)."""
        self.reader.forget_missing()
        loaded = load_content(self.content_dir, self.reader, self._index)
        self._index = loaded.index
        loaded = self._with_broken_links(loaded)
        loaded = self._with_unsafe_html(loaded)
        if strict and loaded.warnings:
            raise ContentError(list(loaded.warnings))
        return loaded

    def _with_broken_links(self, loaded: Loaded) -> Loaded:
        """Add a warning for each published page the site would no longer have."""
        if not loaded.agenda.publications:
            return loaded
        site = plan_site(loaded.agenda, loaded.index, self.base_url)
        found = broken_links(loaded.agenda, site.outputs, self.base_url)
        return dataclasses.replace(loaded, warnings=tuple(sorted(loaded.warnings + tuple(found))))

    def _with_unsafe_html(self, loaded: Loaded) -> Loaded:
        """Sanitise Markdown's HTML as the meeting says, with a warning for each thing
        sanitising removes (safe_html.py)."""
        markdown = self.renderer.markdown
        markdown.trusted = loaded.agenda.meeting.trusted_html
        if markdown.trusted:
            return loaded
        found = safe_html.unsafe_html(markdown_texts(loaded.agenda), markdown.unsanitised)
        if not found:
            return loaded
        return dataclasses.replace(loaded, warnings=tuple(sorted(loaded.warnings + tuple(found))))

    def plan(self, loaded: Loaded) -> Site:
        """Plan every output of every language's edition and make its view (the stages
        after validation; editions.py)."""
        assets = self.theme.assets()
        published = {name: path for name, (path, _) in assets.items()}
        published["brand.css"] = brand.stylesheet_path(loaded.agenda.meeting)
        shared = (partial(_static_files, assets, self.theme), self._photos, brand.outputs)
        per_edition = (calendars.outputs, schedule_json.outputs, agenda_json.outputs,
                       seo.qr_outputs, schedule_xml.outputs, previews.outputs,
                       companion_data.outputs, feed.outputs)
        return plan_editions(loaded.agenda, loaded.index, self.base_url, shared, per_edition,
                             lambda language, site: self._views(language).attach(site, published))

    def _views(self, language: str) -> ViewCache:
        """Each edition keeps its own views between rebuilds."""
        return self.views.setdefault(language, ViewCache())

    def _photos(self, agenda, index, base_url) -> list[Generated]:
        """People's photos, copied from the content folder (outputs/photos.py)."""
        return photos.outputs(agenda, self.content_dir)

    def _render_on_all_cores(self, site: Site, store: MarkdownStore | None = None
                             ) -> Iterator[tuple[str, bytes]]:
        # Compile every template once, before workers are forked, so none compiles them again.
        for template in sorted({o.template for o in site.outputs if isinstance(o, Page)}):
            self.renderer.env.get_template(template)
        markdown = self.renderer.markdown
        if store is None:
            save = None
        else:
            def save(slot: int, slots: int) -> None:
                store.save(slot, markdown.used_entries(), slots)
        return parallel.render_all(site.outputs,
                                   lambda output: self.renderer.render(output, site.base_url),
                                   finish=save)

    def build(self, output_dir: Path, cache_dir: Path | None = None,
              strict: bool = False) -> BuildResult:
        """A full build into a staging folder swapped in at the end; `cache_dir`:
        where rendered Markdown is kept for the next build (markdown_store.py)."""
        started = time.perf_counter()
        output = check_output_dir(output_dir, self.protected())
        # Loading makes many objects and little garbage: the collector's passes are waste.
        with collector_paused():
            loaded = self.check(strict)
            site = self.plan(loaded)
        store = self._markdown_store(cache_dir)
        # Pages stream into a staging folder; on any error it is discarded and
        # the last good output stays as it was.
        count = write_site(self._render_on_all_cores(site, store), output)
        return BuildResult(count, count, time.perf_counter() - started, loaded.warnings)

    def _markdown_store(self, cache_dir: Path | None) -> MarkdownStore | None:
        """The Markdown cache in `cache_dir`, its entries handed to the renderer."""
        if cache_dir is None:
            return None
        store = MarkdownStore(cache_dir, self.renderer.markdown.settings())
        self.renderer.markdown.preload(store.load())
        return store

    def rebuild(self, sync: SiteSync, templates_changed: bool = True,
                cache_dir: Path | None = None) -> BuildResult:
        """An in-place rebuild for the dev server: only changed files are written.

        Recompiling every template costs more than the rest of a small rebuild,
        so the server says whether any template changed. `cache_dir`: a Markdown
        cache to start from and save to, for the server's first build (later ones
        keep rendered Markdown in memory)."""
        started = time.perf_counter()
        if templates_changed:
            self.renderer.reload_templates()
        store = self._markdown_store(cache_dir)
        with collector_paused():
            loaded = self.check()
            site = self.plan(loaded)
            # Render all before writing any; outputs whose inputs are unchanged are skipped.
            rendered, unchanged = self.cache.split(
                site, self.theme.digest(),
                lambda output: self.renderer.render(output, site.base_url), sync.current, digest)
            written, _ = sync.sync(rendered, unchanged)
        if store is not None:
            store.save(0, self.renderer.markdown.used_entries(), 1)
        return BuildResult(len(rendered) + len(unchanged), written,
                           time.perf_counter() - started, loaded.warnings, len(rendered))

    @property
    def templates_dir(self) -> Path:
        """The folder an organiser edits templates in: their theme, else the built-in one."""
        return self.theme.folders[0]

    def watched_folders(self) -> tuple[Path, ...]:
        """What the dev server watches: the content (with content/theme/) and every
        folder of the theme, the built-in one included (its edits show at once)."""
        return (self.content_dir,) + tuple(f for f in self.theme.folders
                                           if self.content_dir not in f.parents)

    def protected(self) -> tuple[Path, ...]:
        return (self.content_dir,) + self.theme.folders


def _static_files(assets: dict, theme: Theme, agenda, index, base_url) -> list[Generated]:
    """The theme's static files under their hashed names; their view is their bytes."""
    sources = theme.static_files()
    return [Generated(path, Source(str(sources[name]), 0), partial(_as_is, data), _as_is)
            for name, (path, data) in assets.items()]


def _as_is(data: bytes) -> bytes:
    return data
