"""The citation benchmark (benchmarks/bench_citations.py): its fresh-process builds report our
plugin's own time, and the scaling targets judge that time."""

from __future__ import annotations

import sys

import pytest

from benchmarks.bench_citations import Timing, median, plugin_growth, scaling_targets, timed_build
from benchmarks.corpus import CorpusSize, write_site

TINY = CorpusSize(pages=4, entries=20, citations=16)


def test_our_cold_build_reports_the_citation_plugins_time_and_the_plain_build_none(tmp_path):
    timings = {variant: timed_build(sys.executable, write_site(tmp_path / variant, TINY, variant), tmp_path / f"{variant}-site")
               for variant in ("plain", "wayout")}
    assert timings["wayout"].plugin > 0
    assert timings["plain"].plugin == 0
    for timing in timings.values():
        assert timing.cpu > 0 and timing.wall > 0
    # The build happened: our variant rendered the citations that the plain one left out.
    assert 'class="citation"' in next((tmp_path / "wayout-site").glob("page-*/index.html")).read_text()


def test_the_median_timing_takes_each_measure_separately():
    timings = [Timing(3.0, 9.0, 0.2), Timing(1.0, 8.0, 0.9), Timing(2.0, 7.0, 0.5)]
    assert median(timings) == Timing(2.0, 8.0, 0.5)


def test_growth_compares_each_round_with_the_base_corpus_of_the_same_round():
    # The machine was twice as slow in the second round: each round's ratio is 1.5.
    base = [Timing(3.0, 3.0, 0.4), Timing(6.0, 6.0, 0.8), Timing(3.0, 3.0, 0.4)]
    doubled = [Timing(4.0, 4.0, 0.6), Timing(8.0, 8.0, 1.2), Timing(4.0, 4.0, 0.6)]
    assert plugin_growth(base, doubled) == pytest.approx(1.5)
    # Ratios 1.25, 2.5 and 2.25: their median, whatever the medians of each corpus.
    assert plugin_growth(base, [Timing(1, 1, 0.5), Timing(1, 1, 2.0), Timing(1, 1, 0.9)]) == pytest.approx(2.25)


def test_growth_refuses_a_base_time_that_was_not_measured():
    with pytest.raises(SystemExit, match="not measured"):
        plugin_growth([Timing(3.0, 3.0, 0.4), Timing(3.0, 3.0, 0.0)], [Timing(4.0, 4.0, 0.6)] * 2)


def test_scaling_targets_allow_at_most_twice_the_base_time():
    entries, pages = scaling_targets(2.0, 2.01)
    assert entries[1:] == (2.0, "<= 2", True)
    assert pages[1] == pytest.approx(2.01) and pages[3] is False
