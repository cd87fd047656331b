"""urls.relative is string work only; it must agree with posixpath.relpath."""
from __future__ import annotations

import itertools
import posixpath

from generator.site import urls

PATHS = ["index.html", "404.html", "static/style.css", "days/2022-06-20/index.html",
         "sessions/session-5/index.html", "sessions/session-5/m-session-5.ics",
         "sessions/session-50/index.html", "policy-areas/1/index.html", "people/index.html",
         "people/", "sessions/session-5/", "sessions/session-5", "days/2022-06-20/qr-code.svg"]


def test_relative_agrees_with_relpath():
    for here, there in itertools.product(PATHS, repeat=2):
        if here.endswith("/"):
            continue  # pages are files
        expected = posixpath.relpath(there, posixpath.dirname(here) or ".")
        assert urls.relative(here, there) == expected, (here, there)
