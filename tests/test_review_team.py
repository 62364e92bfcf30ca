"""The review app serving a team (issue 29): each reviewer's own one-time link, a role (review, or
read-only), and their name on every change: the memory (SQLite or the team's PostgreSQL), its TMX, and
the glossary's history."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from review.app import create_app
from review.glossary_view import GlossaryView
from review.security import Sessions, reviewer
from review.translation_view import TranslationView
from translate.bitext import read_xliff
from translate.memory import memory_at

from .review_client import ReviewClient
from .test_review_glossary import version
from .test_review_translation import glossary_file, save, segment_ids, xliff  # noqa: F401  (fixtures)


@pytest.fixture
def team(xliff, glossary_file, tm_location):  # noqa: F811
    memory = memory_at(tm_location)
    sessions = Sessions([reviewer("Li Na"), reviewer("Wang Wei:read")])
    views = [TranslationView(xliff, glossary_file, memory)]
    app = create_app(glossary=GlossaryView(glossary_file), translations=views, sessions=sessions)
    li, wang = (ReviewClient(app, token) for _, token in sessions.links)
    return app, li, wang, memory


def test_each_link_opens_once_for_its_reviewer(team):
    from starlette.testclient import TestClient

    app, li, wang, _ = team
    fresh = TestClient(app, base_url="http://127.0.0.1:8765")  # another browser, given a link already used
    for _, token in app.sessions.links:
        assert fresh.get(f"/?token={token}", follow_redirects=False).status_code == 401
    page = li.get("/translation/1").text
    assert '<span class="reviewer">Li Na</span>' in page and "data-read-only" not in page
    page = wang.get("/translation/1").text
    assert "Wang Wei · read-only" in page and 'data-read-only="true"' in page and " readonly " in page


def test_a_reviewers_save_carries_their_name_into_the_memory_and_its_tmx(team, xliff, run, tmp_path):  # noqa: F811
    _, li, _, memory = team
    first = segment_ids(xliff)[0]
    assert save(li, first, "The subdistrict Party Working Committee met.", "final").status_code == 200
    (unit,) = [u for u in memory.units() if u.origin == "human"]
    assert (unit.creator, unit.changer) == ("Li Na", "Li Na")
    exported = tmp_path / "team.tmx"
    assert run("translate", "tm", "export", str(exported), "--tm", str(memory.location)).code == 0
    tu = ET.parse(exported).getroot().find("body/tu")
    assert (tu.get("creationid"), tu.get("changeid")) == ("Li Na", "Li Na")


def test_a_read_only_link_changes_nothing(team, xliff, glossary_file):  # noqa: F811
    _, _, wang, memory = team
    before = xliff.read_bytes(), glossary_file.read_bytes()
    refused = save(wang, segment_ids(xliff)[0], "Changed by a reader.", "final", version="x")
    assert refused.status_code == 403 and "read-only" in refused.text
    body = {"zh": "党工委", "version": version(glossary_file, "党工委"), "fields": {"en": "Reader's own"}}
    assert wang.post("/api/glossary/save", json=body).status_code == 403
    assert wang.post("/api/translation/1/publish", json={}).status_code == 403
    assert (xliff.read_bytes(), glossary_file.read_bytes()) == before
    assert memory.stats()["human"] == 0
    assert read_xliff(xliff).segments[0].target == ""


def test_a_glossary_change_is_in_the_history_under_the_reviewers_name(team, glossary_file):  # noqa: F811
    app, li, _, _ = team
    body = {"zh": "党工委", "version": version(glossary_file, "党工委"), "fields": {"note": "checked by Li"}}
    assert li.post("/api/glossary/save", json=body).status_code == 200
    view = GlossaryView(glossary_file)
    changes = view.history(view.entry("党工委"))
    assert changes and changes[0].who == "Li Na"


@pytest.mark.parametrize(
    "given",
    [
        "",
        "x" * 81,
        "Li:admin",
        "Li\u0007Na",  # a control character
        "\u200b",  # a zero-width space alone: an invisible name
        "Li\u200bNa",  # one that looks like "LiNa"
        "\u202eLi Na",  # a right-to-left override: the printed line reads reversed
        "Dr: Li:read",  # a colon in the name: which part is the role?
        "Wang:read:review",
        "---",
    ],
)
def test_a_reviewer_is_a_plain_name_and_a_known_role(given):
    with pytest.raises(ValueError):
        reviewer(given)


def test_two_reviewers_may_not_share_a_name():
    assert reviewer("李娜").name == "李娜" and reviewer("Wang Wei:read").may_change is False
    with pytest.raises(ValueError, match="named twice"):
        Sessions([reviewer("Li Na"), reviewer("LI NA:read")])


def test_a_proposed_term_is_in_the_history_under_the_reviewers_name(team, glossary_file):  # noqa: F811
    _, li, _, _ = team
    answer = li.post("/api/glossary/propose", json={"zh": "新增就业", "en": "new jobs"})
    assert answer.status_code == 200, answer.text
    view = GlossaryView(glossary_file)
    changes = view.history(view.entry("新增就业"))
    assert [(c.who, c.what) for c in changes] == [("Li Na", "added")]
    others = view.history(view.entry("党工委"))
    assert not any("outside the app" in c.what + c.where for c in others)  # the app's own write, known as such
