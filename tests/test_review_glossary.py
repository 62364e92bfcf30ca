"""The glossary pages of the review app, through its routes: what a reviewer sees and what a save does."""

from __future__ import annotations

import json

import pytest

from glossary.store import load_glossary
from review.app import create_app
from review.glossary_view import PAGE_SIZE, GlossaryView
from translate.evidence import Pair

from .review_client import ReviewClient
from .test_glossary import row, tsv


@pytest.fixture
def glossary_file(tmp_path):
    return tsv(
        tmp_path,
        row("党工委", "Party Working Committee", note="a street committee of the Party"),
        row("扫黑除恶", "campaign against organized crime", status="proposed", domain="safety"),
        row("放管服", "streamline administration", status="proposed", domain="government", avoid="fang guan fu"),
        row("民生", "people's wellbeing", domain="society"),
    )


PAIRS = [
    Pair("扫黑除恶取得成效。", "The fight against organized crime paid off.", "p1"),
    Pair("深入开展扫黑除恶。", "We pressed on with the fight against organized crime.", "p2"),
    Pair("常态化开展扫黑除恶斗争。", "The fight against organized crime became regular.", "p3"),
    Pair("保障和改善民生。", "We ensured and improved people's wellbeing.", "p4"),
]


@pytest.fixture
def client(glossary_file):
    view = GlossaryView(glossary_file, ["各街道党工委统一部署扫黑除恶专项斗争。"], PAIRS)
    return ReviewClient(create_app(glossary=view))


def version(glossary_file, zh):
    return load_glossary(glossary_file).find(zh).fingerprint


def save(client, glossary_file, headword, **fields):
    body = {"zh": headword, "version": version(glossary_file, headword), "fields": fields}
    return client.post("/api/glossary/save", json=body)


def admit(client, glossary_file, headword, rendering):
    body = {"zh": headword, "version": version(glossary_file, headword), "rendering": rendering}
    return client.post("/api/glossary/admit", json=body)


def test_the_page_lists_entries_and_opens_one(client):
    page = client.get("/glossary")
    assert page.status_code == 200
    assert "扫黑除恶" in page.text and "4 entries" in page.text
    panel = client.get("/glossary/entry", params={"zh": "扫黑除恶"}).text
    assert "<mark>扫黑除恶</mark>" in panel  # its corpus context, highlighted
    assert 'value="campaign against organized crime"' in panel


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"q": "黑除"}, {"扫黑除恶"}),  # any part of the Chinese
        ({"q": "ORGANIZED"}, {"扫黑除恶"}),  # the English, any case
        ({"q": "street committee"}, {"党工委"}),  # the note
        ({"q": "fang guan"}, {"放管服"}),  # a rendering to avoid
        ({"status": "proposed"}, {"扫黑除恶", "放管服"}),
        ({"domain": "society"}, {"民生"}),
        ({"status": "proposed", "domain": "safety"}, {"扫黑除恶"}),
        ({"disagrees": "1"}, {"扫黑除恶"}),  # its preferred rendering stands in none of its 3 occurrences
        ({"status": "nonsense"}, {"党工委", "扫黑除恶", "放管服", "民生"}),  # an unknown filter is no filter
    ],
)
def test_search_and_filters(client, query, expected):
    rows = client.get("/glossary/rows", params=query).text
    shown = {zh for zh in ["党工委", "扫黑除恶", "放管服", "民生"] if f'data-zh="{zh}"' in rows}
    assert shown == expected


def test_a_save_changes_only_its_row_in_place(client, glossary_file):
    before = glossary_file.read_text(encoding="utf-8").splitlines()
    answer = save(client, glossary_file, "放管服", en="delegating power, streamlining administration", note="GWR")
    assert answer.status_code == 200, answer.text
    after = glossary_file.read_text(encoding="utf-8").splitlines()
    changed = [i for i, (a, b) in enumerate(zip(before, after)) if a != b]
    assert changed == [3] and len(after) == len(before)  # one line, at its place: a small diff
    assert answer.json()["entry"]["en"] == "delegating power, streamlining administration"
    assert 'data-zh="放管服"' in answer.json()["row"]


def test_approve_and_reject(client, glossary_file):
    assert save(client, glossary_file, "扫黑除恶", status="approved").status_code == 200
    assert save(client, glossary_file, "放管服", status="rejected").status_code == 200
    glossary = load_glossary(glossary_file)
    assert glossary.find("扫黑除恶").status == "approved" and glossary.find("放管服").status == "rejected"


def test_a_stale_save_is_refused_and_shows_the_current_text(client, glossary_file):
    stale = version(glossary_file, "党工委")
    assert save(client, glossary_file, "党工委", en="Party Work Committee").status_code == 200
    answer = client.post(
        "/api/glossary/save", json={"zh": "党工委", "version": stale, "fields": {"en": "Working Committee"}}
    )
    assert answer.status_code == 409
    assert "changed elsewhere" in answer.json()["error"]
    assert answer.json()["entry"]["en"] == "Party Work Committee"
    assert 'value="Party Work Committee"' in answer.json()["panel"]
    assert load_glossary(glossary_file).find("党工委").en == "Party Work Committee"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"en": "", "status": "approved"}, "has no en"),
        ({"status": "final"}, "unknown status"),
        ({"domain": "space"}, "unknown domain"),
        ({"admitted": "a\x07b"}, "control character"),
        ({"zh": "别的"}, "not a field"),
        ({"line": "3"}, "not a field"),
    ],
)
def test_a_save_the_store_refuses_changes_nothing(client, glossary_file, fields, message):
    before = glossary_file.read_bytes()
    answer = save(client, glossary_file, "党工委", **fields)
    assert answer.status_code == 400
    assert message in answer.json()["error"]
    assert glossary_file.read_bytes() == before


def test_evidence_shows_counts_candidates_and_admits_one(client, glossary_file):
    panel = client.get("/glossary/entry", params={"zh": "扫黑除恶"}).text
    assert "3 occurrences" in panel and "neither 3" in panel
    assert 'data-admit="fight against organized crime"' in panel
    answer = admit(client, glossary_file, "扫黑除恶", "fight against organized crime")
    assert answer.status_code == 200, answer.text
    assert load_glossary(glossary_file).find("扫黑除恶").admitted == ["fight against organized crime"]
    assert "“fight against organized crime” 3" in answer.json()["panel"]  # the evidence counted again
    again = admit(client, glossary_file, "扫黑除恶", "Fight against organized crime")
    assert again.status_code == 400 and "accepted already" in again.json()["error"]


def test_the_evidence_suggests_the_rendering_official_english_always_uses_and_one_click_prefers_it(tmp_path):
    path = tsv(tmp_path, row("消费环境", "consumer environment", admitted="consumption environment"))
    pairs = [
        Pair("优化消费环境。", "We will improve the consumption environment.", "p1"),
        Pair("营造放心消费环境。", "A reassuring consumption environment will be created.", "p2"),
    ]
    client = ReviewClient(create_app(glossary=GlossaryView(path, [], pairs)))
    panel = client.get("/glossary/entry", params={"zh": "消费环境"}).text
    assert 'data-prefer="consumption environment"' in panel
    body = {"zh": "消费环境", "version": version(path, "消费环境"), "rendering": "consumption environment"}
    answer = client.post("/api/glossary/prefer", json=body)
    assert answer.status_code == 200, answer.text
    entry = load_glossary(path).find("消费环境")
    assert (entry.en, entry.admitted) == ("consumption environment", ["consumer environment"])
    assert "data-prefer" not in answer.json()["panel"]  # the preferred now stands at both
    body = {"zh": "消费环境", "version": version(path, "消费环境"), "rendering": "green consumption"}
    refused = client.post("/api/glossary/prefer", json=body)
    assert refused.status_code == 400 and "not an admitted rendering" in refused.json()["error"]
    assert load_glossary(path).find("消费环境").en == "consumption environment"


def test_problems_from_check_are_shown_beside_their_entry(client, glossary_file):
    assert save(client, glossary_file, "民生", admitted="people's wellbeing").status_code == 200
    rows = client.get("/glossary/rows").text
    assert "is the preferred rendering already" in rows
    assert "is the preferred rendering already" in client.get("/glossary/entry", params={"zh": "民生"}).text


def test_history_lists_changes_saved_here(client, glossary_file):
    save(client, glossary_file, "党工委", en="Party Work Committee")
    panel = client.get("/glossary/entry", params={"zh": "党工委"}).text
    assert "en: Party Working Committee → Party Work Committee" in panel
    assert "saved in the review app" in panel


def test_history_lists_git_commits(tmp_path, glossary_file, run_git):
    run_git("init", "-q")
    run_git("add", glossary_file.name)
    run_git("commit", "-q", "-m", "First glossary")
    text = glossary_file.read_text(encoding="utf-8").replace("Party Working Committee", "Party Work Committee")
    glossary_file.write_text(text, encoding="utf-8")
    run_git("commit", "-q", "-am", "党工委 as in GWR 2024")
    client = ReviewClient(create_app(glossary=GlossaryView(glossary_file)))
    panel = client.get("/glossary/entry", params={"zh": "党工委"}).text
    assert "党工委 as in GWR 2024" in panel and "First glossary" in panel and "Tester" in panel


@pytest.fixture
def run_git(tmp_path):
    import subprocess

    def git(*arguments):
        environment = {"GIT_AUTHOR_NAME": "Tester", "GIT_AUTHOR_EMAIL": "t@example.org",
                       "GIT_COMMITTER_NAME": "Tester", "GIT_COMMITTER_EMAIL": "t@example.org",
                       "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}  # fmt: skip
        subprocess.run(["git", "-C", str(tmp_path), *arguments], check=True, env=environment)

    return git


def test_the_file_changed_on_disk_is_read_again(client, glossary_file):
    text = glossary_file.read_text(encoding="utf-8") + row("新质生产力", "new quality productive forces") + "\n"
    glossary_file.write_text(text, encoding="utf-8")
    assert 'data-zh="新质生产力"' in client.get("/glossary/rows?q=新质").text


def test_paging(tmp_path):
    rows = [row(f"术语{i:04d}", f"term {i}", status="proposed") for i in range(2 * PAGE_SIZE + 3)]
    client = ReviewClient(create_app(glossary=GlossaryView(tsv(tmp_path, *rows))))
    first = client.get("/glossary").text
    assert "page 1 of 3" in first and 'data-zh="术语0000"' in first and 'data-zh="术语0050"' not in first
    last = client.get("/glossary/rows?page=3").text
    assert 'data-zh="术语0102"' in last and 'data-zh="术语0099"' not in last
    assert "page 3 of 3" in client.get("/glossary/rows?page=99").text  # clamped
    assert "page 1 of 3" in client.get("/glossary/rows?page=-4").text


def test_a_missing_entry_is_a_404_fragment(client):
    answer = client.get("/glossary/entry", params={"zh": "不存在"})
    assert answer.status_code == 404 and "No entry 不存在" in answer.text


def test_the_answer_is_json_with_the_new_version(client, glossary_file):
    answer = save(client, glossary_file, "党工委", note="checked")
    assert answer.headers["content-type"].startswith("application/json")
    assert json.loads(answer.text)["entry"]["version"] == version(glossary_file, "党工委")


def history_of(client, zh):
    """The history list of an entry's panel, item by item, newest first."""
    import html
    import re

    panel = client.get("/glossary/entry", params={"zh": zh}).text
    listed = panel.partition('<ol class="history">')[2].partition("</ol>")[0]
    return [html.unescape(re.sub(r"<[^>]+>", "", item)).strip() for item in listed.split("<li")[1:]]


def test_a_change_made_outside_the_app_starts_a_new_chapter_of_the_history(client, glossary_file, run_git):
    run_git("init", "-q")
    run_git("add", glossary_file.name)
    run_git("commit", "-q", "-m", "First glossary")
    save(client, glossary_file, "党工委", en="Party Work Committee")
    assert "(saved in the review app)" in history_of(client, "党工委")[0]  # current: nothing said against it
    run_git("checkout", "-q", "--", glossary_file.name)  # the reviewer's change is gone from the file
    items = history_of(client, "党工委")
    assert "changed outside the app" in items[0] and "the file is not what the app wrote" in items[0]
    assert "en: Party Working Committee → Party Work Committee" in items[1]
    assert "no longer in the file as the app wrote it" in items[1]
    save(client, glossary_file, "党工委", note="GWR 2024")  # the app writes again: a new chapter starts
    items = history_of(client, "党工委")
    assert "→ GWR 2024 (saved in the review app)" in items[0]
    assert "changed outside the app" in items[1] and "found when the app next saved" in items[1]
    assert "no longer in the file" in items[2]


def test_a_past_change_the_file_still_holds_says_so(client, glossary_file):
    save(client, glossary_file, "党工委", en="Party Work Committee")
    text = glossary_file.read_text(encoding="utf-8") + row("新质生产力", "new quality productive forces") + "\n"
    glossary_file.write_text(text, encoding="utf-8")  # an editor adds a row; 党工委 is as the app left it
    items = history_of(client, "党工委")
    assert "changed outside the app" in items[0]
    assert "before the file was changed outside; still in the file" in items[1]
