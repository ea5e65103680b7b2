"""Share images of campaign kits: drawn at build time in each page's language, with no network."""

from __future__ import annotations

from PIL import Image

from conftest import run_mkdocs_build
from fixture_site import make_site
from wayout.share_images import HEIGHT, WIDTH, ShareImage, render

KIT = """---
type: kit
title: "Campaign kit: police"
summary: "Messages and materials for a campaign aimed at police officers."
audience: police
share_text: "{message}"
---

# Campaign kit: police

Text.

## Share image

<!-- share-image -->
"""


def test_the_image_has_the_preview_size_and_its_text_is_drawn(tmp_path):
    target = tmp_path / "share.png"
    render(ShareImage("Leaving violence is not the same as giving up beliefs.", "Police", "WayOut knowledge base"), target)
    with Image.open(target) as image:
        assert image.format == "PNG" and image.size == (WIDTH, HEIGHT)
        colours = image.convert("RGB").getcolors(maxcolors=100_000)
    # Background, white text, the accent colour and their anti-aliased edges: text was drawn.
    assert colours is not None and len(colours) > 20
    whites = sum(count for count, colour in colours if colour == (255, 255, 255))
    assert whites > 2_000


def test_a_kit_gets_its_image_in_every_language(tmp_path):
    pages = {
        "en/index.md": "---\ntype: page\ntitle: Home\n---\n# Home\n",
        "fr/index.md": "---\ntype: page\ntitle: Accueil\n---\n# Accueil\n",
        "en/kit.md": KIT.format(message="People can leave violence before they give up their beliefs."),
        "fr/kit.md": KIT.replace("Campaign kit: police", "Kit de campagne : police").format(
            message="On peut quitter la violence avant de renoncer à ses convictions."),
    }
    config = make_site(tmp_path / "src", pages, plugins=("wayout-site", "wayout-content"))
    result = run_mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    for folder, audience, message, label in [
        ("", "Police", "People can leave violence before they give up their beliefs.", "Download the image (PNG, 1200 × 630)"),
        ("fr/", "Police", "On peut quitter la violence avant de renoncer à ses convictions.", "Télécharger l'image (PNG, 1200 × 630)"),
    ]:
        html = (tmp_path / "site" / folder / "kit" / "index.html").read_text("utf-8")
        assert f'<img src="share-image.png" alt="{audience}: {message.replace(chr(39), "&#x27;")}' in html
        assert f'<a href="share-image.png" download>{label.replace(chr(39), "&#x27;")}</a>' in html
        with Image.open(tmp_path / "site" / folder / "kit" / "share-image.png") as image:
            assert image.size == (WIDTH, HEIGHT)
    english = (tmp_path / "site" / "kit" / "share-image.png").read_bytes()
    assert english != (tmp_path / "site" / "fr" / "kit" / "share-image.png").read_bytes()


def test_the_marker_on_a_page_that_is_not_a_kit_stops_the_build(tmp_path):
    pages = {
        "en/index.md": "---\ntype: page\ntitle: Home\n---\n# Home\n\n<!-- share-image -->\n",
        "fr/index.md": "---\ntype: page\ntitle: Accueil\n---\n# Accueil\n",
    }
    config = make_site(tmp_path / "src", pages, plugins=("wayout-site", "wayout-content"))
    result = run_mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 1
    assert "en/index.md: the share-image marker only works on a campaign kit (type: kit) — remove it" in result.stderr


def test_the_longest_message_allowed_fits_in_every_language_sized_word(tmp_path):
    longest = "Ausstiegsprogrammbegleitung funktioniert nachweislich besser mit Familienberatung und Nachsorgeangeboten"[:100]
    render(ShareImage(longest, "Justizvollzugsbedienstete", "WayOut-Wissensdatenbank"), tmp_path / "long.png")
    assert (tmp_path / "long.png").stat().st_size > 5_000
