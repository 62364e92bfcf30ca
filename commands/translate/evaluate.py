"""``translate eval REFERENCE... --engine E [--engine E2…]``: engines compared on a reference translation.

REFERENCE is a bitext (TMX, XLIFF 2.x or 1.2, or a CSV with zh and en columns).  Its Chinese is
translated by each engine named, the memory off, and each is measured: chrF and BLEU (sacrebleu, with
its signature), term success (the share of approved glossary terms whose English holds an accepted
rendering; the reference's own share beside it), numbers kept, QA errors a segment, segments a second,
an LLM's re-asks.  An engine is written NAME or NAME:MODEL: argos[:PACKAGE], llm[:MODEL],
libretranslate, or memory (the --tm memory's human translations, as they stand).

Prints a table and each engine's worst segments by chrF; ``--json`` prints the whole report instead;
``--html FILE`` also writes a page with a chart per measure and the worst segments by each measure.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path

from commands.glossary import notice_shipped_changes
from commands.parsing import plain
from commands.translate.engine import add_engine_settings, engine_from
from commands.translate.memory import memory_argument, memory_location
from commands.translate.options import add_check_options
from commands.translate.progress import document_bar
from foundation.errors import UserError
from foundation.files import MB, writable_folder, write_text_atomic
from glossary.store import load_glossary
from pipeline.evaluation import WORST, Contender, EngineContender, MemoryContender, evaluate, read_reference
from publish.evaluation_page import evaluation_page
from translate.engines import ENGINES
from translate.memory import TranslationMemory, memory_at

CONTENDERS = tuple(name for name in ENGINES if name != "none") + ("memory",)
WITH_MODEL = ("argos", "llm")
SHOWN_WORST = 3  # in the terminal; the JSON and the page have --worst
SHOWN_REFUSED = 3  # pairs left out, each said with where it is; the rest counted


def add_eval_command(commands) -> None:
    evaluating = commands.add_parser(
        "eval", help="compare engines on a reference translation: chrF, BLEU, terms, numbers, speed",
        description=plain(__doc__),
    )  # fmt: skip
    evaluating.add_argument(
        "references", nargs="+", type=Path, metavar="REFERENCE", help="TMX, XLIFF (2.x, 1.2) or zh,en CSV files"
    )
    evaluating.add_argument(
        "--engine",
        dest="engines",
        action="append",
        type=engine_spec,
        required=True,
        metavar="ENGINE",
        help="an engine to measure, once per engine: argos[:PACKAGE], llm[:MODEL], libretranslate, or memory "
        "(the --tm memory's human translations)",
    )
    evaluating.add_argument("--json", action="store_true", help="print the whole report as JSON instead of a table")
    evaluating.add_argument("--html", type=Path, metavar="FILE", help="also write a page with a chart per measure")
    evaluating.add_argument(
        "--worst", type=_count, default=WORST, metavar="N", help=f"worst segments kept by each measure ({WORST})"
    )
    evaluating.add_argument(
        "--tm",
        type=memory_argument,
        metavar="PATH|URI",
        help="the memory the 'memory' engine reads (default: $ZHEN_TM, else your memory file)",
    )
    add_check_options(evaluating)
    add_engine_settings(evaluating)
    evaluating.set_defaults(run=run_eval)


def engine_spec(value: str) -> tuple[str, str]:
    """An --engine value as (name, model): 'llm:qwen2.5-7b' → ('llm', 'qwen2.5-7b')."""
    name, _, model = value.partition(":")
    name = name.strip().lower()
    if name not in CONTENDERS:
        raise argparse.ArgumentTypeError(f"{value!r}: an engine is one of {', '.join(CONTENDERS)}")
    if model and name not in WITH_MODEL:
        raise argparse.ArgumentTypeError(f"{value!r}: only {' and '.join(WITH_MODEL)} take a model after ':'")
    return name, model.strip()


def _count(value: str) -> int:
    if not (value.isascii() and value.isdigit()):
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of segments")
    return int(value)


def _model_of(engine, name: str, named: str) -> str:
    """The model an engine runs: the LLM's as the server confirmed it, Argos's package as named."""
    return getattr(engine, "model", named) if name == "llm" else named if name == "argos" else ""


def _label(name: str, model: str) -> str:
    return f"{name}:{model}" if model else name


def contenders_from(args: argparse.Namespace) -> list[Contender]:
    """Every engine named, made (a model loaded, a server asked for its model) before anything is translated:
    a missing model or a server that is down is one line before the run, not after the first engine's.  Each
    is labelled with its model, however it was chosen (after the colon, by --model or --llm-model, or as the
    one the server serves), and the same engine named twice is measured once."""
    contenders: dict[str, Contender] = {}
    for name, model in args.engines:
        if name == "memory":
            contenders.setdefault(name, MemoryContender(name, _memory(args)))
            continue
        engine = engine_from(args, name=name, model=model)
        label = _label(name, _model_of(engine, name, model or args.model or ""))
        if label not in contenders:
            contenders[label] = EngineContender(label, engine)
    return list(contenders.values())


def _memory(args: argparse.Namespace) -> TranslationMemory:
    """The memory the memory engine reads: --tm, else ZHEN_TM, else the default one, which must exist
    (a comparison never makes an empty memory to measure)."""
    location = memory_location(args)
    if isinstance(location, Path) and not location.exists():
        raise UserError(f"no translation memory at {location}: give the memory engine one with --tm PATH|URI")
    return memory_at(location)


def run_eval(args: argparse.Namespace) -> int:
    references = list({path.resolve(): path for path in args.references}.values())  # a file named twice counts once
    _check_outputs(args, references)
    reference = read_reference(references, int(args.max_input_mb * MB), args.year, args.kind or "")
    notice_shipped_changes(args.glossary, "translate")
    glossary = load_glossary(args.glossary)
    contenders = contenders_from(args)
    report = evaluate(reference, contenders, glossary, document_bar, args.worst)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print_table(report)
    for problem in reference.refused[:SHOWN_REFUSED]:
        _say(f"left out: {problem}")
    if len(reference.refused) > SHOWN_REFUSED:
        _say(f"{len(reference.refused) - SHOWN_REFUSED} more pair(s) left out for a character no text may hold")
    for engine in report["engines"]:
        for note in engine["notes"]:
            _say(f"{engine['engine']}: {note}")
    if args.html is not None:
        write_text_atomic(args.html, evaluation_page(report))
        if not args.json:
            print(f"the page: {args.html}")
    failed = any(engine["untranslated"] or engine["qa_errors"] for engine in report["engines"])
    return 1 if args.strict and failed else 0


def _check_outputs(args: argparse.Namespace, references: list[Path]) -> None:
    """What the run will write is checked before any work, so that a wrong path is one line, not a lost
    comparison: the page is a .html file (never a reference, a folder or a device), and neither it nor the
    LLM's log is one of the references."""
    read = {path.resolve() for path in references}
    page, log = args.html, args.llm_log
    if page is not None:
        if page.suffix.lower() not in (".html", ".htm"):
            raise UserError(f"--html {page}: name a .html file (the page is one file, to open in a browser)")
        if page.exists() and not page.is_file():
            raise UserError(f"--html {page}: is not a file")
        writable_folder(page.parent, "--html")
    for option, path in (("--html", page), ("--llm-log", log)):
        if path is not None and path.resolve() in read:
            raise UserError(f"{option} {path}: is a reference; it would be overwritten")


def _say(line: str) -> None:
    print(f"translate eval: {line}", file=sys.stderr)


COLUMNS = ("engine", "chrF", "BLEU", "terms", "numbers", "QA err/seg", "seg/s", "re-asks", "untranslated")


def print_table(report: dict) -> None:
    reference = report["reference"]
    print(
        f"reference: {reference['segments']} segments ({', '.join(reference['files'])}), "
        f"{reference['terms']} approved terms, {reference['numbers']} numbers; its own term success "
        f"{_percent(reference['term_success'])}, numbers kept {_percent(reference['numbers_kept'])}, "
        f"QA errors a segment {_figure(reference['qa_errors_per_segment'], 2)}"
    )
    rows = [COLUMNS]
    for engine in report["engines"]:
        rows.append(
            (
                engine["engine"],
                _figure(engine["chrf"], 1),
                _figure(engine["bleu"], 1),
                _percent(engine["term_success"]),
                _percent(engine["numbers_kept"]),
                _figure(engine["qa_errors_per_segment"], 2),
                _figure(engine["segments_per_second"], 1),
                "—" if engine["reasked"] is None else str(engine["reasked"]),
                str(engine["untranslated"]),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
    for row in rows:
        print(row[0].ljust(widths[0]) + "  " + "  ".join(cell.rjust(w) for cell, w in zip(row[1:], widths[1:])))
    signatures = report["signatures"]
    print(f"chrF: {signatures['chrf']}\nBLEU: {signatures['bleu']}")
    for engine in report["engines"]:
        worst = engine["worst"]["chrf"][:SHOWN_WORST]
        if worst:
            print(f"{engine['engine']}, lowest chrF:")
        for row in worst:
            print(f"  {row['chrf']:5.1f}  {row['where']}: {_clipped(row['output'] or '(nothing)', 90)}")


def _figure(value: float | None, places: int) -> str:
    return "—" if value is None else f"{value:.{places}f}"


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _clipped(text: str, length: int) -> str:
    """An engine's English on one line of a terminal: its format characters (a right-to-left override
    would turn the rest of the line around) left out, its white space one space."""
    text = " ".join("".join(c for c in text if unicodedata.category(c) != "Cf").split())
    return text if len(text) <= length else text[: length - 1] + "…"
