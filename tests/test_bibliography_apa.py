"""APA 7 references and in-text citations in every language, against golden files.

The golden files under tests/golden/bibliography/ were written once and checked by eye for APA
correctness. After a deliberate change, rewrite them with
    WAYOUT_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_bibliography_apa.py
and read the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from citation_fixtures import GERMAN_WEB_PAGE

from wayout.bibliography.citations import find_citations
from wayout.bibliography.formatting import ReferenceFormatter
from wayout.bibliography.sources import load_bibliography

GOLDEN = Path(__file__).parent / "golden" / "bibliography"
LANGUAGES = ["en", "fr", "de", "nl", "pt"]

# Real entries from bibliography/ for each entry type, and made-up ones (Example, Kapoor, …) for
# the cases the real bibliography does not have. Test fixtures only: never copy these to bibliography/.
FIXTURE = r"""
@article{altier2014turning,
  author   = {Altier, Mary Beth and Thoroughgood, Christian N. and Horgan, John G.},
  title    = {Turning Away from Terrorism: Lessons from Psychology, Sociology, and Criminology},
  journal  = {Journal of Peace Research},
  year     = {2014},
  volume   = {51},
  number   = {5},
  pages    = {647--661},
  doi      = {10.1177/0022343314535946},
  verified = {provenance only, never shown}
}

@article{horgan2010rehabilitating,
  author   = {Horgan, John and Braddock, Kurt},
  title    = {Rehabilitating the Terrorists?: Challenges in Assessing the Effectiveness of De-radicalization Programs},
  journal  = {Terrorism and Political Violence},
  year     = {2010},
  pages    = {267--291},
  doi      = {10.1080/09546551003594748},
}

@article{wolfowicz2021cognitive,
  author   = {Wolfowicz, Michael and Litmanovitz, Yael and Weisburd, David and Hasisi, Badi},
  title    = {Cognitive and Behavioral Radicalization: A Systematic Review of the Putative Risk and Protective Factors},
  journal  = {Campbell Systematic Reviews},
  year     = {2021},
  volume   = {17},
  number   = {3},
  pages    = {e1174},
  doi      = {10.1002/cl2.1174},
}

@article{windisch2016disengagement,
  author   = {Windisch, Steven and Simi, Peter and Ligon, Gina Scott and McNeel, Hillary},
  title    = {Disengagement from Ideologically-Based and Violent Organizations: A Systematic Review of the Literature},
  journal  = {Journal for Deradicalization},
  year     = {2016},
  number   = {9},
  pages    = {1--38},
}

@techreport{demant2008teruggang,
  author      = {Demant, Froukje and Slootman, Marieke and Buijs, Frank and Tillie, Jean},
  title       = {Teruggang en uittreding: processen van deradicalisering ontleed},
  langid      = {dutch},
  institution = {IMES},
  year        = {2008},
}

@book{koehler2017understanding,
  author    = {Koehler, Daniel},
  title     = {Understanding Deradicalization: Methods, Tools and Programs for Countering Violent Extremism},
  publisher = {Routledge},
  address   = {London and New York},
  year      = {2017},
  doi       = {10.4324/9781315649566},
}

@article{koehler2017how,
  author   = {Koehler, Daniel},
  title    = {How and Why We Should Take Deradicalization Seriously},
  journal  = {Nature Human Behaviour},
  year     = {2017},
  volume   = {1},
  pages    = {0095},
  doi      = {10.1038/s41562-017-0095},
}

@book{andrews2010psychology,
  author    = {Andrews, D. A. and Bonta, James},
  title     = {The Psychology of Criminal Conduct},
  edition   = {5th},
  publisher = {Anderson Publishing (LexisNexis)},
  year      = {2010},
}

@book{bjorgo2009leaving,
  editor    = {Bj{\o}rgo, Tore and Horgan, John},
  title     = {Leaving Terrorism Behind: Individual and Collective Disengagement},
  publisher = {Routledge},
  year      = {2009},
}

@incollection{ravn2019rethinking,
  author    = {Ravn, Stiene and Coolsaet, Rik and Sauer, Tom},
  title     = {Rethinking Radicalisation: Addressing the Lack of a Contextual Perspective in the Dominant Narratives on Radicalisation},
  booktitle = {Radicalisation: A Marginal Phenomenon or a Mirror to Society?},
  editor    = {Clycq, Noel and Timmerman, Christiane and Vanheule, Dirk and Van Caudenberg, Rut and Ravn, Stiene},
  publisher = {Leuven University Press},
  year      = {2019},
}

@incollection{losel2020resilience,
  author    = {L{\"o}sel, Friedrich and Bender, Doris and Jugl, Irina and King, Sonja},
  title     = {Resilience against Political and Religious Extremism, Radicalization, and Related Violence: A Systematic Review of Studies on Protective Factors},
  booktitle = {Understanding Recruitment to Organized Crime and Terrorism},
  publisher = {Springer International Publishing},
  year      = {2020},
  pages     = {55--84},
  doi       = {10.1007/978-3-030-36639-1_3},
}

@incollection{example2021chapter,
  author    = {Example, Ann},
  title     = {A Chapter in One Editor's Book},
  booktitle = {The Edited Book},
  editor    = {Editor, Eve},
  publisher = {Example Press},
  year      = {2021},
  pages     = {7},
}

@techreport{pressman2009risk,
  author      = {Pressman, D. Elaine},
  title       = {Risk Assessment Decisions for Violent Political Extremism},
  institution = {Public Safety Canada},
  number      = {2009-02},
  year        = {2009},
  url         = {http://www.publicsafety.gc.ca/cnt/rsrcs/pblctns/2009-02-rdv/index-en.aspx},
}

@techreport{sherman1998preventing,
  author      = {Sherman, Lawrence W. and Gottfredson, Denise C. and MacKenzie, Doris L. and Eck, John and Reuter, Peter and Bushway, Shawn D.},
  title       = {Preventing Crime: What Works, What Doesn't, What's Promising},
  institution = {National Institute of Justice},
  type        = {NIJ Research in Brief},
  number      = {NCJ 171676},
  year        = {1998},
  month       = jul,
}

@techreport{ran2019evaluating,
  author      = {{Radicalisation Awareness Network (RAN)}},
  title       = {Evaluating Disengagement, Deradicalisation and Resocialisation Efforts},
  institution = {Radicalisation Awareness Network (RAN)},
  year        = {2019},
}

@misc{coe2016guidelines,
  author       = {{Council of Europe, Committee of Ministers}},
  title        = {Guidelines for Prison and Probation Services Regarding Radicalisation and Violent Extremism},
  howpublished = {Adopted by the Committee of Ministers on 2 March 2016},
  year         = {2016},
  url          = {https://rm.coe.int/09000016805c1a69},
}

@misc{wayoutndproject,
  author       = {{WayOut consortium}},
  title        = {{WayOut}: Integrated Exit Program for Prison and Probation},
  howpublished = {Project website},
  url          = {http://wayout-project.com/},
}

@misc{wayoutndleaflet,
  author       = {{WayOut consortium}},
  title        = {A Leaflet Without a Date},
  howpublished = {Leaflet},
}

@misc{wayout2021conference,
  author       = {{WayOut consortium}},
  title        = {Final Conference},
  howpublished = {Conference programme},
  year         = {2021},
}

@misc{untitledndguide,
  title        = {Guide Without an Author},
  howpublished = {Leaflet},
}

@article{smith2010beta,
  author  = {Smith, Jane},
  title   = {The Beta Study},
  journal = {Journal of Examples},
  year    = {2010},
}

@article{smith2010alpha,
  author  = {Smith, Jane},
  title   = {Alpha Findings},
  journal = {Journal of Examples},
  year    = {2010},
}

@article{kapoor2017first,
  author  = {Kapoor, Anil and Bloom, Bea and Montez, Carla and Warner, Dev and Arlen, Eve and Ross, Ray},
  title   = {First Study},
  journal = {Journal of Examples},
  year    = {2017},
}

@article{kapoor2017second,
  author  = {Kapoor, Anil and Bloom, Bea and Zucker, Fay and Lee, Gus and Moss, Hal and Nunn, Ida},
  title   = {Second Study},
  journal = {Journal of Examples},
  year    = {2017},
}

@article{kapoor2017third,
  author  = {Kapoor, Anil and Bloom, Bea and Montez, Carla and Warner, Dev and Arlen, Eve and Zane, Zoe},
  title   = {Third Study},
  journal = {Journal of Examples},
  year    = {2017},
}

@article{many2020authors,
  author  = {Aa, A. and Bb, B. and Cc, C. and Dd, D. and Ee, E. and Ff, F. and Gg, G. and Hh, H. and Ii, I. and Jj, J. and Kk, K. and Ll, L. and Mm, M. and Nn, N. and Oo, O. and Pp, P. and Qq, Q. and Rr, R. and Ss, S. and Tt, T. and Uu, U. and Vv, V.},
  title   = {Twenty-Two Authors},
  journal = {Journal of Examples},
  year    = {2020},
  volume  = {3},
  number  = {1},
  pages   = {1--2},
}
""" + "\n" + GERMAN_WEB_PAGE

# One Markdown page using every citation form.
PAGE = """\
Parenthetical [@altier2014turning], two authors [@horgan2010rehabilitating], with a page [see @koehler2017how, p. 12].
Two in one [see @horgan2010rehabilitating, pp. 270-271; also @altier2014turning, chap. 3].
Year only [-@koehler2017understanding], undated [@wayoutndproject; @wayoutndleaflet], group [@coe2016guidelines].
Narrative @horgan2010rehabilitating argue, and @bjorgo2009leaving [p. 5] collect, as @ran2019evaluating says.
Same author, same year [@smith2010alpha; @smith2010beta]; et al. kept apart [@kapoor2017first; @kapoor2017second; @kapoor2017third].
No author [@untitledndguide]. Many authors [@many2020authors, para. 4].
"""


@pytest.fixture(scope="module")
def formatter(tmp_path_factory) -> ReferenceFormatter:
    folder = tmp_path_factory.mktemp("bibliography")
    (folder / "fixture.bib").write_text(FIXTURE, "utf-8")
    return ReferenceFormatter(load_bibliography(folder))


def references_report(formatter: ReferenceFormatter, language: str) -> str:
    blocks = []
    for entry in formatter.all_references(language):
        source = formatter.bibliography[entry.key]
        blocks.append(
            "\n".join(
                [
                    f"== @{source.type}{{{entry.key}}}",
                    f"text: {entry.text}",
                    f"html: {entry.html}",
                    f"parenthetical: {entry.in_text_author.parenthetical.text}, {entry.year_label}",
                    f"narrative: {entry.in_text_author.narrative.text} ({entry.year_label})",
                ]
            )
        )
    return "\n\n".join(blocks) + "\n"


def citations_report(formatter: ReferenceFormatter, language: str) -> str:
    lines = []
    for citation in find_citations(PAGE):
        rendered = formatter.citation(citation, language)
        lines += [f"{PAGE[citation.start : citation.end]}", f"  text: {rendered.text}", f"  html: {rendered.html}"]
    return "\n".join(lines) + "\n"


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("WAYOUT_UPDATE_GOLDEN"):
        path.write_text(actual, "utf-8")
    assert path.exists(), f"{path} is missing; write it with WAYOUT_UPDATE_GOLDEN=1 and check it by eye"
    assert actual == path.read_text("utf-8")


@pytest.mark.parametrize("language", LANGUAGES)
def test_reference_list_matches_golden(formatter, language):
    check_golden(f"references.{language}.txt", references_report(formatter, language))


@pytest.mark.parametrize("language", LANGUAGES)
def test_citations_match_golden(formatter, language):
    check_golden(f"citations.{language}.txt", citations_report(formatter, language))


def test_three_or_more_authors_are_et_al_from_the_first_citation(formatter):
    entry = formatter.entry("altier2014turning", "en")
    assert entry.in_text_author.parenthetical.text == "Altier et al."
    assert entry.text.startswith("Altier, M. B., Thoroughgood, C. N., & Horgan, J. G. (2014).")


def test_two_authors_take_ampersand_in_parentheses_and_the_word_in_running_text(formatter):
    author = formatter.entry("horgan2010rehabilitating", "en").in_text_author
    assert (author.parenthetical.text, author.narrative.text) == ("Horgan & Braddock", "Horgan and Braddock")
    german = formatter.entry("horgan2010rehabilitating", "de").in_text_author
    assert (german.parenthetical.text, german.narrative.text) == ("Horgan & Braddock", "Horgan und Braddock")
    french = formatter.entry("horgan2010rehabilitating", "fr").in_text_author
    assert (french.parenthetical.text, french.narrative.text) == ("Horgan et Braddock", "Horgan et Braddock")


def test_et_al_that_would_be_ambiguous_names_as_many_authors_as_needed(formatter):
    def shown(key):
        return formatter.entry(key, "en").in_text_author.parenthetical.text

    # Only the final author differs between first and third, so all names are written ("et al."
    # cannot stand for one name); the second needs three names to stand apart.
    assert shown("kapoor2017first") == "Kapoor, Bloom, Montez, Warner, Arlen, & Ross"
    assert shown("kapoor2017third") == "Kapoor, Bloom, Montez, Warner, Arlen, & Zane"
    assert shown("kapoor2017second") == "Kapoor, Bloom, Zucker, et al."


def test_same_author_and_year_get_letters_in_title_order_everywhere(formatter):
    assert formatter.entry("smith2010alpha", "en").year_label == "2010a"
    assert formatter.entry("smith2010beta", "en").year_label == "2010b"  # "The Beta Study" sorts as "Beta"
    assert formatter.entry("smith2010alpha", "fr").year_label == "2010a"
    assert formatter.entry("koehler2017how", "en").year_label == "2017a"
    assert formatter.entry("koehler2017understanding", "en").year_label == "2017b"


def test_undated_works_are_n_d_with_letters_in_each_language(formatter):
    labels = {language: formatter.entry("wayoutndleaflet", language).year_label for language in LANGUAGES}
    assert labels == {"en": "n.d.-a", "fr": "s.d.-a", "de": "o. J.-a", "nl": "z.d.-a", "pt": "s.d.-a"}
    assert formatter.entry("wayoutndproject", "en").year_label == "n.d.-b"


def test_group_author_is_written_in_full_and_not_repeated_as_publisher(formatter):
    entry = formatter.entry("ran2019evaluating", "en")
    assert entry.in_text_author.parenthetical.text == "Radicalisation Awareness Network (RAN)"
    assert entry.text == (
        "Radicalisation Awareness Network (RAN). (2019). "
        "Evaluating disengagement, deradicalisation and resocialisation efforts."
    )


def test_twenty_one_or_more_authors_list_nineteen_an_ellipsis_and_the_last(formatter):
    text = formatter.entry("many2020authors", "en").text
    assert text.startswith("Aa, A., Bb, B., Cc, C., ")
    assert "Ss, S., . . . Vv, V. (2020)." in text
    assert "Tt, T." not in text and "Uu, U." not in text


def test_reference_list_order_follows_apa(formatter):
    order = [entry.key for entry in formatter.all_references("en")]
    # first author, then the following authors, then year (n.d. first), then title;
    # a group author is sorted by its name
    assert order.index("altier2014turning") < order.index("andrews2010psychology")
    assert order.index("koehler2017how") < order.index("koehler2017understanding")
    assert order.index("smith2010alpha") < order.index("smith2010beta")
    assert order.index("bjorgo2009leaving") < order.index("coe2016guidelines") < order.index("example2021chapter")
    assert order.index("kapoor2017first") < order.index("kapoor2017third") < order.index("kapoor2017second")
    assert order.index("wayoutndleaflet") < order.index("wayoutndproject") < order.index("wayout2021conference")
    # a work with no author is sorted by its title ("Guide without an author": between Example and Horgan)
    assert order.index("example2021chapter") < order.index("untitledndguide") < order.index("horgan2010rehabilitating")


def test_verified_field_is_never_rendered(formatter):
    for language in LANGUAGES:
        assert "provenance" not in formatter.entry("altier2014turning", language).html


def test_dois_and_urls_are_links_in_html_and_plain_in_text(formatter):
    entry = formatter.entry("altier2014turning", "en")
    link = "https://doi.org/10.1177/0022343314535946"
    assert f'<a href="{link}">{link}</a>' in entry.html
    assert entry.text.endswith(link)


OTHER_TYPES = r"""
@phdthesis{doe2019exit,
  author = {Doe, Jane},
  title  = {Leaving Extremist Groups in {Europe}},
  school = {Example University},
  year   = {2019},
  url    = {https://example.org/thesis},
}
@mastersthesis{roe2020exit,
  author = {Roe, Richard},
  title  = {Mentoring in Prison},
  school = {Example University},
  year   = {2020},
}
@inproceedings{poe2018paper,
  author    = {Poe, Pat},
  title     = {A Conference Paper},
  booktitle = {Proceedings of the Example Conference},
  editor    = {Chair, Carol and Host, Harry},
  publisher = {Example Press},
  year      = {2018},
  pages     = {10--19},
}
@report{moj2021review,
  institution = {Ministry of Justice},
  title       = {An Undated-Looking Review},
  year        = {2021},
  number      = {12},
}
@online{ran2022page,
  organization = {Radicalisation Awareness Network},
  title        = {A Web Page},
  url          = {https://example.org/page},
  year         = {2022},
}
@book{sherman2002evidence,
  editor    = {Sherman, Lawrence W. and Farrington, David P. and others},
  title     = {Evidence-Based Crime Prevention},
  publisher = {Routledge},
  year      = {2002},
  volume    = {2},
  edition   = {2},
}
"""


def test_the_other_supported_types(tmp_path):
    (tmp_path / "other.bib").write_text(OTHER_TYPES, "utf-8")
    formatter = ReferenceFormatter(load_bibliography(tmp_path))
    texts = {entry.key: entry.text for entry in formatter.all_references("en")}
    assert texts == {
        "doe2019exit": "Doe, J. (2019). Leaving extremist groups in Europe [Doctoral dissertation, Example University]. "
        "https://example.org/thesis",
        "roe2020exit": "Roe, R. (2020). Mentoring in prison [Master's thesis, Example University].",
        "poe2018paper": "Poe, P. (2018). A conference paper. In C. Chair & H. Host (Eds.), "
        "Proceedings of the example conference (pp. 10–19). Example Press.",
        "moj2021review": "Ministry of Justice. (2021). An undated-looking review (Report No. 12).",
        "ran2022page": "Radicalisation Awareness Network. (2022). A web page. https://example.org/page",
        "sherman2002evidence": "Sherman, L. W., Farrington, D. P., et al. (Eds.). (2002). "
        "Evidence-based crime prevention (2nd ed., Vol. 2). Routledge.",
    }
    assert formatter.entry("sherman2002evidence", "en").in_text_author.narrative.text == "Sherman et al."
    assert formatter.entry("doe2019exit", "de").text.startswith("Doe, J. (2019). Leaving extremist groups in Europe [Dissertation, ")
