"""Argos Translate packages: where they live, checking, installing, listing.

Compatible with the Argos ecosystem: the same ``.argosmodel`` zip (one top
folder holding ``metadata.json``, ``model/`` and ``sentencepiece.model``), the
same packages folder, the same public package index.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import urllib.error
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from foundation.errors import UserError
from foundation.files import read_bytes, remove_orphans, temporary_path

DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"


def packages_dir() -> Path:
    """``ARGOS_PACKAGES_DIR``, else ``$XDG_DATA_HOME/argos-translate/packages``."""
    if os.environ.get("ARGOS_PACKAGES_DIR"):
        return Path(os.environ["ARGOS_PACKAGES_DIR"])
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "argos-translate" / "packages"


def index_url() -> str:
    """The package index: ``ARGOS_PACKAGE_INDEX`` (a base URL, as for argospm) or a .json URL."""
    base = os.environ.get("ARGOS_PACKAGE_INDEX", DEFAULT_INDEX)
    return base if base.endswith(".json") else base.rstrip("/") + "/index.json"


@dataclass(frozen=True)
class Package:
    path: Path
    from_code: str
    to_code: str
    version: str
    name: str

    @property
    def model_dir(self) -> Path:
        return self.path / "model"

    @property
    def sentencepiece(self) -> Path:
        return self.path / "sentencepiece.model"


def read_package(path: Path) -> Package:
    """A package folder as installed; a one-line error says what is missing."""
    metadata_file = path / "metadata.json"
    try:
        metadata = json.loads(metadata_file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise UserError(f"not an Argos package: unreadable metadata.json ({error})", path)
    for required in ("from_code", "to_code"):
        if not isinstance(metadata.get(required), str):
            raise UserError(f"not an Argos package: metadata.json has no {required}", path)
    for part in ("model/model.bin", "sentencepiece.model"):
        if not (path / part).is_file():
            raise UserError(f"not an Argos package: {part} is missing", path)
    return Package(
        path,
        metadata["from_code"],
        metadata["to_code"],
        str(metadata.get("package_version", "?")),
        path.name,
    )


def installed_packages() -> list[Package]:
    root = packages_dir()
    if not root.is_dir():
        return []
    found = []
    for child in sorted(root.iterdir()):
        if child.is_dir() and (child / "metadata.json").is_file():
            try:
                found.append(read_package(child))
            except UserError:
                continue  # half-installed or foreign folder: not ours to judge here
    return found


def find_package(from_code: str, to_code: str, model: str | None = None) -> Package:
    """The package to translate with: ``model`` names a folder or a package, else the pair decides."""
    if model:
        candidate = Path(model)
        if candidate.is_dir():
            return read_package(candidate)
        for package in installed_packages():
            if package.name == model:
                return package
        raise UserError(f"no model {model!r}: not a package folder, nor installed in {packages_dir()}")
    matches = [p for p in installed_packages() if (p.from_code, p.to_code) == (from_code, to_code)]
    if not matches:
        raise UserError(
            f"no {from_code}→{to_code} model installed in {packages_dir()}: run "
            f"'translate models install {from_code}-{to_code}' (or '--file X.argosmodel'), "
            "or use '--engine none' to prepare files for human translation"
        )
    return max(matches, key=lambda p: _version_key(p.version))


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) if part.isdigit() else 0 for part in version.split("."))


def check_archive(data: bytes, label: str) -> tuple[str, dict]:
    """Check an ``.argosmodel`` zip; return its top folder and metadata, or say what is wrong."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = archive.namelist()
    except zipfile.BadZipFile:
        raise UserError("not a zip archive: an .argosmodel file is a zip", label)
    tops = {PurePosixPath(n).parts[0] for n in names if n.strip("/")}
    if len(tops) != 1:
        raise UserError(
            f"the zip must hold exactly one top folder, found {len(tops)}: {', '.join(sorted(tops)) or 'none'}", label
        )
    top = tops.pop()
    for name in names:
        parts = PurePosixPath(name).parts
        if name.startswith("/") or ".." in parts:
            raise UserError(f"unsafe path in the zip: {name}", label)
    if f"{top}/metadata.json" not in names:
        raise UserError(f"{top}/metadata.json is missing", label)
    try:
        metadata = json.loads(archive.read(f"{top}/metadata.json").decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        raise UserError(f"{top}/metadata.json is not valid JSON ({error})", label)
    missing = [key for key in ("from_code", "to_code") if not isinstance(metadata.get(key), str)]
    if missing:
        raise UserError(f"{top}/metadata.json lacks {' and '.join(missing)}", label)
    for part in ("model/model.bin", "sentencepiece.model"):
        if f"{top}/{part}" not in names:
            raise UserError(f"{top}/{part} is missing", label)
    bad = archive.testzip()
    if bad:
        raise UserError(f"corrupt zip: {bad} fails its checksum", label)
    return top, metadata


def install_archive(data: bytes, label: str) -> Package:
    """Check, then unpack into the packages folder; the old version is replaced only on success."""
    top, _ = check_archive(data, label)
    root = packages_dir()
    root.mkdir(parents=True, exist_ok=True)
    remove_orphans(root)  # what an install that was killed left behind
    staging = temporary_path(root / "installing")
    staging.mkdir()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            archive.extractall(staging)
        package = read_package(staging / top)
        _check_loads(package, label)
        target = root / top
        if target.exists():
            shutil.rmtree(target)
        os.replace(staging / top, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return read_package(target)


def _check_loads(package: Package, label: str) -> None:
    """Verify that the tokenizer and the CTranslate2 model actually load."""
    import ctranslate2
    import sentencepiece

    try:
        sentencepiece.SentencePieceProcessor(model_file=str(package.sentencepiece))
    except (OSError, RuntimeError) as error:
        raise UserError(f"sentencepiece.model does not load ({error})", label)
    if not ctranslate2.contains_model(str(package.model_dir)):
        raise UserError("model/ is not a CTranslate2 model", label)


def install_file(path: Path) -> Package:
    return install_archive(read_bytes(Path(path)), str(path))


def fetch_index(url: str | None = None, timeout: float = 30) -> list[dict]:
    url = url or index_url()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return json.loads(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError) as error:
        raise UserError(_offline_message(url, error))
    except ValueError as error:
        raise UserError(f"the package index at {url} is not valid JSON ({error})")


def _offline_message(url: str, error: Exception) -> str:
    reason = getattr(error, "reason", error)
    return (
        f"cannot reach the package index {url} ({reason}); offline, download the "
        ".argosmodel file elsewhere and run 'translate models install --file FILE'"
    )


def download(url: str, progress, timeout: float = 60) -> bytes:
    """Download with a progress callback ``progress(done, total)``."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            total = int(response.headers.get("Content-Length") or 0)
            chunks, done = [], 0
            while chunk := response.read(1 << 16):
                chunks.append(chunk)
                done += len(chunk)
                progress(done, total)
            return b"".join(chunks)
    except (urllib.error.URLError, OSError) as error:
        raise UserError(_offline_message(url, error))


def index_link(pair: str) -> str:
    """The download link of the newest package for a pair (``zh-en``) in the index."""
    from_code, _, to_code = pair.replace("_", "-").partition("-")
    if not from_code or not to_code:
        raise UserError(f"a language pair looks like zh-en, not {pair!r}")
    entries = [
        e
        for e in fetch_index()
        if isinstance(e, dict) and e.get("from_code") == from_code and e.get("to_code") == to_code and e.get("links")
    ]
    if not entries:
        raise UserError(f"the package index has no {from_code}→{to_code} package")
    return max(entries, key=lambda e: _version_key(str(e.get("package_version", "0"))))["links"][0]
