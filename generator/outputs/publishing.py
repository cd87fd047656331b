"""The publishing outputs, registered in one place: site/build.py plans `OUTPUTS`.

schedule.xml (frab XML), link-preview images, favicons, the web manifest and
robots.txt. (The sitemap lists every planned page, so plan.py adds it last.)
"""
from __future__ import annotations

from . import brand, previews, schedule_xml

OUTPUTS = (schedule_xml.outputs, previews.outputs, brand.outputs)
