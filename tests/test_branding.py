"""`branding:` in meeting.yaml: the checker refuses unreadable colours and logos with
file:line, and the build turns a good one into CSS properties, favicons and previews."""
from __future__ import annotations

import io
import xml.etree.ElementTree as ElementTree

import pytest
from PIL import Image

from support import TEMPLATES, edit, line_of, english_content
from generator import cli
from generator.content.colours import contrast, contrast_text, parse_hex
from generator.content.model import Branding
from generator.outputs.brand import css_properties
from generator.site.build import Builder

LOGO_RED = (200, 16, 46)


def brand(content, lines: str) -> None:
    """Add a `branding:` section (its indented lines) to meeting.yaml."""
    edit(content / "meeting.yaml", "organisers:", f"branding:\n{lines}organisers:")


def write_logo(path, size=(400, 200)) -> None:
    image = Image.new("RGB", size, "white")
    image.paste(LOGO_RED, (40, 40, size[0] - 40, size[1] - 40))
    image.save(path)


def check(content, capsys) -> tuple[int, str]:
    code = cli.main(["check", "--content", str(content)])
    return code, capsys.readouterr().err


def test_contrast_follows_wcag():
    assert contrast(parse_hex("#000"), parse_hex("#fff")) == pytest.approx(21)
    assert contrast_text(contrast(parse_hex("#777777"), parse_hex("#ffffff"))) == "4.4:1"
    assert contrast(parse_hex("#767676"), parse_hex("#ffffff")) >= 4.5  # the known AA grey


def test_a_pale_primary_colour_is_refused_with_file_line_and_a_darker_suggestion(content, capsys):
    brand(content, '  primary: "#ffcc00"\n')
    code, err = check(content, capsys)
    line = line_of(content / "meeting.yaml", "primary:")
    assert code == 1
    assert (f"meeting.yaml:{line}: primary colour #ffcc00 has a contrast of 1.5:1 against "
            "the white page background (#ffffff)") in err
    assert "needs at least 4.5:1 for WCAG AA" in err
    suggested = err.split("such as ")[1].split()[0]
    assert contrast(parse_hex(suggested), parse_hex("#ffffff")) >= 4.5


def test_a_pale_accent_colour_is_refused_too(content, capsys):
    brand(content, '  primary: "#0b5cad"\n  accent: "#7fd3ff"\n')
    code, err = check(content, capsys)
    line = line_of(content / "meeting.yaml", "accent:")
    assert code == 1 and f"meeting.yaml:{line}: accent colour #7fd3ff has a contrast" in err


def test_an_unquoted_colour_is_explained(content, capsys):
    brand(content, "  primary: #0b5cad\n")  # YAML reads this as a comment: no value
    code, err = check(content, capsys)
    assert code == 1 and "write the colour in quotes" in err


def test_a_colour_that_is_no_colour_is_refused(content, capsys):
    brand(content, "  accent: navy blue\n")
    code, err = check(content, capsys)
    assert code == 1 and "'accent' in branding is 'navy blue'; write a colour as #rrggbb" in err


@pytest.mark.parametrize("logo, setup, message", [
    ("missing.png", None, "logo file 'missing.png' not found"),
    ("../outside.png", "outside", "is outside the content folder"),
    ("logo.png", "text", "is not an image Pillow can read; use a PNG or JPEG file"),
    ("logo.gif", "gif", "is a GIF image; use a PNG or JPEG file"),
])
def test_a_bad_logo_is_refused_with_its_line(content, capsys, logo, setup, message):
    if setup == "outside":
        write_logo(content.parent / "outside.png")
    elif setup == "text":
        (content / "logo.png").write_text("not an image", encoding="utf-8")
    elif setup == "gif":
        Image.new("RGB", (10, 10)).save(content / "logo.gif")
    brand(content, f"  logo: {logo}\n")
    code, err = check(content, capsys)
    line = line_of(content / "meeting.yaml", "logo:")
    assert code == 1 and f"meeting.yaml:{line}: " in err and message in err


def test_a_branding_typo_names_the_known_keys(content, capsys):
    brand(content, '  primry: "#0b5cad"\n')
    code, err = check(content, capsys)
    assert code == 1 and "unknown key 'primry' in branding; did you mean 'primary'?" in err


def test_css_properties_keep_good_colours_and_lighten_them_for_a_dark_page():
    branding = Branding(primary="#0b5cad", accent="#c2410c")
    light = css_properties(branding)
    assert light == {"--primary": "#0b5cad", "--on-primary": "#ffffff",
                     "--accent": "#c2410c", "--on-accent": "#ffffff"}
    dark = css_properties(branding, "#121417")
    for name in ("--primary", "--accent"):
        assert dark[name] != light[name]
        assert contrast(parse_hex(dark[name]), parse_hex("#121417")) >= 4.5
        assert contrast(parse_hex(dark[name]), parse_hex(dark[name.replace("--", "--on-")])) >= 4.5


@pytest.fixture(scope="module")
def branded(tmp_path_factory):
    """The default content with a logo and colours, built once."""
    root = tmp_path_factory.mktemp("branded")
    content = root / "content"
    english_content(content)
    write_logo(content / "logo.png")
    brand(content, '  logo: logo.png\n  primary: "#7A1F5C"\n  accent: "#0b6e4f"\n')
    output = root / "output"
    Builder(content, TEMPLATES).build(output)
    return output


def test_the_logo_is_published_for_the_theme_as_given(branded):
    logo = branded / "logo.png"
    with Image.open(logo) as image:
        assert image.size == (400, 200) and image.getpixel((200, 100)) == LOGO_RED


def test_every_page_shows_the_logo_with_its_size(branded):
    home = (branded / "index.html").read_text(encoding="utf-8")
    assert '<img class="site-logo" src="logo.png" width="400" height="200" alt="">' in home
    day = next((branded / "days").glob("*/index.html")).read_text(encoding="utf-8")
    assert 'src="../../logo.png"' in day


def test_the_colours_reach_the_manifest_and_favicons(branded):
    manifest = (branded / "manifest.webmanifest").read_text(encoding="utf-8")
    assert '"theme_color": "#7a1f5c"' in manifest


def test_the_favicons_are_made_from_the_logo(branded):
    svg = ElementTree.fromstring((branded / "favicon.svg").read_bytes())
    (image,) = svg.iter("{http://www.w3.org/2000/svg}image")
    assert image.get("href").startswith("data:image/png;base64,")
    icon = Image.open(branded / "icon-192.png").convert("RGB")
    assert icon.getpixel((96, 96)) == pytest.approx(LOGO_RED, abs=6)  # the logo's middle


def test_the_preview_image_shows_the_logo(branded):
    preview = Image.open(branded / "og-image.png").convert("RGB")
    colours = {colour for _, colour in preview.getcolors(maxcolors=1 << 16)}
    assert any(all(abs(a - b) <= 6 for a, b in zip(colour, LOGO_RED)) for colour in colours)
    left_band = preview.getpixel((5, 300))
    assert left_band == (0x7a, 0x1f, 0x5c)  # the primary colour


def test_agenda_json_names_the_logo_but_never_the_building_machines_path(branded):
    text = (branded / "agenda.json").read_text(encoding="utf-8")
    assert '"logo": "logo.png"' in text and "logo_path" not in text and str(branded) not in text


def test_without_branding_the_favicon_shows_the_initials(site):
    svg = ElementTree.fromstring((site / "favicon.svg").read_bytes())
    (text,) = svg.iter("{http://www.w3.org/2000/svg}text")
    assert text.text == "MS"  # Migration Statistics Technical Meeting 2022
    assert not (site / "logo.png").exists() and not (site / "logo.jpg").exists()
    with Image.open(io.BytesIO((site / "favicon.ico").read_bytes())) as ico:
        assert ico.info["sizes"] == {(16, 16), (32, 32), (48, 48)}
