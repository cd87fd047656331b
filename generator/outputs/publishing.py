"""The publishing outputs, registered in one place (site/build.py plans them):
schedule.xml, link-preview images, favicons, the web manifest and robots.txt."""
from __future__ import annotations

from . import schedule_xml

OUTPUTS = (schedule_xml.outputs,)
