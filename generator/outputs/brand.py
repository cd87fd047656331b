"""The organiser's look in the output: CSS custom properties for the theme, the
favicons (from the logo, else the meeting's initials), the web manifest and
robots.txt.

Files written at the site root (linked from every page's head, see `head_links`):
favicon.svg, favicon.ico (16, 32, 48 px), apple-touch-icon.png (180 px),
icon-192.png and icon-512.png (the manifest's), manifest.webmanifest, robots.txt,
and the logo itself (logo.png or logo.jpg, for the theme: `brand_logo()`).
"""
from __future__ import annotations

import base64
import hashlib
import io
import json
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import Image, ImageDraw

from ..content.colours import WHITE, adjusted, parse_hex, readable_on, to_hex
from ..content.model import Agenda, Branding, Meeting
from ..content.relations import Index
from ..site import urls
from ..site.planned import Generated
from . import drawing

# The lightest surface of the dark scheme (style.css --band; the page and cards are
# darker): brand colours adjusted to read on it read on all of them.
DARK_BACKGROUND = "#1a1e23"
ICON_SIZES = {"apple-touch-icon.png": 180, "icon-192.png": 192, "icon-512.png": 512}
ICO_SIZES = ((16, 16), (32, 32), (48, 48))
MANIFEST = "manifest.webmanifest"
SITEMAP = "sitemap.xml"


def css_properties(branding: Branding, background: str = WHITE) -> dict[str, str]:
    """The brand colours as CSS custom properties, each readable as text (4.5:1) on
    `background`: `--primary`, `--accent`, and `--on-primary`, `--on-accent` (the text
    colour to use on a fill of that colour). On white they are the colours as given
    (the checker refused any that fail there); on a dark background they are lightened."""
    page = parse_hex(background)
    properties = {}
    for name in ("primary", "accent"):
        colour = adjusted(parse_hex(getattr(branding, name)), page)
        properties[f"--{name}"] = to_hex(colour)
        properties[f"--on-{name}"] = readable_on(colour)
    return properties


def brand_css(meeting: Meeting, dark_background: str = DARK_BACKGROUND) -> str:
    """A stylesheet setting the properties for the light scheme, and for the dark one
    under `prefers-color-scheme: dark` (published as static/brand.HASH.css)."""
    def block(properties: dict[str, str]) -> str:
        return ":root{" + "".join(f"{k}:{v};" for k, v in properties.items()) + "}"
    light = block(css_properties(meeting.branding))
    dark = block(css_properties(meeting.branding, dark_background))
    return f"{light}@media (prefers-color-scheme: dark){{{dark}}}"


def initials(meeting: Meeting) -> str:
    """Up to two letters for the favicon: the first letters of the first two words of
    the short title (else the title) that start with a letter or digit."""
    words = [w for w in (meeting.short_title or meeting.title).split() if w[0].isalnum()]
    return "".join(word[0] for word in words[:2]).upper() or "?"


@dataclass(frozen=True)
class BrandMark:
    """What the favicons and the manifest show (their view)."""

    title: str
    short_title: str
    description: str
    language: str
    primary: str
    initials: str
    logo_path: str           # "" without a logo
    logo_digest: str         # the logo file's bytes, so a new logo makes new icons
    font: str                # drawing.FONT_KEY


@dataclass(frozen=True)
class Logo:
    """The logo as pages show it."""

    path: str                # output path
    width: int
    height: int


def mark_of(meeting: Meeting) -> BrandMark:
    branding = meeting.branding
    return BrandMark(meeting.title, meeting.short_title or meeting.title,
                     meeting.subtitle or meeting.title, meeting.language, branding.primary,
                     initials(meeting), branding.logo_path, drawing.file_digest(branding.logo_path),
                     str(drawing.FONT_KEY))


def outputs(agenda: Agenda, index: Index, base_url: str) -> list[Generated]:
    """The `plan_site` extra: favicons, the web manifest, robots.txt, the logo and the
    brand stylesheet. Not from_schedule: the logo file can change on its own."""
    meeting = agenda.meeting
    mark = partial(mark_of, meeting)
    found = [Generated("favicon.svg", meeting.source, mark, favicon_svg),
             Generated("favicon.ico", meeting.source, mark, favicon_ico),
             Generated(MANIFEST, meeting.source, mark, manifest),
             Generated("robots.txt", meeting.source, lambda: base_url, robots),
             Generated(stylesheet_path(meeting), meeting.source,
                       partial(brand_css, meeting), _css_bytes)]
    found += [Generated(name, meeting.source, mark,
                        partial(icon_png, size=size, rounded=name != "apple-touch-icon.png"))
              for name, size in ICON_SIZES.items()]
    if meeting.branding.logo_path:  # the file as given, for the theme to show
        found.append(Generated(logo_path(meeting), meeting.branding.source,
                               Path(meeting.branding.logo_path).read_bytes, _as_is))
    return found


def stylesheet_path(meeting: Meeting) -> str:
    """The brand colours' stylesheet, named by its content (cache busting)."""
    digest = hashlib.sha256(brand_css(meeting).encode("utf-8")).hexdigest()[:10]
    return f"static/brand.{digest}.css"


def _css_bytes(css: str) -> bytes:
    return (css + "\n").encode("utf-8")


def _as_is(data: bytes) -> bytes:
    return data


def logo_path(meeting: Meeting) -> str:
    """Where the logo is copied: logo.png or logo.jpg at the site root."""
    suffix = Path(meeting.branding.logo).suffix.lower()
    return "logo.jpg" if suffix in (".jpg", ".jpeg") else "logo.png"


@lru_cache(maxsize=4)
def _logo_size(path: str, digest: str) -> tuple[int, int]:
    with Image.open(path) as image:
        return image.size


def logo(meeting: Meeting) -> Logo | None:
    """The logo for pages, or None."""
    if not meeting.branding.logo_path:
        return None
    width, height = _logo_size(meeting.branding.logo_path,
                               drawing.file_digest(meeting.branding.logo_path))
    return Logo(logo_path(meeting), width, height)


def icon(mark: BrandMark, size: int, rounded: bool = True) -> Image.Image:
    """A square icon: the logo on white, else the initials on the primary colour.
    `rounded`: with transparent rounded corners (not for Apple's, which iOS rounds)."""
    scale = 4 if size < 256 else 2  # drawn larger and scaled down, for smooth edges
    side = size * scale
    radius = side // 6 if rounded else 0
    logo = drawing.load_logo(mark.logo_path)
    image = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if logo is not None:
        draw.rounded_rectangle((0, 0, side - 1, side - 1), radius=radius, fill=WHITE)
        box = drawing.fitted(logo, round(side * 0.84), round(side * 0.84))
        image.alpha_composite(box, ((side - box.width) // 2, (side - box.height) // 2))
    else:
        primary = mark.primary
        draw.rounded_rectangle((0, 0, side - 1, side - 1), radius=radius, fill=primary)
        letters = mark.initials
        face = drawing.font(round(side * (0.56 if len(letters) == 1 else 0.44)), bold=True)
        draw.text((side / 2, side / 2), letters, font=face, anchor="mm",
                  fill=readable_on(parse_hex(primary)))
    return image.resize((size, size), Image.Resampling.LANCZOS)


def icon_png(mark: BrandMark, size: int, rounded: bool = True) -> bytes:
    return drawing.png_bytes(icon(mark, size, rounded))


def favicon_ico(mark: BrandMark) -> bytes:
    buffer = io.BytesIO()
    icon(mark, 48).save(buffer, format="ICO", sizes=ICO_SIZES)
    return buffer.getvalue()


def favicon_svg(mark: BrandMark) -> bytes:
    """The initials as SVG text (sharp at any size), or the logo as an embedded PNG."""
    head = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">'
    if mark.logo_path:
        data = base64.b64encode(icon_png(mark, 128)).decode("ascii")
        body = f'<image width="64" height="64" href="data:image/png;base64,{data}"/>'
    else:
        primary = mark.primary
        letters = mark.initials
        body = (f'<rect width="64" height="64" rx="10" fill="{primary}"/>'
                f'<text x="32" y="32" dy=".36em" text-anchor="middle" '
                f'font-family="DejaVu Sans, Verdana, Arial, sans-serif" font-weight="700" '
                f'font-size="{36 if len(letters) == 1 else 28}" '
                f'fill="{readable_on(parse_hex(primary))}">{escape(letters)}</text>')
    return f"{head}{body}</svg>\n".encode("utf-8")


def manifest(mark: BrandMark) -> bytes:
    """The web manifest; its URLs are relative to it, so the site works from any sub-path."""
    data = {
        "name": mark.title,
        "short_name": mark.short_title,
        "description": mark.description,
        "lang": mark.language,
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": WHITE,
        "theme_color": mark.primary,
        "icons": [{"src": name, "sizes": f"{size}x{size}", "type": "image/png"}
                  for name, size in ICON_SIZES.items() if name.startswith("icon-")]
        + [{"src": "favicon.svg", "sizes": "any", "type": "image/svg+xml"}],
    }
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def robots(base_url: str) -> bytes:
    """Everything may be crawled; the sitemap is named when the site knows its address.
    Crawlers read robots.txt only at a host's root: under a sub-path it is a no-op."""
    lines = ["User-agent: *", "Allow: /"]
    if base_url:
        lines += ["", f"Sitemap: {urls.public_url(base_url, SITEMAP)}"]
    return ("\n".join(lines) + "\n").encode("utf-8")


@dataclass(frozen=True)
class HeadLink:
    rel: str
    href: str                # output path
    type: str = ""
    sizes: str = ""


HEAD_LINKS = (HeadLink("icon", "favicon.ico", sizes="48x48"),
              HeadLink("icon", "favicon.svg", type="image/svg+xml"),
              HeadLink("apple-touch-icon", "apple-touch-icon.png"),
              HeadLink("manifest", MANIFEST))
