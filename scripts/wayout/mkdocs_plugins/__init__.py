"""Thin MkDocs adapters around the core modules of the wayout package."""
