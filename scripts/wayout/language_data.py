"""Every language the site is built in needs its words in every multilingual data file: the
interface strings, the vocabulary labels, the rating rules, dates and citation terms. A language
that lacks one would show English in its place without anyone noticing, so the checks list every
missing entry, with its file and line.

Adding a language is therefore a config entry plus files: its entry in mkdocs.yml, its texts in
these files, and its pages under docs/<language>/.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import yaml

from wayout.language_tags import base_language
from wayout.numbers import knows_language
from wayout.problems import Problem, display_path

# libyaml's parser when PyYAML has it: the same nodes and line marks, several times faster.
_COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_LANGUAGE_CODE = re.compile(r"^[a-z]{2}(?:-[A-Z]{2})?$")
# Files of texts by language: (package, file, shape). "labels": mappings {en: …, fr: …} anywhere
# inside; "blocks": one top-level block per language.
DATA_FILES = (
    ("wayout.data", "ui.yml", "labels"),
    ("wayout.data", "vocabularies.yml", "labels"),
    ("wayout.data.framework", "rules.yml", "labels"),
    ("wayout.data.framework", "practice.yml", "labels"),
    ("wayout.data", "dates.yml", "blocks"),
    ("wayout.bibliography", "terms.yml", "blocks"),
)


def _label_mappings(node: yaml.Node, path: tuple[str, ...] = ()):
    """(dotted path, node) of every mapping whose keys are all language codes, including English."""
    if isinstance(node, yaml.MappingNode):
        keys = [key.value for key, _ in node.value if isinstance(key, yaml.ScalarNode)]
        if keys and "en" in keys and all(_LANGUAGE_CODE.match(key) for key in keys):
            yield ".".join(path), node
            return
        for key, value in node.value:
            yield from _label_mappings(value, (*path, str(key.value)))
    elif isinstance(node, yaml.SequenceNode):
        for index, value in enumerate(node.value):
            yield from _label_mappings(value, (*path, str(index)))


def missing_language_entries(languages: list[str], root: Path) -> list[Problem]:
    problems = []
    for package, name, shape in DATA_FILES:
        resource = resources.files(package).joinpath(name)
        shown = display_path(Path(str(resource)), root)
        node = yaml.compose(resource.read_text("utf-8"), Loader=_COMPOSER)
        if shape == "blocks":
            present = {key.value for key, _ in node.value}
            last = node.end_mark.line + 1
            problems += [
                Problem(shown, last, f"no `{language}` block", f"add a `{language}:` block like the `en` one with the {language} texts")
                for language in languages if language not in present and base_language(language) not in present
            ]
            continue
        for dotted, mapping in _label_mappings(node):
            present = {key.value for key, _ in mapping.value}
            for language in languages:
                if language not in present:
                    problems.append(Problem(shown, mapping.start_mark.line + 1, f"no `{language}` text for `{dotted}`",
                                            f"add `{language}:` with the text in that language"))
    # Numbers follow the Unicode CLDR (wayout.numbers), which knows every language a site is likely
    # to add; a code it does not know is most likely a typing error in mkdocs.yml.
    config = display_path(root / "mkdocs.yml", root)
    problems += [
        Problem(config, 1, f"no number conventions for the language `{language}`",
                "use an ISO 639-1 language code, optionally with a region (pt-BR)")
        for language in languages if not knows_language(language)
    ]
    return problems
