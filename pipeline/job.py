"""The main job as a library: a report in, its bilingual files out.

``translate_file`` shows the stages of the flow in DESIGN.md in order; the
``translate`` and ``publish`` commands only parse their arguments and call
``translate_files`` and ``publish_files``, and Python users call the same:

    from translate import Options, load_glossary, translate_file
    outcome = translate_file(Path("report.txt"), load_glossary(), options=Options(formats=("xlf",)))

Besides the command line, this is the one module of ``translate`` that calls
into ``publish`` (for the DOCX and PDF), as DESIGN.md's layering allows for
finishing the main job.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field, fields, replace
from datetime import date
from pathlib import Path

from foundation.cpus import usable_cpus
from foundation.errors import Interrupted, UserError, describe_error
from foundation.files import MB
from glossary.store import Glossary
from pipeline.rerun import keep_human_work
from pipeline.workers import worker_pool
from publish.index import listing_for, update_index
from publish.outputs import FORMATS, Rendered, output_path, render_outputs, write_outputs
from publish.settings import Settings, read_config
from translate.bitext import read_xliff, xliff_stem
from translate.document import Document, Segment
from translate.engines import Engine, run_engine
from translate.memory import TranslationMemory, offer_candidates, recall, remember
from translate.occasion import read_as
from translate.qa import check_document, count_errors
from translate.read import DEFAULT_MAX_INPUT_MB, SUPPORTED_SUFFIXES, input_files, read_document
from translate.segment import segment_document
from translate.terms import apply_machine_translation, fill_from_glossary, find_terms
from translate.tm_files import segment_units

# Opens a progress display for a document (its segments known); the callback is told how many are done.
Progress = Callable[[int], None]  # advances a document's bar by that many segments
ProgressBar = Callable[[Document], AbstractContextManager[Progress | None]]


@dataclass(frozen=True)
class Options:
    source_lang: str = "zh"
    target_lang: str = "en"
    formats: tuple[str, ...] = FORMATS  # any of xlf, docx, pdf
    settings: Settings = field(default_factory=Settings)  # how DOCX and PDF are published
    settings_given: frozenset[str] = frozenset()  # the settings given as options: they win over publish.toml
    index: bool = False  # keep an index.html of the documents in the output folder
    out_dir: Path | None = Path("out")  # None: beside each input (publish)
    max_input_bytes: int = DEFAULT_MAX_INPUT_MB * MB
    fuzzy_fill: float | None = None  # use a fuzzy match as the target when at least this similar (0-1)
    recursive: bool = False  # folders: their subfolders too, mirrored under out_dir
    force: bool = False  # overwrite what would be kept: another document's outputs of the same name
    year: int | None = None  # the documents' year and kind, when the user gives them (else inferred)
    kind: str = ""


@dataclass
class Outcome:
    """What one input gave: its document, the files written, and what the user should know."""

    source: Path
    document: Document
    written: list[Path]
    notes: list[str] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return count_errors(self.document)

    @property
    def untranslated(self) -> int:
        """Segments with no translation yet."""
        return sum(1 for segment in self.document.segments if not segment.target.strip())

    @property
    def finished(self) -> bool:
        """Every segment translated, and QA found no error: what ``--strict`` asks for."""
        return not self.errors and not self.untranslated

    @property
    def origins(self) -> Counter[str]:
        """How many segments came from where: tm-human, tm-mt, glossary, mt (the engine), "" (untranslated)."""
        return Counter(segment.origin for segment in self.document.segments)

    @property
    def offered(self) -> int:
        """Segments offered fuzzy candidates from the memory."""
        return sum(1 for segment in self.document.segments if segment.candidates)


@dataclass
class Failure:
    """An input that gave nothing, and why, in one line."""

    source: Path
    message: str


def translate_file(
    path: Path,
    glossary: Glossary,
    engine: Engine | None = None,
    memory: TranslationMemory | None = None,
    options: Options = Options(),
    progress_bar: ProgressBar | None = None,
) -> Outcome:
    """The main job for one file, stage by stage.  With no engine, only what the glossary covers is filled."""
    document, notes = _translated(path, glossary, engine, memory, options, progress_bar)
    return _indexed(path, *_published(document, path, options), notes, options)


def _translated(
    path: Path,
    glossary: Glossary,
    engine: Engine | None,
    memory: TranslationMemory | None,
    options: Options,
    progress_bar: ProgressBar | None,
) -> tuple[Document, list[str]]:
    """The stages up to QA: the document translated and checked, and notes for the summary line."""
    raw = read_document(path, options.max_input_bytes)  # read: bytes → title, headings, paragraphs
    document = segment_document(raw)  # normalise and segment: sentences, as written and normalised
    document.source_lang, document.target_lang = options.source_lang, options.target_lang
    document.glossary_sha256 = glossary.sha256
    document.source_file, document.translated = path.name, date.today().isoformat()
    document.year, document.kind = options.year, options.kind
    with (progress_bar or no_bar)(document) as progress:
        find_terms(document, glossary)  # terms
        notes = _keep_human_work(document, path, memory, options)  # a person's targets in the XLIFF replaced
        pending = fill_from_glossary(document)  # segments the approved terms cover completely
        _advance(progress, len(document.segments) - len(pending))
        unknown = recall(pending, memory, _identity(engine, memory))  # memory: human units, then this engine's MT
        offer_candidates(unknown, memory, options.fuzzy_fill)  # near matches offered, used only if asked
        unknown = [segment for segment in unknown if not segment.target]
        _advance(progress, len(pending) - len(unknown))
        if engine is not None:
            machine_translate(engine, unknown, memory, str(path), progress, document)  # engine
    check_document(document)  # QA
    notes += occasion_note(document) + not_read_note(document) + _engine_notes(engine)
    if raw.encoding_guessed:
        notes.append(f"read as {raw.encoding}, a guess: check the Chinese")
    return document, notes


def _keep_human_work(document: Document, path: Path, memory: TranslationMemory | None, options: Options) -> list[str]:
    """Before the run replaces the XLIFF of this report, the post-edits in it are carried into the new
    document; those whose Chinese is gone go into the memory, or stop the run if there is none.  An XLIFF
    that cannot be read, or that is another report's, stops it too.  ``--force`` skips all of it."""
    xliff = output_path(options.out_dir or path.parent, document, "xlf")
    if options.force or not xliff.is_file():
        return []
    keep = "run with --force to replace it"
    try:
        previous = read_xliff(xliff, options.max_input_bytes)
    except UserError as error:
        raise UserError(f"cannot read {xliff}, which this run would replace ({error.message}): {keep}")
    if previous.source_file and previous.source_file != path.name:
        raise UserError(f"{xliff} is the translation of {previous.source_file}, not of {path.name}: {keep}")
    work = keep_human_work(document, previous)
    notes = [f"kept {_count(work.kept, 'post-edited segment')} from {xliff.name}"] if work.kept else []
    orphans = _count(len(work.orphans), "post-edited segment")
    if work.orphans and memory is None:
        raise UserError(
            f"{xliff} holds {orphans} whose Chinese is no longer in the report: "
            f"take them into a memory first ('translate import {xliff}'), or {keep} and lose them"
        )
    if work.orphans:
        memory.add_human(segment_units(work.orphans, xliff), previous.glossary_sha256)
        notes.append(
            f"{_count(len(work.orphans), 'post-edit')} of sentences no longer in the report went into the memory"
        )
    return notes


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _published(document: Document, path: Path, options: Options) -> tuple[Document, list[Path], list[str], int]:
    """The outputs rendered and written (in a worker process, for a folder); the document comes back with
    what rendering found (characters no font has), the files, notes, and the PDF's pages."""
    rendered = render_outputs(document, list(options.formats), publish_settings(options, path))  # outputs
    out_dir = options.out_dir or path.parent
    written = write_outputs(document, rendered, out_dir, output_path(out_dir, document, "xlf"), options.force)
    return document, written, _notes(rendered), rendered.pages


def _indexed(
    path: Path, document: Document, written: list[Path], notes: list[str], pages: int, more: list[str], options: Options
) -> Outcome:
    """The outcome, with the folder's index updated when asked (in the one process that writes it)."""
    if options.index:
        index, note = update_index(options.out_dir or path.parent, [listing_for(document, written, pages)])
        written, notes = written + [index], notes + ([note] if note else [])
    return Outcome(path, document, written, notes + more)


def qa_file(path: Path, glossary: Glossary, options: Options = Options(out_dir=None)) -> Outcome:
    """QA on a bilingual XLIFF 2 or 1.2 file, ours or another tool's: terms found with the current glossary."""
    document = read_xliff(path, options.max_input_bytes)
    document.year, document.kind = options.year or document.year, options.kind or document.kind  # given wins
    find_terms(document, glossary)
    check_document(document)
    notes = ["the glossary changed since translation"] if document.glossary_sha256 not in ("", glossary.sha256) else []
    return Outcome(path, document, [], notes + occasion_note(document))


def publish_file(path: Path, glossary: Glossary, options: Options = Options(out_dir=None)) -> Outcome:
    """A (post-edited) XLIFF file again: terms found and QA run with the current glossary, DOCX and PDF made."""
    checked = qa_file(path, glossary, options)
    document = checked.document
    formats = [f for f in options.formats if f != "xlf"]  # the XLIFF is the input: never overwritten
    rendered = render_outputs(document, formats, publish_settings(options, path))
    written = write_outputs(document, rendered, options.out_dir or path.parent, path, options.force)
    return _indexed(
        path, document, written, _notes(rendered), rendered.pages, checked.notes + not_read_note(document), options
    )


def publish_settings(options: Options, path: Path) -> Settings:
    """The settings in a ``publish.toml`` beside the input, with the options given on top."""
    names = options.settings_given or {
        f.name for f in fields(Settings) if getattr(options.settings, f.name) != getattr(Settings(), f.name)
    }
    return replace(read_config(path.parent), **{name: getattr(options.settings, name) for name in names})


def occasion_note(document: Document) -> list[str]:
    """The year and kind QA read the document as, where the user gave neither and they were inferred (a
    reviewer should know why a term was not checked, or an older rendering accepted)."""
    inferred = [
        f"{reading} ({source}; {option} to say otherwise)"
        for reading, source, option in read_as(document)
        if source != "given"
    ]
    return ["read as " + " and ".join(inferred)] if inferred else []


def not_read_note(document: Document) -> list[str]:
    """What the source held that is not in the translation (images, footnotes…), for the summary line."""
    if not document.skipped:
        return []
    return ["not read: " + ", ".join(f"{count} {kind}" for kind, count in document.skipped.items())]


def _notes(rendered: Rendered) -> list[str]:
    return [rendered.note()] if rendered.missing_glyphs else []


def _identity(engine: Engine | None, memory: TranslationMemory | None) -> str | None:
    """What the memory files this engine's units under; asked only when there is a memory to file them in."""
    return engine.identity if engine is not None and memory is not None else None


def machine_translate(
    engine: Engine,
    segments: list[Segment],
    memory: TranslationMemory | None,
    file: str,
    progress: Progress | None,
    document: Document | None = None,
) -> None:
    """The engine's translations, restored into the segments and kept in the memory batch by batch, as each
    finishes: a run killed midway loses one batch at most, and the next run starts where it stopped.  An
    engine that checks its own outputs (the LLM) says which passed: only those are remembered, and a
    segment it could not translate stays untranslated."""
    finished: set[int] = set()

    def batch_done(indices: list[int], outputs: list[str], kept: list[bool] | None = None) -> None:
        remembered = []
        for position, (index, output) in enumerate(zip(indices, outputs)):
            if not output.strip():
                continue  # no translation: the segment stays untranslated
            segment = segments[index]
            apply_machine_translation(segment, output)
            if kept is None or kept[position]:
                remembered.append(segment)
        remember(memory, _identity(engine, memory), remembered, file)
        finished.update(indices)
        _advance(progress, len(indices))

    translate_segments = getattr(engine, "translate_segments", None)
    if translate_segments is not None:
        translate_segments(segments, document, batch_done)
        return
    outputs = run_engine(engine, segments, batch_done)
    rest = [i for i in range(len(segments)) if i not in finished]  # an engine that reports no batches
    if rest:
        batch_done(rest, [outputs[i] for i in rest])


def _engine_notes(engine: Engine | None) -> list[str]:
    """What the engine has to say about this file (segments it could not translate), once."""
    take = getattr(engine, "take_notes", None)
    return take() if take else []


def _advance(progress: Progress | None, done: int) -> None:
    if progress and done:
        progress(done)


def translate_files(
    paths: list[Path],
    glossary: Glossary,
    engine: Engine | None = None,
    memory: TranslationMemory | None = None,
    options: Options = Options(),
    progress_bar: ProgressBar | None = None,
) -> Iterator[Outcome | Failure]:
    """Each file the paths name (folders: the supported files in them), in turn; results in that order.

    One bad file does not stop the others: it gives a Failure with its one-line reason.  With several files
    and a DOCX or PDF to make, each translated file is published in a worker process (WeasyPrint lays a PDF
    out on one CPU) while the engine goes on with the next file, so a folder run uses every CPU.
    """
    files, errors = input_files(paths, SUPPORTED_SUFFIXES, options.recursive)
    for error in errors:
        yield Failure(Path(str(error.path)), str(error))
    publishing = {"docx", "pdf"} & set(options.formats)
    workers = min(usable_cpus() - 1, len(files) - 1)
    finished: list[Outcome | Failure] = []  # in the order given back: what a Ctrl-C report starts from
    if not publishing or workers < 1:
        try:
            for path in files:
                try:
                    file_options = options_for(path, paths, options)
                    outcome = translate_file(path, glossary, engine, memory, file_options, progress_bar)
                except Exception as error:  # one bad file does not stop the others
                    outcome = Failure(path, describe_error(error, path))
                finished.append(outcome)
                yield outcome
        except KeyboardInterrupt:
            raise _interrupted(files, finished) from None
        return
    # Spawned, not forked: the engine's threads (CTranslate2's, the LLM client's) are not to be copied.
    with worker_pool(workers, "spawn") as pool:
        queue: deque[tuple[Path, list[str], Future | Failure, Options]] = deque()
        try:
            for path in files:
                file_options = options_for(path, paths, options)
                try:
                    document, notes = _translated(path, glossary, engine, memory, file_options, progress_bar)
                    queue.append((path, notes, pool.submit(_published, document, path, file_options), file_options))
                except Exception as error:  # one bad file does not stop the others
                    queue.append((path, [], Failure(path, describe_error(error, path)), file_options))
                while queue and (isinstance(queue[0][2], Failure) or queue[0][2].done()):
                    finished.append(_collected(*queue.popleft()))
                    yield finished[-1]
            while queue:
                finished.append(_collected(*queue.popleft()))
                yield finished[-1]
        except KeyboardInterrupt:  # published out of order count too: a later file may be done before an earlier
            written = [_collected(*item) for item in queue if isinstance(item[2], Future) and _succeeded(item[2])]
            raise _interrupted(files, finished + written) from None


def _succeeded(work: Future) -> bool:
    return work.done() and not work.cancelled() and work.exception() is None


def _interrupted(files: list[Path], finished: list[Outcome | Failure]) -> Interrupted:
    """Which files a stopped run completed (all their outputs written) and which it did not (a failed one was
    said when it failed, and is neither)."""
    complete = {outcome.source for outcome in finished if isinstance(outcome, Outcome)}
    failed = {failure.source for failure in finished if isinstance(failure, Failure)}
    return Interrupted(
        [str(path) for path in files if path in complete],
        [str(path) for path in files if path not in complete and path not in failed],
    )


def options_for(path: Path, named: list[Path], options: Options) -> Options:
    """A file found in a subfolder of a folder named (``recursive``) writes into the same subfolder of the
    output folder: two reports of one name in two subfolders do not overwrite each other."""
    if not options.recursive or options.out_dir is None:
        return options
    for folder in named:
        if folder.is_dir() and path.is_relative_to(folder):
            below = path.parent.relative_to(folder)
            return replace(options, out_dir=options.out_dir / below) if below.parts else options
    return options


def _collected(path: Path, notes: list[str], work: Future | Failure, options: Options) -> Outcome | Failure:
    if isinstance(work, Failure):
        return work
    try:
        return _indexed(path, *work.result(), notes, options)
    except BrokenProcessPool:
        return Failure(path, f"{path}: not published: a publishing process was killed (out of memory?)")
    except Exception as error:
        return Failure(path, describe_error(error, path))


def publish_files(
    paths: list[Path],
    glossary: Glossary,
    options: Options,
    *,
    job: Callable[..., Outcome] | None = None,
    workers: int | None = None,
) -> Iterator[Outcome | Failure]:
    """Each XLIFF file through ``job`` (publishing, or QA alone); one bad file does not stop the others.

    Publishing several files runs a process per usable CPU (``workers``, by default all), each file
    on one: WeasyPrint lays a PDF out on one CPU.  Results come in the order of ``paths``.
    """
    job = job or publish_file
    clashes = _clashing_outputs(paths, options) if job is publish_file else {}
    if clashes:  # said in the order of the files, the others published
        done = iter(publish_files([p for p in paths if p not in clashes], glossary, options, job=job, workers=workers))
        yield from (Failure(path, clashes[path]) if path in clashes else next(done) for path in paths)
        return
    workers = min(workers or usable_cpus(), len(paths)) if job is publish_file else 1
    if workers <= 1:
        yield from (_outcome_of(job, path, glossary, options) for path in paths)
        return
    # Forked workers start with everything imported and are handed the job, the glossary and the options
    # as they are in memory (its matcher cannot be pickled); the command has no threads to lose.
    with worker_pool(workers, "fork", _hand_over, (job, glossary, options)) as pool:
        futures = [(path, pool.submit(_outcome_in_worker, path)) for path in paths]
        finished: list[Outcome | Failure] = []
        try:
            for path, future in futures:
                try:
                    finished.append(future.result())
                except BrokenProcessPool:  # a worker was killed (out of memory, say): the files left fail, said so
                    finished.append(
                        Failure(path, f"{path}: not published: a publishing process was killed (out of memory?)")
                    )
                yield finished[-1]
        except KeyboardInterrupt:
            written = [future.result() for _, future in futures[len(finished) :] if _succeeded(future)]
            raise _interrupted(paths, finished + written) from None


def _clashing_outputs(paths: list[Path], options: Options) -> dict[Path, str]:
    """The files whose outputs would take the names of an earlier one's in the same folder (a/report.zh-en.xlf
    and b/report.zh-en.xlf into one --out), each with why: found before any work, as publishing in parallel
    could not tell which was first."""
    first: dict[tuple[Path, str], Path] = {}
    clashes = {}
    for path in paths:
        folder = (options.out_dir or path.parent).resolve()
        earlier = first.setdefault((folder, xliff_stem(path)), path)
        if earlier != path and earlier.resolve() != path.resolve() and not options.force:
            clashes[path] = (
                f"{path}: not published: its outputs would overwrite those of {earlier} in {folder} (the same "
                "name); publish it into another folder (--out) or rename it"
            )
    return clashes


_handed_over: tuple[Callable[..., Outcome], Glossary, Options] | None = None  # in a worker of publish_files


def _hand_over(job: Callable[..., Outcome], glossary: Glossary, options: Options) -> None:
    global _handed_over
    _handed_over = job, glossary, options


def _outcome_in_worker(path: Path) -> Outcome | Failure:
    job, glossary, options = _handed_over
    return _outcome_of(job, path, glossary, options)


def _outcome_of(job: Callable[..., Outcome], path: Path, glossary: Glossary, options: Options) -> Outcome | Failure:
    try:
        return job(path, glossary, options)
    except Exception as error:  # one bad file does not stop the others
        return Failure(path, describe_error(error, path))


def no_bar(document: Document) -> AbstractContextManager[None]:
    return nullcontext()
