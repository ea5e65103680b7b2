"""Small MkDocs sites written by a test: English and French, Material, our plugins and overrides."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

from conftest import PROJECT_ROOT

CONFIG = """\
site_name: Fixture
docs_dir: docs
theme:
  name: material
  custom_dir: {overrides}
  language: en
  font: false
extra_css:
  - assets/stylesheets/wayout.css
extra_javascript:
  - assets/javascripts/citations.js
  - assets/javascripts/tables.js
  - assets/javascripts/bibliography.js
  - assets/javascripts/catalogue.js
  - assets/javascripts/framework.js
  - assets/javascripts/self-assessment.js
markdown_extensions:
  - admonition
  - attr_list
  - def_list
  - footnotes
  - toc
  - pymdownx.details
  - pymdownx.superfences:
      custom_fences:
        - name: diagram
          class: diagram
          format: !!python/name:wayout.markdown_extensions.diagrams.fence_format
plugins:
  - search
  - i18n:
      docs_structure: folder
      fallback_to_default: true
      reconfigure_material: true
      reconfigure_search: false
      languages:
{languages}
{plugins}"""

LANGUAGE_NAMES = {"en": "English", "fr": "Français", "de": "Deutsch", "nl": "Nederlands", "pt": "Português", "es": "Español", "sv": "Svenska",
                  "bg": "Български", "sl": "Slovenščina", "ga": "Gaeilge"}


def make_site(
    root: Path, pages: dict[str, str], plugins: tuple[str, ...] = ("wayout-site",), languages: tuple[str, ...] = ("en", "fr")
) -> Path:
    """Write mkdocs.yml and docs/<relative> for each page; returns the mkdocs.yml path.
    The first language is the default."""
    root.mkdir(parents=True, exist_ok=True)
    plugin_lines = "".join(f"  - {plugin}\n" for plugin in plugins)
    language_lines = "\n".join(
        f"        - locale: {code}\n" + ("          default: true\n" if index == 0 else "") + f"          name: {LANGUAGE_NAMES[code]}"
        for index, code in enumerate(languages)
    )
    (root / "mkdocs.yml").write_text(
        CONFIG.format(overrides=PROJECT_ROOT / "overrides", plugins=plugin_lines, languages=language_lines)
    )
    for relative, text in pages.items():
        path = root / "docs" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dedent(text))
    return root / "mkdocs.yml"
