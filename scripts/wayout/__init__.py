"""WayOut knowledge base: the core logic (no MkDocs imports here) and thin MkDocs adapters."""

__version__ = "0.1.0"
