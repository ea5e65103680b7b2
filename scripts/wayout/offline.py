"""The offline bundle: the built site, rewritten to be read from file:// with no network, as a zip.

A browser reading files cannot do three things the published site relies on, so the bundle
changes exactly those:

- a link to a folder ("about/") shows a file listing, not the page: every relative link and
  every search result names its file ("about/index.html"), and root-relative links ("/fr/")
  become relative, since "/" is the root of the disk;
- a page cannot fetch the search index: each language's index is also written as a script
  (search/search_index.js) that sets the global Material reads from file://;
- Web Workers do not start from file://: the iframe-worker shim, shipped in the site
  (overrides/assets/javascripts/vendor/iframe-worker), runs the search worker in a hidden frame.
  Its frame holds an inline script naming the worker's address, which depends on where the zip
  was unpacked, so no hash can allow it: the bundle's pages allow inline scripts and frames of
  their own origin, and still nothing from any other origin.

Nothing here imports MkDocs: `python -m wayout.offline SITE_DIR ZIP` works on any built site.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

WORKER_SHIM = "assets/javascripts/vendor/iframe-worker/shim.js"
BUNDLE_FOLDER = "wayout-offline"

_ATTRIBUTE_URL = re.compile(r"""(?P<before>\s(?:href|src)=)(?P<quote>["'])(?P<url>[^"']*)(?P=quote)""", re.IGNORECASE)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_CSP = re.compile(r'(<meta http-equiv="Content-Security-Policy" content=")(?P<policy>[^"]*)(")', re.IGNORECASE)
_HEAD_END = re.compile(r"</head>", re.IGNORECASE)


@dataclass
class BundleReport:
    files: int = 0
    pages: int = 0
    site_bytes: int = 0
    zip_bytes: int = 0
    search_indexes: dict[str, int] = field(default_factory=dict)  # folder ("" for the root): bytes


def file_url(url: str, depth: int) -> str:
    """The address `url` (an href or src in a page `depth` folders below the site root) as it must
    read from file://; addresses with a scheme, fragments alone and protocol-relative ones stay."""
    if not url or url.startswith(("#", "//")) or _SCHEME.match(url):
        return url
    if url.startswith("/"):
        url = "../" * depth + url[1:] if depth else "./" + url[1:]
    path, hash_mark, fragment = url.partition("#")
    path, question_mark, query = path.partition("?")
    if not path:
        return url  # "?query" or "#fragment" alone: this same page
    if path in (".", "./"):
        path = "index.html"
    elif path.endswith("/"):
        path += "index.html"
    elif path.endswith(("/.", "/..")) or path == "..":
        path += "/index.html"
    return path + question_mark + query + hash_mark + fragment


def offline_policy(policy: str) -> str:
    """The page's Content-Security-Policy with inline scripts and same-origin frames allowed (see
    the module's docstring); every other directive, 'self' only, stays as it was."""
    directives = []
    for directive in policy.split(";"):
        name, _, _ = directive.strip().partition(" ")
        if name == "script-src":
            directive = "script-src 'self' 'unsafe-inline'"
        elif name == "frame-src":
            directive = "frame-src 'self'"
        directives.append(directive.strip())
    return "; ".join(directives)


def offline_page(html: str, depth: int) -> str:
    html = _ATTRIBUTE_URL.sub(lambda m: f"{m['before']}{m['quote']}{file_url(m['url'], depth)}{m['quote']}", html)
    html = _CSP.sub(lambda m: m.group(1) + offline_policy(m["policy"]) + m.group(3), html, count=1)
    shim = f'<script src="{"../" * depth}{WORKER_SHIM}"></script>\n'
    return _HEAD_END.sub(lambda m: shim + m.group(0), html, count=1)


def offline_search_index(text: str) -> str:
    index = json.loads(text)
    for doc in index.get("docs", []):
        location = doc["location"]
        # Locations are relative to the language's root; "" and "#…" are its home page.
        doc["location"] = "index.html" + location if not location or location.startswith("#") else file_url(location, 0)
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def make_bundle(site_dir: Path, zip_path: Path, progress=None) -> BundleReport:
    """Write the bundle of the site built in `site_dir` to `zip_path`; `progress(message)` is told
    every few hundred files."""
    if not (site_dir / "index.html").is_file():
        raise FileNotFoundError(f"{site_dir} holds no built site (no index.html) — run `make build` first")
    if not (site_dir / WORKER_SHIM).is_file():
        raise FileNotFoundError(f"{site_dir / WORKER_SHIM} is missing — the site was built without overrides/assets")
    report = BundleReport()
    files = sorted(path for path in site_dir.rglob("*") if path.is_file())
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as bundle:
        for number, path in enumerate(files, 1):
            relative = PurePosixPath(path.relative_to(site_dir).as_posix())
            name = f"{BUNDLE_FOLDER}/{relative}"
            depth = len(relative.parts) - 1
            if path.suffix == ".html":
                data = offline_page(path.read_text("utf-8"), depth).encode("utf-8")
                report.pages += 1
            elif relative.name == "search_index.json" and relative.parent.name == "search":
                text = offline_search_index(path.read_text("utf-8"))
                script = ("var __index = " + text).encode("utf-8")
                bundle.writestr(f"{BUNDLE_FOLDER}/{relative.with_suffix('.js')}", script)
                report.files += 1
                report.site_bytes += len(script)
                report.search_indexes[str(relative.parent.parent).replace(".", "") or ""] = len(script)
                data = text.encode("utf-8")
            else:
                data = path.read_bytes()
            bundle.writestr(name, data)
            report.files += 1
            report.site_bytes += len(data)
            if progress and number % 500 == 0:
                progress(f"  {number} of {len(files)} files")
    report.zip_bytes = zip_path.stat().st_size
    return report


def _size(count: int) -> str:
    return f"{count / 1024 / 1024:.1f} MiB" if count >= 1024 * 1024 else f"{count / 1024:.0f} KiB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m wayout.offline", description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path, help="the built site (make build writes site/)")
    parser.add_argument("zip", type=Path, help="the bundle to write, e.g. dist/wayout-offline.zip")
    arguments = parser.parse_args(argv)
    started = time.perf_counter()
    print(f"Bundling {arguments.site_dir} for reading from file:// ...", file=sys.stderr)
    try:
        report = make_bundle(arguments.site_dir, arguments.zip, progress=lambda message: print(message, file=sys.stderr))
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"Wrote {arguments.zip}: {report.pages} pages, {report.files} files, {_size(report.site_bytes)} unpacked, "
          f"{_size(report.zip_bytes)} zipped, in {time.perf_counter() - started:.1f} s")
    print("Search index per language: " + ", ".join(
        f"{folder or 'default'} {_size(size)}" for folder, size in sorted(report.search_indexes.items())))
    print(f"Unzip it anywhere and open {BUNDLE_FOLDER}/index.html in a browser; no network is needed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
