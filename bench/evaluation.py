"""``translate eval`` on the seeds' reference translations (seeds/*.en.tmx), for the engines present:

- memory: the seeds' TMX imported into a memory of its own: it is the reference, so it must score
  chrF and BLEU 100 and the reference's own term success and numbers kept (the target: the measuring
  is right);
- argos: every installed zh→en package; with none, the tiny test model (random weights, built from the
  seeds: its figures say what nonsense scores);
- llm and libretranslate: when a server answers at their default addresses (--llm-url, --lt-url).

Run as a user runs it (the command, a process each), its JSON read back and shown as its table; the page
with the charts is left in build/eval.html.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

from commands.translate.evaluate import print_table
from translate.engines.libretranslate import DEFAULT_URL as LT_URL
from translate.engines.llm import DEFAULT_URL as LLM_URL

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.en.tmx"))
TINY_MODEL = ROOT / "build" / "tiny-zh_en.argosmodel"
PAGE = ROOT / "build" / "eval.html"
TRANSLATE = Path(sys.executable).parent / "translate"  # the venv's command, as a user runs it


def _translate(*arguments: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(TRANSLATE), *arguments], capture_output=True, text=True, cwd=ROOT, env=env)


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True
    except OSError:
        return False


def _argos(env: dict, folder: Path) -> list[str]:
    """``argos:PACKAGE`` for each installed zh→en package; else the tiny model, installed for this run."""
    from translate.engines.argos.packages import installed_packages

    names = [f"argos:{p.name}" for p in installed_packages() if (p.from_code, p.to_code) == ("zh", "en")]
    if names:
        return names
    if not TINY_MODEL.is_file():
        subprocess.run(["make", "-s", "tiny-model"], cwd=ROOT, check=True, capture_output=True)
    env["ARGOS_PACKAGES_DIR"] = str(folder / "packages")
    installed = _translate("models", "install", "--file", str(TINY_MODEL), env=env)
    if installed.returncode:
        print(f"  the tiny model would not install: {installed.stderr.strip()}")
        return []
    return ["argos"]


def run() -> bool:
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ)
        memory = Path(folder) / "reference.sqlite"
        for tmx in SEEDS:
            imported = _translate("tm", "import", str(tmx), "--tm", str(memory), env=env)
            if imported.returncode:
                print(f"eval: not measured, the seeds' TMX would not import: {imported.stderr.strip()}")
                return False
        engines = ["memory"] + _argos(env, Path(folder))
        engines += ["llm"] if _answers(LLM_URL.rstrip("/") + "/models") else []
        engines += ["libretranslate"] if _answers(LT_URL.rstrip("/") + "/languages") else []
        arguments = [str(path) for path in SEEDS] + ["--tm", str(memory), "--json", "--html", str(PAGE)]
        for engine in engines:
            arguments += ["--engine", engine]
        result = _translate("eval", *arguments, env=env)
    if result.returncode:
        print(f"eval: failed: {result.stderr.strip()}")
        return False
    report = json.loads(result.stdout)
    print(f"eval: translate eval on the seeds' TMX ({len(SEEDS)} files), engines present: {', '.join(engines)}")
    print_table(report)
    reference = report["reference"]
    memory_row = next(e for e in report["engines"] if e["engine"] == "memory")
    perfect = (
        round(memory_row["chrf"], 6) == 100
        and round(memory_row["bleu"], 6) == 100
        and memory_row["term_success"] == reference["term_success"]
        and memory_row["numbers_kept"] == reference["numbers_kept"]
    )
    print(
        f"  the memory holding the reference scores the reference's own figures, chrF and BLEU 100 (target): "
        f"{'met' if perfect else 'MISSED'}; the page: {PAGE.relative_to(ROOT)}"
    )
    return perfect


if __name__ == "__main__":
    raise SystemExit(0 if run() else 1)
