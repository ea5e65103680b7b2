from mkdocs.config import config_options as options
from mkdocs.config.base import Config


class PdfConfig(Config):
    # mkdocs.yml sets this from WAYOUT_PDF, so that `WAYOUT_PDF=false make serve` rebuilds quickly.
    enabled = options.Type(bool, default=True)
    # Ordinary pages that get a PDF of the whole page, by their path inside a language folder.
    # Factsheets, evidence cards and modules are found by their front-matter type.
    briefs = options.ListOfItems(options.Type(str), default=["awareness/policymakers.md"])
    # The PDFs' stylesheets, found in the theme's folders (overrides/ first), applied in this order.
    stylesheets = options.ListOfItems(
        options.Type(str),
        default=["assets/stylesheets/wayout.css", "assets/stylesheets/print.css", "assets/stylesheets/pdf.css"],
    )
