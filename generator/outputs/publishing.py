"""The publishing outputs and template helpers, registered in one place:
site/build.py plans `OUTPUTS`, seo.helpers() hands `helpers()` to templates.

schedule.xml (frab XML), link-preview images, favicons, the web manifest and
robots.txt. (The sitemap lists every planned page, so plan.py adds it last.)
"""
from __future__ import annotations

from . import brand, previews, schedule_xml

OUTPUTS = (schedule_xml.outputs, previews.outputs, brand.outputs)


def helpers() -> dict:
    """Template globals: link_preview(day=None), brand_css(dark_background=...),
    head_links(), brand_logo()."""
    return {"link_preview": previews.link_preview, **brand.helpers()}
