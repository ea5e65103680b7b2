"""Labels of the bibliography's topics (one .bib file each) in every language of the site."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from wayout import yaml_files
from wayout.problems import Problem, display_path

TOPICS_FILE = "topics.yml"


@dataclass(frozen=True)
class TopicLabels:
    labels: dict[str, dict[str, str]]

    def label(self, topic: str, language: str) -> str:
        by_language = self.labels.get(topic, {})
        return by_language.get(language) or by_language.get("en") or topic


def read_topic_labels(folder: Path, topics: list[str], languages: list[str], root: Path | None = None) -> tuple[TopicLabels, list[Problem]]:
    """The labels, and a problem for every topic or language without one."""
    path = folder / TOPICS_FILE
    shown = display_path(path, root or folder.parent)
    if not path.is_file():
        if not topics:
            return TopicLabels({}), []
        return TopicLabels({}), [
            Problem(shown, 1, "the topic labels file is missing", f"create it with a label per language for: {', '.join(topics)}")
        ]
    text = path.read_text("utf-8")
    try:
        data = yaml_files.safe_load(text) or {}
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else 1
        return TopicLabels({}), [Problem(shown, line, f"not valid YAML ({error.problem})", "fix the YAML syntax")]
    if not isinstance(data, dict):
        return TopicLabels({}), [Problem(shown, 1, "expected `topic: {language: label}` entries", "see the comment at the top of the file")]
    lines = {line.split(":", 1)[0].strip(): number for number, line in enumerate(text.splitlines(), start=1) if line and not line.startswith((" ", "#"))}
    problems = []
    for topic in topics:
        labels = data.get(topic)
        if not isinstance(labels, dict):
            problems.append(Problem(shown, 1, f"no labels for the topic `{topic}` ({topic}.bib)", f"add `{topic}:` with a label for each of: {', '.join(languages)}"))
            continue
        for language in languages:
            if not labels.get(language):
                problems.append(Problem(shown, lines.get(topic, 1), f"the topic `{topic}` has no {language} label", f"add `  {language}: \"…\"` under `{topic}:`"))
    for topic in data:
        if topic not in topics:
            problems.append(Problem(shown, lines.get(topic, 1), f"`{topic}` is not a topic: there is no {topic}.bib", "remove it, or add the .bib file"))
    return TopicLabels({topic: dict(labels) for topic, labels in data.items() if isinstance(labels, dict)}), problems
