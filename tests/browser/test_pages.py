"""A real browser reads the entity pages: an authority, one of its inspections, and a quote."""

from __future__ import annotations

import re

from playwright import sync_api as playwright_api

from tests.browser.conftest import CHROMIUM, LAUNCH_ARGS


def test_authority_page_leads_to_an_inspection_and_its_quote(served: str) -> None:
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        try:
            page = browser.new_page()
            page.goto(served + "id/authority/E08000025")
            assert page.url.endswith("doc/authority/E08000025.html")
            assert "Birmingham" in page.locator("h1").inner_text()
            timeline = page.locator(".timeline")
            assert timeline.locator("li").count() > 5
            timeline.get_by_role(
                "link", name=re.compile("SIF re-inspection, published 25 November 2016")
            ).click()
            page.wait_for_url(re.compile(r"inspection/E08000025/sif/2016-11-25"))
            assert "Inadequate" in page.locator("main").inner_text()
            quote = page.locator("a[href*='/id/inspection/E08000025/sif/2016-11-25/quote/']").first
            quote.click()
            page.wait_for_url(re.compile(r"/quote/[0-9]+"))
            text = page.locator("blockquote.verbatim").inner_text()
            assert len(text) > 20
            assert page.get_by_role("link", name=re.compile("report", re.I)).count() > 0
        finally:
            browser.close()
