"""The LibreTranslate engine against a scripted server on 127.0.0.1: the glossary injected and checked,
batches, and the same fault rules as the LLM engine."""

from __future__ import annotations

import json

import pytest

from .engine_runs import SEGMENTS, mt_units, qa, run_engine, segments
from .fake_libretranslate import FakeLibreTranslate, LTReply, good


def translate(run, tmp_path, report, glossary_file, server, *extra):
    engine = ["--engine", "libretranslate", "--lt-url", server.url, "--lt-retries", "1", "--lt-timeout", "2"]
    return run_engine(run, tmp_path, report, glossary_file, engine, *extra)


def test_the_glossary_goes_in_and_comes_out_checked(run, tmp_path, report, glossary_file, monkeypatch):
    monkeypatch.setenv("ZHEN_LT_API_KEY", "lt-secret")
    with FakeLibreTranslate() as server:
        result = translate(run, tmp_path, report, glossary_file, server)
        assert result.code == 0, result.err
        assert len(server.calls) == 1  # the five sentences in one batch
        sent = server.calls[0].body
    assert sent["source"] == "zh-Hans" and sent["target"] == "en" and sent["api_key"] == "lt-secret"
    assert any("Party Working Committee" in q for q in sent["q"])  # injected as for Argos
    done = segments(tmp_path)
    assert all(s.target.startswith("Translated") and s.origin == "mt" for s in done)
    assert qa(tmp_path)["errors"] == 0 and len(mt_units(tmp_path)) == SEGMENTS
    assert "lt-secret" not in result.out + result.err


def test_what_the_server_drops_is_flagged(run, tmp_path, report, glossary_file):
    def script(call):
        return LTReply({"translatedText": ["The meeting was held." for _ in call.body["q"]]})

    with FakeLibreTranslate(script) as server:
        translate(run, tmp_path, report, glossary_file, server)
    checks = [i["check"] for f in qa(tmp_path)["findings"] for i in f["issues"]]
    assert checks.count("missing-term") == 3 and checks.count("number-mismatch") == 1


def test_429_is_retried_after_the_time_it_asks(run, tmp_path, report, glossary_file):
    def script(call):
        return LTReply({"error": "Too many requests"}, 429, {"Retry-After": "1"}) if call.number == 1 else good(call)

    with FakeLibreTranslate(script) as server:
        result = translate(run, tmp_path, report, glossary_file, server)
    assert result.code == 0 and all(s.target for s in segments(tmp_path)) and result.seconds >= 1


@pytest.mark.parametrize(
    ("reply", "said"),
    [
        (LTReply({"error": "Internal error"}, 500), "answered 500: Internal error"),
        (LTReply({"translatedText": ["only one"]}), "does not hold one translation per source"),
        (LTReply("not a dict"), "does not hold one translation per source"),
    ],
)
def test_a_batch_without_a_usable_answer_stays_untranslated(run, tmp_path, report, glossary_file, reply, said):
    with FakeLibreTranslate(lambda call: reply) as server:
        result = translate(run, tmp_path, report, glossary_file, server)
    assert result.code == 0
    assert all(not s.target for s in segments(tmp_path)) and not mt_units(tmp_path)
    assert said in result.out
    assert "Internal error" not in json.dumps([s.target for s in segments(tmp_path)])


def test_a_server_that_hangs_ends_the_run_in_bounded_time(run, tmp_path, report, glossary_file):
    with FakeLibreTranslate(lambda call: LTReply(hang=4)) as server:
        result = translate(run, tmp_path, report, glossary_file, server, "--lt-timeout", "0.5", "--lt-retries", "0")
    assert result.seconds < 8 and "timed out" in result.out


def test_a_server_gone_mid_run_keeps_what_was_done_and_the_next_run_finishes(run, tmp_path, glossary_file):
    long_report = tmp_path / "report.txt"
    paragraphs = [f"第{n}段：街道党工委召开会议，全年新增就业{1000 + n}人。" for n in range(1, 41)]
    long_report.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    with FakeLibreTranslate(lambda call: good(call) if call.number == 1 else LTReply(close=True)) as server:
        result = translate(run, tmp_path, long_report, glossary_file, server)
        port = server.port
    done = [s for s in segments(tmp_path) if s.target]
    assert result.code == 0 and 0 < len(done) < 40 and len(mt_units(tmp_path)) == len(done)
    assert "did not answer" in result.out
    with FakeLibreTranslate(port=port) as again:
        translate(run, tmp_path, long_report, glossary_file, again)
        asked = sum(len(c.body["q"]) for c in again.calls)
    assert asked == 40 - len(done) and all(s.target for s in segments(tmp_path))


def test_no_server_is_a_one_line_error(run, tmp_path, report):
    result = run("translate", str(report), "--engine", "libretranslate", "--lt-url", "http://127.0.0.1:9", "--no-tm")
    assert result.code == 2 and len(result.err.strip().splitlines()) == 1 and "no LibreTranslate server" in result.err


def test_a_server_without_chinese_is_a_one_line_error(run, tmp_path, report):
    with FakeLibreTranslate(languages=("en", "fr")) as server:
        result = run("translate", str(report), "--engine", "libretranslate", "--lt-url", server.url, "--no-tm")
    assert result.code == 2 and "has no 'zh'" in result.err
