"""Share images for campaign kits: a 1200 × 630 PNG (the size social networks and intranets show
as a link preview) with the kit's message in the page's language, drawn at build time with Pillow
and a font installed on the machine, so that nothing is downloaded.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
MARGIN = 80
BACKGROUND = (25, 55, 94)  # dark blue: white text on it has a contrast ratio above 11:1
TEXT = (255, 255, 255)
ACCENT = (255, 196, 61)

# DejaVu covers every Latin-script language of the EU; Debian installs it with fonts-dejavu-core.
FONT_FILES = {
    "regular": ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "DejaVu Sans"),
    "bold": ("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "DejaVu Sans:bold"),
}


class FontNotFound(RuntimeError):
    pass


@dataclass(frozen=True)
class ShareImage:
    message: str  # the kit's share_text
    audience: str  # e.g. "Police", in the page's language
    site_name: str  # e.g. "Base de connaissances WayOut"


@cache
def font_file(weight: str) -> str:
    path, pattern = FONT_FILES[weight]
    if Path(path).is_file():
        return path
    if shutil.which("fc-match"):
        found = subprocess.run(["fc-match", "--format=%{file}", pattern], capture_output=True, text=True).stdout.strip()
        if found and Path(found).is_file() and "dejavu" in found.lower():
            return found
    raise FontNotFound(f"the DejaVu Sans font is not installed ({path}) — install Debian's fonts-dejavu-core")


def _font(weight: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(font_file(weight), size)


def _wrapped(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    return [*lines, line] if line else lines


def render(image: ShareImage, target: Path) -> None:
    """Write the PNG. The message gets the largest size (72 px down to 36 px) at which all its
    lines fit between the audience and the site's name, so a long language still fits."""
    canvas = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(canvas)
    text_width = WIDTH - 2 * MARGIN
    draw.rectangle([MARGIN, MARGIN, MARGIN + 120, MARGIN + 10], fill=ACCENT)
    draw.text((MARGIN, MARGIN + 40), image.audience, font=_font("bold", 36), fill=ACCENT)
    top, footer_size = MARGIN + 120, 30
    bottom = HEIGHT - MARGIN - footer_size - 30  # a gap above the site's name
    for size in range(72, 35, -4):
        font = _font("bold", size)
        lines = _wrapped(draw, image.message, font, text_width)
        line_height = int(size * 1.25)
        if len(lines) * line_height <= bottom - top:
            break
    else:
        raise ValueError(f"the message does not fit the share image: {image.message!r} — shorten it")
    for number, line in enumerate(lines):
        draw.text((MARGIN, top + number * line_height), line, font=font, fill=TEXT)
    draw.text((MARGIN, HEIGHT - MARGIN - footer_size), image.site_name, font=_font("regular", footer_size), fill=TEXT)
    target.parent.mkdir(parents=True, exist_ok=True)
    canvas.save(target, format="PNG", optimize=True)
