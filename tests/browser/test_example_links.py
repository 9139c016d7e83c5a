"""Example queries in a real browser: titles open the editor, "results" shows a page."""

from __future__ import annotations

from playwright import sync_api as playwright_api

from lacs_ld.queries import examples
from tests.browser.conftest import CHROMIUM, LAUNCH_ARGS


def test_example_titles_open_the_editor_and_results_links_show_a_page(served: str) -> None:
    example = examples()[0]
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        try:
            page = browser.new_page()
            downloads: list[str] = []
            page.on("download", lambda d: downloads.append(d.suggested_filename))
            for start in (served, served + "sparql"):
                page.goto(start)
                page.get_by_role("link", name=example.title, exact=True).click()
                page.wait_for_url(f"{served}sparql?query=*")
                page.locator(".CodeMirror").first.wait_for()
                shown = page.locator(".CodeMirror").first.inner_text()
                assert "inadequate" in shown
                page.goto(start)
                page.locator(f"a[href='{served}query/{example.slug}']").first.click()
                page.wait_for_url(f"{served}query/{example.slug}")
                assert page.locator("h1").inner_text() == example.title
                assert page.locator("table tbody tr").count() == example.expected_rows
            assert downloads == []
            phone = browser.new_page(viewport={"width": 360, "height": 740})
            phone.goto(f"{served}query/{example.slug}")
            widths = phone.evaluate("() => [document.documentElement.scrollWidth, innerWidth]")
            assert widths[0] <= widths[1], widths
        finally:
            browser.close()
