"""Every curated clause and quote text is verbatim in the source text it is cut from."""

from __future__ import annotations

from rdflib import RDF, Graph, URIRef

from conftest import BASE, collapse

LACS = BASE + "def/lacs#"
TEXT = URIRef(LACS + "text")
QUOTE = URIRef(LACS + "Quote")
CLAUSE = URIRef(LACS + "GuidanceClause")
COMMENT = URIRef("http://www.w3.org/2000/01/rdf-schema#comment")

# The source text each curated clause or quote is cut from, by IRI prefix
# (relative to the base); the first matching prefix wins.
SEED_OF = [
    ("id/guidance/ofsted-ehe-advice-2015/", "001_834a87b649f67d45.txt"),
    ("id/guidance/sif-annex-a/", "000_a3d94eef3dfcc950.txt"),
    ("id/guidance/home-education-guidelines-2007/", "001_834a87b649f67d45.txt"),
    ("id/guidance/information-sharing-2018/", "001_834a87b649f67d45.txt"),
    ("id/guidance/ilacs-framework-2018/", "001_834a87b649f67d45.txt"),
    ("id/inspection/E09000014/jtai/", "001_834a87b649f67d45.txt"),
    ("id/inspection/", "003_af447c9ed2fb091c.txt"),
    ("id/document/edyourself-childrens-social-care-ofsted-2019/", "001_834a87b649f67d45.txt"),
    ("id/document/birmingham-scr-keanu-williams-2013/", "001_834a87b649f67d45.txt"),
    ("id/document/ofsted-children-missing-out-on-education-2013/", "001_834a87b649f67d45.txt"),
    ("id/document/edyourself-ofsted-home-education-2016/", "000_a3d94eef3dfcc950.txt"),
    ("id/document/cypnow-ofsted-council-inspections-2013/", "002_50ba44af24ea0a2a.txt"),
    ("id/document/spielman-ncas-2018/", "004_cee3155be1cbacd7.txt"),
]

# Obvious transcription errors corrected in lacs:text: (as curated, as the seed prints it).
# Each corrected resource also says so in an rdfs:comment.
CORRECTIONS = {
    "id/guidance/ilacs-framework-2018/clause/3": (
        "authorities judged to be",
        "authorities judge to be",
    ),
}


def relative(iri: URIRef) -> str:
    assert str(iri).startswith(BASE), iri
    return str(iri)[len(BASE) :]


def test_every_clause_and_quote_text_is_verbatim_in_its_source_text(
    curated: Graph, seeds: dict[str, str]
) -> None:
    checked = 0
    problems = []
    for subject, text in curated.subject_objects(TEXT):
        if (subject, RDF.type, QUOTE) not in curated and (subject, RDF.type, CLAUSE) not in curated:
            continue
        iri = relative(subject)
        seed = next((name for prefix, name in SEED_OF if iri.startswith(prefix)), None)
        if seed is None:
            problems.append(f"{iri}: no source text named for it in SEED_OF")
            continue
        wanted = collapse(str(text))
        if iri in CORRECTIONS:
            fixed, printed = CORRECTIONS[iri]
            assert fixed in wanted, iri
            wanted = wanted.replace(fixed, printed)
            comments = " ".join(str(c) for c in curated.objects(subject, COMMENT))
            assert "Corrected" in comments, f"{iri}: a corrected text must say so in rdfs:comment"
        if wanted not in seeds[seed]:
            problems.append(f"{iri}: lacs:text not found verbatim in {seed}")
        checked += 1
    assert not problems, "\n".join(problems)
    assert checked > 0
