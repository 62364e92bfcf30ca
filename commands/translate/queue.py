"""The work queue on the command line: ``translate run … --queue URI`` puts one task per document on a
team's PostgreSQL queue, ``translate worker --queue URI`` on any machine takes them, ``translate queue
status --queue URI`` says how far they are.

A task is the run as it was typed, for one of its documents: the command's arguments, the folder it was
typed in, and the document.  A worker replays it in that folder (which shared storage makes the same on
every machine), so ``--out``, ``--glossary``, ``--tm`` and the rest mean there what they meant where it
was queued; it loads the glossary, engine and memory once for all the tasks of one run.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from commands.translate.memory import memory_location
from foundation.errors import UserError, describe_error
from translate.memory.location import is_server_address, parse_location, shown
from translate.read import SUPPORTED_SUFFIXES, input_files


def queue_address(value: str) -> str:
    """An argparse type for --queue: a PostgreSQL address, without a password."""
    try:
        location = parse_location(value, "--queue", QUEUE_IS)
    except UserError as error:
        raise argparse.ArgumentTypeError(str(error).removeprefix("--queue ")) from None
    if not is_server_address(location):
        raise argparse.ArgumentTypeError(f"{value}: {QUEUE_IS}")
    return str(location)


QUEUE_IS = "a queue is a postgresql:// address (a team's database)"


def add_queue_option(run: argparse.ArgumentParser) -> None:
    run.add_argument(
        "--queue",
        type=queue_address,
        metavar="URI",
        help="put one task per document on this PostgreSQL queue for 'translate worker' on any machine, "
        "instead of translating here",
    )


def add_queue_commands(commands) -> None:
    worker = commands.add_parser(
        "worker",
        help="take documents from a queue and translate them, until stopped",
        description="Take documents from a team's queue (put there by 'translate … --queue URI') one at a time, "
        "translate each as its run was typed, in the folder it was typed in, and write its outputs there. "
        "Ctrl-C stops it after the document it is on.",
    )
    worker.add_argument("--queue", type=queue_address, required=True, metavar="URI", help="the PostgreSQL queue")
    worker.add_argument("--burst", action="store_true", help="stop when no document is left")
    worker.add_argument("--name", default="", help="the worker's name in the queue (default: host and process)")
    worker.set_defaults(run=run_worker)
    queue = commands.add_parser("queue", help="the work queue: status")
    actions = queue.add_subparsers(dest="action", required=True, metavar="ACTION")
    status = actions.add_parser("status", help="documents queued, running, done and failed, with each error")
    status.add_argument("--queue", type=queue_address, required=True, metavar="URI", help="the PostgreSQL queue")
    queue.set_defaults(run=run_queue)


def enqueue_documents(args: argparse.Namespace, paths: list[Path]) -> int:
    """The run's documents on the queue, a task each; nothing is translated here."""
    from pipeline.queue import enqueue

    files, errors = input_files(paths, SUPPORTED_SUFFIXES, args.recursive)
    for error in errors:
        print(f"translate: {error}", file=sys.stderr)
    argv = _without_queue(args.argv)
    memory = memory_location(args)
    if args.tm is None and memory is not None and is_server_address(memory):
        argv += ["--tm", str(memory)]  # the team's memory ZHEN_TM names here, named for the workers too
    elif memory is not None and not is_server_address(memory):
        print(
            f"translate: the memory is a file on this machine ({memory}): a worker elsewhere uses its own; give "
            "--tm postgresql://… (or ZHEN_TM) to share the team's",
            file=sys.stderr,
        )
    here = os.getcwd()
    tasks = [
        {"document": str(path.resolve()), "root": str(_root(path, paths).resolve()), "argv": argv, "cwd": here}
        for path in files
    ]
    queued = enqueue(args.queue, tasks)
    print(
        f"{queued} document(s) queued on {shown(args.queue)}"
        + (f" ({len(tasks) - queued} already waiting)" if queued < len(tasks) else "")
        + f"; 'translate worker --queue {shown(args.queue)}' on any machine translates them"
    )
    return 2 if errors else 0


def _root(path: Path, named: list[Path]) -> Path:
    """The folder named that holds ``path`` (its outputs mirror the subfolders below it), else itself."""
    return next((folder for folder in named if folder.is_dir() and path.is_relative_to(folder)), path)


def _without_queue(argv: list[str]) -> list[str]:
    kept, skip = [], False
    for word in argv:
        if skip:
            skip = False
        elif word == "--queue":
            skip = True
        elif not word.startswith("--queue="):
            kept.append(word)
    return kept


def run_worker(args: argparse.Namespace) -> int:
    from pipeline.queue import prepare, work

    loaded: dict[tuple, tuple] = {}
    tally = {"done": 0, "failed": 0}

    def handle(task: dict) -> None:
        try:
            translate_task(task)
            tally["done"] += 1
        except Exception as error:  # said in one line here; the queue keeps it as the task's failure
            tally["failed"] += 1
            print(f"translate worker: {describe_error(error, Path(task['document']))}", file=sys.stderr, flush=True)
            raise

    def translate_task(task: dict) -> None:
        from commands.translate import build_parser
        from commands.translate.engine import engine_from
        from commands.translate.memory import open_memory
        from commands.translate.options import options_from
        from glossary.store import load_glossary
        from pipeline.job import options_for, translate_file

        os.chdir(task["cwd"])  # the folder the run was queued in: its relative paths mean what they meant
        key = (task["cwd"], *task["argv"])
        if key not in loaded:
            run = build_parser().parse_args(task["argv"])
            options = options_from(run, source_lang=run.source, target_lang=run.target, fuzzy_fill=run.fuzzy_fill,
                                   recursive=run.recursive)  # fmt: skip
            glossary = load_glossary(run.glossary)
            loaded[key] = (glossary, engine_from(run, run.source, run.target), open_memory(run, "translate worker"),
                           options)  # fmt: skip
        glossary, engine, memory, options = loaded[key]
        document, root = Path(task["document"]), Path(task["root"])
        outcome = translate_file(document, glossary, engine, memory, options_for(document, [root], options))
        if memory is not None and memory.problem:
            raise memory.problem
        print(f"{document}: {', '.join(str(p) for p in outcome.written)} ({outcome.errors} QA errors)", flush=True)

    prepare(args.queue)  # a queue that cannot be reached is its one line, before the worker says it is waiting
    print(f"translate worker: taking documents from {shown(args.queue)} (Ctrl-C stops it after the document it "
          "is on)", file=sys.stderr, flush=True)  # fmt: skip
    try:
        work(args.queue, handle, burst=args.burst, name=args.name)
    except KeyboardInterrupt:
        pass
    ended = "no document left" if args.burst else "stopped"
    print(f"translate worker: {ended}; {tally['done']} done, {tally['failed']} failed here", file=sys.stderr)
    return 1 if tally["failed"] else 0


def run_queue(args: argparse.Namespace) -> int:
    from pipeline.queue import status

    found = status(args.queue)
    print(f"{shown(args.queue)}: " + ", ".join(f"{count} {name}" for name, count in found.counts.items()))
    for failure in found.failures:
        reason = failure.error.removeprefix(f"{failure.document}: ")  # the reason names the file: once is enough
        print(f"  failed: {failure.document}: {reason}")
    return 0
