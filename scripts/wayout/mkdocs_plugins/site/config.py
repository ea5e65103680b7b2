from mkdocs.config import config_options as options
from mkdocs.config.base import Config


class SiteConfig(Config):
    enabled = options.Type(bool, default=True)
    # Check every page's front matter before building and stop the build on any problem.
    check_front_matter = options.Type(bool, default=True)
    # Add a per-page Content-Security-Policy that allows only the site's own origin.
    content_security_policy = options.Type(bool, default=True)
    # Write a sitemap.xml in every page folder: Material's language selector fetches one beside each alternate.
    language_sitemaps = options.Type(bool, default=True)
    # One search index per language, so that a search stays in the reader's language.
    language_search = options.Type(bool, default=True)
    # Languages built before their interface texts (wayout/data/*.yml, citation terms) are translated:
    # they show the English texts, and the check that every language has its own is skipped for them.
    english_interface = options.ListOfItems(options.Type(str), default=[])
