"""SPARQL on the knowledge base: bound parameters, refusal of anything that reaches outside,
and the catalogue's headers."""

from __future__ import annotations

import json

import pytest
from rdflib import Literal

from pzgraph.catalogue import catalogus
from pzgraph.errors import QueryFout
from pzgraph.namespaces import PZID

TEL = "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a pz:ConsortiumPalliatieveZorg }"


def test_telt_zeven_consortia(kb):
    assert int(kb.query(TEL).rijen[0][0]) == 7


def test_parameters_worden_gebonden_niet_geplakt(kb):
    q = "SELECT ?naam WHERE { ?n org:memberOf ?c ; a pz:NetwerkPalliatieveZorg ; skos:prefLabel ?naam }"
    septet = kb.query(q, c=PZID["consortium-septet"])
    assert 1 <= len(septet) <= 7
    # a value that would change the query if it were spliced in is just a literal that matches nothing
    listig = kb.query("SELECT ?s WHERE { ?s skos:prefLabel ?naam }", naam='x" } ?s ?p ?o { "')
    assert len(listig) == 0
    assert len(kb.query("SELECT ?s WHERE { ?s skos:prefLabel ?naam }", naam=Literal("Consortium Septet", lang="nl"))) == 1


@pytest.mark.parametrize("query,deel", [
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", "FROM"),
    ("SELECT * FROM NAMED <http://example.org/g> WHERE { GRAPH ?g { ?s ?p ?o } }", "FROM"),
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "syntax"),
    ("LOAD <file:///etc/passwd>", "syntax"),
    ("SELECT ?s WHERE { ?s ?p }", "syntax"),
])
def test_geweigerde_queries(kb, query, deel):
    voor = len(kb)
    with pytest.raises(QueryFout) as exc:
        kb.query(query)
    assert deel.lower() in exc.value.regel().lower()
    assert len(kb) == voor


def test_catalogus_heeft_koppen():
    cat = catalogus()
    assert {"consortia", "netwerken-per-consortium", "rollen", "participatievormen", "leemten"} <= set(cat)
    for q in cat.values():
        assert q.titel.nl and q.titel.en and q.beschrijving.nl and q.beschrijving.en
        assert any(s in q.bron for s in ("seed:", "domain-facts", "landscape-gaps"))


def test_named_query_met_onbekende_parameter(kb):
    from pzgraph.errors import InvoerFout

    with pytest.raises(InvoerFout) as exc:
        kb.named("netwerken-per-consortium", consortum="septet")
    assert "bedoelde u 'consortium'" in exc.value.regel()


def test_uitvoerformaten(kb):
    r = kb.named("consortia")
    data = json.loads(r.als_json())
    assert len(data["results"]["bindings"]) == 7
    assert r.als_csv().splitlines()[0] == "consortium,id,naam,aantalVolgensBron,aantalBekend"
    assert "consortium-septet" in r.als_tabel()


def test_rollen_in_twee_talen(kb):
    nl = kb.named("rollen").waarden("naam")
    en = kb.named("rollen", taal="en").waarden("naam")
    assert len(nl) == len(en) >= 25
    assert any("ROS" in n for n in en)


def test_onbekende_naam_geeft_suggesties(kb):
    from pzgraph.errors import InvoerFout

    with pytest.raises(InvoerFout) as exc:
        kb.iri("Septt")
    assert "Septet" in exc.value.regel()
