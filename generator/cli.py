"""Command line: `agenda build`, `agenda check`, `agenda serve`.

Every AgendaError is caught here, once, and printed without a traceback
(unless --debug).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .build import Builder
from .errors import AgendaError, ContentError, OutputError
from .markdown_store import FOLDER, default_folder

DEFAULT_CONTENT = Path("content")
DEFAULT_TEMPLATES = Path("templates")
DEFAULT_OUTPUT = Path("output")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="agenda", description="Build a meeting agenda website "
                                     "from YAML and Markdown content.")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    commands = parser.add_subparsers(dest="command", required=True)

    def common(command: argparse.ArgumentParser) -> None:
        command.add_argument("--content", type=Path, default=DEFAULT_CONTENT,
                             help="content folder (default: content)")
        command.add_argument("--templates", type=Path, default=DEFAULT_TEMPLATES,
                             help="templates folder (default: templates)")
        command.add_argument("--strict", action="store_true", help="treat warnings as errors")

    check = commands.add_parser("check", help="validate the content without writing anything")
    common(check)
    build = commands.add_parser("build", help="build the site")
    common(build)
    build.add_argument("--output", type=Path, default=DEFAULT_OUTPUT,
                       help="output folder (default: output)")
    build.add_argument("--base-url", default="",
                       help="public URL the site is served from, e.g. https://example.org/"
                            "meetings/2022/ (enables canonical links and the sitemap)")
    build.add_argument("--cache-dir", type=Path, default=None,
                       help="where rendered Markdown is kept for the next build (default: "
                            f"{FOLDER} beside the output folder); safe to delete")
    build.add_argument("--no-cache", action="store_true",
                       help="render all Markdown again and keep nothing for the next build")
    serve = commands.add_parser("serve", help="build, serve and rebuild on every change")
    common(serve)
    serve.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to bind (default 127.0.0.1: this computer only)")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--base-url", default="")
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
    except AgendaError as exc:
        print(f"agenda: error: {exc}", file=sys.stderr)
        if args.debug:
            raise
        return 1
    except KeyboardInterrupt:
        return 130


def _run(args: argparse.Namespace) -> int:
    builder = Builder(args.content, args.templates, getattr(args, "base_url", ""))
    if args.command == "serve":
        from .server import serve  # the server's dependencies load only when serving
        return serve(builder, args.output, args.host, args.port)
    if args.command == "check":
        loaded = builder.check()
        _print_warnings(loaded.warnings, args.strict)
        days = loaded.agenda.days
        print(f"{args.content}: OK, {len(days)} days, "
              f"{sum(len(d.items) for d in days)} items, {len(loaded.agenda.people)} people")
        return 1 if args.strict and loaded.warnings else 0
    if args.strict:
        warnings = builder.check().warnings
        if warnings:
            _print_warnings(warnings, True)
            return 1
    result = builder.build(args.output, _cache_dir(args))
    _print_warnings(result.warnings, False)
    print(result.summary(args.output))
    return 0


def _cache_dir(args: argparse.Namespace) -> Path | None:
    if args.no_cache:
        return None
    if args.cache_dir is None:
        return default_folder(args.output)
    folder, output = args.cache_dir.resolve(), args.output.resolve()
    if folder == output or output in folder.parents:
        raise OutputError(f"--cache-dir {args.cache_dir} is inside the output folder, which "
                          "every build replaces; choose a folder outside it")
    return folder


def _print_warnings(warnings, strict: bool) -> None:
    for warning in warnings:
        print(warning, file=sys.stderr)
    if warnings and strict:
        print(f"agenda: {len(warnings)} warnings and --strict is set", file=sys.stderr)
