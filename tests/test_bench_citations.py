"""The citation benchmark (benchmarks/bench_citations.py): its fresh-process builds report our
plugin's own time, and the scaling targets judge that time."""

from __future__ import annotations

import sys

import pytest

from benchmarks.bench_citations import Timing, median, scaling_targets, timed_build
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


def test_scaling_targets_allow_at_most_twice_the_base_time():
    entries, pages = scaling_targets(1.0, 2.0, 2.01)
    assert entries[1:] == (2.0, "<= 2", True)
    assert pages[1] == pytest.approx(2.01) and pages[3] is False


def test_scaling_targets_refuse_a_base_time_that_was_not_measured():
    with pytest.raises(SystemExit, match="not measured"):
        scaling_targets(0.0, 0.0, 0.0)
