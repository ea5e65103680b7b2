import base64
import hashlib

import pytest

from wayout.csp import add_content_security_policy, content_security_policy, inline_script_hashes


def sha256_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


PAGE = """<!doctype html><html lang="en"><head>
<meta charset="utf-8">
<title>t</title>
<script>var a = 1</script>
<script src="assets/bundle.js"></script>
<script id="__config" type="application/json">{"base": "."}</script>
<script type="text/javascript">var b = 2</script>
<script>var a = 1</script>
</head><body></body></html>"""


def test_hashes_every_executable_inline_script_once_in_page_order():
    assert inline_script_hashes(PAGE) == [sha256_source("var a = 1"), sha256_source("var b = 2")]


def test_external_and_json_scripts_need_no_hash():
    assert inline_script_hashes('<script src="x.js"></script><script type="application/json">{}</script>') == []


def test_policy_allows_only_the_own_origin():
    policy = content_security_policy(PAGE)
    directives = dict(part.split(" ", 1) for part in policy.split("; "))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == f"'self' {sha256_source('var a = 1')} {sha256_source('var b = 2')}"
    assert directives["object-src"] == "'none'"
    assert directives["img-src"] == "'self' data:"
    for value in directives.values():
        assert "http" not in value and "*" not in value and "unsafe" not in value


def test_meta_goes_right_after_the_charset():
    html = add_content_security_policy(PAGE)
    head = html.split("<title>")[0]
    assert head.index('<meta charset="utf-8">') < head.index('http-equiv="Content-Security-Policy"')


def test_adding_twice_keeps_one_policy():
    html = add_content_security_policy(add_content_security_policy(PAGE))
    assert html.count("Content-Security-Policy") == 1


def test_adding_twice_keeps_one_policy_when_the_head_is_not_closed():
    # HTML lets </head> be left out; the earlier policy is then looked for in the whole page.
    page = '<html><head><meta charset="utf-8"><title>t</title><body><script>go()</script></body></html>'
    html = add_content_security_policy(add_content_security_policy(page))
    assert html.count("Content-Security-Policy") == 1


def test_a_page_without_head_is_an_error():
    with pytest.raises(ValueError, match="no <head>"):
        add_content_security_policy("<p>fragment</p>")


def test_live_reload_policy_allows_inline_scripts_but_no_other_origin():
    policy = content_security_policy(PAGE, live_reload=True)
    directives = dict(part.split(" ", 1) for part in policy.split("; "))
    assert directives["script-src"] == "'self' 'unsafe-inline'"
    assert directives["default-src"] == "'self'"
    assert "sha256" not in policy
