"""The site built from a small fixture meeting equals its golden copy, file for file
and byte for byte, so a refactor can prove it changed no output.

The fixture, tests/fixtures/golden-meeting/, is a meeting of another shape than
content/: two days across a daylight-saving change (Sydney, UTC+10:00 then +11:00),
sessions side by side in two rooms that are not adjacent in `rooms:` and without
rooms, breaks, notes, word-id themes and code-id groups, people with and without
organisations. Its golden trees, tests/golden/golden-meeting/plain/ (no base URL) and
base-url/, hold every file of a full build.

A change meant to change the site changes the golden trees with it. Regenerate them:

    make golden            # or: .venv/bin/python -m tools.golden

then read `git diff tests/golden` and commit the trees with the change.
"""
from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from tools import golden

MEETING = "golden-meeting"


@pytest.fixture(scope="module", params=sorted(golden.BASE_URLS))
def trees(request, tmp_path_factory) -> tuple[Path, Path]:
    """(the build made now, its golden copy) for one base URL."""
    built = golden.build(MEETING, request.param, tmp_path_factory.mktemp("golden") / "out")
    return built, golden.GOLDEN / MEETING / request.param


def files_in(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def is_text(path: Path) -> bool:
    try:
        path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def first_difference(path: str, built: bytes, expected: bytes) -> str:
    """A unified diff of the file, or its sizes when it is not text."""
    try:
        new, old = built.decode("utf-8"), expected.decode("utf-8")
    except UnicodeDecodeError:
        return f"{path}: binary, {len(expected)} bytes expected, {len(built)} built"
    return "".join(difflib.unified_diff(old.splitlines(keepends=True),
                                        new.splitlines(keepends=True),
                                        f"golden/{path}", f"built/{path}"))


def test_the_build_writes_exactly_the_golden_files(trees):
    built, expected = trees
    made, wanted = set(files_in(built)), set(files_in(expected))
    assert wanted, f"no golden files in {expected}; run `make golden`"
    extra, missing = sorted(made - wanted), sorted(wanted - made)
    assert not extra and not missing, (
        f"built but not in the golden tree: {extra}; in the golden tree but not built: "
        f"{missing}; if the change is meant, run `make golden`")


def test_every_file_is_byte_for_byte_the_golden_one(trees):
    built, expected = trees
    differing = [path for path in files_in(expected) if (built / path).is_file()
                 and (built / path).read_bytes() != (expected / path).read_bytes()]
    if differing:
        text = next((path for path in differing if is_text(expected / path)), differing[0])
        pytest.fail(f"{len(differing)} files differ from {expected}: {', '.join(differing)}\n"
                    "If the change is meant, run `make golden`. First difference:\n"
                    + first_difference(text, (built / text).read_bytes(),
                                       (expected / text).read_bytes()), pytrace=False)
