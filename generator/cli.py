"""Command line: `agenda build`, `check`, `serve`, `publish`; `new`, `import` and `schema`
to start a meeting (authoring/, content/schema.py).

Every AgendaError is caught here, once, and printed without a traceback
(unless --debug).
"""
from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from .site.build import Builder
from .errors import AgendaError, ContentError
from .site.markdown_store import FOLDER, default_folder
from .site.publish import publish, unpublished_note
from .site.write import check_cache_dir

DEFAULT_CONTENT = Path("content")
DEFAULT_OUTPUT = Path("output")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="agenda", description="Build a meeting agenda website "
                                     "from YAML and Markdown content.")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    commands = parser.add_subparsers(dest="command", required=True)

    def common(command: argparse.ArgumentParser, strict: bool = True) -> None:
        command.add_argument("--content", type=Path, default=DEFAULT_CONTENT,
                             help="content folder (default: content)")
        command.add_argument("--theme", "--templates", dest="theme", type=Path, default=None,
                             help="a theme folder whose files override the built-in theme's "
                                  "(default: the content folder's theme/, if any)")
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
    publish = commands.add_parser(
        "publish", help="record what the site publishes now in CONTENT/published/DATE.json "
                        "(the changes page, feed and calendars compare with these records)")
    common(publish)
    publish.add_argument("--date", default=None,
                         help="the publication's date, YYYY-MM-DD, or 'today' for the "
                              "computer's date (default: `updated:` in meeting.yaml)")
    serve = commands.add_parser("serve", help="build, serve and rebuild on every change")
    common(serve, strict=False)
    site(serve)
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to bind (default 127.0.0.1: this computer only)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    _authoring_commands(commands)
    return parser


def _authoring_commands(commands) -> None:
    new = commands.add_parser("new", help="write a small example meeting into a new folder")
    new.add_argument("folder", type=Path, help="a new or empty folder")
    new.add_argument("--start", type=_date, default=None,
                     help="first day, YYYY-MM-DD (default: next Monday)")
    imported = commands.add_parser(
        "import", help="turn a frab/pretalx schedule (.json, .xml) or a spreadsheet "
                       "(.csv, .xlsx, one row per item) into a new content folder")
    imported.add_argument("source", type=Path, help="the schedule or spreadsheet")
    imported.add_argument("folder", type=Path, help="a new or empty folder for the content")
    imported.add_argument("--timezone", default="",
                          help="IANA time zone of the meeting, e.g. Europe/Paris (needed for "
                               "spreadsheets; overrides a schedule's)")
    imported.add_argument("--title", default="", help="title of the meeting")
    imported.add_argument("--id", default="", help="id of the meeting")
    schema = commands.add_parser("schema", help="write the JSON Schema of the content files "
                                                "into CONTENT/schema/, for editors")
    schema.add_argument("--content", type=Path, default=DEFAULT_CONTENT,
                        help="content folder (default: content)")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date written YYYY-MM-DD") from None


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
    if args.command in ("new", "import", "schema"):
        return _author(args)
    builder = Builder(args.content, args.theme, getattr(args, "base_url", ""))
    if args.command == "serve":
        from .preview.server import serve  # the server's dependencies load only when serving
        return serve(builder, args.output, args.host, args.port)
    if args.command == "publish":
        print(publish(builder, args.date, strict=args.strict).summary())
        return 0
    if args.command == "check":
        loaded = builder.check(strict=args.strict)
        builder.plan(loaded)  # planning refuses two sources that would write one file
        _print_warnings(loaded.warnings)
        days = loaded.agenda.days
        print(f"{args.content}: OK, {len(days)} days, "
              f"{sum(len(d.items) for d in days)} items, {len(loaded.agenda.people)} people")
        note = unpublished_note(loaded.agenda, loaded.index)
        if note:
            print(f"Note: {note}")
        return 0
    result = builder.build(args.output, _cache_dir(args, builder), strict=args.strict)
    _print_warnings(result.warnings)
    print(result.summary(args.output))
    return 0


def _author(args: argparse.Namespace) -> int:
    if args.command == "schema":
        from .content.schema import FOLDER, write_schemas
        for path in write_schemas(args.content / FOLDER):
            print(f"wrote {path}")
        return 0
    if args.command == "new":
        from .authoring.new import create
        files = create(args.folder, args.start)
        print(f"Wrote a small meeting to {args.folder} ({len(files)} files). Preview it with\n"
              f"  agenda serve --content {args.folder}\nand make it yours: every key is "
              "explained in content/README.md of the agenda project.")
        return 0
    from .authoring.importers import import_schedule
    result = import_schedule(args.source, args.folder, args.timezone, args.title, args.id)
    _print_warnings(result.warnings)
    print(result.summary())
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
