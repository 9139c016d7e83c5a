"""WCAG 2.2 AA in a real browser: axe-core on every page type, at a phone's and a laptop's width.

axe-core is vendored under tests/browser/vendor/axe-core/ (MPL-2.0, its licence beside it)
so the check needs no network. A page passes when axe finds no critical or serious
violation and nothing scrolls sideways.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
from playwright import sync_api as playwright_api

from tests.browser.conftest import CHROMIUM, LAUNCH_ARGS

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
WIDTHS = (390, 1280)
QUERY = (
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    "SELECT ?authority ?name ?from WHERE {\n"
    "  ?authority rdfs:label ?name ; <def/lacs#inForceFrom> ?from .\n"
    "} ORDER BY ?name LIMIT 5"
)
PAGES = {
    "home": "",
    "authority": "id/authority/E08000025",
    "abolished authority": "id/authority/E10000021",
    "inspection": "id/inspection/E08000025/sif/2016-11-25",
    "report quote": "id/inspection/E08000025/sif/2016-11-25/quote/1",
    "clause": "id/guidance/sif-annex-a/clause/2.05",
    "guidance document": "id/guidance/ofsted-ehe-advice-2015",
    "source document": "id/document/edyourself-childrens-social-care-ofsted-2019",
    "document quote": "id/document/edyourself-childrens-social-care-ofsted-2019/quote/1",
    "incoming page": "doc/guidance/sif-annex-a/clause/2.05/incoming?property=lacs:governedBy&page=2",
    "authorities by region": "authorities?region=west-midlands",
    "inspections by grade": "inspections?grade=inadequate",
    "inspections with grades by year": "inspections",
    "guidance list": "guidance",
    "quotes by topic": "quotes?topic=elective-home-education",
    "search": "search?q=home+education",
    "editor with results": "sparql?query=" + quote(QUERY),
    "downloads": "dumps/",
    "dataset": "doc/dataset",
    "ontology": "def/lacs",
    "concept scheme": "def/judgement",
    "concept": "def/judgement/inadequate",
    "shapes": "def/shapes",
    "not found": "id/authority/E99999999",
    "not acceptable": "doc/authority/E08000025",
}


def axe_problems(page: playwright_api.Page) -> list[str]:
    """Critical and serious axe violations on the page, one line each."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async () => {
          const r = await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']},
            resultTypes: ['violations'],
          });
          return r.violations.filter(v => v.impact === 'critical' || v.impact === 'serious')
            .map(v => v.impact + ' ' + v.id + ': ' + v.nodes.slice(0, 3)
              .map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '').split('\\n')[1])
              .join(' | '));
        }"""
    )
    return list(result)


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_type_passes_axe_and_fits_its_width(served: str, width: int) -> None:
    if not AXE.is_file():
        pytest.fail(f"axe-core is missing: expected {AXE}")
    failures: dict[str, list[str]] = {}
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": 900}, bypass_csp=True)
            for name, path in PAGES.items():
                if name == "not acceptable":  # the last page: asked for as a picture
                    page.set_extra_http_headers({"Accept": "image/png"})
                page.goto(served + path, wait_until="load")
                if name == "editor with results":
                    page.locator(".yasr table tbody tr").first.wait_for(timeout=15_000)
                problems = axe_problems(page)
                scroll = page.evaluate("() => document.documentElement.scrollWidth")
                if scroll > width:
                    problems.append(f"scrolls sideways: {scroll}px wide at {width}px")
                if problems:
                    failures[name] = problems
        finally:
            browser.close()
    assert failures == {}, "\n".join(f"{k}: {v}" for k, v in failures.items())
