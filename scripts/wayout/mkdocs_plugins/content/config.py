from mkdocs.config import config_options as options
from mkdocs.config.base import Config


class ContentConfig(Config):
    enabled = options.Type(bool, default=True)
