"""Whether a bilingual row fits on one page, so it can be kept unsplit.

Rows are kept whole (a reader sees a paragraph and its translation side by
side), except a row taller than a page: kept whole it would be cut off, so it
may break.  The estimate counts lines in a column of the page the stylesheet sets.
"""

from __future__ import annotations

import math

from publish.page import page
from translate.document import Block

# Average widths in em: a Chinese character is one; Latin text in a serif runs about 0.47.
ZH_EM_PER_CHARACTER = 1.0
EN_EM_PER_CHARACTER = 0.47


def estimated_lines(block: Block) -> int:
    geometry = page()
    zh = math.ceil(len(block.source) / geometry.characters_per_line(ZH_EM_PER_CHARACTER))
    en = math.ceil(len(block.target) / geometry.characters_per_line(EN_EM_PER_CHARACTER))
    return max(zh, en, 1)


def keep_together(block: Block) -> bool:
    return estimated_lines(block) <= page().lines_per_page * 2 // 3
