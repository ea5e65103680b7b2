"""Python-Markdown extensions: they render pages with the core modules and work without MkDocs."""
