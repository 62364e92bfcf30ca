"""``translate PATH... --to en``: the main job, and ``translate models``."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from glossary.errors import UserError, describe_error
from glossary.store import load_glossary
from publish.outputs import SCRIPTS, parse_formats, render_outputs, write_outputs
from translate import models
from translate.cache import TranslationCache, default_cache_path
from translate.engine import ArgosEngine, Engine
from translate.languages import check_language_tag
from translate.options import add_input_limit, input_limit
from translate.pipeline import prepare, translate_document
from translate.progress import document_bar
from translate.qa import count_errors, count_terms_applied
from translate.read import SUPPORTED_SUFFIXES, read_document


def _error(message: object) -> None:
    print(f"translate: {message}", file=sys.stderr)


def collect_inputs(paths: list[Path]) -> tuple[list[Path], list[UserError]]:
    """Files to translate; a folder means every supported file in it."""
    files, errors = [], []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
            if not found:
                errors.append(UserError(f"no {', '.join(SUPPORTED_SUFFIXES)} files in this folder", path))
            files += found
        elif path.exists():
            files.append(path)
        else:
            errors.append(UserError("no such file or folder", path))
    return files, errors


def _formats(value: str) -> list[str]:
    try:
        return parse_formats(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error))


def _language(value: str) -> str:
    try:
        return check_language_tag(value)
    except UserError as error:
        raise argparse.ArgumentTypeError(error.message)


def translate_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="translate", description="Translate Chinese reports into aligned bilingual XLIFF, DOCX and PDF."
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="files or folders (.txt .md .html .docx)")
    parser.add_argument("--to", dest="target", type=_language, default="en", help="target language (default: en)")
    parser.add_argument("--from", dest="source", type=_language, default="zh", help="source language (default: zh)")
    parser.add_argument("--out", type=Path, default=Path("out"), help="output folder (default: out/)")
    parser.add_argument(
        "--engine",
        choices=("argos", "none"),
        default="argos",
        help="'none' fills only what the glossary covers, for human translators",
    )
    parser.add_argument("--model", help="an installed package name or a package folder")
    parser.add_argument("--glossary", type=Path, help="a glossary TSV (default: the shipped one)")
    parser.add_argument("--format", type=_formats, default="xlf,docx,pdf", help="any of xlf,docx,pdf")
    parser.add_argument(
        "--zh-script",
        choices=SCRIPTS,
        default="original",
        help="script of the Chinese column in DOCX and PDF (default: as written)",
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 if QA finds errors")
    add_input_limit(parser)
    parser.add_argument("--no-cache", action="store_true", help="translate every segment again, ignoring the cache")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        glossary = load_glossary(args.glossary)
    except UserError as error:
        _error(error)
        return 2
    files, failures = collect_inputs(args.paths)
    for failure in failures:
        _error(failure)
    engine: Engine | None = None
    cache: TranslationCache | None = None
    if args.engine == "argos" and files:
        try:
            engine = ArgosEngine(models.find_package(args.source, args.target, args.model))
        except UserError as error:
            _error(error)
            return 2
        if not args.no_cache:
            try:
                cache = TranslationCache(default_cache_path())
            except UserError as error:
                _error(f"{error}; going on without it")

    done = segments = terms_applied = qa_errors = 0
    for path in files:
        try:
            document = prepare(read_document(path, input_limit(args)), glossary)
            document.source_lang, document.target_lang = args.source, args.target
            with document_bar(document) as bar:
                translate_document(document, glossary, engine, bar.update, cache)
            rendered = render_outputs(document, args.format, zh_script=args.zh_script)
            written = write_outputs(document, rendered, args.out)
        except Exception as error:  # one bad file does not stop the others
            _error(describe_error(error, path))
            failures.append(error)
            continue
        done += 1
        segments += len(document.segments)
        terms_applied += count_terms_applied(document)
        errors = count_errors(document)
        qa_errors += errors
        print(f"{path}: {', '.join(str(p) for p in written)} ({errors} QA errors{rendered.note()})")
    if cache is not None and cache.problem:
        _error(f"{cache.problem}; the rest of this run went on without it")
    seconds = time.perf_counter() - started
    print(
        f"{done} document(s), {segments} segments, {terms_applied} glossary terms applied, "
        f"{qa_errors} QA errors, {seconds:.1f} s" + (f"; {len(failures)} input(s) failed" if failures else "")
    )
    if failures:
        return 2
    return 1 if args.strict and qa_errors else 0


def _download_progress(bar):
    def update(done: int, total: int) -> None:
        bar.total = total or None
        bar.update(done - bar.n)

    return update


def models_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="translate models", description="Manage Argos Translate packages.")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("list", help="installed packages")
    install = commands.add_parser("install", help="install a package from the index or a file")
    install.add_argument("pair", nargs="?", help="a language pair, e.g. zh-en")
    install.add_argument("--file", type=Path, help="an .argosmodel file")
    args = parser.parse_args(argv)
    if args.command == "list":
        packages = models.installed_packages()
        if not packages:
            print(f"no packages installed in {models.packages_dir()}")
        for package in packages:
            print(f"{package.name}\t{package.from_code}→{package.to_code}\t{package.version}\t{package.path}")
        return 0
    if bool(args.pair) == bool(args.file):
        parser.error("install takes a language pair or --file, one of them")
    from tqdm import tqdm

    if args.file:
        package = models.install_file(args.file)
    else:
        link = models.index_link(args.pair)
        with tqdm(unit="B", unit_scale=True, desc=f"downloading {link.rsplit('/', 1)[-1]}", disable=None) as bar:
            data = models.download(link, _download_progress(bar))
        package = models.install_archive(data, link)
    print(f"installed {package.name} ({package.from_code}→{package.to_code}) in {package.path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        if argv[:1] == ["models"]:
            return models_main(argv[1:])
        return translate_main(argv)
    except Exception as error:
        _error(describe_error(error))
        return 2
    except KeyboardInterrupt:
        _error("interrupted: files already written are complete, nothing half-written was left")
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
