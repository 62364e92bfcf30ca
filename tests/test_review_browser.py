"""The review app in a real browser (Debian's Chromium through Playwright), as a reviewer uses it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from glossary.store import load_glossary
from review.app import create_app
from review.glossary_view import GlossaryView
from translate.evidence import Pair

from .review_server import serving
from .test_glossary import row, tsv

PAIRS = [
    Pair("扫黑除恶取得成效。", "The fight against organized crime paid off.", "p1"),
    Pair("深入开展扫黑除恶。", "We pressed on with the fight against organized crime.", "p2"),
    Pair("常态化开展扫黑除恶斗争。", "The fight against organized crime became regular.", "p3"),
]


@pytest.fixture
def glossary_file(tmp_path):
    return tsv(
        tmp_path,
        row("党工委", "Party Working Committee"),
        row("扫黑除恶", "campaign against organized crime", status="proposed", domain="safety"),
        row("放管服", "streamline administration", status="proposed", domain="government"),
        row("河长制", "river chief system", status="proposed", domain="environment"),
    )


@pytest.fixture
def url(glossary_file):
    app = create_app(glossary=GlossaryView(glossary_file, ["各街道党工委统一部署扫黑除恶专项斗争。"], PAIRS))
    with serving(app) as address:
        yield address


def stored(glossary_file, zh):
    return load_glossary(glossary_file).find(zh)


def open_entry(page, zh):
    page.click(f'#rows tr[data-zh="{zh}"] a.open')
    page.wait_for_selector(f'#panel article[data-zh="{zh}"]')


def test_a_queue_of_proposed_entries_by_keyboard(url, page_at, glossary_file):
    page = page_at(url)
    page.select_option("#status-filter", "proposed")
    expect(page.locator("#rows tr")).to_have_count(3)
    open_entry(page, "扫黑除恶")
    page.keyboard.press("a")  # approve, and on to the next
    page.wait_for_selector('#panel article[data-zh="放管服"]')
    assert stored(glossary_file, "扫黑除恶").status == "approved"
    page.keyboard.press("r")
    page.wait_for_selector('#panel article[data-zh="河长制"]')
    assert stored(glossary_file, "放管服").status == "rejected"
    page.keyboard.press("k")  # back
    page.wait_for_selector('#panel article[data-zh="放管服"]')
    assert "rejected" in page.inner_text('#rows tr[data-zh="放管服"]')


def test_inline_edit_saved_with_ctrl_s(url, page_at, glossary_file):
    page = page_at(url)
    open_entry(page, "党工委")
    page.keyboard.press("e")
    assert page.evaluate("document.activeElement.id") == "f-en"
    page.fill("#f-en", "Party Work Committee")
    page.fill("#f-note", "GWR 2024 wording")
    page.keyboard.press("Control+s")
    page.wait_for_selector("#status.ok")
    assert stored(glossary_file, "党工委").en == "Party Work Committee"
    assert stored(glossary_file, "党工委").note == "GWR 2024 wording"
    assert "Party Work Committee" in page.inner_text('#rows tr[data-zh="党工委"]')
    assert "en: Party Working Committee → Party Work Committee" in page.inner_text("#panel .history")


def test_a_rendering_admitted_from_the_evidence(url, page_at, glossary_file):
    page = page_at(url)
    open_entry(page, "扫黑除恶")
    assert "3 occurrences" in page.inner_text("#panel")
    page.click('button[data-admit="fight against organized crime"]')
    page.wait_for_selector("#status.ok")
    assert stored(glossary_file, "扫黑除恶").admitted == ["fight against organized crime"]
    assert page.input_value("#f-admitted") == "fight against organized crime"
    # now the admitted rendering stands at all three occurrences and the preferred at none: one click
    # makes it preferred, the old preferred admitted
    page.click('button[data-prefer="fight against organized crime"]')
    expect(page.locator("#status")).to_have_text("Preferred “fight against organized crime”")
    entry = stored(glossary_file, "扫黑除恶")
    assert (entry.en, entry.admitted) == ("fight against organized crime", ["campaign against organized crime"])
    assert page.input_value("#f-en") == "fight against organized crime"
    expect(page.locator("p.suggestion")).to_have_count(0)


def test_two_tabs_saving_the_same_entry(url, page_at, glossary_file):
    first, second = page_at(url), page_at(url)
    for page in (first, second):
        open_entry(page, "党工委")
    first.fill("#f-en", "Party Work Committee")
    first.keyboard.press("Control+s")
    first.wait_for_selector("#status.ok")
    second.fill("#f-en", "Working Committee of the Party")
    second.click("form.entry-form button[type=submit]")
    second.wait_for_selector("#status.error")
    assert "changed elsewhere" in second.inner_text("#status")
    assert second.input_value("#f-en") == "Party Work Committee"  # the current text is shown
    assert "Working Committee of the Party" in second.inner_text("#panel .attempted")  # and the edit kept in view
    assert second.locator("#panel .attempted li").all_inner_texts() == ["en: Working Committee of the Party"]
    assert stored(glossary_file, "党工委").en == "Party Work Committee"


def test_unsaved_edits_are_not_lost_by_opening_another_entry(url, page_at, glossary_file):
    page = page_at(url)
    open_entry(page, "党工委")
    page.fill("#f-en", "an edit not saved yet")
    messages = []
    page.once("dialog", lambda dialog: (messages.append(dialog.message), dialog.dismiss()))
    page.click('#rows tr[data-zh="河长制"] a.open')
    page.wait_for_timeout(300)
    assert messages and "unsaved" in messages[0]
    assert page.input_value("#f-en") == "an edit not saved yet"
    assert stored(glossary_file, "党工委").en == "Party Working Committee"


@pytest.mark.parametrize("width", [1280, 600])
def test_the_page_fits_the_window(url, page_at, width, tmp_path):
    page = page_at(url, width=width)
    open_entry(page, "扫黑除恶")
    page.screenshot(path=str(tmp_path / f"glossary-{width}.png"))
    assert page.evaluate("document.scrollingElement.scrollWidth") <= width


@pytest.fixture
def translation_url(run, tmp_path, glossary_file):
    from review.translation_view import TranslationView
    from translate.memory import memory_at

    report = tmp_path / "report.txt"
    report.write_text("街道党工委召开会议。\n\n全年新增就业1200人，完成目标。\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run(
        "translate", str(report), "--engine", "none", "--out", str(out), "--no-tm", "--glossary", str(glossary_file)
    )
    assert result.code == 0, result.err
    view = TranslationView(out / "report.zh-en.xlf", glossary_file, memory_at(tmp_path / "tm.sqlite"))
    with serving(create_app(glossary=GlossaryView(glossary_file), translations=[view])) as address:
        yield address, out


def test_post_edit_see_qa_update_and_publish(translation_url, page_at):
    from translate.bitext import read_xliff

    url, out = translation_url
    xliff, pdf = out / "report.zh-en.xlf", out / "report.zh-en.pdf"
    published_before = pdf.stat().st_mtime_ns
    page = page_at(url)
    first = page.locator("#segments tr.segment").first
    first.locator("textarea").fill("The subdistrict committee met.")
    first.locator("button[data-save]").click()
    expect(page.locator("#segments tr.segment").first.locator(".issues")).to_contain_text("missing-term")
    first = page.locator("#segments tr.segment").first
    first.locator("textarea").fill("The subdistrict Party Working Committee met.")
    first.locator("textarea").press("Control+Enter")  # saved as final
    expect(page.locator("#status")).to_contain_text("QA clean")
    expect(page.locator("#segments tr.segment").first.locator(".issues")).to_have_count(0)
    marked = page.locator("#segments tr.segment").first.locator(".english .backdrop mark")
    expect(marked).to_have_text(["Party Working Committee"])  # the term marked in the English column
    segment = read_xliff(xliff).segments[0]
    assert segment.target == "The subdistrict Party Working Committee met." and segment.state == "final"
    page.click("#publish")
    expect(page.locator("#published a")).to_have_count(2, timeout=60_000)
    assert pdf.stat().st_mtime_ns > published_before
    with page.expect_download() as download:
        page.click("#published a[href$='/docx']")
    assert download.value.suggested_filename == "report.zh-en.docx"


def test_the_same_segment_saved_from_two_pages(translation_url, page_at):
    url, out = translation_url
    first, second = page_at(url), page_at(url)
    first.locator("#segments textarea").first.fill("The Party Working Committee met.")
    first.locator("#segments button[data-save]").first.click()
    expect(first.locator("#status")).to_contain_text("Saved")
    second.locator("#segments textarea").first.fill("A different English.")
    second.locator("#segments button[data-save]").first.click()
    expect(second.locator("#status")).to_contain_text("changed elsewhere")
    assert second.locator("#segments textarea").first.input_value() == "The Party Working Committee met."
    expect(second.locator("#segments .attempted")).to_contain_text("A different English.")


def test_a_term_proposed_from_a_selection(translation_url, page_at, glossary_file):
    url, _ = translation_url
    page = page_at(url)
    source = page.locator("#segments td.source").nth(1)
    source.select_text()
    page.evaluate("null")  # let selectionchange run
    page.wait_for_timeout(100)
    assert page.input_value("#propose-zh").startswith("全年新增就业")
    page.fill("#propose-zh", "新增就业")
    page.fill("#propose-en", "new jobs")
    page.click("#propose button[type=submit]")
    expect(page.locator("#status")).to_contain_text("Proposed for the glossary")
    assert stored(glossary_file, "新增就业").status == "proposed"


def test_the_translation_page_fits_the_window(translation_url, page_at, tmp_path):
    url, _ = translation_url
    for width in (1280, 600):
        page = page_at(url, width=width)
        page.wait_for_selector("#segments tr.segment")
        page.screenshot(path=str(tmp_path / f"translation-{width}.png"))
        assert page.evaluate("document.scrollingElement.scrollWidth") <= width


def test_leaving_with_unsaved_edits_asks_first(translation_url, page_at):
    url, _ = translation_url
    page = page_at(url)
    page.locator("#segments textarea").first.fill("An edit not saved yet.")
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    page.click("nav a[href='/glossary']")
    page.wait_for_timeout(500)
    assert asked == ["beforeunload"]
    assert page.url.endswith("/translation/1")
    assert page.locator("#segments textarea").first.input_value() == "An edit not saved yet."


def _paste(row, text_js: str) -> None:
    """Put text into a segment's English as a paste does (a lone surrogate cannot travel through Playwright's
    own JSON, so the text is made in the page), then say so to the page as typing would."""
    typed = "area.dispatchEvent(new Event('input', {bubbles: true}))"
    row.locator("textarea").evaluate(f"area => {{ area.value = {text_js}; {typed} }}")


def test_pasted_control_characters_leave_a_file_every_command_reads(translation_url, page_at, run, tmp_path):
    from translate.bitext import read_xliff

    url, out = translation_url
    xliff = out / "report.zh-en.xlf"
    page = page_at(url)
    first = page.locator("#segments tr.segment").first
    # Word's manual line break (U+000B) has a plain meaning: it is saved as a line break.
    _paste(first, "'The Party Working Committee' + String.fromCharCode(11) + 'met.'")
    first.locator("button[data-save]").click()
    expect(page.locator("#status")).to_contain_text("Saved")
    assert read_xliff(xliff).segments[0].target == "The Party Working Committee\nmet."
    saved = xliff.read_bytes()
    second = page.locator("#segments tr.segment").nth(1)
    for pasted, said in (
        ("'Employment ' + String.fromCharCode(1) + 'rose.'", "U+0001 (a control character) at character 12"),
        ("'Employment rose' + String.fromCharCode(0xD800)", "U+D800 (a lone surrogate) at character 16"),
    ):
        _paste(second, pasted)
        second.locator("button[data-save]").click()
        expect(page.locator("#status")).to_contain_text(f"Not saved: the translation holds {said}")
        assert xliff.read_bytes() == saved  # refused before the file was touched
        assert "Employment" in second.locator("textarea").input_value()  # the reviewer's text is still there
    for command in (
        ("publish", str(xliff), "--out", str(tmp_path / "again")),
        ("translate", "qa", str(xliff)),
        ("translate", "import", str(xliff), "--tm", str(tmp_path / "tm.sqlite")),
    ):
        result = run(*command)
        assert result.code in (0, 1), (command, result.err)  # 1: qa found findings, which is no failure to read
        assert "not well-formed" not in result.err


def test_a_word_that_excludes_proposed_by_the_evidence_is_added_and_saved(tmp_path, page_at):
    glossary_file = tsv(tmp_path, row("办事处", "subdistrict office", domain="government"))
    pairs = [
        Pair("驻上海办事处开展工作。", "The Shanghai representative office worked.", "p1", 2023),
        Pair("驻广州办事处成立。", "The Guangzhou office was opened.", "p2", 2023),
        Pair("街道办事处开展走访。", "The subdistrict office visited residents.", "p3", 2023),
        Pair("办事处组织培训。", "The subdistrict office organised training.", "p4", 2023),
    ]
    app = create_app(glossary=GlossaryView(glossary_file, [], pairs))
    with serving(app) as address:
        page = page_at(address)
        open_entry(page, "办事处")
        assert "Words near it (+ selects, - excludes)" in page.inner_text("#panel form")
        expect(page.locator("ul.proposals")).to_contain_text("-驻")
        page.click('button[data-propose-field="context"]')
        assert page.input_value("#f-context") == "-驻"
        page.keyboard.press("Control+s")
        page.wait_for_selector("#status.ok")
        assert stored(glossary_file, "办事处").context == ["-驻"]
        assert "context: ∅ → -驻" in page.inner_text("#panel .history")


def test_the_translation_page_says_what_qa_reads_the_document_as(run, tmp_path, glossary_file, page_at):
    from review.translation_view import TranslationView
    from translate.memory import memory_at

    report = tmp_path / "district-report-2019.txt"
    report.write_text("全区上下在区委领导下，街道社区共同发力。\n\n我区新增就业1200人。\n", encoding="utf-8")
    out = tmp_path / "out"
    args = (
        "translate",
        str(report),
        "--engine",
        "none",
        "--out",
        str(out),
        "--no-tm",
        "--glossary",
        str(glossary_file),
    )
    assert run(*args).code == 0
    view = TranslationView(out / "district-report-2019.zh-en.xlf", glossary_file, memory_at(tmp_path / "tm"))
    with serving(create_app(glossary=GlossaryView(glossary_file), translations=[view])) as address:
        page = page_at(address)
        expect(page.locator(".read-as")).to_contain_text(
            "QA reads it as: year 2019 (from its title or name), a local-government text (from its words)"
        )
