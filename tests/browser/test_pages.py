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
            assert timeline.locator("tbody tr").count() > 5
            timeline.get_by_role("link", name=re.compile("^SIF re-inspection$")).click()
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


def test_quote_page_leads_to_its_governing_clause_and_its_words(served: str) -> None:
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        try:
            page = browser.new_page()
            page.goto(served + "id/inspection/E08000025/sif/2016-11-25/quote/12")
            assert page.url.endswith("/quote/12.html")
            governance = page.locator(".governance")
            assert "How this link was made" in governance.inner_text()
            clause = governance.locator("a[href*='/id/guidance/'][href*='/clause/']").first
            href = clause.get_attribute("href") or ""
            assert href.startswith(served + "id/guidance/"), href
            clause.click()
            page.wait_for_url(re.compile(r"/doc/guidance/.+/clause/.+\.html$"))
            text = page.locator("blockquote.verbatim").first.inner_text()
            assert "electively home educated" in text
            assert "Quotes it governs" in page.locator("main").inner_text()
            page.locator("main a[href*='/id/guidance/']:not([href*='/clause/'])").first.click()
            page.wait_for_url(re.compile(r"/doc/guidance/[a-z0-9-]+\.html$"))
            assert page.locator(".clause-list li").count() >= 2
        finally:
            browser.close()


def test_pages_fit_a_phone_screen(served: str) -> None:
    paths = [
        "id/authority/E08000025",
        "id/authority/E10000021",
        "id/inspection/E08000025/sif/2016-11-25",
        "id/inspection/E08000025/sif/2016-11-25/quote/1",
        "id/guidance/children-act-1989/clause/section-47",
        "id/guidance/ofsted-ehe-advice-2015",
        "def/lacs",
        "def/shapes",
    ]
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        try:
            page = browser.new_page(viewport={"width": 360, "height": 740})
            for path in paths:
                response = page.goto(served + path)
                assert response is not None and response.status == 200, path
                overflow = page.evaluate(
                    "() => [document.documentElement.scrollWidth, window.innerWidth]"
                )
                assert overflow[0] <= overflow[1], (path, overflow)
        finally:
            browser.close()
