"""Every PDF of the real site (110 of them: 22 documents in five languages) opens, has text in
its page's language, and is as long as its kind of document allows."""

from __future__ import annotations

import re
from html import unescape

from pypdf import PdfReader

LANGUAGES = ("fr", "de", "nl", "pt")
# The most pages each kind may take. A factsheet's text fits one page (wayout.editorial caps it
# at 550 words), and its references follow: two or three pages on 27 November 2026. Cards took
# three to six, the brief three, a module's handouts two to four.
MOST_PAGES = {"factsheet": 3, "card": 6, "brief": 6, "handouts": 8}


def kind_of(relative: str) -> str:
    inside = relative.split("/", 1)[1] if relative.split("/", 1)[0] in LANGUAGES else relative
    if inside.startswith("awareness/factsheets/"):
        return "factsheet"
    if inside.startswith("what-works/"):
        return "card"
    if inside.startswith("training/"):
        return "handouts"
    if inside.startswith("awareness/policymakers/"):
        return "brief"
    raise AssertionError(f"a PDF of no known kind: {relative}")


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def test_every_pdf_opens_in_its_language_with_its_title_and_a_fitting_length(built_site):
    pdfs = sorted(built_site.rglob("*.pdf"))
    assert len(pdfs) == 110
    for pdf in pdfs:
        relative = pdf.relative_to(built_site).as_posix()
        language = relative.split("/", 1)[0] if relative.split("/", 1)[0] in LANGUAGES else "en"
        reader = PdfReader(pdf, strict=True)
        assert reader.trailer["/Root"]["/Lang"] == language, relative
        page_html = (pdf.parent / "index.html").read_text("utf-8")
        heading_html = re.search(r"<h1[^>]*>(.*?)</h1>", page_html, re.DOTALL).group(1)
        heading_html = re.sub(r'<a class="headerlink".*?</a>', "", heading_html)  # the ¶ permalink
        heading = unescape(re.sub(r"<[^>]+>", "", heading_html)).strip()
        assert reader.metadata.title.startswith(heading), relative
        text = words(" ".join(page.extract_text() or "" for page in reader.pages))
        assert len(text) > 500, relative
        # In the page's language: its heading, as the page shows it, opens the text.
        assert words(heading)[:30] in text, relative
        assert 1 <= len(reader.pages) <= MOST_PAGES[kind_of(relative)], f"{relative}: {len(reader.pages)} pages"
