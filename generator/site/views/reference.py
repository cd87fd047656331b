"""The theme reference (docs/theme.md), made from the view records themselves so it
can never fall behind them: `python -m generator.site.views.reference > docs/theme.md`.
"""
from __future__ import annotations

import dataclasses
import inspect
import re
import typing

from . import changes, companion, directory, frame, parts, schedule

TEMPLATES = (
    ("home.html", schedule.HomeView, "the overview (index.html)"),
    ("day.html", schedule.DayView, "a day (days/DATE/index.html)"),
    ("session.html", schedule.SessionView, "an item with a page (sessions/ID/index.html)"),
    ("taxonomy.html", directory.TaxonomyView, "the list of themes or of groups"),
    ("term.html", directory.TermView, "one theme or group"),
    ("people.html", directory.PeopleView, "the list of people"),
    ("person.html", directory.PersonView, "one person"),
    ("organisations.html", directory.OrganisationsView, "the list of organisations"),
    ("organisation.html", directory.OrganisationView, "one organisation"),
    ("programme.html", companion.ProgrammeView, "every item, with filters and search "
     "(programme/index.html)"),
    ("my-agenda.html", companion.MyAgendaView, "the reader's own picks, filled in by "
     "static/my-agenda.js (my-agenda/index.html)"),
    ("changes.html", changes.ChangesView, "what changed, per publication (changes/index.html; "
                                          "with publication records only)"),
    ("redirect.html", changes.RedirectView, "an old address (`previous_ids:`) leading to the "
                                            "page now"),
    ("404.html", directory.NotFoundView, "the page hosts serve for unknown addresses"),
)
MODULES = (frame, parts, schedule, directory, companion, changes)

INTRO = """# Theme reference

The site's look is a theme: Jinja templates and static files. The built-in theme
is the project's `templates/` folder (shipped in the package). An organiser's
theme folder, `content/theme/` by default or `--theme DIR`, mirrors its layout and
overrides single files: `content/theme/static/style.css` replaces the stylesheet,
`content/theme/day.html` the day page. To change one block of a built-in template,
extend it under the `default/` prefix:

```jinja
{% extends "default/base.html" %}
{% block footer %}<footer class="site-footer"><p>Hosted by the secretariat</p></footer>{% endblock %}
```

`base.html` has the blocks `head`, `scripts` (a page's own script files),
`header`, `content`, `footer` and `description`; `_macros.html` holds the parts
pages share (`item_entry`, `entry_list`, `person_ref`, `badges`, `time_range`,
`appearance_list`, `qr_figure`, `joining_line`, `my_agenda_toggle`,
`material_list`).

Scripts are files in `static/` (pages carry no inline script): `agenda.js` (time
zones, on every page), `now.js` (now and next: home and day pages), `my-agenda.js`
(the "Add to my agenda" buttons and the My agenda page) and `programme.js` (the
programme's filters). The data they read is in the page (`data-*` attributes) or
in two generated script files, `data/events.js` and `data/search.js`, which a page
opened from disk can load where it could not fetch() a JSON file.

## What a template receives

Each template is rendered with exactly two names and one filter:

- `view`: the page's view, below. It holds everything the page shows, already as
  text: labels, times, badges, people and links. A template cannot reach the
  meeting's data in any other way, and reading a field that is not here stops
  every build with the template's file and line.
- `url(path)`: a relative link from the page being rendered to an output path
  (`view.item.path`, `'index.html'`), so the site works under a sub-path and from
  disk. On the 404 page links are absolute.
- `|markdown`: renders a Markdown field (they are marked "Markdown" below).

Because a page's view is everything it shows, the live preview re-renders a page
exactly when its view changes, whatever your templates show.

This file is generated from the view records (`generator/site/views/`):
`python -m generator.site.views.reference > docs/theme.md`.
"""


def markdown() -> str:
    out = [INTRO, "## Pages\n"]
    out.append("| template | view | page |\n|---|---|---|")
    out += [f"| `{name}` | [{view.__name__}](#{view.__name__.lower()}) | {what} |"
            for name, view, what in TEMPLATES]
    out.append("\n## Records\n")
    for record in _records():
        out.append(_section(record))
    return "\n".join(out).rstrip() + "\n"


def _records() -> list[type]:
    found = []
    for module in MODULES:
        for _, value in inspect.getmembers(module, dataclasses.is_dataclass):
            if value.__module__ == module.__name__ and value not in found:
                found.append(value)
    return found


def _section(record: type) -> str:
    lines = [f"### {record.__name__}\n"]
    doc = inspect.getdoc(record) or ""
    if doc and not doc.startswith(f"{record.__name__}("):
        lines.append(doc + "\n")
    comments = _field_comments(record)
    hints = typing.get_type_hints(record, vars(inspect.getmodule(record)))
    lines.append("| field | type | meaning |\n|---|---|---|")
    for field in dataclasses.fields(record):
        kind = _type_name(hints[field.name])
        lines.append(f"| `{field.name}` | {kind} | {comments.get(field.name, '')} |")
    return "\n".join(lines) + "\n"


def _field_comments(record: type) -> dict[str, str]:
    """The comment at the end of each field's line in the source."""
    comments = {}
    for line in inspect.getsource(record).splitlines():
        match = re.match(r"\s+(\w+): [^#]+#\s*(.+)$", line)
        if match:
            comments[match.group(1)] = match.group(2).strip().replace("|", "\\|")
    return comments


def _type_name(hint) -> str:
    text = getattr(hint, "__name__", None) if not typing.get_args(hint) else None
    if text is None:
        text = str(hint).replace("typing.", "")
        text = re.sub(r"[\w.]+\.(\w+)", r"\1", text)
    return text.replace("|", "or").replace("NoneType", "None")


if __name__ == "__main__":
    print(markdown(), end="")
