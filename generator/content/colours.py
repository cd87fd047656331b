"""Colours as the organiser writes them (#0b5cad) and their WCAG 2 contrast.

Contrast follows WCAG 2.x: the relative luminance of sRGB colours, and the
ratio (L1 + 0.05) / (L2 + 0.05); text needs 4.5:1 for level AA.
"""
from __future__ import annotations

import re

HEX_COLOUR = re.compile(r"^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
AA_TEXT = 4.5
WHITE = "#ffffff"

RGB = tuple[int, int, int]


def parse_hex(text: str) -> RGB | None:
    """(r, g, b) of #rgb or #rrggbb, or None when the text is no such colour."""
    match = HEX_COLOUR.match(text.strip())
    if not match:
        return None
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return tuple(int(digits[n:n + 2], 16) for n in (0, 2, 4))


def to_hex(rgb: RGB) -> str:
    return "#" + "".join(f"{channel:02x}" for channel in rgb)


def normal(text: str) -> str:
    """A colour in one spelling, #rrggbb in lower case (so #FFF and #ffffff are one)."""
    rgb = parse_hex(text)
    return to_hex(rgb) if rgb else text


def luminance(rgb: RGB) -> float:
    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4
    red, green, blue = (linear(c) for c in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: RGB, second: RGB) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def contrast_text(ratio: float) -> str:
    """A ratio as people read it, rounded down so 4.49 never shows as 4.5: '3.2:1'."""
    return f"{int(ratio * 10) / 10:g}:1"


def adjusted(rgb: RGB, background: RGB, ratio: float = AA_TEXT) -> RGB:
    """The colour nearest `rgb` along black-or-white that reaches `ratio` against the
    background: darker on a light background, lighter on a dark one. Unchanged when
    it already does."""
    if contrast(rgb, background) >= ratio:
        return rgb
    target = 0 if luminance(background) > 0.18 else 255
    for step in range(1, 101):
        mix = step / 100
        candidate = tuple(round(c + (target - c) * mix) for c in rgb)
        if contrast(candidate, background) >= ratio:
            return candidate
    return (target,) * 3


def readable_on(rgb: RGB) -> str:
    """White or black, whichever reads better as text on this colour: one of them
    always reaches 4.5:1 (a softer near-black may not, on mid-tones)."""
    return WHITE if contrast(rgb, (255, 255, 255)) >= contrast(rgb, (0, 0, 0)) else "#000000"
