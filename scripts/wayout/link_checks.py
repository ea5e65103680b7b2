"""Links, images and raw HTML in the Markdown pages, checked without building HTML.

- an internal link must reach a page that exists in the page's language (or in the default
  language, which mkdocs-static-i18n shows in its place), and an anchor must exist on it;
- an image needs alt text;
- links to the site's own address, links from the root ("/…") and plain http:// links are refused;
- raw HTML may not run code or embed other pages: no script, iframe, object or embed element,
  no on… event attribute, no javascript: address.

Anchors are the ones a page declares ({#id}, id="…") and the ones Python-Markdown's toc extension
gives its headings; pages whose anchors are generated at build time (a glossary, a bibliography,
reference lists) are checked by `mkdocs build --strict` instead.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from wayout.problems import Problem, display_path

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+).+?\1")
_LINK = re.compile(r"(?P<image>!?)\[(?P<text>[^\]]*)\]\((?P<target>[^)\s]*)(?:\s+\"[^\"]*\")?\)")
_HEADING = re.compile(r"^(?P<level>#{1,6})\s+(?P<text>.+?)\s*(?:\{\s*#(?P<id>[\w-]+)[^}]*\})?\s*$")
_EXPLICIT_ID = re.compile(r"\{\s*#(?P<id>[\w-]+)[^}]*\}|\bid=\"(?P<html_id>[^\"]+)\"")
_FORBIDDEN_ELEMENT = re.compile(r"<\s*(script|iframe|object|embed)\b", re.IGNORECASE)
_EVENT_ATTRIBUTE = re.compile(r"<[a-zA-Z][^>]*\son[a-z]+\s*=", re.IGNORECASE)
_JAVASCRIPT_URL = re.compile(r"javascript:", re.IGNORECASE)
# Markers whose page gets anchors at build time; such pages are left to the strict build.
_GENERATED_ANCHORS = ("<!-- glossary -->", "<!-- bibliography -->")
_GENERATED_PREFIXES = ("ref-", "term-", "fn:", "fnref:")


def toc_slug(text: str) -> str:
    """Python-Markdown's toc.slugify: ASCII, lowercase, words joined by hyphens."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # a link in a heading keeps its text
    text = re.sub(r"[*_`]", "", text)
    value = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(r"[-\s]+", "-", value)


_READ: dict[Path, tuple[tuple[int, int], "_Page"]] = {}


@dataclass(slots=True)
class _Page:
    # (line number, text) of the lines outside code blocks that can hold a link or HTML: kept for
    # every page while `mkdocs serve` runs, so not the lines that cannot.
    lines: list[tuple[int, str]]
    anchors: set[str] = field(default_factory=set)
    generated: bool = False


def _read(path: Path) -> _Page:
    try:
        text = path.read_text("utf-8")
    except UnicodeDecodeError:
        return _Page([], generated=True)  # the page checks report the encoding; nothing to follow here
    page = _Page([], generated=any(marker in text for marker in _GENERATED_ANCHORS)
                 or "\ntype: programme" in text or "\ntype: evidence" in text)
    may_have_fences = "```" in text or "~~~" in text
    fence = None
    counts: dict[str, int] = {}
    # One pass over the lines; each pattern runs only on lines holding what it needs, found by a
    # plain search: most lines hold none of it, and a build reads every page of every language.
    for number, line in enumerate(text.splitlines(), start=1):
        if may_have_fences:
            opening = _FENCE.match(line) if "```" in line or "~~~" in line else None
            if fence is not None:
                if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                    fence = None
                continue
            if opening:
                fence = opening.group(1)
                continue
        # What every link ("](") and every problem of raw HTML (a tag's "<", a "javascript:"
        # address) needs; taking inline code out of a line, as the checks do first, adds none.
        if "](" in line or "<" in line or ":" in line:
            page.lines.append((number, line))
        heading = _HEADING.match(line) if line.startswith("#") else None
        if heading:
            anchor = heading["id"] or toc_slug(heading["text"])
            if not heading["id"] and anchor in counts:  # toc numbers repeated headings: intro, intro_1
                counts[anchor] += 1
                anchor = f"{anchor}_{counts[anchor] - 1}"
            counts.setdefault(anchor, 1)
            page.anchors.add(anchor)
        if "{" in line or 'id="' in line:
            for match in _EXPLICIT_ID.finditer(line):
                page.anchors.add(match["id"] or match["html_id"])
    return page


def check_links(docs_dir: Path, root: Path, languages: list[str], site_url: str | None = None) -> list[Problem]:
    """Every link, image and raw-HTML problem in every page of every language."""
    default = languages[0] if languages else None
    site_host = urlsplit(site_url).netloc.lower() if site_url else ""
    docs_dir = Path(os.path.abspath(docs_dir))

    def page_at(path: Path) -> _Page:
        # Kept across calls while the file is unchanged: `mkdocs serve` checks before every rebuild.
        status = path.stat()
        stamp = (status.st_mtime_ns, status.st_size)
        kept = _READ.get(path)
        if kept is None or kept[0] != stamp:
            kept = _READ[path] = (stamp, _read(path))
        return kept[1]

    problems = []
    for path in sorted(docs_dir.rglob("*.md")):
        display = display_path(path, root)
        relative = path.relative_to(docs_dir)
        language = relative.parts[0] if len(relative.parts) > 1 and relative.parts[0] in languages else None
        page = page_at(path)
        for number, line in page.lines:
            code_free = _INLINE_CODE.sub(" ", line) if "`" in line else line
            if "<" in code_free or ":" in code_free:
                problems += _html_problems(code_free, display, number)
            if "](" in code_free:
                for match in _LINK.finditer(code_free):
                    problems += _link_problems(match, path, docs_dir, language, default, site_host, page_at, page, display, number)
    return sorted(problems)


def _html_problems(line: str, display: str, number: int) -> list[Problem]:
    problems = []
    element = _FORBIDDEN_ELEMENT.search(line)
    if element:
        problems.append(Problem(display, number, f"raw HTML `<{element.group(1).lower()}>` is not allowed",
                                "remove it: pages may not run scripts or embed other pages"))
    if _EVENT_ATTRIBUTE.search(line):
        problems.append(Problem(display, number, "an HTML event attribute (on…=) is not allowed", "remove the attribute: pages may not run scripts"))
    if _JAVASCRIPT_URL.search(line):
        problems.append(Problem(display, number, "a `javascript:` address is not allowed", "link to a page or a document instead"))
    return problems


def _link_problems(match, path, docs_dir, language, default, site_host, page_at, page, display, number) -> list[Problem]:
    target, is_image = match["target"], bool(match["image"])
    if is_image and not match["text"].strip():
        return [Problem(display, number, f"the image `{target}` has no alt text",
                        "describe what the image shows between the brackets: ![what it shows](file)")]
    if not target or target.startswith(("mailto:", "tel:")):
        return []
    parts = urlsplit(target)
    if parts.scheme == "http":
        return [Problem(display, number, f"the link `{target}` uses http://", "use https://, or leave the link out if the site has no secure address")]
    if parts.scheme or parts.netloc:
        if site_host and parts.netloc.lower() == site_host:
            return [Problem(display, number, f"the link `{target}` points at this site by its full address",
                            "link to the page's .md file with a relative path, e.g. ../what-works/mentoring.md")]
        return []
    if target.startswith("/"):
        return [Problem(display, number, f"the link `{target}` starts at the site's root",
                        "use a relative path to the .md file, e.g. ../what-works/mentoring.md")]
    link_path, anchor = unquote(parts.path), parts.fragment
    if not link_path:
        destination, shown = path, "this page"
    else:
        resolved = Path(os.path.normpath(path.parent / link_path))  # no symbolic links in docs/ to follow
        if not link_path.endswith(".md"):
            if not resolved.exists():
                return [Problem(display, number, f"the link `{target}` points at a file that does not exist",
                                "check the path; files are linked relative to this page")]
            return []
        destination = resolved if resolved.is_file() else _fallback(resolved, docs_dir, language, default)
        if destination is None:
            return [Problem(display, number, f"the link `{target}` points at a page that does not exist",
                            "check the file name and folder; links are relative to this page's .md file")]
        shown = PurePosixPath(link_path).name
    if not anchor or anchor.startswith(_GENERATED_PREFIXES):
        return []
    linked = page_at(destination)
    if linked.generated or anchor in linked.anchors:
        return []
    return [Problem(display, number, f"`{shown}` has no heading or anchor `#{anchor}`",
                    "use an anchor the page has, or give its heading one: ## Heading {#" + anchor + "}")]


def _fallback(resolved: Path, docs_dir: Path, language: str | None, default: str | None) -> Path | None:
    """The default language's page that mkdocs-static-i18n shows where a translation is missing."""
    if language is None or default is None or language == default:
        return None
    try:
        inside = resolved.relative_to(docs_dir / language)
    except ValueError:
        return None
    english = docs_dir / default / inside
    return english if english.is_file() else None
