"""The translation pages of the review app, through its routes: post-editing an XLIFF, QA at once, the
memory, proposing a term, publishing again."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from glossary.store import load_glossary
from review.app import create_app
from review.glossary_view import GlossaryView
from review.translation_view import TranslationView
from translate.bitext import XLIFF12, read_xliff
from translate.memory import memory_at

from .review_client import ReviewClient
from .schemas import schema_errors
from .test_glossary import row, tsv

REPORT = "街道党工委召开会议。\n\n全年新增就业1200人，完成目标。\n\n<script>alert(document.cookie)</script>会议结束。\n"


@pytest.fixture
def glossary_file(tmp_path):
    return tsv(tmp_path, row("党工委", "Party Working Committee"), row("就业", "employment", domain="society"))


def xliff_of(run, tmp_path, glossary_file, version="2.1"):
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    out = tmp_path / "out"
    arguments = ["translate", str(report), "--engine", "none", "--format", "xlf", "--out", str(out), "--no-tm"]
    result = run(*arguments, "--glossary", str(glossary_file), "--xliff", version)
    assert result.code == 0, result.err
    return out / "report.zh-en.xlf"


@pytest.fixture
def xliff(run, tmp_path, glossary_file):
    return xliff_of(run, tmp_path, glossary_file)


@pytest.fixture
def memory(tmp_path):
    return memory_at(tmp_path / "tm.sqlite")


@pytest.fixture
def client(xliff, glossary_file, memory):
    views = [TranslationView(xliff, glossary_file, memory)]
    return ReviewClient(create_app(glossary=GlossaryView(glossary_file), translations=views))


def segment_ids(xliff):
    return [s.id for s in read_xliff(xliff).segments]


def version_of(page_text, segment_id):
    return re.search(rf'id="seg-{segment_id}" data-id="{segment_id}" data-version="(\w+)"', page_text).group(1)


def save(client, segment_id, target, state="reviewed", version=None):
    version = version or version_of(client.get("/translation/1").text, segment_id)
    body = {"id": segment_id, "version": version, "target": target, "state": state}
    return client.post("/api/translation/1/segment", json=body)


def test_the_page_shows_segments_side_by_side_with_terms_marked(client, xliff):
    page = client.get("/translation/1")
    assert page.status_code == 200
    assert 'data-tip="党工委 → Party Working Committee (approved)">党工委</mark>' in page.text
    assert "untranslated" in page.text  # the chart, and the findings
    assert len(re.findall(r'<tr class="segment', page.text)) == len(segment_ids(xliff))


def test_text_from_the_xliff_is_escaped(client):
    page = client.get("/translation/1").text
    assert "<script>alert(document.cookie)</script>" not in page
    assert "&lt;script&gt;alert(document.cookie)&lt;/script&gt;" in page


def test_a_saved_segment_goes_to_the_file_and_the_memory_and_is_checked_at_once(client, xliff, memory):
    first = segment_ids(xliff)[0]
    answer = save(client, first, "The subdistrict committee met.")
    assert answer.status_code == 200, answer.text
    assert "missing-term" in answer.json()["row"] and answer.json()["issues"] == 1
    segment = read_xliff(xliff).segments[0]
    assert segment.target == "The subdistrict committee met." and segment.state == "reviewed"
    assert schema_errors(xliff.read_bytes()) == []
    answer = save(client, first, "The subdistrict Party Working Committee met.", "final")
    assert answer.json()["issues"] == 0 and "missing-term" not in answer.json()["row"]
    assert read_xliff(xliff).segments[0].state == "final"
    units = {unit.target: unit for unit in memory.units()}
    assert units["The subdistrict Party Working Committee met."].origin == "human"
    assert "human" in answer.json()["chart"]


def test_the_chart_draws_warnings_apart_from_errors(client, xliff, glossary_file):
    with glossary_file.open("a", encoding="utf-8") as more:
        more.write(row("会议结束", "meeting closed", status="proposed") + "\n")
    save(client, segment_ids(xliff)[-1], "It ended.")  # a proposed term not used: a warning
    chart = save(client, segment_ids(xliff)[0], "The subdistrict committee met.").json()["chart"]
    bars = dict(re.findall(r'class="label">([\w-]+)</text>\s*<rect[^>]*class="bar check( warning)?"', chart))
    assert bars == {"missing-term": "", "proposed-term": " warning"}  # untranslated segments: under origin
    assert re.search(r'class="label">untranslated</text>\s*<rect[^>]*class="bar origin untranslated"', chart)


def test_a_number_changed_in_the_english_is_flagged_at_once(client, xliff):
    second = segment_ids(xliff)[1]
    answer = save(client, second, "Over the year 1,300 new jobs were created in employment, meeting the goal.")
    assert "number-mismatch" in answer.json()["row"]
    fixed = save(client, second, "Over the year 1,200 new jobs were created in employment, meeting the goal.")
    assert "number-mismatch" not in fixed.json()["row"]


def test_a_stale_save_is_refused_and_shows_the_current_text(client, xliff):
    first = segment_ids(xliff)[0]
    opened = version_of(client.get("/translation/1").text, first)
    assert save(client, first, "The Party Working Committee met.", version=opened).status_code == 200
    stale = save(client, first, "Something else entirely.", version=opened)
    assert stale.status_code == 409
    assert "changed elsewhere" in stale.json()["error"]
    assert "The Party Working Committee met." in stale.json()["row"]
    assert read_xliff(xliff).segments[0].target == "The Party Working Committee met."


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"id": "nope", "version": "x", "target": "t", "state": "reviewed"}, 404),
        ({"id": None, "version": "x", "target": "t", "state": "reviewed"}, 400),
        ({"version": "x", "target": "t", "state": "reviewed"}, 400),
    ],
)
def test_a_bad_save_is_refused(client, xliff, body, status):
    before = xliff.read_bytes()
    assert client.post("/api/translation/1/segment", json=body).status_code == status
    assert xliff.read_bytes() == before


@pytest.mark.parametrize("state", ["initial", "translated", "approved", ""])
def test_a_human_edit_is_reviewed_or_final(client, xliff, state):
    answer = save(client, segment_ids(xliff)[0], "The Party Working Committee met.", state)
    assert answer.status_code == 400 and "state must be" in answer.json()["error"]


def test_an_xliff_12_file_stays_12(run, tmp_path, glossary_file, memory):
    xliff = xliff_of(run, tmp_path, glossary_file, "1.2")
    client = ReviewClient(create_app(translations=[TranslationView(xliff, glossary_file, memory)]))
    assert save(client, segment_ids(xliff)[0], "The Party Working Committee met.").status_code == 200
    data = xliff.read_bytes()
    assert ET.fromstring(data).tag == f"{{{XLIFF12}}}xliff" and schema_errors(data) == []
    assert read_xliff(xliff).segments[0].target == "The Party Working Committee met."


def test_publish_writes_docx_and_pdf_and_serves_them(client, xliff):
    assert client.get("/translation/1/file/pdf").status_code == 404  # nothing published yet
    save(client, segment_ids(xliff)[0], "The Party Working Committee met.")
    answer = client.post("/api/translation/1/publish", json={})
    assert answer.status_code == 200, answer.text
    assert "/translation/1/file/pdf" in answer.json()["links"]
    pdf, docx = xliff.with_suffix(".pdf"), xliff.with_suffix(".docx")
    assert pdf.is_file() and docx.is_file()
    served = client.get("/translation/1/file/pdf")
    assert served.status_code == 200 and served.content.startswith(b"%PDF")
    assert served.headers["content-type"] == "application/pdf"
    assert client.get("/translation/1/file/docx").content[:2] == b"PK"
    assert client.get("/translation/1/file/xlf").status_code == 404
    assert client.get("/translation/1/file/..%2F..%2Fetc%2Fpasswd").status_code == 404


def test_a_term_proposed_from_the_translation_page(client, glossary_file):
    answer = client.post("/api/glossary/propose", json={"zh": "新增就业", "en": "new jobs"})
    assert answer.status_code == 200, answer.text
    entry = load_glossary(glossary_file).find("新增就业")
    assert entry.status == "proposed" and entry.en == "new jobs"
    again = client.post("/api/glossary/propose", json={"zh": "新增就业"})
    assert again.status_code == 400 and "already in the glossary, as “new jobs” (proposed)" in again.json()["error"]
    assert "Glossary page" in again.json()["error"] and "glossary set" not in again.json()["error"]
    assert client.post("/api/glossary/propose", json={"zh": "  "}).status_code == 400


@pytest.mark.parametrize("url", ["/translation/2", "/translation/0", "/translation/x"])
def test_a_document_it_does_not_have_is_a_404(client, url):
    assert client.get(url).status_code == 404


def test_a_change_without_the_csrf_token_is_refused(client, xliff):
    before = xliff.read_bytes()
    body = {"id": segment_ids(xliff)[0], "version": "x", "target": "t", "state": "reviewed"}
    assert client.post("/api/translation/1/segment", json=body, headers={"X-CSRF-Token": None}).status_code == 403
    assert client.post("/api/translation/1/publish", json={}, headers={"X-CSRF-Token": None}).status_code == 403
    assert xliff.read_bytes() == before


def test_memory_candidates_are_offered_with_their_similarity(xliff, glossary_file, memory):
    from translate.memory import Unit

    memory.add_human([Unit("街道党工委召开全体会议。", "The Party Working Committee held a plenary meeting.", "human")])
    client = ReviewClient(create_app(translations=[TranslationView(xliff, glossary_file, memory)]))
    page = client.get("/translation/1").text
    assert "1 from the memory" in page
    assert 'data-use="The Party Working Committee held a plenary meeting."' in page
    assert re.search(r'<span class="similarity">\d+%</span>', page)
    save(client, segment_ids(xliff)[1], "Over the year 1,200 new jobs were created in employment.")
    assert "1 from the memory" in client.get("/translation/1").text  # still offered after a save


def test_the_chart_names_each_bar_once(client):
    import re

    page = client.get("/translation/1").text
    chart = page.partition("<svg")[2].partition("</svg>")[0]
    labels = re.findall(r'class="label">([^<]+)<', chart)
    assert len(labels) == len(set(labels)), labels  # no two bars of one name
    assert "untranslated" in labels and "English from" in chart and "QA findings" in chart


def test_a_published_file_not_there_is_said_as_such(client):
    missing = client.get("/translation/1/file/pdf")
    assert missing.status_code == 404 and "No PDF published for this document yet" in missing.text
    assert "glossary" not in missing.text.lower()


def test_a_long_report_is_shown_a_page_at_a_time(run, tmp_path, glossary_file):
    from review.translation_routes import SEGMENTS_A_PAGE
    from review.translation_view import segment_version

    report = tmp_path / "long.txt"
    report.write_text("\n\n".join(f"第{n}项工作完成。" for n in range(1, 451)), encoding="utf-8")
    out = tmp_path / "long-out"
    assert run("translate", str(report), "--engine", "none", "--format", "xlf", "--out", str(out), "--no-tm").code == 0
    xliff = out / "long.zh-en.xlf"
    view = TranslationView(xliff, glossary_file)
    client = ReviewClient(create_app(glossary=GlossaryView(glossary_file), translations=[view]))
    first = client.get("/translation/1").text
    assert first.count('<tr class="segment') == SEGMENTS_A_PAGE and "showing 1–200" in first and 'rel="next"' in first
    last = client.get("/translation/1?page=3").text
    assert last.count('<tr class="segment') == 50 and "第450项" in last and 'rel="next"' not in last
    assert "第1项" not in last
    assert client.get("/translation/1?page=99").text.count('<tr class="segment') == 50  # past the end: the last page
    version = segment_version(read_xliff(xliff).segments[-1])
    answer = save(client, segment_ids(xliff)[-1], "Item 450 was done.", version=version)  # as on any page
    assert answer.status_code == 200 and read_xliff(xliff).segments[-1].target == "Item 450 was done."


def test_a_target_from_another_tool_counts_as_a_persons_in_the_chart():
    from review.translation_view import origin_group
    from translate.document import Segment

    assert origin_group(Segment("s1", "会议。", "会议。", "The meeting.", origin="")) == "human"  # another tool's
    assert origin_group(Segment("s2", "会议。", "会议。", "", origin="mt")) == "untranslated"
    assert origin_group(Segment("s3", "会议。", "会议。", "The meeting.", origin="tm-fuzzy-92")) == "memory"
