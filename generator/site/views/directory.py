"""Views of the directory pages: themes and groups, people and organisations, the
404 page and the sitemap."""
from __future__ import annotations

from dataclasses import dataclass

from ...content.model import Organisation, Person, Taxonomy, Term
from ...i18n import _
from .. import present, urls
from .frame import Frame, Meta, make_meta
from .parts import Appearance, ItemCard, Link, MarkdownText, Parts, PhotoView, photo_view


@dataclass(frozen=True)
class TermEntry:
    path: str
    code: str                # "Policy area 1"; "" when the id is a word
    title: str
    count: str               # "(3 sessions)"


@dataclass(frozen=True)
class TaxonomyView:
    meta: Meta
    frame: Frame
    terms: tuple[TermEntry, ...]


@dataclass(frozen=True)
class TermView:
    meta: Meta
    frame: Frame
    taxonomy: Link
    crumb: str               # "Policy area 1", or the title
    code: str
    title: str
    description: MarkdownText  # Markdown
    entries: tuple[ItemCard, ...]
    empty: str               # what to say when no session has the term


@dataclass(frozen=True)
class PersonEntry:
    path: str
    name: str
    organisation: str
    country: str
    role: str


@dataclass(frozen=True)
class PeopleView:
    meta: Meta
    frame: Frame
    people: tuple[PersonEntry, ...]


@dataclass(frozen=True)
class PersonView:
    meta: Meta
    frame: Frame
    honorific: str
    name: str
    organisation: Link | None
    position: str
    country: str
    role: str
    url: str
    appearances: tuple[Appearance, ...]
    bio: MarkdownText = MarkdownText("")  # Markdown
    photo: PhotoView | None = None


@dataclass(frozen=True)
class OrganisationEntry:
    path: str
    name: str
    short: str
    country: str
    count: str               # "– 2 people"


@dataclass(frozen=True)
class OrganisationsView:
    meta: Meta
    frame: Frame
    organisations: tuple[OrganisationEntry, ...]


@dataclass(frozen=True)
class OrganisationView:
    meta: Meta
    frame: Frame
    label: str
    name: str
    short: str
    country: str
    url: str
    members: tuple[PersonEntry, ...]
    appearances: tuple[Appearance, ...]


@dataclass(frozen=True)
class NotFoundView:
    meta: Meta
    frame: Frame
    absolute_links: bool = True  # served at any depth: relative links would break


def taxonomy_view(parts: Parts, frame: Frame, taxonomy: Taxonomy, items_of: dict) -> TaxonomyView:
    entries = []
    for term in taxonomy.terms:
        count = len(items_of.get(term.id, []))
        entries.append(TermEntry(urls.term_path(term), present.term_code(taxonomy, term),
                                 term.title, f"({present.count(count, 'session')})"))
    return TaxonomyView(make_meta(frame, urls.taxonomy_path(taxonomy), taxonomy.plural),
                        frame, tuple(entries))


def term_view(parts: Parts, frame: Frame, taxonomy: Taxonomy, term: Term,
              entries: list) -> TermView:
    label = present.term_label(taxonomy, term)
    return TermView(
        make_meta(frame, urls.term_path(term), label, label), frame,
        Link(urls.taxonomy_path(taxonomy), taxonomy.plural),
        present.term_short_label(taxonomy, term), present.term_code(taxonomy, term),
        term.title, parts.markdown(term.description), tuple(parts.card(item) for _, item in entries),
        _("No session covers this {taxonomy} yet.").format(taxonomy=taxonomy.name.lower()))


def people_view(parts: Parts, frame: Frame) -> PeopleView:
    people = sorted(parts.agenda.people, key=lambda p: p.name.casefold())
    return PeopleView(make_meta(frame, urls.PEOPLE, _("People")), frame,
                      tuple(_person_entry(parts, person) for person in people))


def _person_entry(parts: Parts, person: Person) -> PersonEntry:
    org = parts.index.organisations.get(person.organisation)
    return PersonEntry(urls.person_path(person), person.name, org.label if org else "",
                       person.country or (org.country if org else ""), person.role)


def person_view(parts: Parts, frame: Frame, person: Person) -> PersonView:
    org = parts.index.organisations.get(person.organisation)
    meeting = parts.meeting
    return PersonView(
        make_meta(frame, urls.person_path(person), person.name,
                  f"{person.name} at {meeting.title}"), frame,
        person.honorific, person.name,
        Link(urls.organisation_path(org), org.name) if org else None, person.position,
        person.country or (org.country if org else ""), person.role, person.url,
        tuple(parts.appearance(a) for a in parts.index.person_appearances.get(person.id, [])),
        parts.markdown(person.bio), photo_view(person))


def organisations_view(parts: Parts, frame: Frame) -> OrganisationsView:
    organisations = sorted(parts.agenda.organisations, key=lambda o: o.name.casefold())
    entries = []
    for org in organisations:
        count = len(parts.index.members.get(org.id, []))
        entries.append(OrganisationEntry(urls.organisation_path(org), org.name, org.short,
                                         org.country, f"– {count} "
                                         f"{'person' if count == 1 else 'people'}"))
    return OrganisationsView(make_meta(frame, urls.ORGANISATIONS, _("Organisations")), frame,
                             tuple(entries))


def organisation_view(parts: Parts, frame: Frame, org: Organisation) -> OrganisationView:
    index = parts.index
    return OrganisationView(
        make_meta(frame, urls.organisation_path(org), org.name,
                  f"{org.name} at {parts.meeting.title}"), frame,
        org.label, org.name, org.short, org.country, org.url,
        tuple(_person_entry(parts, p) for p in index.members.get(org.id, [])),
        tuple(parts.appearance(a) for a in index.organisation_appearances.get(org.id, [])))


def not_found_view(frame: Frame) -> NotFoundView:
    return NotFoundView(make_meta(frame, urls.NOT_FOUND, _("Page not found"), canonical=False),
                        frame)
