"""The query editor in a real browser: example tabs, running a query, a shareable URL."""

from __future__ import annotations

import re
from urllib.parse import quote

from playwright import sync_api as playwright_api

from lacs_ld.queries import examples
from tests.browser.conftest import CHROMIUM, LAUNCH_ARGS


def test_editor_runs_queries_same_origin_and_shares_them_by_url(served: str) -> None:
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        try:
            page = browser.new_page()
            errors: list[str] = []
            elsewhere: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.on(
                "request",
                lambda r: None if r.url.startswith(served) else elsewhere.append(r.url),
            )
            page.goto(served + "sparql")
            tabs = page.locator(".tabsList .tab")
            tabs.first.wait_for()
            assert tabs.count() == 1 + len(examples())
            page.locator(".yasqe_queryButton").first.click()
            rows = page.locator(".yasr table tbody tr")
            rows.first.wait_for(timeout=15_000)
            assert rows.count() >= 1
            assert "?query=" in page.url
            local = page.locator(f".yasr a[href^='{served}id/authority/']")
            assert local.count() >= 1

            query = "SELECT ?name WHERE { <id/authority/E08000025> <http://www.w3.org/2000/01/rdf-schema#label> ?name }"
            page.goto(served + "sparql?query=" + quote(query))
            page.locator(".yasr table tbody tr").first.wait_for(timeout=15_000)
            assert re.search("Birmingham", page.locator(".yasr").inner_text())
            assert errors == []
            assert elsewhere == []
        finally:
            browser.close()
