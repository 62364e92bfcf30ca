"""The review app's guard: Host, Origin, session token, CSRF, headers, escaping, files, errors."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from glossary.store import load_glossary
from review.app import create_app
from review.glossary_view import GlossaryView

from .review_client import ORIGIN, PORT, ReviewClient
from .test_glossary import row, tsv

HOSTILE = "<script>alert(1)</script>"


@pytest.fixture
def glossary_file(tmp_path):
    return tsv(
        tmp_path,
        row("党工委", "Party Working Committee", note=HOSTILE),
        row("扫黑除恶", "campaign against organized crime", status="proposed", domain="safety"),
        row("<b>标签</b>", "", status="proposed", domain="general"),
    )


@pytest.fixture
def app(glossary_file):
    return create_app(glossary=GlossaryView(glossary_file, ["街道党工委书记说……"], []))


@pytest.fixture
def client(app):
    return ReviewClient(app)


def raw(app, port=PORT):
    app.set_port(port)
    return TestClient(app, base_url=f"http://127.0.0.1:{port}", raise_server_exceptions=False)


def test_no_page_without_the_token(app):
    http = raw(app)
    assert http.get("/glossary").status_code == 401
    assert http.get("/glossary?token=wrong").status_code == 401
    assert http.post("/api/glossary/save", headers={"Origin": ORIGIN}, json={}).status_code == 401


def test_the_token_is_exchanged_for_a_strict_http_only_cookie(app):
    http = raw(app)
    welcome = http.get(f"/glossary?token={app.sessions.token}&q=x", follow_redirects=False)
    assert welcome.status_code == 303
    assert welcome.headers["location"] == "/glossary?q=x"  # the token leaves the address bar
    cookie = welcome.headers["set-cookie"]
    assert f"zhen_review_{PORT}=" in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert http.get("/glossary").status_code == 200


def test_the_token_opens_the_app_once_and_a_copied_link_opens_nothing_after(app):
    first, later = raw(app), raw(app)  # two browsers: the reviewer's, and whoever saw the link
    assert first.get(f"/glossary?token={app.sessions.token}", follow_redirects=False).status_code == 303
    again = later.get(f"/glossary?token={app.sessions.token}", follow_redirects=False)
    assert again.status_code == 401 and "start the command again" in again.text
    assert "set-cookie" not in again.headers
    assert first.get("/glossary").status_code == 200  # the session it opened goes on


def test_the_welcome_sends_the_browser_only_to_a_path_of_this_server(app):
    from review.security import _own_path

    assert _own_path("//evil.example/x") == "/evil.example/x"  # another site's address, made a path here
    assert _own_path("/\\evil.example/x") == "/evil.example/x"
    # a line break would end the header: escaped, and the link answers instead of dropping the connection
    welcome = raw(app).get(f"/a%0d%0aSet-Cookie:%20x=1?token={app.sessions.token}", follow_redirects=False)
    assert welcome.status_code == 303 and welcome.headers["location"] == "/a%0D%0ASet-Cookie:%20x=1"


def test_a_head_request_does_not_spend_the_link(app):
    http = raw(app)
    assert http.head(f"/glossary?token={app.sessions.token}", follow_redirects=False).status_code == 401
    assert http.get(f"/glossary?token={app.sessions.token}", follow_redirects=False).status_code == 303


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8765", "127.0.0.1:9999", "localhost", "10.0.0.1:8765"])
def test_another_host_is_refused(client, host):
    answer = client.get("/glossary", headers={"Host": host})
    assert answer.status_code == 421


@pytest.mark.parametrize("host", ["127.0.0.1:8765", "localhost:8765", "LOCALHOST:8765", "[::1]:8765"])
def test_the_servers_own_addresses_are_served(client, host):
    assert client.get("/glossary", headers={"Host": host}).status_code == 200


@pytest.mark.parametrize("host", ["", "a b", "127.0.0.1:80:80", "127.0.0.1:port", "[::1", "x" * 300 + ":1:"])
def test_a_malformed_host_is_a_400_never_a_500(client, host):
    assert client.get("/glossary", headers={"Host": host}).status_code == 400


def save_body(glossary_file, zh="党工委", **fields):
    entry = load_glossary(glossary_file).find(zh)
    return {"zh": zh, "version": entry.fingerprint, "fields": fields or {"en": "Party Work Committee"}}


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": None},
        {"Origin": "http://evil.example"},
        {"Origin": f"http://127.0.0.1:{PORT + 1}"},
        {"Origin": "null"},
        {"X-CSRF-Token": None},
        {"X-CSRF-Token": "forged"},
    ],
)
def test_a_change_needs_the_servers_origin_and_the_csrf_token(client, glossary_file, headers):
    before = glossary_file.read_bytes()
    answer = client.post("/api/glossary/save", json=save_body(glossary_file), headers=headers)
    assert answer.status_code == 403
    assert glossary_file.read_bytes() == before


def test_a_change_with_both_is_saved(client, glossary_file):
    answer = client.post("/api/glossary/save", json=save_body(glossary_file))
    assert answer.status_code == 200, answer.text
    assert load_glossary(glossary_file).find("党工委").en == "Party Work Committee"


def test_every_answer_carries_the_security_headers_and_no_cors(client):
    answers = [
        client.get("/glossary", headers={"Origin": "http://evil.example"}),
        client.get("/static/app.css"),
        client.get("/no/such/page"),
        client.get("/glossary", headers={"Host": "evil.example"}),
        client.post("/api/glossary/save", json={}, headers={"X-CSRF-Token": "forged"}),
    ]
    for answer in answers:
        policy = answer.headers["content-security-policy"]
        assert "default-src 'self'" in policy and "script-src 'self'" in policy and "unsafe-inline" not in policy
        assert answer.headers["x-frame-options"] == "DENY"
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert not any(name.lower().startswith("access-control-") for name in answer.headers)


def test_pages_hold_no_inline_script(client):
    page = client.get("/glossary?zh=党工委").text
    assert "<script>" not in page.replace(HOSTILE, "")
    assert 'src="/static/' in page


def test_values_from_the_glossary_are_escaped(client):
    page = client.get("/glossary?zh=党工委").text
    assert HOSTILE not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    rows = client.get("/glossary/rows?q=标签").text
    assert "<b>标签</b>" not in rows and "&lt;b&gt;标签&lt;/b&gt;" in rows


@pytest.mark.parametrize(
    "url",
    [
        "/static/../g.tsv",
        "/static/%2e%2e/%2e%2e/glossary/governance.tsv",
        "/glossary/entry?zh=../../../../etc/passwd",
        "/glossary/entry?zh=/etc/passwd",
        "/g.tsv",
    ],
)
def test_no_request_reaches_a_file_by_its_name(client, url):
    answer = client.get(url)
    assert answer.status_code == 404
    assert "root:" not in answer.text and "Party Working Committee" not in answer.text


def test_a_server_error_shows_no_traceback(client, app, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(GlossaryView, "search", broken)
    answer = client.get("/glossary")
    assert answer.status_code == 500
    assert "Traceback" not in answer.text and "secret internals" not in answer.text


@pytest.mark.parametrize("body", [b"not json", b"[1, 2]", b'{"zh": 5, "version": "x", "fields": {}}', b"\xff\xfe"])
def test_a_malformed_change_is_a_400(client, glossary_file, body):
    before = glossary_file.read_bytes()
    answer = client.post("/api/glossary/save", content=body, headers={"Content-Type": "application/json"})
    assert answer.status_code == 400
    assert glossary_file.read_bytes() == before


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 10_000 + b"]" * 10_000,  # deeper than the parser's recursion: a RecursionError before
        b'{"a": ' * 10_000 + b"1" + b"}" * 10_000,
        b'{"zh": "x", "fields": ' + b"[" * 17 + b"]" * 17 + b"}",  # parseable, but deeper than any body of ours
    ],
)
def test_a_deeply_nested_body_is_a_400_and_no_traceback(client, glossary_file, body, caplog):
    before = glossary_file.read_bytes()
    answer = client.post("/api/glossary/save", content=body, headers={"Content-Type": "application/json"})
    assert answer.status_code == 400 and "Traceback" not in answer.text
    assert glossary_file.read_bytes() == before
    assert not [record for record in caplog.records if record.exc_info or record.levelname == "ERROR"]


def test_a_huge_change_is_refused(client, glossary_file):
    body = save_body(glossary_file, note="x" * (2 * 2**20))
    assert client.post("/api/glossary/save", json=body).status_code == 400


def test_a_glossary_broken_or_gone_while_serving_is_one_line(client, glossary_file):
    glossary_file.write_text("not a glossary\n", encoding="utf-8")
    answer = client.get("/glossary")
    assert answer.status_code == 409 and "first line must be the header" in answer.text
    assert "Traceback" not in answer.text
    glossary_file.unlink()
    answer = client.get("/glossary")
    assert answer.status_code == 409 and "Traceback" not in answer.text
