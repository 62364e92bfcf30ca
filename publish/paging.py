"""Whether a bilingual row is short enough to be kept unsplit.

In the PDF, a short row (a quarter of a page or less) is kept whole, so a
reader sees a paragraph and its translation side by side.  A longer one may
break across pages, at least two lines on each side of the break: kept whole,
it would leave up to the height of the row blank at the foot of the page
before.  In the DOCX, which its reader may reflow, every row that fits on a
page is kept whole, as Word users expect of a table.  The
estimate counts lines in the columns of the page the stylesheet sets.
"""

from __future__ import annotations

import math

from publish.page import page
from translate.document import Block

# Average advance in em at the same font size: a Chinese character is 1; English in the Latin face
# (Liberation Serif) 0.40 over the official English of the 2024 report, spaces included, and 0.42
# with the room ragged line ends leave.
ZH_EM_PER_CHARACTER = 1.0
EN_EM_PER_CHARACTER = 0.42


def estimated_lines(block: Block, zh_share: float | None) -> int:
    """Lines of a row side by side (``zh_share``: the Chinese column's share of the width), or of the
    Chinese and English one after the other across the page (None)."""
    geometry = page()
    zh_mm, en_mm = geometry.columns_mm(zh_share) if zh_share else (geometry.text_width_mm,) * 2
    zh = math.ceil(len(block.source) / geometry.characters_per_line(zh_mm, ZH_EM_PER_CHARACTER))
    en = math.ceil(len(block.target) / geometry.characters_per_line(en_mm, EN_EM_PER_CHARACTER))
    return max(zh, en, 1) if zh_share else zh + en


def keep_together(block: Block, zh_share: float | None) -> bool:
    """For the PDF: short rows (or paragraph pairs) are never split."""
    return estimated_lines(block, zh_share) <= page().lines_per_page // 4


def fits_on_a_page(block: Block, zh_share: float) -> bool:
    """For the DOCX: a row that fits on a page below the repeated header row is not split (Word and
    LibreOffice let a row taller than that break, whatever it asks)."""
    return estimated_lines(block, zh_share) <= page().lines_per_page - 4
