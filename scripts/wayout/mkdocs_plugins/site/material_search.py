"""How Material for MkDocs would search a language: its stemmer, word separator and pipeline.

Material takes these from its interface texts for the theme language (partials/languages/*.html),
once per build. Under mkdocs-static-i18n every language's build shares one search plugin, so the
first language's settings end up in every index; this reads them for each language, so that each
language's own index (wayout.search_index) is searched the way Material searches that language.
The only Material-specific code of the split search: replace it when the theme changes.
"""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig

_LUNR_FOLDER = Path("assets") / "javascripts" / "lunr" / "min"


def _translations(config: MkDocsConfig, env: Environment | None):
    """The `t` macro of Material's interface texts for the build's language, as Material's search
    plugin reads its settings (material/plugins/search/plugin.py, _translate). In the build's own
    environment, the interface texts are compiled once, for this and for the pages."""
    template = (env or config.theme.get_env()).get_template("partials/language.html", None, {"config": config})
    return lambda key: str(template.module.t(key)).strip()


def ships_stemmer(config: MkDocsConfig, language: str) -> bool:
    """Whether the theme has lunr's stemmer for `language`: the search page loads it by that name,
    and a name without a file stops the search worker. English is built into lunr."""
    return language == "en" or any((Path(folder) / _LUNR_FOLDER / f"lunr.{language}.min.js").is_file()
                                   for folder in config.theme.dirs)


def search_settings(config: MkDocsConfig, env: Environment | None = None) -> dict:
    """{lang, separator, pipeline} for the language of the build being configured. A language whose
    stemmer the theme does not ship (Material names one for Slovenian, say, that lunr lacks) is
    searched without stemming rather than not at all."""
    translate = _translations(config, env)
    language = translate("search.config.lang") or "en"
    pipeline = [step for step in re.split(r"\s*,\s*", translate("search.config.pipeline")) if step]
    if not ships_stemmer(config, language):
        language, pipeline = "en", [step for step in pipeline if step != "stemmer"]
    return {"lang": [language], "separator": translate("search.config.separator"), "pipeline": pipeline}
