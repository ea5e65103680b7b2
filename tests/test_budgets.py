"""First-load budgets per page (wayout.budgets), on every page of the built site."""

from __future__ import annotations

from pathlib import Path

from wayout.budgets import BUDGETS, KIB, largest, over_budget, page_weight, site_weights


def test_every_page_of_the_site_loads_within_its_budget(built_site, capsys):
    weights = site_weights(built_site)
    assert len(weights) > 400
    assert over_budget(weights) == []
    heaviest = largest(weights)
    # The measurement is live: every page has HTML, styles, scripts and a search index.
    assert all(heaviest[kind][0] > 0 for kind in ("html", "css", "javascript", "search index"))
    with capsys.disabled():
        print("\nFirst load, heaviest page per kind (budget):")
        for kind, (size, page) in heaviest.items():
            print(f"  {kind:<13} {size / KIB:7.0f} KiB ({BUDGETS[kind] / KIB:.0f})  {page}")


def write(path: Path, text: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))


def test_a_heavy_page_and_a_missing_file_are_reported(tmp_path):
    config = '<script id="__config" type="application/json">{"base": "..", "search": "../assets/worker.js"}</script>'
    write(tmp_path / "assets" / "site.css", "x" * 1000)
    write(tmp_path / "assets" / "worker.js", "x" * 300)
    write(tmp_path / "search" / "search_index.json", "x" * (BUDGETS["search index"] + 1))
    write(tmp_path / "big" / "index.html",
          '<link rel="stylesheet" href="../assets/site.css"><link rel="stylesheet" href="../assets/gone.css">'
          f'<img src="../logo.png" alt="">{config}' + " " * BUDGETS["html"])
    weight = page_weight(tmp_path, tmp_path / "big" / "index.html")
    assert weight.weights["css"] == 1000 and weight.weights["javascript"] == 300
    assert weight.missing == ("../assets/gone.css", "../logo.png")
    assert over_budget([weight]) == [
        f"big/index.html: html {weight.weights['html'] / KIB:.0f} KiB, over the budget of {BUDGETS['html'] / KIB:.0f} KiB",
        f"big/index.html: search index {(BUDGETS['search index'] + 1) / KIB:.0f} KiB, over the budget of {BUDGETS['search index'] / KIB:.0f} KiB",
        "big/index.html: links ../assets/gone.css, which is not in the site",
        "big/index.html: links ../logo.png, which is not in the site",
    ]
