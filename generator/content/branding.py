"""The organiser's look, `branding:` in meeting.yaml: a logo and two colours.

Colours are checked when meeting.yaml is parsed: both are used for text and
links on the white page, so each must reach WCAG AA text contrast (4.5:1)
against white. The logo is checked on every load (`check_logo`), since the file
can change while meeting.yaml does not: it must be a PNG or JPEG inside the
content folder (it is drawn into link-preview images and favicons).
"""
from __future__ import annotations

from pathlib import Path

from ..errors import Problems
from .colours import (AA_TEXT, WHITE, adjusted, contrast, contrast_text, normal, parse_hex,
                      to_hex)
from . import spec
from .fields import Fields
from .model import Branding, Meeting

LOGO_FORMATS = ("PNG", "JPEG")
LOGO_MAX_SIDE = 4096
# What each colour is used for, in messages.
ROLES = {"primary": "links, headings and the header", "accent": "highlights and badges"}


def parse_branding(top: Fields, meeting_file: Path) -> Branding:
    section = top.mapping_of("branding", "the logo and colours of the site")
    if section is None:
        return Branding()
    f = top.child(section, "branding", spec.BRANDING)
    colours = {key: _colour(f, key, getattr(Branding, key)) for key in ("primary", "accent")}
    logo = f.text("logo")
    folder = meeting_file.parent.resolve()
    return Branding(logo=logo, logo_path=str(folder / logo) if logo else "", source=f.source,
                    **colours)


def _colour(f: Fields, key: str, default: str) -> str:
    if key in f.mapping and f.mapping[key] is None:
        f.error(key, f"'{key}' in branding is empty; write the colour in quotes, "
                     f"`{key}: \"#0b5cad\"` (YAML reads an unquoted # as a comment)")
        return default
    text = f.text(key)
    if not text:
        return default
    rgb = parse_hex(text)
    if rgb is None:
        f.error(key, f"'{key}' in branding is '{text}'; write a colour as #rrggbb or #rgb, "
                     "in quotes, like \"#0b5cad\"")
        return default
    ratio = contrast(rgb, parse_hex(WHITE))
    if ratio < AA_TEXT:
        darker = to_hex(adjusted(rgb, parse_hex(WHITE)))
        f.error(key, f"{key} colour {text} has a contrast of {contrast_text(ratio)} against "
                     f"the white page background ({WHITE}); text in it ({ROLES[key]}) needs "
                     f"at least 4.5:1 for WCAG AA. Choose a darker colour, such as {darker}")
        return default
    return normal(text)


def check_logo(meeting: Meeting, content_dir: Path, problems: Problems) -> None:
    """The logo must be a readable PNG or JPEG file inside the content folder."""
    branding = meeting.branding
    if not branding.logo:
        return
    file, line = branding.source.file, branding.source.line_of("logo")
    path = Path(branding.logo_path)
    root = Path(content_dir).resolve()
    if not path.resolve().is_relative_to(root):
        problems.error(file, line, f"logo '{branding.logo}' is outside the content folder; "
                                   "put the file in it (e.g. next to meeting.yaml)")
        return
    if not path.is_file():
        problems.error(file, line, f"logo file '{branding.logo}' not found; the path is "
                                   "relative to the content folder")
        return
    message = _logo_problem(path)
    if message:
        problems.error(file, line, f"logo '{branding.logo}' {message}")


def _logo_problem(path: Path) -> str:
    from PIL import Image, UnidentifiedImageError  # only when a logo is given
    try:
        with Image.open(path) as image:
            kind, size = image.format, image.size
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        return "is not an image Pillow can read; use a PNG or JPEG file"
    if kind not in LOGO_FORMATS:
        return (f"is a {kind} image; use a PNG or JPEG file (the logo is drawn into "
                "link-preview images and favicons)")
    if max(size) > LOGO_MAX_SIDE:
        return f"is {size[0]}x{size[1]} pixels; use at most {LOGO_MAX_SIDE} on each side"
    return ""
