"""The dev server's HTTP side: the built site, the build-error page and live reload.

Built on tornado and the `livereload` package, with its unsafe defaults replaced:
its WebSocket accepted any Origin (and DNS-rebound Hosts), and its file handler
did not stop symlinks leading out of the served folder.
"""
from __future__ import annotations

import os
import urllib.parse
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import jinja2
from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler
from livereload.server import LiveScriptInjector
from tornado import web
from tornado.websocket import WebSocketClosedError

DEV_TEMPLATES = Path(__file__).parent / "dev_templates"
LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})
PAGE_SUFFIXES = ("", ".html", ".htm")
LIVERELOAD_VERSION = version("livereload")

_templates = jinja2.Environment(loader=jinja2.FileSystemLoader(str(DEV_TEMPLATES)),
                                autoescape=True, undefined=jinja2.StrictUndefined)


@dataclass
class BuildStatus:
    """The outcome of the last build; pages show `report` while it is set."""

    headline: str = ""
    report: str | None = None

    def error_page(self) -> bytes:
        page = _templates.get_template("build_error.html")
        return page.render(headline=self.headline, report=self.report).encode("utf-8")


def is_loopback(host: str) -> bool:
    return host in LOOPBACK_NAMES or host.startswith("127.")


class _HostCheck:
    """Refuses requests whose Host names another machine while we listen on
    loopback only: a DNS-rebinding page would otherwise count as same-origin."""

    def prepare(self) -> None:
        allowed = self.settings["allowed_hosts"]
        if allowed is None:
            return
        hostname = urllib.parse.urlsplit("//" + self.request.host).hostname or ""
        if hostname not in allowed:
            raise web.HTTPError(403, "unexpected Host %s", self.request.host)


class SiteFileHandler(_HostCheck, web.StaticFileHandler):
    """Serves files of the output folder only; pages show the build error while there is one."""

    def initialize(self, path: str, status: BuildStatus) -> None:
        super().initialize(path=path, default_filename="index.html")
        self.status = status
        self._body: bytes | None = None

    async def get(self, path: str, include_body: bool = True) -> None:
        if self.status.report is not None and _is_page(path):
            self._send_page(500, self.status.error_page())
            return
        await super().get(path, include_body)

    def validate_absolute_path(self, root: str, absolute_path: str) -> str | None:
        valid = super().validate_absolute_path(root, absolute_path)
        # Recent tornado resolves symlinks itself; check again so an older one cannot
        # serve a link pointing out of the site.
        inside = os.path.realpath(root) + os.sep
        if valid is not None and not os.path.realpath(valid).startswith(inside):
            raise web.HTTPError(403)
        return valid

    # A rebuild may replace the file between tornado's stat (Content-Length) and its
    # read, which made the sizes disagree and the connection drop: read it once.
    def get_content_size(self) -> int:
        return len(self._snapshot())

    def get_content(self, abspath: str, start: int | None = None,  # type: ignore[override]
                    end: int | None = None) -> bytes:
        return self._snapshot()[start:end]

    def _snapshot(self) -> bytes:
        if self._body is None:
            try:
                with open(self.absolute_path, "rb") as file:
                    self._body = file.read()
            except FileNotFoundError:  # the whole output was being swapped
                raise web.HTTPError(404) from None
        return self._body

    def set_extra_headers(self, path: str) -> None:
        # Browsers must ask again after a reload, or a changed stylesheet stays stale.
        self.set_header("Cache-Control", "no-cache")

    # Tornado caches each file's ETag for the life of the process, so a rebuilt page
    # would get "304 Not Modified"; always sending the file is cheap on loopback.
    def compute_etag(self) -> None:
        return None

    def should_return_304(self) -> bool:
        return False

    def write_error(self, status_code: int, **kwargs) -> None:
        if status_code == 404 and self.status.report is not None:
            self._send_page(500, self.status.error_page())
            return
        not_found = Path(self.root) / "404.html"
        if status_code == 404 and not_found.is_file():
            self._send_page(404, not_found.read_bytes())
            return
        super().write_error(status_code, **kwargs)

    def _send_page(self, status_code: int, html: bytes) -> None:
        self.set_status(status_code)
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("Cache-Control", "no-cache")
        self.finish(html if self.request.method != "HEAD" else b"")


def _is_page(path: str) -> bool:
    return path.endswith("/") or os.path.splitext(path)[1].lower() in PAGE_SUFFIXES


class ReloadClientScript(LiveReloadJSHandler):
    """livereload's browser client, kept by the browser: it never changes while the
    server runs, so a reload need not wait for it (the URL names the version)."""

    def set_default_headers(self) -> None:
        self.set_header("Cache-Control", "max-age=86400, immutable")


class ReloadSocket(_HostCheck, LiveReloadHandler):
    """livereload's WebSocket, but only for pages of this server's own origin.

    Tornado accepts same-origin handshakes before calling check_origin, so
    refusing here refuses every other origin (livereload's accepted all)."""

    def check_origin(self, origin: str) -> bool:
        return False

    @classmethod
    def reload_browsers(cls) -> None:
        """Tells every connected page to reload. livereload's poll_tasks is not used:
        it drops a reload that comes within 3 s of the previous one."""
        message = {"command": "reload", "path": "*", "liveCSS": False, "liveImg": False}
        for waiter in list(cls.waiters):
            try:
                waiter.write_message(message)
            except WebSocketClosedError:
                cls.waiters.discard(waiter)

    @classmethod
    def close_all(cls) -> None:
        for waiter in list(cls.waiters):
            waiter.close()


def make_application(output: Path, status: BuildStatus, host: str, port: int) -> web.Application:
    script = _templates.get_template("livereload_script.html").render(
        port=port, version=LIVERELOAD_VERSION).strip()

    class InjectReloadScript(LiveScriptInjector):
        """Adds the livereload client to served HTML only; files on disk stay clean."""

    InjectReloadScript.script = script.encode("utf-8")
    allowed = (LOOPBACK_NAMES | {host}) if is_loopback(host) else None
    return web.Application(
        [(r"/livereload", ReloadSocket),
         (r"/livereload\.js", ReloadClientScript),
         (r"/(.*)", SiteFileHandler, {"path": str(output), "status": status})],
        transforms=[InjectReloadScript], allowed_hosts=allowed,
        log_function=lambda handler: None)  # the terminal shows builds, not every request
