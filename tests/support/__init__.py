"""What the tests share: where things are, content edits, builds to compare, and
template edits. Fixtures are in conftest.py; the browser, a site checker and the
dev-server runner are the sibling modules browser.py, sitecheck.py and
live_server.py."""
from __future__ import annotations

import shutil
from pathlib import Path

from generator.site.build import Builder
from generator.site.write import MARKER

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"
TEMPLATES = ROOT / "templates"
BASE_URL = "https://example.org/meetings/m/"


def without_isolation(html: str) -> str:
    """HTML without the bare <bdi> ... </bdi> that set names and titles apart from the
    text around them (a fallback's <bdi lang="en"> stays)."""
    return html.replace("<bdi>", "").replace("</bdi>", "")


def english_content(target: Path) -> Path:
    """A writable copy of the default content in English only (support/monolingual.py):
    what tests that edit its English lines start from."""
    from .monolingual import monolingual_copy
    return monolingual_copy(CONTENT, target)


def write_content(folder: Path, meeting: str, schedule: str,
                  people: str = "people: []\n") -> Path:
    """A content folder for a meeting of another shape, from the text of its files."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in (("meeting.yaml", meeting), ("people.yaml", people),
                       ("schedule.yaml", schedule)):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace text in a content file, failing loudly if the text is not there."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, f"{old!r} not found {count} times in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, needle: str, occurrence: int = 1) -> int:
    """1-based line number of the n-th line containing needle."""
    seen = 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(f"{needle!r} not found in {path}")


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != MARKER}


def full_build(content: Path, templates: Path, output: Path) -> dict[str, bytes]:
    shutil.rmtree(output, ignore_errors=True)
    Builder(content, templates, BASE_URL).build(output)
    return files_of(output)


# Template edits that make a page show more than before, each inserted before the
# template's last `{% endblock %}`. With views, none of them can leave a page stale.
SHOW_MORE = [
    ("session.html", "{{ view.concurrent|length }} at once"),
    ("session.html", "{% for c in view.concurrent %}{{ c.room }} {{ c.times.end }}{% endfor %}"),
    ("session.html", "{{ view.item.day.long_date }} {{ view.item.roles|length }}"),
    ("day.html", "{{ view.rows|length }} rows; {{ view.frame.nav|length }} links"),
    ("day.html", "{% for r in view.rows %}{% for l in r.lanes %}{{ l.items|length }}"
                 "{% endfor %}{% endfor %}"),
    ("person.html", "{% for a in view.appearances %}{{ a.item.room }} {{ a.item.kind_label }}"
                    "{% endfor %}"),
    ("term.html", "{% for c in view.entries %}{{ c.subtitle }}{{ c.roles|length }}{% endfor %}"),
    ("home.html", "{% for d in view.days %}{{ d.sessions|length }}{% endfor %}"),
    ("organisation.html", "{% for a in view.appearances %}{{ a.item.times.end }}{% endfor %}"),
    ("people.html", "{{ view.people|length }} people"),
    ("taxonomy.html", "{% for t in view.terms %}{{ t.path }}{% endfor %}"),
    ("base.html", "{{ view.frame.updated.text if view.frame.updated else '' }}"),
]


def show_more(templates: Path, name: str, snippet: str) -> None:
    path = templates / name
    text = path.read_text(encoding="utf-8")
    cut = text.rindex("{% endblock %}") if "{% endblock %}" in text else text.rindex("</body>")
    path.write_text(text[:cut] + snippet + text[cut:], encoding="utf-8")
