"""A Content-Security-Policy per HTML page that allows only the site's own origin.

Material for MkDocs puts a few small inline scripts in every page, and one of them embeds the page's
relative base URL, so their text differs from page to page. Rather than allow every inline script
('unsafe-inline'), each page's policy lists the SHA-256 hash of exactly the inline scripts it contains.
"""

from __future__ import annotations

import base64
import hashlib
import re

# Script types a browser does not execute: CSP does not govern them, so they need no hash.
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json", "importmap", "text/template"}

_SCRIPT = re.compile(r"<script\b(?P<attributes>[^>]*)>(?P<body>.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
_TYPE = re.compile(r"""\btype\s*=\s*["']?(?P<type>[^"'\s>]+)""", re.IGNORECASE)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_CHARSET = re.compile(r"<meta\s+charset\s*=\s*[\"']?[\w-]+[\"']?\s*/?>", re.IGNORECASE)
_EXISTING = re.compile(r"<meta\s+http-equiv=\"Content-Security-Policy\"[^>]*>\s*", re.IGNORECASE)

# 'data:' images: Material draws its icons with CSS mask-image data URIs; they are part of the
# stylesheet and request nothing. Everything else comes from this origin or is refused.
BASE_DIRECTIVES = (
    ("default-src", "'self'"),
    ("img-src", "'self' data:"),
    ("style-src", "'self'"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("manifest-src", "'self'"),
    ("media-src", "'self'"),
    ("frame-src", "'none'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)


def inline_script_hashes(html: str) -> list[str]:
    """CSP source expressions (`'sha256-…'`) for every executable inline script, in page order."""
    hashes = []
    for match in _SCRIPT.finditer(html):
        attributes = match.group("attributes")
        if _SRC.search(attributes):
            continue
        script_type = _TYPE.search(attributes)
        if script_type and script_type.group("type").lower() in DATA_SCRIPT_TYPES:
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def content_security_policy(html: str, *, live_reload: bool = False) -> str:
    """The policy for one page.

    `live_reload` is for `mkdocs serve` only: its server injects a live-reload script whose text
    changes on every request, so no hash can match it. Published builds never set it.
    """
    if live_reload:
        script_sources = "'self' 'unsafe-inline'"
    else:
        script_sources = " ".join(["'self'", *inline_script_hashes(html)])
    directives = [*BASE_DIRECTIVES[:1], ("script-src", script_sources), *BASE_DIRECTIVES[1:]]
    return "; ".join(f"{name} {value}" for name, value in directives)


def add_content_security_policy(html: str, *, live_reload: bool = False) -> str:
    """Put the policy first in <head>, after the charset, so it governs every element after it.

    Running twice replaces the earlier policy, so a rebuilt page never carries two.
    """
    # A policy counts only in <head> (HTML's rule for <meta http-equiv>), which is where this one
    # goes; looking for an earlier one there alone spares a case-blind search of the whole page.
    head_end = html.find("</head>")
    if head_end == -1:
        html = _EXISTING.sub("", html)
    else:
        html = _EXISTING.sub("", html[:head_end]) + html[head_end:]
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(html, live_reload=live_reload)}">'
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        raise ValueError("the page has no <head>, so a Content-Security-Policy cannot be added")
    return f"{html[: anchor.end()]}\n    {meta}{html[anchor.end():]}"
