"""The pipeline, run straight through: load -> validate -> plan -> render -> write.

`Builder` keeps caches (parsed files, rendered Markdown, compiled templates)
between runs, so the dev server can call `build` again cheaply.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .content import Loaded, load_content
from .errors import Problem
from .load import SourceReader
from .model import Source
from .plan import Generated, Site, plan_site
from .render import Renderer
from .write import SiteSync, check_output_dir, write_site
from . import agenda_json, calendars, schedule_json, seo

STATIC_DIR = "static"


@dataclass(frozen=True)
class BuildResult:
    files: int
    written: int
    seconds: float
    warnings: tuple[Problem, ...]

    def summary(self, output: Path) -> str:
        unchanged = self.files - self.written
        extra = f", {unchanged} unchanged" if unchanged else ""
        return (f"Built {self.files} files ({self.written} written{extra}) into {output} "
                f"in {self.seconds:.2f} s")


class Builder:
    def __init__(self, content_dir: Path, templates_dir: Path, base_url: str = "") -> None:
        self.content_dir = Path(content_dir)
        self.templates_dir = Path(templates_dir)
        self.base_url = base_url.rstrip("/") + "/" if base_url else ""
        self.reader = SourceReader(self.content_dir)
        self.renderer = Renderer(self.templates_dir)

    def check(self) -> Loaded:
        """Load and validate; raises ContentError with every problem."""
        self.reader.forget_missing()
        return load_content(self.content_dir, self.reader)

    def plan(self, loaded: Loaded) -> Site:
        return plan_site(loaded.agenda, loaded.index, self.base_url,
                         extras=(self._static_files, calendars.outputs,
                                 schedule_json.outputs, agenda_json.outputs, seo.qr_outputs))

    def _static_files(self, agenda, index, base_url) -> list[Generated]:
        static = self.templates_dir / STATIC_DIR
        files = sorted(p for p in static.rglob("*") if p.is_file()) if static.is_dir() else []
        return [Generated(f"{STATIC_DIR}/{p.relative_to(static).as_posix()}",
                          Source(str(p), 0), p.read_bytes) for p in files]

    def render(self, site: Site) -> Iterator[tuple[str, bytes]]:
        for output in site.outputs:
            yield output.path, self.renderer.render(output, site)

    def build(self, output_dir: Path) -> BuildResult:
        """A full build into a staging folder swapped in at the end."""
        started = time.perf_counter()
        output = check_output_dir(output_dir, self.protected())
        loaded = self.check()
        site = self.plan(loaded)
        # Pages stream into a staging folder; on any error it is discarded and
        # the last good output stays as it was.
        count = write_site(self.render(site), output)
        return BuildResult(count, count, time.perf_counter() - started, loaded.warnings)

    def rebuild(self, sync: SiteSync, templates_changed: bool = True) -> BuildResult:
        """An in-place rebuild for the dev server: only changed files are written.

        Recompiling every template costs more than the rest of a small rebuild,
        so the server says whether any template changed."""
        started = time.perf_counter()
        if templates_changed:
            self.renderer.reload_templates()
        loaded = self.check()
        site = self.plan(loaded)
        rendered = list(self.render(site))  # render all before writing any
        written, _ = sync.sync(rendered)
        return BuildResult(len(rendered), written, time.perf_counter() - started, loaded.warnings)

    def protected(self) -> tuple[Path, ...]:
        return (self.content_dir, self.templates_dir)
