"""Typed links and their three serialisations: a Link header, a linkset, HTML `<link>`s.

One list of links per resource is written as the `Link` header (RFC 8288), as a linkset
(RFC 9264 §4.1 `application/linkset`, §4.2 `application/linkset+json`) and, in HTML
pages, as `<link>` elements: the same links whichever way a client reads them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

LINKSET_JSON = "application/linkset+json"
LINKSET_TEXT = "application/linkset"


@dataclass(frozen=True)
class Link:
    """One typed link from the resource it is sent with."""

    href: str
    rel: str
    type: str | None = None

    def header(self, anchor: str | None = None) -> str:
        """As a link-value (RFC 8288 §3), with an anchor when it is listed elsewhere."""
        value = f'<{self.href}>; rel="{self.rel}"'
        if self.type:
            value += f'; type="{self.type}"'
        if anchor:
            value += f'; anchor="{anchor}"'
        return value


def header(links: list[Link]) -> str:
    """The `Link` header field value."""
    return ", ".join(link.header() for link in links)


def linkset_text(anchor: str, links: list[Link]) -> str:
    """RFC 9264 §4.1: link-values with their anchor, one per line."""
    return ",\n".join(link.header(anchor) for link in links) + "\n"


def linkset_json(anchor: str, links: list[Link]) -> str:
    """RFC 9264 §4.2: one context object, its relations in the order first sent."""
    context: dict[str, object] = {"anchor": anchor}
    for link in links:
        target: dict[str, str] = {"href": link.href}
        if link.type:
            target["type"] = link.type
        found = context.setdefault(link.rel, [])
        assert isinstance(found, list)
        found.append(target)
    return json.dumps({"linkset": [context]}, indent=2) + "\n"
