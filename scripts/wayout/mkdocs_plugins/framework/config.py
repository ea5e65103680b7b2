from mkdocs.config import config_options as options
from mkdocs.config.base import Config


class FrameworkConfig(Config):
    enabled = options.Type(bool, default=True)
    # Site path of the page that explains the method; every profile links to it.
    method_page = options.Type(str, default="framework/")
    # Folder in the built site for the open data (programmes.json, programmes.csv, evidence.json, schemas).
    data_dir = options.Type(str, default="data")
    # Folder of the evidence cards, for `<!-- evidence-rating: card -->` markers.
    evidence_dir = options.Type(str, default="what-works")
