"""``translate eval``: engines measured on a reference translation.  The memory holding the reference is an
engine that must score perfectly; the tiny Argos model and the fake OpenAI-compatible server are measured
as they are; an engine that breaks, or drops terms and numbers, must show it in the figures."""

from __future__ import annotations

import csv
import json
import re

import pytest

from translate.memory import memory_at

from .fake_libretranslate import FakeLibreTranslate
from .fake_llm import FakeLLM, Reply, faithful, translations

PAIRS = [
    ("街道党工委召开会议。", "The Subdistrict Party Working Committee held a meeting."),
    ("全年新增就业1200人。", "Employment grew by 1,200 people over the year."),
    ("党工委书记讲话。", "The Secretary of the Party Working Committee spoke."),
    ("会议圆满结束。", "The meeting ended successfully."),
    ("完成投资3.5亿元，增长12%。", "Investment reached 350 million yuan, up 12%."),
]
TERMS = 3  # 党工委 twice, 就业 once
NUMBERS = 3  # 1200人, 3.5亿元, 12%


@pytest.fixture
def reference(tmp_path):
    path = tmp_path / "reference.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["zh", "en"])
        writer.writerows(PAIRS)
    return path


def evaluate(run, reference, glossary, *engines: str, extra=()):
    arguments = ["translate", "eval", str(reference), "--glossary", str(glossary), "--json"]
    for engine in engines:
        arguments += ["--engine", engine]
    result = run(*arguments, *extra)
    assert result.code == 0, result.err
    return json.loads(result.out)


def by_engine(report):
    return {engine["engine"]: engine for engine in report["engines"]}


def test_the_memory_holding_the_reference_scores_perfectly(run, tmp_path, reference, glossary_file):
    memory = tmp_path / "tm.sqlite"
    assert run("translate", "tm", "import", str(reference), "--tm", str(memory)).code == 0
    report = evaluate(run, reference, glossary_file, "memory", extra=("--tm", str(memory)))
    own = report["reference"]
    assert (own["segments"], own["terms"], own["numbers"]) == (len(PAIRS), TERMS, NUMBERS)
    assert own["term_success"] == 1.0 and own["numbers_kept"] == 1.0 and own["qa_errors"] == 0
    engine = by_engine(report)["memory"]
    assert engine["chrf"] == pytest.approx(100.0) and engine["bleu"] == pytest.approx(100.0)
    assert (engine["term_success"], engine["numbers_kept"], engine["qa_errors"]) == (1.0, 1.0, 0)
    assert engine["untranslated"] == 0 and engine["reasked"] is None
    assert all(rows == [] for rows in engine["worst"].values())  # nothing lost by any measure
    assert report["signatures"]["chrf"].startswith("nrefs:1|case:mixed|")
    assert "tok:13a" in report["signatures"]["bleu"] and "version:2." in report["signatures"]["bleu"]


def test_a_memory_that_holds_part_of_the_reference_scores_that_part(run, tmp_path, reference, glossary_file):
    memory = memory_at(tmp_path / "tm.sqlite")
    from translate.memory import Unit
    from translate.normalize import normalize

    memory.add_human([Unit(normalize(zh), en, "human") for zh, en in PAIRS[:2]])
    engine = by_engine(evaluate(run, reference, glossary_file, "memory", extra=("--tm", str(tmp_path / "tm.sqlite"))))
    engine = engine["memory"]
    assert engine["untranslated"] == len(PAIRS) - 2
    assert engine["terms_rendered"] == 2 and engine["term_success"] == pytest.approx(2 / 3)  # 党工委, 就业
    assert engine["numbers_kept_count"] == 1  # 1200人; 3.5亿元 and 12% stand in an untranslated sentence
    assert engine["qa_errors"] == len(PAIRS) - 2  # an empty translation is an error
    assert 0 < engine["chrf"] < 100
    lowest = [row["segment"] for row in engine["worst"]["chrf"]]
    assert set(lowest) == {"s3", "s4", "s5"}  # the three it lacked, and none it had
    assert {row["segment"] for row in engine["worst"]["numbers"]} == {"s5"}


def changed(call):
    """An engine that changes every figure and drops every glossary rendering: fluent, and wrong."""

    def target(segment, asked):
        text = faithful(segment, asked)
        for entry in asked.get("glossary", []):
            text = text.replace(entry["en"], "the organisation")
        return re.sub(r"\d", "7", text)

    return Reply(json.dumps(translations(call, target)))


def test_an_llm_is_measured_and_one_that_changes_terms_and_numbers_shows_it(run, reference, glossary_file):
    with FakeLLM() as good, FakeLLM(changed) as bad:
        reports = {}
        for name, server in (("good", good), ("bad", bad)):
            options = ("--llm-url", server.url, "--llm-retries", "0", "--llm-timeout", "5")
            reports[name] = by_engine(evaluate(run, reference, glossary_file, "llm", extra=options))["llm:fake-model"]
        asked_again = bad.calls[-1].again
    good_llm, bad_llm = reports["good"], reports["bad"]
    assert (good_llm["term_success"], good_llm["numbers_kept"], good_llm["qa_errors"]) == (1.0, 1.0, 0)
    assert good_llm["reasked"] == 0 and good_llm["untranslated"] == 0
    assert good_llm["segments_per_second"] > 0
    assert bad_llm["term_success"] == 0.0 and bad_llm["numbers_kept"] == 0.0
    assert bad_llm["qa_errors"] >= TERMS + NUMBERS
    assert bad_llm["reasked"] == 4 and asked_again  # the four sentences with a term or a number, asked once more
    assert [row["segment"] for row in bad_llm["worst"]["numbers"]][:1] == ["s5"]  # two numbers lost there
    assert bad_llm["worst"]["terms"][0]["missed_terms"] == ["党工委"]


def test_an_engine_whose_server_fails_scores_nothing(run, reference, glossary_file):
    with FakeLLM(lambda call: Reply(status=500, error="the model crashed")) as server:
        options = ("--llm-url", server.url, "--llm-retries", "0", "--llm-timeout", "5")
        engine = by_engine(evaluate(run, reference, glossary_file, "llm:fake-model", extra=options))["llm:fake-model"]
    assert engine["untranslated"] == len(PAIRS)
    assert engine["chrf"] == 0.0 and engine["bleu"] == 0.0
    assert engine["term_success"] == 0.0 and engine["numbers_kept"] == 0.0
    assert engine["qa_errors_per_segment"] == 1.0  # each: the translation is empty


def test_the_tiny_model_is_measured_beside_the_memory(run, tmp_path, reference, glossary_file, installed_model):
    memory = tmp_path / "tm.sqlite"
    run("translate", "tm", "import", str(reference), "--tm", str(memory))
    result = run(
        "translate", "eval", str(reference), "--glossary", str(glossary_file), "--engine", "argos",
        "--engine", "memory", "--tm", str(memory), "--html", str(tmp_path / "eval.html"),
    )  # fmt: skip
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].startswith(f"reference: {len(PAIRS)} segments (reference.csv), {TERMS} approved terms")
    header = lines[1].split()
    assert header[:3] == ["engine", "chrF", "BLEU"]
    rows = {line.split()[0]: line.split() for line in lines[2:4]}
    assert rows["memory"][1:3] == ["100.0", "100.0"]
    assert float(rows["argos"][1]) < 100  # a model of random weights: far from the reference
    assert any(line.startswith("chrF: nrefs:1|") for line in lines)
    page = (tmp_path / "eval.html").read_text(encoding="utf-8")
    assert page.count("<svg") == 7  # chrF, BLEU, terms, numbers, QA errors, untranslated, speed (no re-asks)
    assert "argos" in page and "memory" in page


def test_the_page_escapes_what_the_reference_says(tmp_path):
    from publish.evaluation_page import evaluation_page

    hostile = '<script>alert(1)</script><img src="http://127.0.0.1:9/x">'
    row = {"segment": "s1", "source": hostile, "reference": hostile, "output": hostile, "chrf": 3.0,
           "missed_terms": [hostile], "missed_numbers": [], "qa_errors": []}  # fmt: skip
    engine = {
        "engine": hostile, "chrf": 3.0, "bleu": 1.0, "term_success": 0.5, "numbers_kept": 1.0,
        "qa_errors_per_segment": 0.5, "segments_per_second": 2.0, "reasked": 1, "untranslated": 0,
        "worst": {"chrf": [row], "terms": [row], "numbers": [], "qa": []},
    }  # fmt: skip
    reference = {"files": [hostile], "segments": 1, "term_success": 1.0, "numbers_kept": None,
                 "qa_errors_per_segment": 0.0}  # fmt: skip
    page = evaluation_page({"reference": reference, "engines": [engine], "signatures": {"chrf": "c", "bleu": "b"}})
    assert "<script" not in page and "<img" not in page
    assert page.count("&lt;script&gt;") >= 5
    assert page.count("<svg") == 8  # with an LLM's re-asks


@pytest.mark.parametrize(
    "arguments, said",
    [
        (["--engine", "deepl"], "an engine is one of argos, llm, libretranslate, memory"),
        (["--engine", "libretranslate:big"], "only argos and llm take a model"),
    ],
)
def test_a_mistyped_engine_is_one_line(run, reference, arguments, said):
    result = run("translate", "eval", str(reference), *arguments)
    assert result.code == 2 and said in result.err


def test_what_cannot_be_evaluated_is_said_before_any_work(run, tmp_path, reference, glossary_file, packages_dir):
    empty = tmp_path / "empty.csv"
    empty.write_text("zh,en\n", encoding="utf-8")
    cases = [
        ([str(empty), "--engine", "memory"], "no sentence pairs with both Chinese and English"),
        ([str(reference), "--engine", "memory", "--tm", str(tmp_path / "none.sqlite")], "no translation memory"),
        ([str(reference), "--engine", "argos"], "zh→en"),  # no model installed
    ]
    for arguments, said in cases:
        result = run("translate", "eval", *arguments, "--glossary", str(glossary_file))
        assert result.code != 0 and said in result.err, (arguments, result.err)
        assert len(result.err.strip().splitlines()) == 1 and "Traceback" not in result.err


def test_a_libretranslate_server_is_measured_beside_an_llm(run, reference, glossary_file, tmp_path):
    with FakeLibreTranslate() as lt, FakeLLM() as llm:
        result = run(
            "translate", "eval", str(reference), "--glossary", str(glossary_file), "--json", "--engine",
            "libretranslate", "--lt-url", lt.url, "--engine", "llm", "--llm-url", llm.url,
        )  # fmt: skip
    assert result.code == 0, result.err
    engines = by_engine(json.loads(result.out))
    assert list(engines) == ["libretranslate", "llm:fake-model"]  # in the order named, with the model served
    # the stand-in LibreTranslate keeps the English it is given: the terms and quantities written into its input
    assert engines["libretranslate"]["term_success"] == 1.0 and engines["libretranslate"]["numbers_kept"] == 1.0
    assert engines["libretranslate"]["reasked"] is None and engines["llm:fake-model"]["reasked"] == 0


def test_the_page_opens_in_chromium_alone_and_draws_each_engine(run, tmp_path, reference, glossary_file, browser):
    memory = tmp_path / "tm.sqlite"
    run("translate", "tm", "import", str(reference), "--tm", str(memory))
    page_file = tmp_path / "eval.html"
    with FakeLLM(changed) as server:
        result = run(
            "translate", "eval", str(reference), "--glossary", str(glossary_file), "--engine", "memory",
            "--tm", str(memory), "--engine", "llm", "--llm-url", server.url, "--llm-retries", "0",
            "--html", str(page_file),
        )  # fmt: skip
    assert result.code == 0, result.err
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(page_file.as_uri())
    assert requested == [page_file.as_uri()]  # nothing fetched: no font, no script, no image
    charts = page.locator("figure")
    assert charts.count() == 8  # with the LLM's re-asks
    term_chart = charts.filter(has_text="Term success")
    widths = [float(w) for w in term_chart.locator("rect").evaluate_all("rs => rs.map(r => r.getAttribute('width'))")]
    assert widths[0] > 100 and widths[1] == 0  # the memory renders every term, the changing LLM none
    assert term_chart.locator("line.reference").count() == 1
    page.locator("summary", has_text="most numbers missed").first.click()  # the LLM's: the memory missed none
    assert page.locator("details[open]").get_by_text("完成投资3.5亿元").is_visible()
    page.close()


def test_why_an_engine_left_sentences_untranslated_is_said_and_strict_fails(run, reference, glossary_file):
    with FakeLLM(lambda call: Reply(status=500, error="the model crashed")) as server:
        arguments = ["translate", "eval", str(reference), "--glossary", str(glossary_file), "--engine", "llm"]
        arguments += ["--llm-url", server.url, "--llm-retries", "0"]
        plain, strict = run(*arguments), run(*arguments, "--strict")
    assert plain.code == 0 and strict.code == 1
    said = [line for line in plain.err.splitlines() if line.startswith("translate eval: llm:fake-model: ")]
    assert said and "500" in plain.err and "Traceback" not in plain.err
    assert "untranslated" in plain.out.splitlines()[1]


def test_the_page_never_replaces_a_reference_or_what_is_not_a_page(run, tmp_path, reference, glossary_file):
    memory = tmp_path / "tm.sqlite"
    run("translate", "tm", "import", str(reference), "--tm", str(memory))
    before = reference.read_bytes()
    (tmp_path / "folder.html").mkdir()
    cases = [
        (reference, "name a .html file"),
        (tmp_path / "folder.html", "is not a file"),
        (tmp_path / "a-file" / "x.html", "is a file"),
    ]
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    memory_engine = ("--engine", "memory", "--tm", str(memory))
    for page, said in cases:
        result = run("translate", "eval", str(reference), *memory_engine, "--html", str(page))
        assert result.code == 2 and said in result.err and result.out == "", (page, result.err)
    log = run("translate", "eval", str(reference), *memory_engine, "--llm-log", str(reference))
    assert log.code == 2 and "is a reference" in log.err
    assert reference.read_bytes() == before


def test_a_spreadsheets_csv_reads_whole(run, tmp_path, glossary_file):
    """Blank lines (a spreadsheet's last, a gap between groups) are no wrong row; a paragraph longer than
    csv's own field limit is read; a line is named by its number in the file; a file named twice counts once."""
    long_zh = "完成投资3.5亿元，增长12%。" * 12_000  # 192,000 characters: over csv's 131,072
    path = tmp_path / "sheet.csv"
    path.write_text(
        "zh,en\n街道党工委召开会议。,The Subdistrict Party Working Committee held a meeting.\n\n"
        f"会议圆满结束。,The meeting ended successfully.\n{long_zh},Investment.\n,\n\n",
        encoding="utf-8-sig",
    )
    memory = tmp_path / "tm.sqlite"
    assert run("translate", "tm", "import", str(path), "--tm", str(memory)).code == 0
    result = run("translate", "eval", str(path), str(path), "--engine", "memory", "--tm", str(memory), "--json")
    assert result.code == 0, result.err
    report = json.loads(result.out)
    assert report["reference"]["segments"] == 3 and report["reference"]["files"] == ["sheet.csv"]
    worst = by_engine(report)["memory"]["worst"]["numbers"]
    assert [row["where"] for row in worst] == ["sheet.csv line 5"]  # its reference drops the figures
