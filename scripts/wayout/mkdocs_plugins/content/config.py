from mkdocs.config import config_options as options
from mkdocs.config.base import Config


class ContentConfig(Config):
    enabled = options.Type(bool, default=True)
    # Folder of the glossary page and its terms.yml in each language's docs.
    glossary_dir = options.Type(str, default="glossary")
    # Folder of the programme profiles in each language's docs: their programmes' names keep
    # glossary links out ("Desistance" in "Desistance and Disengagement Programme").
    programmes_dir = options.Type(str, default="programmes")
