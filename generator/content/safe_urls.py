"""Which link addresses content may give: http, https, mailto, tel and relative ones.

Fields.url reads every URL field through `unsafe_scheme`, and the sanitiser of
Markdown's HTML (site/safe_html.py) allows the same schemes, so no `javascript:`
or `data:` address reaches a page, a calendar or JSON.
"""
from __future__ import annotations

import re

URL_SCHEMES = ("http", "https", "mailto", "tel")
SCHEMES_TEXT = "an http, https, mailto or tel address"
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
# Browsers drop these anywhere in an address, so `java\tscript:` is `javascript:`.
IGNORED_IN_URLS = re.compile(r"[\x00-\x20\x7f]+")


def unsafe_scheme(url: str) -> str:
    """The scheme of an address pages must not link to (`javascript`), else ""."""
    match = SCHEME.match(IGNORED_IN_URLS.sub("", url))
    if match and match.group(1).lower() not in URL_SCHEMES:
        return match.group(1).lower()
    return ""
