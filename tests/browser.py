"""Debian's Chromium, driven by Playwright (``playwright install`` cannot download a browser here)."""

from __future__ import annotations

import shutil

import pytest

CHROMIUM = "/usr/bin/chromium"
# Quiet flags: without them Chromium reaches for Google's services at start, which this network refuses.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert shutil.which(CHROMIUM), "Debian's chromium is missing: `make setup` installs it"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page_at(browser):
    """A new tab at 1280×800 in the test's one browser (its cookies shared, as a reviewer's tabs share
    them: the one-time token opens the session once), closed after the test; page errors fail the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    errors: list[str] = []

    def open_page(url: str, width: int = 1280, height: int = 800):
        page = context.new_page()
        page.set_viewport_size({"width": width, "height": height})
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(url)
        return page

    yield open_page
    context.close()
    assert not errors, errors
