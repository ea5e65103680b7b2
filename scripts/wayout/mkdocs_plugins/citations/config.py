from mkdocs.config import config_options as options
from mkdocs.config.base import Config


class CitationsConfig(Config):
    enabled = options.Type(bool, default=True)
    # Folder of the .bib files (one per topic) and topics.yml, relative to mkdocs.yml.
    bibliography_dir = options.Type(str, default="bibliography")
    # Offer each citing page's references as BibTeX, RIS and CSL-JSON files beside the page.
    page_downloads = options.Type(bool, default=True)
    # Write the whole bibliography as downloads/wayout-bibliography.{bib,ris,json}.
    bibliography_downloads = options.Type(bool, default=True)
