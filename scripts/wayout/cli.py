"""The `wayout` command: checks a contributor can run without building HTML."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from wayout import __version__
from wayout.bibliography.check import check_bibliography_and_citations
from wayout.bibliography.sources import read_bibliography
from wayout.glossary import check_glossaries
from wayout.link_checks import check_links
from wayout.scaffold import TEMPLATES, scaffold
from wayout.glossary_translations import stray_translations
from wayout.language_data import missing_language_entries
from wayout.pages import check_pages
from wayout.problems import format_problems
from wayout.site_config import language_codes, read_site_config


def _find_project_root(start: Path) -> Path | None:
    for candidate in (start, *start.parents):
        if (candidate / "mkdocs.yml").is_file():
            return candidate
    return None


def site_url_of(root: Path) -> str | None:
    """The public address the site is deployed at, as the build reads it (mkdocs.yml or WAYOUT_SITE_URL)."""
    import os

    configured = read_site_config(root / "mkdocs.yml").get("site_url")
    return os.environ.get("WAYOUT_SITE_URL") or (configured if isinstance(configured, str) else None)


def _check(arguments: argparse.Namespace) -> int:
    root = arguments.root or _find_project_root(Path.cwd())
    if root is None:
        print("error: no mkdocs.yml here or above — run `wayout check` inside the project, or pass --root", file=sys.stderr)
        return 2
    docs_dir = root / "docs"
    if not docs_dir.is_dir():
        print(f"error: {docs_dir} does not exist — run `wayout check` in the project root, or pass --root", file=sys.stderr)
        return 2
    pages = sorted(docs_dir.rglob("*.md"))
    print(f"Checking {len(pages)} pages in {docs_dir.relative_to(root)}/ ...", file=sys.stderr)
    languages = language_codes(read_site_config(root / "mkdocs.yml"))
    problems = check_pages(docs_dir, root, languages[0] if languages else None)
    problems += check_bibliography_and_citations(root / "bibliography", docs_dir, root, languages)
    bibliography, _ = read_bibliography(root / "bibliography", root)  # its own problems are listed above
    problems += check_glossaries(docs_dir, bibliography, root)
    if languages:
        problems += stray_translations(docs_dir, languages[0], languages, root)
    problems += missing_language_entries(languages, root)
    problems += check_links(docs_dir, root, languages, site_url_of(root))
    _print_translation_status(docs_dir, languages)
    if problems:
        print(format_problems(problems))
        return 1
    print(f"No problems found in {len(pages)} pages and the bibliography.")
    return 0


def _print_translation_status(docs_dir: Path, languages: list[str]) -> None:
    """Outdated and missing translations are not errors (an English fix must not wait for four
    translators), but a contributor should see them: one line per language that is behind."""
    from wayout.glossary_translations import glossary_status
    from wayout.translations import summary, translation_status

    if len(languages) < 2:
        return
    default = languages[0]
    pages = summary(translation_status(docs_dir, default, languages))
    terms = summary(glossary_status(docs_dir, default, languages))
    for language in languages[1:]:
        counts = pages.get(language, {"outdated": 0, "missing": 0})
        term_counts = terms.get(language, {"outdated": 0, "missing": 0})
        behind_terms = term_counts["outdated"] + term_counts["missing"]
        if counts["outdated"] or counts["missing"] or behind_terms:
            print(f"Translations, {language}: {counts['outdated']} outdated, {counts['missing']} missing pages, "
                  f"{behind_terms} glossary terms not current — `wayout i18n --language {language}` lists them", file=sys.stderr)


def _i18n(arguments: argparse.Namespace) -> int:
    from wayout.glossary import TERMS_FILE
    from wayout.glossary_translations import DEFAULT_GLOSSARY_DIR, glossary_status, mark_glossary_current
    from wayout.translations import STATES, mark_current, summary, translation_status

    root = arguments.root or _find_project_root(Path.cwd())
    if root is None:
        print("error: no mkdocs.yml here or above — run `wayout i18n` inside the project, or pass --root", file=sys.stderr)
        return 2
    docs_dir = root / "docs"
    languages = language_codes(read_site_config(root / "mkdocs.yml"))
    default = languages[0] if languages else "en"
    errors = []
    for page in arguments.mark or []:
        translated = Path(page) if Path(page).is_absolute() else (Path.cwd() / page)
        try:
            relative = translated.resolve().relative_to(docs_dir.resolve())
        except ValueError:
            errors.append(f"{page}: not a page under {docs_dir} — give the path of a translated page, e.g. docs/fr/index.md")
            continue
        language, inside = relative.parts[0], Path(*relative.parts[1:])
        english = docs_dir / default / inside
        if language == default or language not in languages:
            errors.append(f"{page}: not in a translation folder — give a page under docs/<language>/ for one of: {', '.join(languages[1:])}")
        elif not english.is_file():
            errors.append(f"{page}: there is no English page docs/{default}/{inside.as_posix()} — translate an existing page, or remove this one")
        elif not translated.is_file():
            errors.append(f"{page}: no such file — copy docs/{default}/{inside.as_posix()} there and translate it first")
        elif inside.as_posix() == f"{DEFAULT_GLOSSARY_DIR}/{TERMS_FILE}":
            marked = mark_glossary_current(translated, english)
            print(f"marked {marked} glossary terms in {relative.as_posix()} current (each translates its English entry as it is now)")
        else:
            try:
                written = mark_current(translated, english)
            except ValueError as error:
                errors.append(f"{page}: {error}")
                continue
            print(f"marked {relative.as_posix()} current (translates English {written})")
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    if arguments.mark:
        return 0
    chosen = [language for language in languages if language != default and (not arguments.language or language in arguments.language)]
    statuses = translation_status(docs_dir, default, [default, *chosen])
    pages = len({status.page for status in statuses})
    print(f"Translation status against docs/{default}/ ({pages} pages)")
    print(f"{'language':<10}" + "".join(f"{state:>10}" for state in STATES))
    for language, counts in summary(statuses).items():
        print(f"{language:<10}" + "".join(f"{counts[state]:>10}" for state in STATES))
    terms = glossary_status(docs_dir, default, [default, *chosen])
    term_count = len({status.term for status in terms})
    print()
    print(f"Glossary terms against docs/{default}/{DEFAULT_GLOSSARY_DIR}/{TERMS_FILE} ({term_count} terms)")
    print(f"{'language':<10}" + "".join(f"{state:>10}" for state in STATES))
    term_counts = summary(terms)
    for language in chosen:
        counts = term_counts.get(language, dict.fromkeys(STATES, 0))
        print(f"{language:<10}" + "".join(f"{counts[state]:>10}" for state in STATES))
    shown = [status for status in statuses if arguments.list or status.state == "outdated"]
    shown_terms = [status for status in terms if status.state != "current"]
    if shown or shown_terms:
        print()
    for status in shown:
        detail = ""
        if status.state == "outdated":
            detail = (f"  (translates {status.recorded_hash}, English is now {status.english_hash})" if status.recorded_hash
                      else "  (records no source_hash: run wayout i18n --mark on it once it is checked)")
        print(f"  {status.language}  {status.state:<9} {status.page}{detail}")
    for status in shown_terms:
        where = f"docs/{status.language}/{DEFAULT_GLOSSARY_DIR}/{TERMS_FILE}" + (f":{status.line}" if status.line else "")
        print(f"  {status.language}  {status.state:<9} glossary term “{status.term}” ({where})")
    incomplete = any(status.state != "current" for status in [*statuses, *terms])
    return 1 if arguments.strict and incomplete else 0


def _new(arguments: argparse.Namespace) -> int:
    root = arguments.root or _find_project_root(Path.cwd())
    if root is None:
        print("error: no mkdocs.yml here or above — run `wayout new` inside the project, or pass --root", file=sys.stderr)
        return 2
    try:
        made = scaffold(arguments.page_type, arguments.title, root / "docs")
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    shown = made.path.relative_to(root)
    print(f"Created {shown}")
    print(f"Next: replace every TODO in it (wayout check lists each one with its line), then preview with `make serve LANG=en`.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="wayout", description="Tools for the WayOut knowledge base.")
    parser.add_argument("--version", action="version", version=f"wayout {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = commands.add_parser("check", help="validate front matter, the bibliography and every citation, and list every problem")
    check.add_argument("--root", type=Path, help="the project root (default: the folder holding mkdocs.yml)")
    check.set_defaults(run=_check)
    i18n = commands.add_parser("i18n", help="report which translations are current, outdated or missing, or mark one current")
    i18n.add_argument("--root", type=Path, help="the project root (default: the folder holding mkdocs.yml)")
    i18n.add_argument("--language", action="append", help="only this language (repeatable)")
    i18n.add_argument("--list", action="store_true", help="list every page, not only the outdated ones")
    i18n.add_argument("--mark", nargs="+", metavar="PAGE", help="record that these translated pages translate the English page as it is now")
    i18n.add_argument("--strict", action="store_true", help="exit 1 unless every page is current in every language")
    i18n.set_defaults(run=_i18n)
    new = commands.add_parser("new", help="start a new page from its template: programme, evidence, review, module or factsheet")
    new.add_argument("page_type", metavar="TYPE", choices=sorted(TEMPLATES), help=", ".join(sorted(TEMPLATES)))
    new.add_argument("title", help="the page's title, in quotes")
    new.add_argument("--root", type=Path, help="the project root (default: the folder holding mkdocs.yml)")
    new.set_defaults(run=_new)
    return parser


def main(argv: list[str] | None = None) -> int:
    arguments = build_parser().parse_args(argv)
    return arguments.run(arguments)


if __name__ == "__main__":
    sys.exit(main())
