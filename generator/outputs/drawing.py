"""Pillow helpers shared by the link-preview images and the favicons: fonts, the
organiser's logo, wrapped text and PNG bytes that are the same on every build.

Fonts: DejaVu Sans (Debian's fonts-dejavu-core, installed by tools/system-deps.sh;
it covers Latin, Greek, Cyrillic and Arabic). Where it is missing, Pillow's own
font is used, which lacks accented letters: install DejaVu for real builds.
"""
from __future__ import annotations

import hashlib
import io
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, features

FONT_FOLDERS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu-sans-fonts",
                "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF")
FONT_FILES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}
ELLIPSIS = "…"
# Which font images are drawn with, for rebuild fingerprints: installing DejaVu
# must redraw them.
FONT_KEY = next((folder for folder in FONT_FOLDERS
                 if (Path(folder) / FONT_FILES[False]).is_file()), "pillow")


@lru_cache(maxsize=64)
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    for folder in FONT_FOLDERS:
        path = Path(folder) / FONT_FILES[bold]
        if path.is_file():
            return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size)


def file_digest(path: str) -> str:
    """The digest of a file such as the logo ("" for none), for rebuild fingerprints:
    the logo can change while meeting.yaml does not."""
    try:
        return hashlib.sha1(Path(path).read_bytes()).hexdigest() if path else ""
    except OSError:
        return ""


def png_bytes(image: Image.Image) -> bytes:
    """PNG without time stamps or metadata: identical bytes for identical pixels."""
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


def load_logo(path: str) -> Image.Image | None:
    """The logo as RGBA, or None without one (content/branding.py checked the file)."""
    if not path:
        return None
    with Image.open(path) as image:
        return image.convert("RGBA")


def fitted(image: Image.Image, width: int, height: int) -> Image.Image:
    """The image scaled to fit the box, keeping its proportions."""
    scale = min(width / image.width, height / image.height)
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    return image.resize(size, Image.Resampling.LANCZOS)


def wrap(text: str, face: ImageFont.FreeTypeFont, width: int, max_lines: int) -> list[str]:
    """Lines of at most `width` pixels, at most `max_lines` of them, the last one
    ending in an ellipsis when the text does not fit."""
    lines: list[str] = []
    words = text.split()
    while words and len(lines) < max_lines:
        line = words.pop(0)
        while words and face.getlength(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        lines.append(_cut(line, face, width))
    if words and lines:  # more text than lines: end the last line on a word and "…"
        last = lines[-1]
        while " " in last and face.getlength(last + ELLIPSIS) > width:
            last = last.rsplit(" ", 1)[0]
        lines[-1] = _cut(last, face, width, force=True)
    return lines


def _cut(line: str, face: ImageFont.FreeTypeFont, width: int, force: bool = False) -> str:
    """The line shortened to fit, with an ellipsis (always with one when `force`)."""
    if not force and face.getlength(line) <= width:
        return line
    while line and face.getlength(line.rstrip(" ,;:–-") + ELLIPSIS) > width:
        line = line[:-1]
    return line.rstrip(" ,;:–-") + ELLIPSIS


def text_block(draw: ImageDraw.ImageDraw | Writer, position: tuple[int, int], lines: list[str],
               face: ImageFont.FreeTypeFont, fill: str, spacing: float = 1.2) -> int:
    """Draw lines from `position` down; return the y below the last one."""
    x, y = position
    step = round(face.size * spacing)
    for line in lines:
        draw.text((x, y), line, font=face, fill=fill)
        y += step
    return y


class Writer:
    """Draws lines of text from the left edge, or, for a language written right to
    left, from the right edge: x is then the distance from the right, so one layout
    serves both. Arabic is shaped and ordered by Pillow's Raqm layout (with FriBiDi)."""

    def __init__(self, draw: ImageDraw.ImageDraw, direction: str = "ltr") -> None:
        self.draw = draw
        self.rtl = direction == "rtl"
        self.width = draw.im.size[0]
        self.options = {"direction": "rtl"} if self.rtl and features.check("raqm") else {}

    def text(self, xy: tuple[float, float], line: str, font: ImageFont.FreeTypeFont,
             fill: str) -> None:
        x, y = xy
        if self.rtl:
            x = self.width - x - font.getlength(line, **self.options)
        self.draw.text((x, y), line, font=font, fill=fill, **self.options)
