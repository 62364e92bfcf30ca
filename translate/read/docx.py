"""Word reports: body paragraphs, with headings from their styles.

The zip's directory is checked before anything is inflated, so a small file
that would inflate to gigabytes is refused in one line.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from glossary.errors import UserError
from glossary.files import MB
from translate.document import RawBlock

# What the parts of a .docx (XML, images) may inflate to, as a multiple of the input limit.
DOCX_INFLATION = 20


def _check_inflated_size(data: bytes, path: Path, limit: int) -> None:
    """Refuse a .docx whose parts would inflate beyond ``limit``, from the zip's directory alone.

    The sizes in the directory can be trusted for this: zipfile never inflates
    a member beyond the size its header states (a lying member fails its CRC).
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            inflated = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, ValueError) as error:
        raise UserError(f"not a readable .docx file ({error})", path)
    if inflated > limit:
        raise UserError(
            f"the parts of this .docx inflate to {inflated / MB:,.0f} MB, over the limit of {limit / MB:,.0f} MB "
            f"({DOCX_INFLATION} x --max-input-mb)",
            path,
        )


def docx_blocks(data: bytes, path: Path, max_input_bytes: int) -> list[RawBlock]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    _check_inflated_size(data, path, DOCX_INFLATION * max_input_bytes)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise UserError(f"not a readable .docx file ({error})", path)
    except XMLSyntaxError as error:
        raise UserError(f"not a readable .docx file: malformed XML inside ({error.msg})", path)
    blocks: list[RawBlock] = []
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        if not text:
            continue
        style = paragraph.style.name if paragraph.style is not None else ""
        blocks.append(RawBlock.at_level(text, _docx_heading_level(style)))
    return blocks


def _docx_heading_level(style: str) -> int | None:
    if style == "Title":
        return 1
    match = re.fullmatch(r"Heading (\d)", style)
    return int(match.group(1)) if match else None
