"""The `diagram` fence for pymdownx.superfences: YAML in, accessible SVG out (see wayout.diagrams).

    markdown_extensions:
      - pymdownx.superfences:
          custom_fences:
            - name: diagram
              class: diagram
              format: !!python/name:wayout.markdown_extensions.diagrams.fence_format

Problems are reported with file and line by `wayout check` and by the site plugin before any page
is rendered; a diagram that still fails here stops the conversion with the same messages.
"""

from __future__ import annotations

from pymdownx.superfences import SuperFencesException

from wayout.diagrams import parse_diagram, render_svg


class DiagramError(SuperFencesException):
    """Raised through superfences, which would otherwise show a broken diagram as a code block."""


def fence_format(source: str, language: str, css_class: str, options: dict, md, **kwargs) -> str:
    diagram, problems = parse_diagram(source)
    if diagram is None:
        raise DiagramError("; ".join(f"diagram line {line}: {message} — {fix}" for line, message, fix in problems))
    return render_svg(diagram)
