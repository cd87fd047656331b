"""Build the golden output trees that tests/test_golden.py compares every build with.

Regenerate them with `make golden` (or `.venv/bin/python -m tools.golden`) after a
change that is meant to change the site; read `git diff tests/golden` and commit the
trees with the change. Each meeting in tests/fixtures/ is built without a base URL
into tests/golden/MEETING/plain/ and with one into tests/golden/MEETING/base-url/.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from generator.errors import AgendaError, ContentError
from generator.site.build import Builder

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
GOLDEN = ROOT / "tests" / "golden"
TEMPLATES = ROOT / "templates"
BASE_URLS = {"plain": "", "base-url": "https://example.org/golden/"}  # by folder name


def meetings() -> list[str]:
    """The fixture meetings: folders of tests/fixtures/ with a meeting.yaml."""
    return sorted(p.parent.name for p in FIXTURES.glob("*/meeting.yaml"))


def build(meeting: str, variant: str, output: Path) -> Path:
    """A full build of one fixture meeting, as `agenda build --strict` makes it:
    a fixture that gets a warning is a fixture to fix."""
    Builder(FIXTURES / meeting, TEMPLATES, BASE_URLS[variant]).build(output, strict=True)
    return output


def regenerate(meeting: str) -> Path:
    """Build every variant first, then replace the meeting's golden trees: a failed
    build leaves them as they were."""
    target = GOLDEN / meeting
    with tempfile.TemporaryDirectory() as folder:
        built = Path(folder) / meeting
        for variant in BASE_URLS:
            build(meeting, variant, built / variant)
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(built, target)
    return target


def main() -> int:
    try:
        for meeting in meetings():
            target = regenerate(meeting)
            count = sum(1 for p in target.rglob("*") if p.is_file())
            print(f"{target.relative_to(ROOT)}: {count} files")
    except ContentError as exc:
        print(exc.report(), file=sys.stderr)
        print(f"golden: {exc}; the golden trees are unchanged", file=sys.stderr)
        return 1
    except AgendaError as exc:
        print(f"golden: error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
