"""``index.html`` for a folder of published documents, so the folder can go on a
website as it is: each document with its bilingual title, the date of its
translation, its page count, and links to its PDF and DOCX with their sizes.

Each run adds or replaces the documents it published in ``index.json`` beside
it (under a lock, so two runs into one folder keep both) and writes the page
again from that.  Entries whose files are gone are dropped.  The file is read
as untrusted input: a file name that is not a plain name in the folder is
ignored, and every text is escaped into the page.  A listing that cannot be
read at all is not overwritten but kept aside, and the run says so.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import quote

from foundation.files import exclusive, write_text_atomic
from publish.html import Markup, element, screen_head
from translate.document import Document

INDEX_NAME = "index.html"
LISTING_NAME = "index.json"
SET_ASIDE_NAME = "index.json.unreadable"
LOCK_TIMEOUT_SECONDS = 30.0
LINKED = ("pdf", "docx")
_STYLE = """
body { font-family: "Noto Serif CJK SC", "Liberation Serif", serif; max-width: 60rem; margin: 2rem auto;
       padding: 0 1rem; color: #111; line-height: 1.5; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 0.5rem 0.75rem 0.5rem 0; border-bottom: 1px solid #ddd; }
th { border-bottom: 2px solid #888; font-weight: bold; }
.en { color: #333; }
.meta { color: #555; white-space: nowrap; }
"""


@dataclass
class Listing:
    """One document in the index: its titles, the date of its translation, its pages, its files by format."""

    stem: str
    title: str
    english_title: str = ""
    translated: str = ""
    pages: int = 0
    files: dict[str, str] = field(default_factory=dict)


def listing_for(document: Document, written: list[Path], pages: int) -> Listing:
    files = {path.suffix.lstrip("."): path.name for path in written if path.suffix.lstrip(".") in LINKED}
    return Listing(document.stem, document.title, document.english_title, document.translated, pages, files)


def update_index(folder: Path, listings: list[Listing]) -> tuple[Path, str]:
    """Add or replace these documents in the folder's index and write its page again; the page, and a
    note for the summary line if the listing could not be read."""
    listing_path = folder / LISTING_NAME
    note = ""
    with exclusive(listing_path, "the index", LOCK_TIMEOUT_SECONDS):
        previous = _read(listing_path)
        if previous is None:  # not JSON, or not a list: someone's file, not ours to overwrite
            os.replace(listing_path, folder / SET_ASIDE_NAME)
            note = f"{LISTING_NAME} could not be read: kept as {SET_ASIDE_NAME}, the index starts again from this run"
        known = {listing.stem: listing for listing in previous or []}
        known.update((listing.stem, listing) for listing in listings)
        present = [listing for listing in known.values() if _present(folder, listing)]
        present.sort(key=lambda listing: (listing.translated, listing.stem), reverse=True)
        write_text_atomic(listing_path, json.dumps([asdict(x) for x in present], ensure_ascii=False, indent=1))
        write_text_atomic(folder / INDEX_NAME, render_index(folder, present))
    return folder / INDEX_NAME, note


def _read(path: Path) -> list[Listing] | None:
    """The listings a previous run left (none if there is no file; None if it cannot be read at all);
    an entry that is not a well-formed listing is left out, not trusted."""
    if not path.exists():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(data, list):
        return None
    listings = []
    for item in data:
        try:
            listing = Listing(**item)
        except TypeError:
            continue
        texts = (listing.stem, listing.title, listing.english_title, listing.translated)
        files_ok = isinstance(listing.files, dict) and all(
            isinstance(k, str) and isinstance(v, str) for k, v in listing.files.items()
        )
        if all(isinstance(t, str) for t in texts) and isinstance(listing.pages, int) and files_ok:
            listings.append(listing)
    return listings


def _present(folder: Path, listing: Listing) -> bool:
    """Whether the listing's files are plain names of files in the folder (and at least one is there)."""
    names = [name for fmt, name in listing.files.items() if fmt in LINKED]
    plain = all(name and Path(name).name == name and not name.startswith(".") for name in names)
    return plain and any((folder / name).is_file() for name in names)


def _size(path: Path) -> str:
    size = path.stat().st_size
    return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{max(1, round(size / 1000))} KB"


def render_index(folder: Path, listings: list[Listing]) -> str:
    rows = []
    for listing in listings:
        links: list[Markup] = []
        for fmt in LINKED:
            name = listing.files.get(fmt)
            if name and (folder / name).is_file():
                links.append(element("a", fmt.upper(), href=quote(name)))
                links.append(element("span", f" ({_size(folder / name)}) ", class_="meta"))
        titles = [element("div", listing.title, lang="zh")]
        if listing.english_title:
            titles.append(element("div", listing.english_title, class_="en", lang="en"))
        rows.append(
            element(
                "tr",
                element("td", *titles),
                element("td", listing.translated, class_="meta"),
                element("td", f"{listing.pages}" if listing.pages else "", class_="meta"),
                element("td", *links),
            )
        )
    heads = [element("th", text) for text in ("文件 Document", "翻译日期 Translated", "页数 Pages", "下载 Download")]
    head = screen_head("文件 Documents", _STYLE)
    table = element("table", element("thead", element("tr", *heads)), element("tbody", *rows))
    body = element("body", element("h1", "文件 Documents"), table)
    return "<!DOCTYPE html>\n" + element("html", head, body, lang="zh") + "\n"
