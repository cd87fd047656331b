"""Shared fixtures: temp copies of the real default content, a built site, the site
served at its public URL, and headless Chromium. Helpers live in support/."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from generator.site.build import Builder
from support import CONTENT, TEMPLATES, english_content



@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A writable copy of the default content in its main language only (English):
    tests edit its lines. `site` and test_editions.py build the real, multilingual one."""
    return english_content(tmp_path / "content")


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
    from support.browser import hosted_site
    with hosted_site(tmp_path_factory.mktemp("hosted") / "output") as served:
        yield served


@pytest.fixture(scope="module")
def hosted_url(hosted) -> str:
    return hosted[1]


@pytest.fixture(scope="module")
def browser():
    """Headless Debian Chromium, one per test module."""
    from support.browser import chromium
    with chromium() as instance:
        yield instance
