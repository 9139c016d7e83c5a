"""A real browser: search, narrow by region and year, open a quote, reach its clause."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright import sync_api as playwright_api

CHROMIUM = Path("/usr/bin/chromium")


def test_search_filter_open_quote_and_reach_its_clause(served: str) -> None:
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=["--no-sandbox", "--disable-background-networking", "--disable-gpu"],
        )
        try:
            page = browser.new_page(viewport={"width": 390, "height": 844})  # a phone
            page.goto(served)
            page.get_by_label("Search authorities, inspections, guidance, clauses and quotes").fill(
                "home educated"
            )
            page.keyboard.press("Enter")
            page.wait_for_url(re.compile(r"/search\?q=home\+educated"))
            assert page.locator("mark").count() > 0

            # 2016: SIF reports, whose EHE quotes are governed by SIF Annex A and the 2015 note.
            page.select_option("#facet-year", "2016")
            page.get_by_role("button", name="Apply filters").click()
            page.wait_for_url(re.compile("year=2016"))
            region = page.locator("#facet-region option").nth(1).get_attribute("value")
            assert region
            page.select_option("#facet-region", region)
            page.get_by_role("button", name="Apply filters").click()
            page.wait_for_url(re.compile(f"region={region}"))

            quote = page.locator(".hit-quote h3 a").first
            href = quote.get_attribute("href") or ""
            assert re.search(r"/lacs/id/(inspection|document)/.+/quote/[0-9]+$", href), href
            assert page.locator(".hit-quote .snippet mark").count() > 0

            hrefs = [
                h
                for h in page.locator(".hit-quote h3 a").evaluate_all(
                    "links => links.map(a => a.getAttribute('href'))"
                )
                if h
            ]
            for candidate in hrefs:  # the first quote here that names a governing clause
                response = page.goto(candidate)
                if response is None or response.status != 200:
                    status = response.status if response else "nothing"
                    pytest.fail(f"{candidate} answered {status}")
                clause = page.locator("a[href*='/id/guidance/'][href*='/clause/']").first
                if clause.count():
                    break
            else:
                pytest.fail("no quote on this results page names a governing clause")
            clause.click()
            page.wait_for_load_state()
            assert "/guidance/" in page.url and "clause" in page.url
        finally:
            browser.close()
