"""The HTTP face of the services: one blueprint per resource family, registered in this order."""

BLUEPRINTS: tuple[str, ...] = (
    "trailing_slash",
    "health",
    "sparql",
    "browse",
    "search",
    "home",
    "dumps",
    "description",
    "resources",
    "vocabulary",
    "linkset",
    "sitemap",
    "wording",
)
