"""One `mkdocs build` in this process, with the processor time of each language's build and of each
of our plugins recorded; prints them as JSON on the last line of standard output.

    python -m benchmarks.measured_build CONFIG SITE_DIR

Run as a fresh process by bench_scale, which also reads the process's peak memory when it ends,
and by bench_citations, which reads the time in our citation plugin.
A language's time is its own build without the builds nested in it: mkdocs-static-i18n builds
the other languages from inside the default language's build. A plugin's time is the time in its
event handlers plus the time in the Markdown extension it installs, which runs inside MkDocs'
rendering of each page.
"""

from __future__ import annotations

import functools
import json
import logging
import sys
import time
from collections import Counter

# Our plugins, by the entry-point name mkdocs.yml uses, and the Markdown extensions they install.
PLUGIN_NAMES = {
    "wayout.mkdocs_plugins.site.plugin": "wayout-site",
    "wayout.mkdocs_plugins.citations.plugin": "wayout-citations",
    "wayout.mkdocs_plugins.framework.plugin": "wayout-framework",
    "wayout.mkdocs_plugins.content.plugin": "wayout-content",
    "wayout.mkdocs_plugins.pdf.plugin": "wayout-pdf",
}
EXTENSION_PLUGINS = {
    "wayout.markdown_extensions.citations": "wayout-citations",
    "wayout.markdown_extensions.glossary": "wayout-content",
}


class Clock:
    """Processor time per plugin and per language build, each counted once."""

    def __init__(self):
        self.plugins: Counter[str] = Counter()
        self.events: Counter[str] = Counter()  # "plugin event": its share of the plugin's time, to find where it goes
        self.languages: Counter[str] = Counter()
        self.builds: list[dict] = []  # the stack of running builds: {"start", "nested", "language"}

    def time_plugin(self, name: str, function, *args, event: str = "", **kwargs):
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent = time.process_time() - start
            self.plugins[name] += spent
            self.events[f"{name} {event or function.__name__}"] += spent

    def time_build(self, function, config, *args, **kwargs):
        frame = {"start": time.process_time(), "nested": 0.0, "language": None}
        self.builds.append(frame)
        try:
            return function(config, *args, **kwargs)
        finally:
            self.builds.pop()
            spent = time.process_time() - frame["start"]
            self.languages[frame["language"] or "?"] += spent - frame["nested"]
            if self.builds:
                self.builds[-1]["nested"] += spent

    def note_language(self, config) -> None:
        if self.builds and self.builds[-1]["language"] is None:
            self.builds[-1]["language"] = config.theme.get("language") or "en"


def instrument(clock: Clock) -> None:
    import mkdocs.commands.build
    import mkdocs_static_i18n.plugin
    from markdown import preprocessors, treeprocessors
    from mkdocs.plugins import PluginCollection

    original_build = mkdocs.commands.build.build

    @functools.wraps(original_build)
    def build(config, *args, **kwargs):
        return clock.time_build(original_build, config, *args, **kwargs)

    # mkdocs-static-i18n imported `build` by name for its nested builds.
    mkdocs.commands.build.build = build
    mkdocs_static_i18n.plugin.build = build

    original_run_event = PluginCollection.run_event

    def run_event(self, name, item=None, **kwargs):
        if name == "pre_build":
            clock.note_language(kwargs["config"])
        return original_run_event(self, name, item, **kwargs)

    PluginCollection.run_event = run_event

    def timed_handler(plugin_name, handler, event=""):
        @functools.wraps(handler)
        def timed(*args, **kwargs):
            return clock.time_plugin(plugin_name, handler, *args, event=event, **kwargs)

        return timed

    import importlib

    instrumented: set[str] = set()  # plugin names

    def instrument_plugin(plugin_class: type) -> None:
        plugin_name = PLUGIN_NAMES.get(plugin_class.__module__)
        if plugin_name is None or plugin_name in instrumented:
            return
        instrumented.add(plugin_name)
        for attribute, handler in list(vars(plugin_class).items()):
            if attribute.startswith("on_") and callable(handler):
                # functools.wraps copies the priority that event_priority set on the handler.
                setattr(plugin_class, attribute, timed_handler(plugin_name, handler))
        for module_name, owner in EXTENSION_PLUGINS.items():
            if owner != plugin_name:
                continue
            module = importlib.import_module(module_name)
            for value in vars(module).values():
                if (isinstance(value, type) and value.__module__ == module_name
                        and issubclass(value, (preprocessors.Preprocessor, treeprocessors.Treeprocessor))):
                    value.run = timed_handler(plugin_name, value.run, event=value.__name__)

    # Each of our plugins is instrumented as MkDocs registers it, before its event handlers are
    # bound; a build that does not use our plugins (plain Material) never imports them, so that
    # their import is not counted in its time.
    original_setitem = PluginCollection.__setitem__

    def setitem(self, key, value):
        instrument_plugin(type(value))
        return original_setitem(self, key, value)

    PluginCollection.__setitem__ = setitem


def main(argv: list[str]) -> int:
    config_file, site_dir = argv
    clock = Clock()
    # Warnings and errors to standard error, as `mkdocs build` shows them (and strict mode fails on).
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s - %(message)s")
    instrument(clock)
    import mkdocs.commands.build
    from mkdocs.config import load_config

    cpu, wall = time.process_time(), time.perf_counter()
    config = load_config(config_file, site_dir=site_dir)
    mkdocs.commands.build.build(config)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    print(json.dumps({"cpu": cpu, "wall": wall, "languages": clock.languages, "plugins": clock.plugins,
                      "events": dict(clock.events.most_common())}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
