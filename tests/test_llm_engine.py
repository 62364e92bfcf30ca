"""The LLM engine against a scripted OpenAI-compatible server on 127.0.0.1: good answers, terms and numbers
checked and asked again, answers that do not align, and the server's faults."""

from __future__ import annotations

import json

import pytest

from .engine_runs import SEGMENTS, mt_units, qa, run_engine, segments
from .fake_llm import FakeLLM, Reply, faithful, good, translations


def translate(run, tmp_path, report, glossary_file, server, *extra):
    engine = ["--engine", "llm", "--llm-url", server.url, "--llm-retries", "1", "--llm-timeout", "3"]
    return run_engine(run, tmp_path, report, glossary_file, engine, *extra)


def test_good_answers_are_used_remembered_and_not_asked_again(run, tmp_path, report, glossary_file):
    with FakeLLM() as server:
        first = translate(run, tmp_path, report, glossary_file, server)
        assert first.code == 0, first.err
        asked = server.chats
        assert 1 <= asked <= 3  # a request per paragraph, not per sentence
        done = segments(tmp_path)
        assert all(s.target.startswith("Translated " + s.id) for s in done)  # aligned by id
        assert all(s.origin == "mt" for s in done)
        assert "Party Working Committee" in done[1].target and qa(tmp_path)["errors"] == 0
        assert len(mt_units(tmp_path)) == SEGMENTS
        again = translate(run, tmp_path, report, glossary_file, server)
        assert again.code == 0 and server.chats == asked  # the memory answered: nothing sent
        assert f"{SEGMENTS} from memory (MT)" in again.out


def test_the_request_carries_context_glossary_and_quantities(run, tmp_path, report, glossary_file):
    with FakeLLM() as server:
        translate(run, tmp_path, report, glossary_file, server)
        first = next(c for c in server.calls if any("党工委召开" in s["source"] for s in c.segments))
    assert first.body["temperature"] == 0
    assert first.asked["document"] == "西城街道工作报告"
    assert {"zh": "党工委", "en": "Party Working Committee"} in first.asked["glossary"]
    assert any(q["zh"].startswith("1200") for q in first.asked["quantities"])
    assert len(first.segments) == 2  # the paragraph's two sentences together
    assert first.body["max_tokens"] < 2000  # from the input's length


def lacking_term_first(call):
    """Leaves out the glossary rendering on the first ask, writes it on the second."""
    if call.again:
        return good(call)
    return Reply(json.dumps(translations(call, lambda s, a: "Translated " + s["id"] + ": the committee met.")))


def test_a_term_missing_is_asked_for_again_and_restored(run, tmp_path, report, glossary_file):
    with FakeLLM(lacking_term_first) as server:
        result = translate(run, tmp_path, report, glossary_file, server)
    assert result.code == 0, result.err
    again = [c for c in server.calls if c.again]
    assert again and all("Party Working Committee" in json.dumps(c.asked, ensure_ascii=False) for c in again)
    assert qa(tmp_path)["errors"] == 0
    assert all("Party Working Committee" in s.target for s in segments(tmp_path) if "党工委" in s.source)
    assert len(mt_units(tmp_path)) == SEGMENTS


def never_the_term(call):
    return Reply(json.dumps(translations(call, lambda s, a: "Translated " + s["id"] + ": the committee met.")))


def test_a_term_never_restored_is_kept_flagged_and_not_remembered(run, tmp_path, report, glossary_file):
    with FakeLLM(never_the_term) as server:
        result = translate(run, tmp_path, report, glossary_file, server)
    assert result.code == 0
    flagged = [f for f in qa(tmp_path)["findings"] if any(i["check"] == "missing-term" for i in f["issues"])]
    assert len(flagged) == 3  # the two sentences with 党工委, and the one with 就业
    assert all(s.target for s in segments(tmp_path))  # kept as the translation
    assert {u.source for u in mt_units(tmp_path)} == {"西城街道工作报告", "会议圆满结束。"}  # only what passed
    assert "3 kept though they failed their checks" in result.out


def changed_number(call):
    def target(segment, asked):
        return faithful(segment, asked).replace("1,200", "1,300").replace("1200", "1300")

    return Reply(json.dumps(translations(call, target)))


def test_a_number_changed_is_flagged(run, tmp_path, report, glossary_file):
    with FakeLLM(changed_number) as server:
        translate(run, tmp_path, report, glossary_file, server)
    checks = [i["check"] for f in qa(tmp_path)["findings"] for i in f["issues"]]
    assert checks.count("number-mismatch") == 1
    assert len(mt_units(tmp_path)) == SEGMENTS - 1


@pytest.mark.parametrize(
    "mangle",
    [
        lambda items: items[:-1],  # an id missing
        lambda items: items + items[-1:],  # an id twice
        lambda items: items + [{"id": "u99s9", "target": "Invented."}],  # an id not asked for
    ],
    ids=["missing", "duplicated", "extra"],
)
def test_ids_that_do_not_match_split_the_request(run, tmp_path, report, glossary_file, mangle):
    def script(call):
        items = translations(call)["translations"]
        return Reply(json.dumps({"translations": mangle(items) if len(items) > 1 else items}))

    with FakeLLM(script) as server:
        result = translate(run, tmp_path, report, glossary_file, server)
    assert result.code == 0, result.err
    assert all(s.target.startswith("Translated " + s.id) for s in segments(tmp_path))  # never misaligned
    assert any(len(c.segments) == 1 for c in server.calls)


def test_reordered_ids_are_aligned_by_id(run, tmp_path, report, glossary_file):
    def script(call):
        return Reply(json.dumps({"translations": translations(call)["translations"][::-1]}))

    with FakeLLM(script) as server:
        translate(run, tmp_path, report, glossary_file, server)
    assert all(s.target.startswith("Translated " + s.id) for s in segments(tmp_path))
    assert all(len(c.segments) <= 2 for c in server.calls) and server.chats <= 3  # no split was needed


def test_invalid_json_splits_and_a_single_that_stays_invalid_is_left_untranslated(run, tmp_path, report, glossary_file):
    def script(call):
        if any("圆满结束" in s["source"] for s in call.segments):
            return Reply("Sure! Here is the translation: The meeting ended.")
        return Reply("not json {" if len(call.segments) > 1 else json.dumps(translations(call)))

    with FakeLLM(script) as server:
        result = translate(run, tmp_path, report, glossary_file, server)
    done = {s.source: s for s in segments(tmp_path)}
    assert done["会议圆满结束。"].target == "" and done["会议圆满结束。"].state == "initial"
    assert all(s.target for source, s in done.items() if source != "会议圆满结束。")
    assert "not translated: the answer did not align: not JSON" in result.out + result.err
    assert "1 untranslated" in result.out
    assert len(mt_units(tmp_path)) == SEGMENTS - 1


def test_an_answer_that_is_no_chat_completion_leaves_its_segments_and_the_run_goes_on(
    run, tmp_path, report, glossary_file
):
    def script(call):
        if any("圆满结束" in s["source"] for s in call.segments):
            return Reply(page="<html><body>Please sign in to the proxy</body></html>")
        return good(call)

    with FakeLLM(script) as server:
        result = translate(run, tmp_path, report, glossary_file, server)
        proxied = [c for c in server.calls if any("圆满结束" in s["source"] for s in c.segments)]
    assert result.code == 0, result.err
    assert len(proxied) == 1  # not split: no shorter request mends a proxy's page
    done = {s.source: s for s in segments(tmp_path)}
    assert all(not s.target for s in done.values() if s.source in {x["source"] for x in proxied[0].segments})
    assert done["街道党工委召开会议。"].target.startswith("Translated ")
    assert "not a chat completion (not JSON)" in result.out
    assert "sign in" not in json.dumps([s.target for s in done.values()])


def test_an_answer_cut_at_its_token_limit_is_split(run, tmp_path, report, glossary_file):
    def script(call):
        if len(call.segments) > 1:
            return Reply('{"translations": [{"id": "', finish_reason="length")
        return good(call)

    with FakeLLM(script) as server:
        translate(run, tmp_path, report, glossary_file, server)
    assert all(s.target.startswith("Translated " + s.id) for s in segments(tmp_path))


def test_a_thinking_block_is_removed(run, tmp_path, report, glossary_file):
    def script(call):
        thinking = "<think>\nThe user wants JSON. 党工委 is a committee…\n</think>\n"
        return Reply(thinking + json.dumps(translations(call)))

    with FakeLLM(script) as server:
        translate(run, tmp_path, report, glossary_file, server)
    assert all(s.target.startswith("Translated ") and "think" not in s.target for s in segments(tmp_path))


def test_429_is_retried_after_the_time_it_asks(run, tmp_path, report, glossary_file):
    def script(call):
        if call.number == 1:
            return Reply(status=429, headers={"Retry-After": "1"}, error="slow down")
        return good(call)

    with FakeLLM(script) as server:
        result = translate(run, tmp_path, report, glossary_file, server, "--llm-workers", "1")
    assert result.code == 0 and all(s.target for s in segments(tmp_path))
    assert result.seconds >= 1.0


def test_500s_are_retried_then_the_segments_are_left_and_the_run_goes_on(run, tmp_path, report, glossary_file):
    def script(call):
        if any("党工委书记" in s["source"] for s in call.segments):
            return Reply(status=500, error="internal error: model crashed")
        return good(call)

    with FakeLLM(script) as server:
        result = translate(run, tmp_path, report, glossary_file, server)
        failing = [c for c in server.calls if any("党工委书记" in s["source"] for s in c.segments)]
    assert len(failing) == 2  # one try, one retry (--llm-retries 1)
    done = {s.source: s for s in segments(tmp_path)}
    assert done["党工委书记讲话。"].target == ""
    assert "internal error" not in json.dumps([s.target for s in done.values()])  # an error is no translation
    assert done["街道党工委召开会议。"].target  # the rest went on
    assert "answered 500" in result.out


def test_a_server_that_hangs_ends_the_run_in_bounded_time(run, tmp_path, report, glossary_file):
    with FakeLLM(lambda call: Reply(hang=5)) as server:
        result = translate(run, tmp_path, report, glossary_file, server, "--llm-retries", "0", "--llm-timeout", "0.5")
        assert result.seconds < 10
    assert all(not s.target for s in segments(tmp_path)[1:])
    assert "timed out" in result.out


def test_a_server_gone_mid_run_keeps_what_was_done_and_the_next_run_finishes(run, tmp_path, report, glossary_file):
    with FakeLLM(good) as first:
        gone = {"after": 1}

        def script(call):
            if call.number > gone["after"]:
                return Reply(close=True)
            return good(call)

        first.script = script
        result = translate(run, tmp_path, report, glossary_file, first, "--llm-workers", "1")
    assert result.code == 0, result.err
    done = [s for s in segments(tmp_path) if s.target]
    assert 1 <= len(done) < SEGMENTS and len(mt_units(tmp_path)) == len(done)
    assert "did not answer" in result.out or "stopped answering" in result.out
    with FakeLLM(good, port=first.port) as second:  # the server back, at the same address
        result = translate(run, tmp_path, report, glossary_file, second)
        assert all(len(c.segments) <= SEGMENTS - len(done) for c in second.calls)
        asked = sum(len(c.segments) for c in second.calls)
    assert asked == SEGMENTS - len(done)  # only the rest
    assert all(s.target for s in segments(tmp_path))


def test_the_key_comes_from_the_environment_and_is_never_logged(run, tmp_path, report, glossary_file, monkeypatch):
    monkeypatch.setenv("ZHEN_LLM_API_KEY", "sk-secret-key-123")
    log = tmp_path / "llm.jsonl"
    with FakeLLM() as server:
        translate(run, tmp_path, report, glossary_file, server, "--llm-log", str(log))
        assert server.calls[0].headers.get("authorization") == "Bearer sk-secret-key-123"
    text = log.read_text(encoding="utf-8")
    assert "sk-secret-key-123" not in text
    records = [json.loads(line) for line in text.splitlines()]
    assert records and all("request" in r and ("answer" in r or "error" in r) for r in records)
    assert records[0]["request"]["messages"][0]["role"] == "system"


def test_the_model_is_asked_of_the_server_or_named(run, tmp_path, report, glossary_file):
    with FakeLLM(models=("a", "b")) as server:
        result = translate(run, tmp_path, report, glossary_file, server)
        assert result.code == 2 and "serves 2 models (a, b): choose one with --llm-model" in result.err
        result = translate(run, tmp_path, report, glossary_file, server, "--llm-model", "b")
        assert result.code == 0 and server.calls[0].body["model"] == "b"


def test_no_server_is_a_one_line_error(run, tmp_path, report, glossary_file):
    arguments = ["translate", str(report), "--engine", "llm", "--llm-url", "http://127.0.0.1:9/v1"]
    result = run(*arguments, "--out", str(tmp_path / "out"), "--no-tm")
    assert result.code == 2
    # a server that is not there is said to be so, not to lack a model
    assert len(result.err.strip().splitlines()) == 1 and "no LLM server answers at http://127.0.0.1:9/v1" in result.err
