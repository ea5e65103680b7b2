"""Glossary terms: anchors that stay the same in every language, and sorting that ignores accents."""

from __future__ import annotations

from wayout.glossary import glossary_markdown, load_glossary


def test_a_translated_term_keeps_the_anchor_of_the_english_term(tmp_path):
    path = tmp_path / "terms.yml"
    path.write_text(
        '- term: Évaluation de processus\n  en: Process evaluation\n  definition: "Une évaluation."\n'
        '- term: Désistance\n  en: Desistance\n  definition: "Cesser."\n'
        '- term: Case\n  definition: "Un mot."\n'
    )
    terms, problems = load_glossary(path, "terms.yml")
    assert problems == []
    assert [term.anchor for term in terms] == ["term-process-evaluation", "term-desistance", "term-case"]
    order = [line.split(" {")[0] for line in glossary_markdown(terms).splitlines() if "{ #" in line]
    assert order == ["Case", "Désistance", "Évaluation de processus"]


def test_two_entries_for_one_english_term_are_a_problem(tmp_path):
    path = tmp_path / "terms.yml"
    path.write_text('- term: A\n  en: Desistance\n  definition: "x."\n- term: B\n  en: Desistance\n  definition: "y."\n')
    _, problems = load_glossary(path, "terms.yml")
    assert [str(problem) for problem in problems] == ["terms.yml:4: the term “B” is already defined on line 1 — merge the two entries"]

