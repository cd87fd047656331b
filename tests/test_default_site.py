"""End-to-end: the default meeting, built for real, read back page by page.

Expected values come from the organisers' seed agenda (../shared/seed), with its
corrections: day 3 is 22 June, afternoon times are 24-hour, session 4 ends at
15:40 before a separate coffee break.
"""
from __future__ import annotations

from support import without_isolation
import re

import pytest

from support.sitecheck import broken_links, read_page

DAYS = {"2022-06-20": "Monday", "2022-06-21": "Tuesday", "2022-06-22": "Wednesday"}

# (page id, date, start, end) for every item that gets a page of its own.
SESSIONS = [
    ("opening", "2022-06-20", "09:00", "09:30"),
    ("session-1", "2022-06-20", "09:30", "10:00"),
    ("session-2", "2022-06-20", "10:00", "11:00"),
    ("session-2-discussion", "2022-06-20", "11:30", "12:20"),
    ("session-3", "2022-06-20", "13:20", "14:20"),
    ("session-4", "2022-06-20", "14:20", "15:40"),
    ("session-5", "2022-06-20", "16:00", "17:30"),
    ("recap-day-1", "2022-06-21", "09:00", "09:20"),
    ("session-5-breakout", "2022-06-21", "09:20", "10:40"),
    ("session-5-report-back", "2022-06-21", "11:00", "11:30"),
    ("session-6", "2022-06-21", "11:30", "12:00"),
    ("session-7", "2022-06-21", "12:00", "12:30"),
    ("session-8", "2022-06-21", "13:30", "14:00"),
    ("session-9", "2022-06-21", "14:00", "15:30"),
    ("session-10a", "2022-06-21", "16:00", "17:15"),
    ("session-10b", "2022-06-21", "16:00", "17:15"),
    ("recap-day-2", "2022-06-22", "09:00", "09:20"),
    ("session-11", "2022-06-22", "09:20", "10:50"),
    ("session-12", "2022-06-22", "11:20", "12:50"),
    ("session-13", "2022-06-22", "13:50", "15:20"),
    ("closing", "2022-06-22", "15:50", "16:20"),
]

BREAKS = [("2022-06-20", "11:00", "11:30"), ("2022-06-20", "12:20", "13:20"),
          ("2022-06-20", "15:40", "16:00"), ("2022-06-21", "10:40", "11:00"),
          ("2022-06-21", "12:30", "13:30"), ("2022-06-21", "15:30", "16:00"),
          ("2022-06-22", "10:50", "11:20"), ("2022-06-22", "12:50", "13:50"),
          ("2022-06-22", "15:20", "15:50")]

PEOPLE = ["Ayache Khellaf", "Sylvia López-Ekra", "Diego Iturralde", "Francesca Grum",
          "María Isabel Cobos", "Winida Albertha", "Karima Belhaj", "Omar Muro Orozco",
          "Lauren Medina", "Meryem Demirci", "Miguel Ojeda Labourdette", "Godwin Odei Gyebi",
          "Annika Klintefelt", "Roslawati Yahya", "Nikolaus Koutakis", "Ferenc Urbán",
          "Gogita Todradze", "Nikoloz Nikuradze", "Adriana Oropeza Lliteras", "Mohamed Mghari",
          "Michel Poulain", "Samantha Alejandra Ramirez", "Mervat Al Nimer", "Kåre Vassenden",
          "Jason Schachter", "Aurelia Spataru", "Elisa Benes"]


def text(path) -> str:
    """A page's HTML without the <bdi> that isolates each name and title (test_editions.py
    checks those), so the expectations here read as the page does."""
    return without_isolation(path.read_text(encoding="utf-8"))


def stamp(date: str, clock: str) -> str:
    """The <time datetime> the pages must carry: Rabat was UTC+01:00 in June 2022."""
    return f'datetime="{date}T{clock}+01:00"'


def test_home_page_shows_title_dates_status_and_links_to_every_day(site):
    home = text(site / "index.html")
    assert "Technical Meeting on Indicators and Operationalization" in home
    assert "Monday 20 June 2022" in home and "Wednesday 22 June 2022" in home
    assert "Tentative" in home and "Rabat" in home
    for date in DAYS:
        assert f'href="days/{date}/index.html"' in home


@pytest.mark.parametrize("date,weekday", DAYS.items())
def test_each_day_has_a_page_with_its_weekday_and_objective(site, date, weekday):
    page = text(site / "days" / date / "index.html")
    assert f"{weekday} {int(date[-2:])} June 2022" in page
    assert "Objective" in page


@pytest.mark.parametrize("item_id,date,start,end", SESSIONS)
def test_every_seed_session_has_a_page_with_its_times(site, item_id, date, start, end):
    page = text(site / "sessions" / item_id / "index.html")
    assert stamp(date, start) in page and stamp(date, end) in page
    assert f'href="../../days/{date}/index.html#{item_id}"' in page


@pytest.mark.parametrize("item_id,date,start,end", SESSIONS)
def test_day_page_deep_links_each_session_by_anchor(site, item_id, date, start, end):
    day = site / "days" / date / "index.html"
    assert item_id in read_page(day).ids
    assert f'href="../../sessions/{item_id}/index.html"' in text(day)


@pytest.mark.parametrize("date,start,end", BREAKS)
def test_breaks_and_meals_appear_on_their_day(site, date, start, end):
    page = text(site / "days" / date / "index.html")
    assert stamp(date, start) in page and stamp(date, end) in page


def test_session_4_ends_before_a_separate_coffee_break(site):
    day = text(site / "days" / "2022-06-20" / "index.html")
    coffee = re.search(r'datetime="2022-06-20T15:40\+01:00">15:40</time>–<time '
                       r'datetime="2022-06-20T16:00\+01:00">16:00</time>.*?Coffee break', day, re.S)
    assert coffee and "Session 5" not in coffee.group(0)
    session4 = text(site / "sessions" / "session-4" / "index.html")
    for discussant in ("Miguel Ojeda Labourdette", "Godwin Odei Gyebi", "Annika Klintefelt"):
        assert discussant in session4


def test_parallel_sessions_are_grouped_on_the_day_and_linked_to_each_other(site):
    day = text(site / "days" / "2022-06-21" / "index.html")
    group = re.search(r'<li class="timeline-row parallel">(.*?)</li>\s*</ol>', day, re.S)
    assert group and 'id="session-10a"' in group.group(1) and 'id="session-10b"' in group.group(1)
    page_a = text(site / "sessions" / "session-10a" / "index.html")
    assert "At the same time" in page_a
    assert 'href="../session-10b/index.html"' in page_a


def test_day_page_entries_name_their_policy_areas_and_task_forces(site):
    day = text(site / "days" / "2022-06-20" / "index.html")
    session4 = re.search(r'<article [^>]*id="session-4".*?</article>', day, re.S).group(0)
    assert re.search(r'Policy areas: <a href="../../policy-areas/3/index.html">3</a>, '
                     r'<a href="../../policy-areas/4/index.html">4</a>, .*?>6</a>', session4)
    assert 'Task force: <a href="../../task-forces/tf1/index.html">TF1</a>' in session4


def test_in_person_only_and_tbc_marks_are_shown(site):
    assert "In-person participants only" in text(site / "sessions" / "session-11" / "index.html")
    opening = text(site / "sessions" / "opening" / "index.html")
    assert re.search(r"Sylvia López-Ekra.*?to be confirmed", opening, re.S)


def test_session_page_has_guiding_questions_people_notes_and_neighbours(site):
    page = text(site / "sessions" / "session-2-discussion" / "index.html")
    assert "What are the indicators to be retained as core and additional?" in page
    assert "How feasible is it to produce the proposed indicators?" in page
    session2 = text(site / "sessions" / "session-2" / "index.html")
    assert "Winida Albertha" in session2 and "Discussant" in session2
    assert "Notes" in session2 and "Q&amp;A" in session2
    assert 'rel="prev" href="../session-1/index.html"' in session2
    assert 'rel="next" href="../session-2-discussion/index.html"' in session2


@pytest.mark.parametrize("number", range(1, 7))
def test_every_policy_area_has_a_page_listing_its_sessions(site, number):
    page = text(site / "policy-areas" / str(number) / "index.html")
    assert f"Policy area {number}" in page
    assert "sessions/session-" in page


def test_policy_area_index_lists_all_six(site):
    index = text(site / "policy-areas" / "index.html")
    for number in range(1, 7):
        assert f'href="{number}/index.html"' in index


@pytest.mark.parametrize("name", PEOPLE)
def test_every_seed_person_is_listed_and_has_a_page_with_a_role(site, name):
    index = text(site / "people" / "index.html")
    match = re.search(r'<a href="([^"]+)">' + re.escape(name) + "</a>", index)
    assert match, f"{name} missing from the people index"
    person = text(site / "people" / match.group(1))
    assert "In the programme" in person and "sessions/" in person


def test_organisation_pages_list_their_people(site):
    page = text(site / "organisations" / "unsd" / "index.html")
    assert "Francesca Grum" in page and "María Isabel Cobos" in page


def test_every_internal_link_and_anchor_resolves_and_every_page_is_reachable(site):
    problems, reached = broken_links(site)
    assert problems == []
    html_pages = {p.relative_to(site).as_posix() for p in site.rglob("*.html")}
    # Each edition's error page is served for missing addresses, never linked to.
    assert html_pages - reached == {"404.html", "fr/404.html", "ar/404.html"}


def test_sitemap_and_absolute_404_links_need_a_base_url(site, site_with_base_url):
    assert not (site / "sitemap.xml").exists()
    sitemap = text(site_with_base_url / "sitemap.xml")
    assert "<loc>https://example.org/meetings/rabat-2022/sessions/session-5/</loc>" in sitemap
    not_found = text(site_with_base_url / "404.html")
    assert re.search(r'href="https://example.org/meetings/rabat-2022/static/style\.[0-9a-f]{10}\.css"',
                     not_found)


def test_times_are_labelled_with_the_zone_computed_from_iana(site):
    assert "Rabat time (UTC+01:00)" in text(site / "days" / "2022-06-20" / "index.html")
