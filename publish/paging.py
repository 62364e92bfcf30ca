"""Whether a bilingual row fits on one page, so it can be kept unsplit.

Rows are kept whole (a reader sees a paragraph and its translation side by
side), except a row taller than a page: kept whole it would be cut off, so it
may break.  The estimate counts lines in a half-page column of A4.
"""

from __future__ import annotations

import math

from translate.document import Block

# A4 with 18 mm margins, a column of 84 mm, 10.5 pt text at 1.5 line height.
ZH_CHARS_PER_LINE = 22
EN_CHARS_PER_LINE = 48
LINES_PER_PAGE = 46


def estimated_lines(block: Block) -> int:
    zh = math.ceil(len(block.source) / ZH_CHARS_PER_LINE)
    en = math.ceil(len(block.target) / EN_CHARS_PER_LINE)
    return max(zh, en, 1)


def keep_together(block: Block) -> bool:
    return estimated_lines(block) <= LINES_PER_PAGE * 2 // 3
