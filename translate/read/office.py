"""Older word-processor formats (.doc, .odt, .rtf) read through LibreOffice: converted headless to
.docx in a private folder, then read as a .docx.  Without LibreOffice they are refused in one line
that names the package to install."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from foundation.errors import UserError

OFFICE_SUFFIXES = (".doc", ".odt", ".rtf")
CONVERSION_SECONDS = 120
PACKAGE = "libreoffice-writer-nogui"


def office_to_docx(data: bytes, path: Path) -> bytes:
    """The .docx LibreOffice makes of ``data`` (the bytes of ``path``, already read within the limit).

    The input is copied under a fixed name into a fresh folder, so its own name never reaches a command
    line, and LibreOffice runs with a profile of its own (a user's open LibreOffice would take the job).
    """
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise UserError(
            f"reading {path.suffix.lower()} files needs LibreOffice: sudo apt-get install {PACKAGE} "
            "(or save the report as .docx)",
            path,
        )
    with tempfile.TemporaryDirectory(prefix="zhen-office-") as folder:
        work = Path(folder)
        source = work / f"input{path.suffix.lower()}"
        source.write_bytes(data)
        command = [
            office,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(work / "out"),
            str(source),
        ]
        try:
            subprocess.run(
                command,
                capture_output=True,
                timeout=CONVERSION_SECONDS,
                check=False,
                env={**os.environ, "HOME": str(work)},
                stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired:
            raise UserError(f"LibreOffice took over {CONVERSION_SECONDS} s to convert it: not read", path)
        converted = work / "out" / "input.docx"
        if not converted.is_file():
            raise UserError(f"LibreOffice could not read it as a {path.suffix.lower()} file", path)
        return converted.read_bytes()
