"""A real browser reads the inspections list: visits are dated and sorted with inspections."""

from __future__ import annotations

import re

from playwright import sync_api as playwright_api

from tests.browser.conftest import CHROMIUM, LAUNCH_ARGS


def test_a_visit_row_shows_its_first_day_on_site_under_published(served: str) -> None:
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        try:
            page = browser.new_page()
            page.goto(served + "inspections?framework=focused-visit&sort=newest")
            rows = page.locator("table tbody tr")
            assert rows.count() > 0, "no focused visits listed"
            cells = [rows.nth(n).locator("td[data-label='Published']") for n in range(rows.count())]
            texts = [cell.inner_text().strip() for cell in cells]
            assert all(re.fullmatch(r"(on site )?[0-9]{4}-[0-9]{2}-[0-9]{2}", t) for t in texts)
            assert any(t.startswith("on site ") for t in texts), texts
            days = [t.removeprefix("on site ") for t in texts]
            assert days == sorted(days, reverse=True)
        finally:
            browser.close()


def test_a_year_of_inspections_interleaves_visits_by_their_day_on_site(served: str) -> None:
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        try:
            page = browser.new_page()
            page.goto(served + "inspections?year=2024&sort=oldest")
            texts = page.locator("table tbody td[data-label='Published']").all_inner_texts()
            assert texts and all(texts), "a row of the first page has no date"
            visits = [n for n, t in enumerate(texts) if t.startswith("on site ")]
            assert visits and len(visits) < len(texts), texts
            days = [t.strip().removeprefix("on site ") for t in texts]
            assert days == sorted(days)
        finally:
            browser.close()
