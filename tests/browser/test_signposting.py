"""A real browser finds the pages' Signposting links and reads their JSON-LD as JSON."""

from __future__ import annotations

from playwright import sync_api as playwright_api

from tests.browser.conftest import CHROMIUM, LAUNCH_ARGS

READ_HEAD = """() => ({
  links: [...document.querySelectorAll('head link[rel]')].map(l => [l.rel, l.href, l.type]),
  scripts: [...document.querySelectorAll('script[type="application/ld+json"]')]
    .map(s => JSON.parse(s.textContent)),
  after: document.querySelector('main') !== null,
})"""


def test_pages_carry_signposts_and_json_ld_the_browser_can_read(served: str) -> None:
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        try:
            page = browser.new_page()
            page.goto(served + "doc/authority/E08000025.html")
            head = page.evaluate(READ_HEAD)
            rels = {rel: href for rel, href, _ in head["links"]}
            assert rels["cite-as"] == served + "id/authority/E08000025"
            assert rels["collection"] == served + "id/dataset"
            assert "license" in rels and "linkset" in rels
            assert head["scripts"] and "@context" in head["scripts"][0]
            assert head["after"], "the JSON-LD ended the document early"

            page.goto(served)
            head = page.evaluate(READ_HEAD)
            types = [s.get("@type") for s in head["scripts"]]
            assert "Dataset" in types
            dataset = head["scripts"][types.index("Dataset")]
            assert dataset["distribution"][0]["contentUrl"].startswith(served + "dumps/")
            assert dataset["spatialCoverage"]["name"] == "England"
        finally:
            browser.close()
