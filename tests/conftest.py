"""Shared fixtures: temp copies of the real default content, a built site, the site
served at its public URL, and headless Chromium (browsing.py)."""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Iterator

import pytest

from generator.site.build import Builder

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
TEMPLATES = ROOT / "templates"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A writable copy of the default content."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The default content, built once for the whole test session (read-only!)."""
    output = tmp_path_factory.mktemp("site") / "output"
    Builder(CONTENT, TEMPLATES).build(output)
    return output


@pytest.fixture(scope="session")
def site_with_base_url(tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("site-base") / "output"
    Builder(CONTENT, TEMPLATES, base_url="https://example.org/meetings/rabat-2022/").build(output)
    return output


@pytest.fixture(scope="module")
def hosted(tmp_path_factory) -> Iterator[tuple[Path, str]]:
    """(output, base URL): the default site built for the URL it is served at, under a
    sub-path (absolute 404 links and canonical URLs work there)."""
    from browsing import hosted_site
    with hosted_site(tmp_path_factory.mktemp("hosted") / "output") as served:
        yield served


@pytest.fixture(scope="module")
def hosted_url(hosted) -> str:
    return hosted[1]


@pytest.fixture(scope="module")
def browser():
    """Headless Debian Chromium, one per test module."""
    from browsing import chromium
    with chromium() as instance:
        yield instance


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
