"""Where every page lives, and relative links between pages.

Pages are written as `folder/index.html`. Links between pages are relative and
name `index.html` explicitly, so the site works from any sub-path of a host and
opened straight from disk; public URLs (canonical, sitemap, calendars) use the
readable folder form `https://host/path/sessions/session-5/`.
"""
from __future__ import annotations

import posixpath

from ..content.model import Day, Item, Organisation, Person, Taxonomy, Term

HOME = "index.html"
PEOPLE = "people/index.html"
ORGANISATIONS = "organisations/index.html"
NOT_FOUND = "404.html"
PROGRAMME = "programme/index.html"
MY_AGENDA = "my-agenda/index.html"
CHANGES = "changes/index.html"   # "What changed", with publication records only
FEED = "changes/feed.xml"        # the Atom feed of the changes


def day_path(day: Day) -> str:
    return f"days/{day.date.isoformat()}/index.html"


def item_path(item: Item) -> str:
    return f"sessions/{item.id}/index.html"


def person_path(person: Person) -> str:
    return f"people/{person.id}/index.html"


def organisation_path(organisation: Organisation) -> str:
    return f"organisations/{organisation.id}/index.html"


def term_path(term: Term) -> str:
    return f"{term.taxonomy}/{term.slug}/index.html"


def taxonomy_path(taxonomy: Taxonomy) -> str:
    return f"{taxonomy.slug}/index.html"


def path_of(target) -> str:
    """The output path of a model object's page."""
    for kind, function in _PATHS:
        if isinstance(target, kind):
            return function(target)
    raise TypeError(f"no page for {type(target).__name__}")


_PATHS = ((Day, day_path), (Item, item_path), (Person, person_path),
          (Organisation, organisation_path), (Term, term_path), (Taxonomy, taxonomy_path))


def relative(from_path: str, to_path: str) -> str:
    """A relative link from one output file to another (or to a folder).

    Output paths are already normal (no `..`), so this is string work only:
    posixpath.relpath asks the operating system for the current folder on every
    call, which cost a tenth of a build.
    """
    if ".." in from_path or ".." in to_path:
        return posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")
    start = from_path.split("/")[:-1]
    target = [part for part in to_path.split("/") if part and part != "."]
    common = 0
    for here, there in zip(start, target):
        if here != there:
            break
        common += 1
    return "/".join([".."] * (len(start) - common) + target[common:]) or "."


def public_url(base_url: str, path: str) -> str:
    """The readable public URL of an output path: folders, not index.html."""
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    return base_url.rstrip("/") + "/" + path
