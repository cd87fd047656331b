"""Command line: `agenda build`, `agenda check`, `agenda serve`.

Every AgendaError is caught here, once, and printed without a traceback
(unless --debug).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .site.build import Builder
from .errors import AgendaError, ContentError
from .site.markdown_store import FOLDER, default_folder
from .site.write import check_cache_dir

DEFAULT_CONTENT = Path("content")
DEFAULT_TEMPLATES = Path("templates")
DEFAULT_OUTPUT = Path("output")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="agenda", description="Build a meeting agenda website "
                                     "from YAML and Markdown content.")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    commands = parser.add_subparsers(dest="command", required=True)

    def common(command: argparse.ArgumentParser, strict: bool = True) -> None:
        command.add_argument("--content", type=Path, default=DEFAULT_CONTENT,
                             help="content folder (default: content)")
        command.add_argument("--templates", type=Path, default=DEFAULT_TEMPLATES,
                             help="templates folder (default: templates)")
        if strict:
            command.add_argument("--strict", action="store_true",
                                 help="treat warnings as errors")

    def site(command: argparse.ArgumentParser) -> None:
        command.add_argument("--output", type=Path, default=DEFAULT_OUTPUT,
                             help="output folder (default: output)")
        command.add_argument("--base-url", default="",
                             help="public URL the site is served from, e.g. https://example.org"
                                  "/meetings/2022/ (canonical links, sitemap, QR codes)")

    check = commands.add_parser("check", help="validate the content without writing anything")
    common(check)
    build = commands.add_parser("build", help="build the site")
    common(build)
    site(build)
    build.add_argument("--cache-dir", type=Path, default=None,
                       help="where rendered Markdown is kept for the next build (default: "
                            f"{FOLDER} beside the output folder); safe to delete")
    build.add_argument("--no-cache", action="store_true",
                       help="render all Markdown again and keep nothing for the next build")
    serve = commands.add_parser("serve", help="build, serve and rebuild on every change")
    common(serve, strict=False)
    site(serve)
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to bind (default 127.0.0.1: this computer only)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except ContentError as exc:
        print(exc.report(), file=sys.stderr)
        print(f"agenda: {exc}; nothing was written", file=sys.stderr)
        if args.debug:
            raise
        return 1
    except (AgendaError, OSError) as exc:
        # OSError: a folder that cannot be created or written (permissions, a file in the way).
        print(f"agenda: error: {exc}", file=sys.stderr)
        if args.debug:
            raise
        return 1
    except KeyboardInterrupt:
        return 130


def _run(args: argparse.Namespace) -> int:
    builder = Builder(args.content, args.templates, getattr(args, "base_url", ""))
    if args.command == "serve":
        from .preview.server import serve  # the server's dependencies load only when serving
        return serve(builder, args.output, args.host, args.port)
    if args.command == "check":
        loaded = builder.check(strict=args.strict)
        builder.plan(loaded)  # planning refuses two sources that would write one file
        _print_warnings(loaded.warnings)
        days = loaded.agenda.days
        print(f"{args.content}: OK, {len(days)} days, "
              f"{sum(len(d.items) for d in days)} items, {len(loaded.agenda.people)} people")
        return 0
    result = builder.build(args.output, _cache_dir(args, builder), strict=args.strict)
    _print_warnings(result.warnings)
    print(result.summary(args.output))
    return 0


def _cache_dir(args: argparse.Namespace, builder: Builder) -> Path | None:
    if args.no_cache:
        return None
    if args.cache_dir is None:
        return default_folder(args.output)  # beside the output, which build checks
    return check_cache_dir(args.cache_dir, {"content": builder.content_dir,
                                            "templates": builder.templates_dir,
                                            "output": args.output})


def _print_warnings(warnings) -> None:
    for warning in warnings:
        print(warning, file=sys.stderr)
