"""Dereferencing things over HTTP: the 303 pattern, five formats, validators and errors."""

from __future__ import annotations

import rdflib
from flask.testing import FlaskClient
from rdflib import URIRef
from rdflib.namespace import DCTERMS, FOAF, RDFS

from lacs_ld.formats import DOCUMENT_FORMATS
from tests.conftest import TEST_BASE

BIRMINGHAM = "authority/E08000025"
THING = TEST_BASE + "id/" + BIRMINGHAM
DOC = TEST_BASE + "doc/" + BIRMINGHAM
HYDRA = rdflib.Namespace("http://www.w3.org/ns/hydra/core#")
LACS = rdflib.Namespace(TEST_BASE + "def/lacs#")
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
RDF_FORMATS = {"ttl": "turtle", "nt": "nt", "rdf": "xml", "jsonld": "json-ld"}


def parse(body: bytes, fmt: str) -> rdflib.Graph:
    return rdflib.Graph().parse(data=body, format=fmt, publicID=TEST_BASE)


def test_thing_uri_answers_303_to_turtle_when_nothing_is_asked(client: FlaskClient) -> None:
    response = client.get("/lacs/id/" + BIRMINGHAM)
    assert response.status_code == 303
    assert response.headers["Location"] == DOC + ".ttl"
    assert "Accept" in response.headers["Vary"]


def test_thing_uri_sends_browsers_to_the_html_page(client: FlaskClient) -> None:
    response = client.get("/lacs/id/" + BIRMINGHAM, headers={"Accept": BROWSER})
    assert response.status_code == 303
    assert response.headers["Location"] == DOC + ".html"


def test_thing_uri_honours_rdf_accept(client: FlaskClient) -> None:
    response = client.get("/lacs/id/" + BIRMINGHAM, headers={"Accept": "application/ld+json"})
    assert response.headers["Location"] == DOC + ".jsonld"


def test_every_rdf_format_describes_the_canonical_uri(client: FlaskClient) -> None:
    for ext, fmt in RDF_FORMATS.items():
        response = client.get(f"/lacs/doc/{BIRMINGHAM}.{ext}", headers={"Accept": "text/html"})
        assert response.status_code == 200, ext
        graph = parse(response.data, fmt)
        assert (URIRef(THING), RDFS.label, None) in graph, ext
        assert (URIRef(DOC), FOAF.primaryTopic, URIRef(THING)) in graph
        assert (URIRef(DOC), DCTERMS.license, None) in graph
        assert len(list(graph.objects(URIRef(DOC), DCTERMS.hasFormat))) == 5


def test_content_types_are_the_registered_ones(client: FlaskClient) -> None:
    for fmt in DOCUMENT_FORMATS:
        response = client.get(f"/lacs/doc/{BIRMINGHAM}.{fmt.extension}")
        assert response.headers["Content-Type"] == fmt.content_type
        assert response.mimetype == fmt.media_type


def test_negotiated_document_names_its_format_url(client: FlaskClient) -> None:
    response = client.get("/lacs/doc/" + BIRMINGHAM, headers={"Accept": "application/n-triples"})
    assert response.status_code == 200
    assert response.headers["Content-Location"] == DOC + ".nt"
    assert "Accept" in response.headers["Vary"]


def test_document_links_its_alternates_licence_and_citation(client: FlaskClient) -> None:
    link = client.get(f"/lacs/doc/{BIRMINGHAM}.ttl").headers["Link"]
    assert f'<{DOC}.jsonld>; rel="alternate"; type="application/ld+json"' in link
    assert f'<{THING}>; rel="cite-as"' in link
    assert f'<{DOC}.ttl>; rel="describedby"; type="text/turtle"' in link
    assert f'<{TEST_BASE}id/dataset>; rel="collection"' in link
    assert 'rel="license"' in link


def test_etag_and_last_modified_give_304(client: FlaskClient) -> None:
    first = client.get(f"/lacs/doc/{BIRMINGHAM}.ttl")
    etag = first.headers["ETag"]
    assert not etag.startswith("W/")
    assert first.headers["Last-Modified"]
    assert first.headers["Cache-Control"]
    again = client.get(f"/lacs/doc/{BIRMINGHAM}.ttl", headers={"If-None-Match": etag})
    assert again.status_code == 304
    since = client.get(
        f"/lacs/doc/{BIRMINGHAM}.ttl", headers={"If-Modified-Since": first.headers["Last-Modified"]}
    )
    assert since.status_code == 304


def test_head_answers_like_get_without_a_body(client: FlaskClient) -> None:
    get = client.get(f"/lacs/doc/{BIRMINGHAM}.ttl")
    head = client.head(f"/lacs/doc/{BIRMINGHAM}.ttl")
    assert head.status_code == 200
    assert head.data == b""
    assert head.headers["ETag"] == get.headers["ETag"]


def test_unsatisfiable_accept_lists_the_formats(client: FlaskClient) -> None:
    response = client.get("/lacs/doc/" + BIRMINGHAM, headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert (DOC + ".ttl").encode() in response.data
    assert (DOC + ".jsonld").encode() in response.data


def test_unknown_thing_is_404_with_a_search_link(client: FlaskClient) -> None:
    response = client.get("/lacs/id/authority/E08999999", headers={"Accept": "text/html"})
    assert response.status_code == 404
    assert b"search" in response.data
    assert client.get("/lacs/doc/authority/E08999999.ttl").status_code == 404


def test_lower_case_gss_redirects_permanently(client: FlaskClient) -> None:
    response = client.get("/lacs/id/authority/e08000025")
    assert response.status_code == 301
    assert response.headers["Location"] == THING


def test_bad_paths_get_precise_client_errors(client: FlaskClient) -> None:
    assert client.get(f"/lacs/doc/{BIRMINGHAM}.png").status_code == 404
    assert client.get("/lacs/id/authority/%2e%2e/%2e%2e/etc").status_code in (400, 404)
    assert client.get("/lacs/id/authority%2fE08000025").status_code in (400, 404)
    assert client.get("/lacs/id/authority/../authority/E08000025").status_code in (400, 404)
    assert client.get("/lacs/id/authority/%ff%fe").status_code == 400
    assert client.get("/lacs/id/" + "a/" * 400).status_code == 414
    assert client.get("/lacs/id/nonsense").status_code == 404


def test_abolished_authority_keeps_its_page_and_names_its_successor(client: FlaskClient) -> None:
    response = client.get("/lacs/doc/authority/E10000009.ttl")
    assert response.status_code == 200
    graph = parse(response.data, "turtle")
    successors = set(
        graph.objects(URIRef(TEST_BASE + "id/authority/E10000009"), DCTERMS.isReplacedBy)
    )
    assert successors
    html = client.get("/lacs/doc/authority/E10000009.html").data.decode()
    assert "Replaced by" in html


def test_sub_resources_are_documented_in_their_parent(client: FlaskClient) -> None:
    quote = "inspection/E06000001/ilacs/2018-08-28/quote/2"
    response = client.get(f"/lacs/id/{quote}/selector")
    assert response.status_code == 303
    assert response.headers["Location"] == f"{TEST_BASE}doc/{quote}.ttl#selector"
    graph = parse(client.get(f"/lacs/doc/{quote}.ttl").data, "turtle")
    selector = URIRef(f"{TEST_BASE}id/{quote}/selector")
    assert (selector, None, None) in graph
    assert (URIRef(f"{TEST_BASE}id/{quote}/link/1"), LACS.linkMethod, None) in graph


def test_incoming_links_are_paged_and_the_paging_is_stated(client: FlaskClient) -> None:
    clause = "guidance/children-act-1989/clause/section-47"
    graph = parse(client.get(f"/lacs/doc/{clause}.ttl").data, "turtle")
    thing = URIRef(TEST_BASE + "id/" + clause)
    governed = set(graph.subjects(LACS.governedBy, thing))
    assert len(governed) <= 50
    totals = {int(str(t)) for t in graph.objects(None, HYDRA.totalItems)}
    assert totals and max(totals) > 50
    nexts = list(graph.objects(None, HYDRA.next))
    assert nexts
    page2 = client.get(
        str(nexts[0]).removeprefix("https://data.example.test"), headers={"Accept": "text/turtle"}
    )
    assert page2.status_code == 200
    more = set(parse(page2.data, "turtle").subjects(LACS.governedBy, thing))
    assert more and not more & governed
    html = client.get(f"/lacs/doc/{clause}.html").data.decode()
    assert "Showing 50 of" in html


def test_no_response_names_another_host(client: FlaskClient) -> None:
    for url in (
        f"/lacs/doc/{BIRMINGHAM}.html",
        f"/lacs/doc/{BIRMINGHAM}.ttl",
        "/lacs/id/" + BIRMINGHAM,
    ):
        response = client.get(url)
        text = response.data.decode() + str(response.headers)
        assert "127.0.0.1" not in text and "localhost" not in text


def test_authority_page_shows_inspection_history_with_grades(client: FlaskClient) -> None:
    html = client.get(f"/lacs/doc/{BIRMINGHAM}.html").data.decode()
    assert "<h1>Birmingham" in html
    assert "Inspection history" in html
    assert "grade-inadequate" in html
    assert "Cite this" in html
    assert f"{TEST_BASE}sparql?query=" in html


def test_quote_page_links_the_report_pdf_at_its_page(client: FlaskClient) -> None:
    html = client.get("/lacs/doc/inspection/E08000025/sif/2016-11-25/quote/12.html").data.decode()
    assert "#page=17" in html
    assert "Clauses that govern it" in html


# --- every rule of the 303 pattern, checked one by one -------------------------------------

CLAUSE = "guidance/children-act-1989/clause/section-47"
QUOTE = "inspection/E08000025/sif/2016-11-25/quote/12"
NEGOTIATED = {
    "text/turtle": "ttl",
    "application/n-triples": "nt",
    "application/rdf+xml": "rdf",
    "application/ld+json": "jsonld",
    "text/html": "html",
}


def test_every_negotiated_answer_varies_on_accept(client: FlaskClient) -> None:
    answers = {
        "303": client.get("/lacs/id/" + BIRMINGHAM),
        "doc": client.get("/lacs/doc/" + BIRMINGHAM, headers={"Accept": "text/turtle"}),
        "406 doc": client.get("/lacs/doc/" + BIRMINGHAM, headers={"Accept": "image/png"}),
        "406 id": client.get("/lacs/id/" + BIRMINGHAM, headers={"Accept": "image/png"}),
        "404 id": client.get("/lacs/id/authority/E08999999", headers={"Accept": "text/html"}),
        "404 doc": client.get("/lacs/doc/authority/E08999999", headers={"Accept": "text/html"}),
    }
    expected = {"303": 303, "doc": 200, "406 doc": 406, "406 id": 406, "404 id": 404}
    expected["404 doc"] = 404
    for name, response in answers.items():
        assert response.status_code == expected[name], name
        assert "Accept" in response.headers.get("Vary", ""), name


def test_each_accept_gets_its_format_and_content_location(client: FlaskClient) -> None:
    for media_type, ext in NEGOTIATED.items():
        redirect = client.get("/lacs/id/" + BIRMINGHAM, headers={"Accept": media_type})
        assert redirect.status_code == 303
        assert redirect.headers["Location"] == f"{DOC}.{ext}", media_type
        document = client.get("/lacs/doc/" + BIRMINGHAM, headers={"Accept": media_type})
        assert document.status_code == 200
        assert document.mimetype == media_type
        assert document.headers["Content-Location"] == f"{DOC}.{ext}"
        fixed = client.get(f"/lacs/doc/{BIRMINGHAM}.{ext}", headers={"Accept": "image/png"})
        assert fixed.status_code == 200 and fixed.mimetype == media_type
        assert "Content-Location" not in fixed.headers


def test_link_header_names_every_alternate_with_its_type(client: FlaskClient) -> None:
    for url in (f"/lacs/doc/{BIRMINGHAM}.html", f"/lacs/doc/{CLAUSE}.nt"):
        link = client.get(url).headers["Link"]
        path = url.removeprefix("/lacs/doc/").rsplit(".", 1)[0]
        for fmt in DOCUMENT_FORMATS:
            alternate = f'<{TEST_BASE}doc/{path}.{fmt.extension}>; rel="alternate"'
            assert f'{alternate}; type="{fmt.media_type}"' in link
        assert f'<{TEST_BASE}id/{path}>; rel="cite-as"' in link
        assert f'<{TEST_BASE}doc/{path}.ttl>; rel="describedby"; type="text/turtle"' in link
        assert f'<{TEST_BASE}id/dataset>; rel="collection"' in link
        assert (
            '<http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/>; rel="license"'
            in link
            or 'rel="license"' in link
        )


def test_validators_are_strong_and_answer_304(client: FlaskClient) -> None:
    for url, headers in (
        (f"/lacs/doc/{BIRMINGHAM}.html", {}),
        ("/lacs/doc/" + BIRMINGHAM, {"Accept": "application/ld+json"}),
        (f"/lacs/doc/{CLAUSE}.ttl", {}),
    ):
        first = client.get(url, headers=headers)
        etag = first.headers["ETag"]
        assert etag.startswith('"') and not etag.startswith("W/")
        again = client.get(url, headers={**headers, "If-None-Match": etag})
        assert again.status_code == 304 and again.data == b""
        assert again.headers["ETag"] == etag
        other = client.get(url, headers={**headers, "If-None-Match": '"something-else"'})
        assert other.status_code == 200
        since = client.get(
            url, headers={**headers, "If-Modified-Since": first.headers["Last-Modified"]}
        )
        assert since.status_code == 304
        old = client.get(
            url, headers={**headers, "If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"}
        )
        assert old.status_code == 200
    html = client.get(f"/lacs/doc/{BIRMINGHAM}.html").headers["ETag"]
    turtle = client.get(f"/lacs/doc/{BIRMINGHAM}.ttl").headers["ETag"]
    assert html != turtle


def test_head_answers_like_get_everywhere(client: FlaskClient) -> None:
    cases = [
        ("/lacs/id/" + BIRMINGHAM, {}),
        ("/lacs/id/" + BIRMINGHAM, {"Accept": BROWSER}),
        ("/lacs/doc/" + BIRMINGHAM, {"Accept": "application/rdf+xml"}),
        (f"/lacs/doc/{BIRMINGHAM}.html", {}),
        (f"/lacs/doc/{QUOTE}.jsonld", {}),
        (f"/lacs/doc/{CLAUSE}/incoming?property=lacs:governedBy&page=2", {"Accept": "text/turtle"}),
        ("/lacs/id/authority/E08999999", {"Accept": "text/html"}),
        ("/lacs/doc/" + BIRMINGHAM, {"Accept": "image/png"}),
        ("/lacs/id/authority/e08000025", {}),
        ("/lacs/def/lacs", {"Accept": "text/turtle"}),
        ("/lacs/def/judgement.html", {}),
    ]
    for url, headers in cases:
        get = client.get(url, headers=headers)
        head = client.head(url, headers=headers)
        assert head.status_code == get.status_code, url
        assert head.data == b"", url
        for name in ("Content-Type", "ETag", "Vary", "Link", "Location", "Content-Location"):
            assert head.headers.get(name) == get.headers.get(name), (url, name)
        if get.status_code == 200:
            assert head.headers["Content-Length"] == get.headers["Content-Length"], url


def test_gzip_over_a_kibibyte_with_its_own_etag(client: FlaskClient) -> None:
    import gzip

    plain = client.get(f"/lacs/doc/{BIRMINGHAM}.ttl")
    packed = client.get(f"/lacs/doc/{BIRMINGHAM}.ttl", headers={"Accept-Encoding": "gzip"})
    assert len(plain.data) > 1024
    assert "Content-Encoding" not in plain.headers
    assert packed.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.data) == plain.data
    for response in (plain, packed):
        assert "Accept-Encoding" in response.headers["Vary"]
    assert packed.headers["ETag"] != plain.headers["ETag"]
    assert not packed.headers["ETag"].startswith("W/")
    again = client.get(
        f"/lacs/doc/{BIRMINGHAM}.ttl",
        headers={"Accept-Encoding": "gzip", "If-None-Match": packed.headers["ETag"]},
    )
    assert again.status_code == 304
    small = client.head("/lacs/id/" + BIRMINGHAM, headers={"Accept-Encoding": "gzip"})
    assert "Content-Encoding" not in small.headers


def test_cors_exposes_the_linked_data_headers(client: FlaskClient) -> None:
    for response in (
        client.get(f"/lacs/doc/{BIRMINGHAM}.ttl", headers={"Origin": "https://elsewhere.test"}),
        client.get("/lacs/id/" + BIRMINGHAM, headers={"Origin": "https://elsewhere.test"}),
    ):
        assert response.headers["Access-Control-Allow-Origin"] == "*"
        exposed = {h.strip() for h in response.headers["Access-Control-Expose-Headers"].split(",")}
        assert {"Link", "Content-Location", "ETag", "Location"} <= exposed


def test_unknown_extensions_and_things_are_404_never_500(client: FlaskClient) -> None:
    for url in (
        f"/lacs/doc/{BIRMINGHAM}.png",
        f"/lacs/doc/{BIRMINGHAM}.ttl.ttl",
        f"/lacs/doc/{BIRMINGHAM}.",
        "/lacs/doc/authority/E08999999.html",
        "/lacs/id/guidance/no-such-guidance-2099",
        "/lacs/id/inspection/E08000025/sif/1999-01-01",
        "/lacs/doc/nonsense",
        f"/lacs/doc/{BIRMINGHAM}/selector",
    ):
        assert client.get(url).status_code == 404, url


def test_traversal_never_escapes_and_never_succeeds(client: FlaskClient) -> None:
    for prefix in ("/lacs/id/", "/lacs/doc/"):
        for tail in (
            "authority/%2e%2e/%2e%2e/etc/passwd",
            "authority/%2E%2E/authority/E08000025",
            "authority%2fE08000025",
            "authority/%2fetc%2fpasswd",
            "authority/../../etc/passwd",
            "authority/./E08000025",
            "authority//E08000025",
            "authority/E08000025%5c..%5c",
        ):
            response = client.get(prefix + tail)
            assert response.status_code in (400, 404), (prefix, tail, response.status_code)
            assert b"root:" not in response.data


def test_long_paths_and_bad_escapes_are_client_errors(client: FlaskClient) -> None:
    for prefix in ("/lacs/id/", "/lacs/doc/"):
        assert client.get(prefix + "authority/" + "E" * 600).status_code == 414
        assert client.get(prefix + "a/" * 5000).status_code == 414
        assert client.get(prefix + "authority/" + "E0" * 100).status_code == 404
        assert client.get(prefix + "authority/%ff%fe").status_code == 400
        assert client.get(prefix + "authority/E0800002%c3").status_code == 400


def test_lower_case_gss_redirects_permanently_for_documents_too(client: FlaskClient) -> None:
    answers = {
        "/lacs/id/authority/e08000025": THING,
        "/lacs/doc/authority/e08000025": DOC,
        "/lacs/doc/authority/e08000025.ttl": DOC + ".ttl",
        "/lacs/id/inspection/e08000025/sif/2016-11-25": TEST_BASE
        + "id/inspection/E08000025/sif/2016-11-25",
        "/lacs/doc/inspection/e08000025/sif/2016-11-25/quote/12.html": f"{TEST_BASE}doc/{QUOTE}.html",
    }
    for url, target in answers.items():
        response = client.get(url)
        assert response.status_code == 301, url
        assert response.headers["Location"] == target


def test_abolished_authorities_keep_pages_naming_successors(client: FlaskClient) -> None:
    cases = {
        "E10000021": ("Northamptonshire", ("North Northamptonshire", "West Northamptonshire")),
        "E06000028": ("Bournemouth", ("Bournemouth, Christchurch and Poole",)),
    }
    for gss, (name, successors) in cases.items():
        redirect = client.get(f"/lacs/id/authority/{gss}", headers={"Accept": BROWSER})
        assert redirect.status_code == 303
        page = client.get(f"/lacs/doc/authority/{gss}.html")
        assert page.status_code == 200
        html = page.data.decode()
        assert name in html and "Replaced by" in html
        for successor in successors:
            assert successor in html, (gss, successor)
        graph = parse(client.get(f"/lacs/doc/authority/{gss}.ttl").data, "turtle")
        assert set(graph.objects(URIRef(f"{TEST_BASE}id/authority/{gss}"), DCTERMS.isReplacedBy))


def test_guidance_document_page_lists_its_clauses_in_order(client: FlaskClient) -> None:
    response = client.get("/lacs/doc/guidance/ofsted-ehe-advice-2015.html")
    assert response.status_code == 200
    html = response.data.decode()
    assert 'Clauses <span class="count">(10)</span>' in html
    positions = [
        html.index(f'href="{TEST_BASE}id/guidance/ofsted-ehe-advice-2015/clause/{n}"')
        for n in range(1, 11)
    ]
    assert positions == sorted(positions)
    assert "Ofsted does not have a mandate to inspect the quality of EHE." in html
    assert "<dt>Publisher</dt><dd><span>Ofsted</span></dd>" in html
    assert '<time datetime="2015-05">2015-05</time>' in html
    assert 'href="http://edyourself.org/articles/socialservices.php#ofstedguidance"' in html
    old = client.get("/lacs/doc/guidance/working-together-2015.html").data.decode()
    assert "A newer edition replaces this one" in old
    assert f'href="{TEST_BASE}id/guidance/working-together-2018"' in old
    new = client.get("/lacs/doc/guidance/working-together-2018.html").data.decode()
    assert "Replaces the earlier edition" in new


def test_clause_page_counts_governed_quotes_by_method_and_rule(client: FlaskClient) -> None:
    html = client.get(f"/lacs/doc/{CLAUSE}.html").data.decode()
    assert "Quotes it governs" in html
    assert "curated by hand" in html and "derived by a stated rule" in html
    assert f'href="{TEST_BASE}def/link-rule/section-47-children-act-1989"' in html
    assert 'class="method method-curated"' in html and 'class="method method-derived"' in html
    assert "Showing 50 of" in html
    annex = client.get("/lacs/doc/guidance/sif-annex-a/clause/2.05.html").data.decode()
    assert "number of children who are electively home educated" in annex
    page2 = client.get(
        f"/lacs/doc/{CLAUSE}/incoming?property=lacs:governedBy&page=2",
        headers={"Accept": "text/html"},
    )
    assert page2.status_code == 200
    assert "by the rule" in page2.data.decode()


def test_quote_page_links_each_governing_clause_and_says_how(client: FlaskClient) -> None:
    html = client.get(f"/lacs/doc/{QUOTE}.html").data.decode()
    assert f'href="{TEST_BASE}id/guidance/sif-annex-a/clause/2.05"' in html
    assert "How this link was made" in html and "Curated" in html
    derived = client.get("/lacs/doc/inspection/E06000004/sif/2016-08-05/quote/6.html").data.decode()
    assert f'href="{TEST_BASE}id/guidance/children-act-1989/clause/section-47"' in derived
    assert "Derived" in derived and f"{TEST_BASE}def/link-rule/" in derived


NAMED_URLS = [
    "/lacs/id/" + BIRMINGHAM,
    "/lacs/id/authority/E08999999",
    "/lacs/id/authority/e08000025",
    f"/lacs/doc/{CLAUSE}.html",
    f"/lacs/doc/{CLAUSE}/incoming?property=lacs:governedBy&page=2",
    f"/lacs/doc/{QUOTE}.html",
    "/lacs/doc/guidance/ofsted-ehe-advice-2015.html",
    "/lacs/def/lacs.html",
    "/lacs/def/judgement.html",
    "/lacs/def/shapes.html",
] + [f"/lacs/doc/{BIRMINGHAM}.{ext}" for ext in RDF_FORMATS]


def test_no_answer_under_the_test_base_names_the_default_base(client: FlaskClient) -> None:
    for url in NAMED_URLS:
        for accept in ("text/html", "text/turtle", "image/png"):
            response = client.get(url, headers={"Accept": accept})
            text = response.get_data(as_text=True) + str(response.headers)
            assert "127.0.0.1:5000" not in text, url
            assert "127.0.0.1" not in text, url
            assert "localhost" not in text, url


def test_error_bodies_name_no_other_host(client: FlaskClient) -> None:
    response = client.get("/lacs/id/authority/E08999999", headers={"Accept": "text/turtle"})
    assert response.status_code == 404
    assert "localhost" not in response.get_data(as_text=True)
