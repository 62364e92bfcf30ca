"""A folder run publishes each translated file in a worker process while the engine goes on with the next."""

from __future__ import annotations

from pathlib import Path

from glossary.store import load_glossary
from pipeline.job import Failure, Options, translate_files


class WatchingEngine:
    """Notes, as it starts each file, which files' outputs were already on disk."""

    name = "watching"
    identity = "watching"

    def __init__(self, out: Path):
        self.out = out
        self.seen: list[set[str]] = []

    def translate(self, sources, batch_done=None):
        self.seen.append({p.name for p in self.out.glob("*.zh-en.*")})
        outputs = ["Translated." for _ in sources]
        if batch_done:
            batch_done(list(range(len(sources))), outputs)
        return outputs


def reports(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    paths = []
    for number in range(count):
        path = folder / f"r{number}.txt"
        path.write_text(f"第{number}份报告。街道召开会议，部署工作。\n", encoding="utf-8")
        paths.append(path)
    return paths


def test_publishing_overlaps_the_next_files_translation(tmp_path):
    out = tmp_path / "out"
    paths = reports(tmp_path / "in", 3)
    engine = WatchingEngine(out)
    outcomes = list(translate_files(paths, load_glossary(), engine, None, Options(out_dir=out)))
    assert [o.source for o in outcomes] == paths  # in order
    assert all(not isinstance(o, Failure) and len(o.written) == 4 for o in outcomes)
    assert all((out / f"r{n}.zh-en.pdf").is_file() for n in range(3))
    # The engine started the second file before the first file's outputs were written: published elsewhere.
    assert "r0.zh-en.pdf" not in engine.seen[1]


def test_a_bad_file_in_a_folder_run_is_one_failure_in_its_place(tmp_path):
    out = tmp_path / "out"
    paths = reports(tmp_path / "in", 3)
    paths[1].write_bytes(b"\x00\x01\x02 binary")
    outcomes = list(translate_files(paths, load_glossary(), None, None, Options(out_dir=out)))
    assert [o.source for o in outcomes] == paths
    assert isinstance(outcomes[1], Failure) and not isinstance(outcomes[0], Failure)
    assert (out / "r2.zh-en.pdf").is_file()


def test_one_file_is_published_in_the_process(tmp_path):
    out = tmp_path / "out"
    [path] = reports(tmp_path / "in", 1)
    engine = WatchingEngine(out)
    [outcome] = translate_files([path], load_glossary(), engine, None, Options(out_dir=out))
    assert (out / "r0.zh-en.pdf").is_file() and outcome.document.segments[0].target == "Translated."
