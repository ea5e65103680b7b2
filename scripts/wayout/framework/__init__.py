"""The WayOut common evaluation framework: rules as data, one rating engine, practice quality."""
