"""The URI scheme parses what it mints, visits named by their first day on site included."""

from __future__ import annotations

from lacs_ld import uris


def test_a_visit_named_by_its_first_day_on_site_is_an_inspection_and_has_quotes() -> None:
    path = uris.inspection("E06000002", "monitoring-visit", "visited-2022-03-29")
    thing = uris.parse(path)
    assert thing is not None and thing.kind == "inspection"
    assert thing.part("date") == "visited-2022-03-29"
    quote = uris.parse(f"{path}/quote/1")
    assert quote is not None and quote.kind == "inspection-quote"


def test_a_date_with_another_prefix_is_not_an_inspection() -> None:
    assert uris.parse("inspection/E06000002/monitoring-visit/seen-2022-03-29") is None
