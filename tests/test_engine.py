"""The Argos engine's batching and threads: work sized by tokens, threads by the CPUs the process may use."""

from __future__ import annotations

import os

import pytest

from foundation.cpus import usable_cpus
from translate.engines.argos import decoding_cap, token_batches


def test_batches_hold_a_token_budget_and_every_source_once():
    lengths = [5, 120, 40, 40, 3, 700, 41, 39, 8, 8, 8, 60]
    batches = list(token_batches(lengths, budget=128))
    assert sorted(i for b in batches for i in b) == list(range(len(lengths)))
    for batch in batches:
        padded = len(batch) * max(lengths[i] for i in batch)
        assert padded <= 128 or len(batch) == 1  # a source longer than the budget goes alone
    flat = [lengths[i] for b in batches for i in b]
    assert flat == sorted(flat)  # sorted by length: sentences of a batch pad little
    assert [len(b) for b in token_batches([10] * 100, budget=256)] == [25, 25, 25, 25]


def test_the_decoding_cap_follows_the_source():
    assert decoding_cap(4) < decoding_cap(40) < decoding_cap(200) == 416
    assert decoding_cap(400) == 512


@pytest.mark.parametrize(
    ("cpu_max", "quota"),
    [("max 100000\n", None), ("100000 100000\n", 1), ("150000 100000\n", 2), ("garbage", None)],
)
def test_threads_follow_the_cgroup_quota_and_the_affinity(tmp_path, cpu_max, quota):
    path = tmp_path / "cpu.max"
    path.write_text(cpu_max)
    allowed = len(os.sched_getaffinity(0))
    assert usable_cpus(path) == (min(allowed, quota) if quota else allowed)
    assert usable_cpus(tmp_path / "absent") == allowed


@pytest.mark.parametrize(
    ("requested", "environment", "devices", "chosen"),
    [
        (None, None, 0, "cpu"),  # auto on a machine without a GPU: nothing changes
        (None, None, 1, "cuda"),  # auto with one: the GPU
        ("auto", None, 2, "cuda"),
        ("cpu", None, 1, "cpu"),  # asked for
        (None, "cpu", 1, "cpu"),  # Argos's own variable
        (None, "CUDA", 1, "cuda"),
        ("cpu", "cuda", 1, "cpu"),  # the option wins over the variable
    ],
)
def test_the_device(monkeypatch, requested, environment, devices, chosen):
    from translate.engines.argos import choose_device

    monkeypatch.delenv("ARGOS_DEVICE_TYPE", raising=False)
    if environment:
        monkeypatch.setenv("ARGOS_DEVICE_TYPE", environment)
    assert choose_device(requested, devices) == chosen


@pytest.mark.parametrize(
    ("requested", "environment", "message"), [("cuda", None, "no CUDA device"), (None, "tpu", "unknown device")]
)
def test_a_device_that_cannot_be_is_a_one_line_error(monkeypatch, requested, environment, message):
    from foundation.errors import UserError
    from translate.engines.argos import choose_device

    monkeypatch.delenv("ARGOS_DEVICE_TYPE", raising=False)
    if environment:
        monkeypatch.setenv("ARGOS_DEVICE_TYPE", environment)
    with pytest.raises(UserError, match=message):
        choose_device(requested, 0)


def test_the_engine_on_the_cpu_here(installed_model, run, tmp_path):
    """This machine has no GPU: auto runs on the CPU, and --device cuda says so in one line."""
    report = tmp_path / "r.txt"
    report.write_text("街道党工委召开会议。\n", encoding="utf-8")
    result = run(
        "translate", str(report), "--device", "auto", "--out", str(tmp_path / "o"), "--no-tm", "--format", "xlf"
    )
    assert result.code == 0, result.err
    result = run("translate", str(report), "--device", "cuda", "--out", str(tmp_path / "o"), "--no-tm")
    assert result.code == 2 and "no CUDA device" in result.err and len(result.err.strip().splitlines()) == 1
