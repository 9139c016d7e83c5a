"""A real browser reads the inspections list: visits are dated and sorted with inspections."""

from __future__ import annotations

import re

from playwright import sync_api as playwright_api

from tests.browser.conftest import CHROMIUM, LAUNCH_ARGS

DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _dates(page: playwright_api.Page) -> list[tuple[str, str]]:
    """Each row's (Published, On site) cells, as the reader sees them."""
    published = page.locator("table tbody td[data-label='Published']").all_inner_texts()
    on_site = page.locator("table tbody td[data-label='On site']").all_inner_texts()
    assert len(published) == len(on_site), "a row lacks one of its date cells"
    return [(p.strip(), s.strip()) for p, s in zip(published, on_site, strict=True)]


def test_a_visit_row_shows_its_first_day_on_site_and_no_publication_date(served: str) -> None:
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        try:
            page = browser.new_page()
            page.goto(served + "inspections?framework=focused-visit&sort=newest")
            rows = _dates(page)
            assert rows, "no focused visits listed"
            assert all(DAY.fullmatch(s) for _, s in rows), rows
            assert any(not p for p, _ in rows), "every visit has a publication date"
            days = [p or s for p, s in rows]
            assert days == sorted(days, reverse=True)
        finally:
            browser.close()


def test_a_year_of_inspections_interleaves_visits_by_their_day_on_site(served: str) -> None:
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        try:
            page = browser.new_page()
            page.goto(served + "inspections?year=2024&sort=oldest")
            rows = _dates(page)
            assert rows and all(p or s for p, s in rows), "a row of the first page has no date"
            visits = [n for n, (p, _) in enumerate(rows) if not p]
            assert visits and len(visits) < len(rows), rows
            days = [p or s for p, s in rows]
            assert days == sorted(days)
        finally:
            browser.close()
