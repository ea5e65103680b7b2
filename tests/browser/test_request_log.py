"""The privacy checks must be able to fail: show them catching what they look for."""

from __future__ import annotations

from conftest import StaticServer


def test_request_log_catches_other_origins_and_error_statuses(chromium, tmp_path):
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><head><title>t</title>'
        '<link rel="stylesheet" href="missing.css"></head>'
        '<body><img src="http://127.0.0.2:9/pixel.png" alt=""></body></html>'
    )
    from browser.support import RequestLog

    with StaticServer(tmp_path) as server:
        page = chromium.new_page()
        log = RequestLog(server.origin).attach(page)
        page.goto(f"{server.origin}/index.html")
        page.wait_for_load_state("load")
        page.close()
    assert log.foreign == ["http://127.0.0.2:9/pixel.png"]
    assert f"404 {server.origin}/missing.css" in log.errors


def test_csp_recorder_catches_a_blocked_inline_script(chromium, tmp_path):
    (tmp_path / "index.html").write_text(
        "<!doctype html><html lang=\"en\"><head>"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self'\">"
        "<title>t</title></head><body><script>document.title = 'ran'</script></body></html>"
    )
    from browser.support import CSP_RECORDER

    with StaticServer(tmp_path) as server:
        context = chromium.new_context()
        context.add_init_script(CSP_RECORDER)
        page = context.new_page()
        page.goto(f"{server.origin}/index.html")
        violations = page.evaluate("window.__cspViolations")
        title = page.title()
        context.close()
    assert title == "t"
    assert len(violations) == 1 and violations[0].startswith("script-src")
