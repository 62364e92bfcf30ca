"""``translate models list|install``: the Argos Translate packages."""

from __future__ import annotations

import argparse
from pathlib import Path

from commands.parsing import plain
from translate.engines.argos import packages


def add_models_command(commands) -> None:
    models = commands.add_parser("models", help="list and install Argos Translate packages", description=plain(__doc__))
    actions = models.add_subparsers(dest="action", required=True, metavar="ACTION")
    actions.add_parser("list", help="installed packages")
    install = actions.add_parser("install", help="install a package from the index or a file")
    install.add_argument("pair", nargs="?", help="a language pair, e.g. zh-en")
    install.add_argument("--file", type=Path, help="an .argosmodel file")
    models.set_defaults(run=run_models, parser=install)


def run_models(args: argparse.Namespace) -> int:
    if args.action == "list":
        installed = packages.installed_packages()
        if not installed:
            print(f"no packages installed in {packages.packages_dir()}")
        for package in installed:
            print(f"{package.name}\t{package.from_code}→{package.to_code}\t{package.version}\t{package.path}")
        return 0
    if bool(args.pair) == bool(args.file):
        args.parser.error("install takes a language pair or --file, one of them")
    if args.file:
        package = packages.install_file(args.file)
    else:
        package = _download_and_install(args.pair)
    print(f"installed {package.name} ({package.from_code}→{package.to_code}) in {package.path}")
    return 0


def _download_and_install(pair: str) -> packages.Package:
    from tqdm import tqdm

    link = packages.index_link(pair)
    with tqdm(unit="B", unit_scale=True, desc=f"downloading {link.rsplit('/', 1)[-1]}", disable=None) as bar:

        def update(done: int, total: int) -> None:
            bar.total = total or None
            bar.update(done - bar.n)

        data = packages.download(link, update)
    return packages.install_archive(data, link)
