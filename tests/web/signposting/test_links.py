"""One list of links, three serialisations that say the same (RFC 8288, RFC 9264)."""

from __future__ import annotations

import json

from lacs_ld.web.signposting.links import Link, header, linkset_json, linkset_text

LINKS = [
    Link("https://example.test/id/x", "cite-as"),
    Link("https://example.test/doc/x.ttl", "describedby", "text/turtle"),
    Link("https://example.test/doc/x.jsonld", "describedby", "application/ld+json"),
]
ANCHOR = "https://example.test/doc/x"


def test_the_header_lists_each_link_with_its_type() -> None:
    assert header(LINKS) == (
        '<https://example.test/id/x>; rel="cite-as", '
        '<https://example.test/doc/x.ttl>; rel="describedby"; type="text/turtle", '
        '<https://example.test/doc/x.jsonld>; rel="describedby"; type="application/ld+json"'
    )


def test_the_json_linkset_groups_targets_by_relation_under_the_anchor() -> None:
    assert json.loads(linkset_json(ANCHOR, LINKS)) == {
        "linkset": [
            {
                "anchor": ANCHOR,
                "cite-as": [{"href": "https://example.test/id/x"}],
                "describedby": [
                    {"href": "https://example.test/doc/x.ttl", "type": "text/turtle"},
                    {"href": "https://example.test/doc/x.jsonld", "type": "application/ld+json"},
                ],
            }
        ]
    }


def test_the_text_linkset_gives_every_link_its_anchor() -> None:
    lines = linkset_text(ANCHOR, LINKS).splitlines()
    assert len(lines) == 3
    assert all(line.rstrip(",").endswith(f'; anchor="{ANCHOR}"') for line in lines)
