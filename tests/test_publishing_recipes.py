"""The hosting recipes shipped in docs/examples/ run for real: each one's build
command, with the base URL its host would give, builds the default meeting into the
folder that recipe publishes. (The web-server recipe: test_web_server.py.)"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml

from support import CONTENT, TEMPLATES
from support.sitecheck import parse_page

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "docs/examples"
README = (ROOT / "README.md").read_text(encoding="utf-8")


def run_build(command: str, tmp_path: Path, env: dict[str, str]) -> Path:
    """Run a recipe's build command in a copy of a project checkout (its content and
    templates); returns that folder."""
    project = tmp_path / "project"
    shutil.copytree(CONTENT, project / "content")
    shutil.copytree(TEMPLATES, project / "templates")
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"  # `agenda` is here
    subprocess.run(["bash", "-c", command], cwd=project, check=True, capture_output=True,
                   env={**os.environ, "PATH": path, **env})
    return project


def canonical(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    return html.split('<link rel="canonical" href="', 1)[1].split('"', 1)[0]


def test_the_github_pages_workflow_builds_for_the_pages_address(tmp_path):
    workflow = yaml.safe_load((EXAMPLES / "github-pages.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    (build,) = [s["run"] for s in steps if "agenda build" in s.get("run", "")]
    (upload,) = [s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact")]
    # configure-pages gives the address without a final slash.
    command = build.replace("${{ steps.pages.outputs.base_url }}", "https://octo.github.io/agenda")
    project = run_build(command, tmp_path, {})
    site = project / upload["with"]["path"]
    assert canonical(site / "sessions/session-5/index.html") == \
        "https://octo.github.io/agenda/sessions/session-5/"
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


def test_the_gitlab_pages_job_builds_into_public_for_its_address(tmp_path):
    job = yaml.safe_load((EXAMPLES / "gitlab-ci.yml").read_text(encoding="utf-8"))["pages"]
    (build,) = [line for line in job["script"] if line.startswith("agenda build")]
    project = run_build(build, tmp_path, {"CI_PAGES_URL": "https://group.gitlab.io/agenda"})
    (folder,) = job["artifacts"]["paths"]
    assert folder == "public"  # the folder GitLab Pages publishes
    assert canonical(project / folder / "index.html") == "https://group.gitlab.io/agenda/"


def test_the_netlify_recipe_builds_into_its_publish_folder(tmp_path):
    config = tomllib.loads((EXAMPLES / "netlify.toml").read_text(encoding="utf-8"))
    install, build = config["build"]["command"].split(" && ")
    assert install == "python -m pip install ."
    project = run_build(build, tmp_path, {"URL": "https://agenda.netlify.app"})
    site = project / config["build"]["publish"]
    assert canonical(site / "days/2022-06-20/index.html") == \
        "https://agenda.netlify.app/days/2022-06-20/"
    ics_headers = next(h for h in config["headers"] if h["for"] == "/*.ics")
    assert ics_headers["values"]["Content-Type"].startswith("text/calendar")


def test_the_404_page_of_a_recipe_build_links_absolutely(tmp_path):
    """Hosts serve 404.html at any depth: its links must carry the base URL."""
    project = run_build('agenda build --output out --base-url "$URL/"', tmp_path,
                        {"URL": "https://example.org/m"})
    links = parse_page((project / "out/404.html").read_text(encoding="utf-8")).links
    assert any(link.startswith("https://example.org/m/static/") for link in links)


def test_the_readme_points_at_every_recipe():
    for name in ("github-pages.yml", "gitlab-ci.yml", "netlify.toml", "nginx.conf"):
        assert f"docs/examples/{name}" in README, name
    assert "text/calendar" in README
