"""`pzgraph serve`: a real server on 127.0.0.1 (port 0), started once for this module.

Covers the SPARQL 1.1 Protocol (GET and both POST forms, content negotiation), the HTML page and
named queries, read-only refusals (with the data unchanged), SERVICE/FROM/LOAD without any
connection made, the Host check, the row limit, 20 concurrent clients, real clients (SPARQLWrapper,
rdflib's SPARQLStore, curl) and, last, the time limit that kills a runaway query.
"""

from __future__ import annotations

import csv
import functools
import html
import http.client
import io
import json
import logging
import os
import shutil
import socket
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote, urlencode

import pytest
from rdflib import Graph, URIRef
from rdflib.query import Result

import pzgraph
from pzgraph.catalogue import catalogus
from pzgraph.serve import maak_server
from pzgraph.sparql_streng import streng

TIJDSLIMIET = 2.0
RIJLIMIET = 1000
CONSORTIA = "SELECT ?c ?naam WHERE { ?c a pz:ConsortiumPalliatieveZorg ; skos:prefLabel ?naam } ORDER BY ?c"
TEL = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
EINDELOOS = ("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l "
             "FILTER(STRLEN(STR(?a)) + STRLEN(STR(?l)) < 0) }")


@pytest.fixture(scope="module")
def server():
    s = maak_server(functools.partial(pzgraph.load), tijdslimiet=TIJDSLIMIET, rijlimiet=RIJLIMIET, werkers=2)
    s.start()
    yield s
    s.stop()


def vraag(server, methode: str, pad: str, body: bytes | str | None = None, kop: dict | None = None,
          host: str | bool | None = None, timeout: float = 30.0):
    """One HTTP request with full control over the headers; returns (status, headers, body)."""
    verbinding = http.client.HTTPConnection("127.0.0.1", server.port, timeout=timeout)
    try:
        verbinding.putrequest(methode, pad, skip_host=True, skip_accept_encoding=True)
        if host is not False:
            verbinding.putheader("Host", f"127.0.0.1:{server.port}" if host is None else host)
        data = body.encode("utf-8") if isinstance(body, str) else body
        for k, v in (kop or {}).items():
            verbinding.putheader(k, v)
        if data is not None:
            verbinding.putheader("Content-Length", str(len(data)))
        verbinding.endheaders(data)
        antwoord = verbinding.getresponse()
        return antwoord.status, antwoord.headers, antwoord.read()
    finally:
        verbinding.close()


def sparql(server, query: str, vorm: str = "get", accept: str | None = None, **kw):
    kop = {"Accept": accept} if accept else {}
    if vorm == "get":
        return vraag(server, "GET", "/sparql?" + urlencode({"query": query}), kop=kop, **kw)
    if vorm == "form":
        return vraag(server, "POST", "/sparql", urlencode({"query": query}),
                     {**kop, "Content-Type": "application/x-www-form-urlencoded"}, **kw)
    return vraag(server, "POST", "/sparql", query, {**kop, "Content-Type": "application/sparql-query"}, **kw)


def telling(server) -> tuple[int, int]:
    """The triple count as both workers see it (two requests at once reach different workers)."""
    with ThreadPoolExecutor(2) as pool:
        uit = list(pool.map(lambda _: sparql(server, TEL), range(2)))
    assert all(s == 200 for s, _, _ in uit)
    return tuple(int(json.loads(b)["results"]["bindings"][0]["n"]["value"]) for _, _, b in uit)


def resultaat(body: bytes, ctype: str) -> Result:
    vorm = {"application/sparql-results+json": "json", "application/sparql-results+xml": "xml", "text/csv": "csv"}
    return Result.parse(io.BytesIO(body), format=vorm[ctype.split(";")[0]])


# -- SPARQL 1.1 Protocol ------------------------------------------------------------------------
def test_gezondheid(server):
    status, _, body = vraag(server, "GET", "/gezondheid")
    assert (status, body) == (200, b"ok\n")


@pytest.mark.parametrize("vorm", ["get", "form", "direct"])
@pytest.mark.parametrize("accept,ctype", [
    (None, "application/sparql-results+json"),
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("text/csv", "text/csv"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/html;q=0.9, application/sparql-results+xml;q=0.8, */*;q=0.1", "application/sparql-results+xml"),
])
def test_select(server, kb, vorm, accept, ctype):
    status, kop, body = sparql(server, CONSORTIA, vorm, accept)
    assert status == 200 and kop["Content-Type"].split(";")[0] == ctype
    verwacht = [str(c) for c in kb.query(CONSORTIA).waarden("c")]
    assert [str(r[0]) for r in resultaat(body, kop["Content-Type"])] == verwacht
    assert len(verwacht) == 7
    assert "X-Pzgraph-Afgekapt" not in kop and "Access-Control-Allow-Origin" not in kop


@pytest.mark.parametrize("vorm", ["get", "form", "direct"])
@pytest.mark.parametrize("accept", [None, "application/sparql-results+json", "application/sparql-results+xml"])
@pytest.mark.parametrize("query,waar", [("ASK { pzid:consortium-septet a pz:ConsortiumPalliatieveZorg }", True),
                                        ("ASK { pzid:consortium-septet a pz:NetwerkPalliatieveZorg }", False)])
def test_ask(server, vorm, accept, query, waar):
    status, kop, body = sparql(server, query, vorm, accept)
    assert status == 200
    assert resultaat(body, kop["Content-Type"]).askAnswer is waar


@pytest.mark.parametrize("vorm", ["get", "form", "direct"])
@pytest.mark.parametrize("accept,ctype,formaat", [
    (None, "text/turtle", "turtle"),
    ("text/turtle", "text/turtle", "turtle"),
    ("application/n-triples", "application/n-triples", "nt"),
    ("application/rdf+xml", "application/rdf+xml", "xml"),
])
def test_construct(server, kb, vorm, accept, ctype, formaat):
    query = "CONSTRUCT { ?n org:memberOf ?c } WHERE { ?n a pz:NetwerkPalliatieveZorg ; org:memberOf ?c }"
    status, kop, body = sparql(server, query, vorm, accept)
    assert status == 200 and kop["Content-Type"].split(";")[0] == ctype
    g = Graph().parse(data=body, format=formaat)
    assert set(g) == set(kb.query(query).graaf) and len(g) > 10


def test_describe(server):
    status, kop, body = sparql(server, "DESCRIBE pzid:npz-eemland")
    assert status == 200 and kop["Content-Type"].startswith("text/turtle")
    assert "Eemland" in body.decode("utf-8")


# -- the HTML page and named queries --------------------------------------------------------------
@pytest.mark.parametrize("taal", ["nl", "en"])
def test_startpagina(server, taal):
    status, kop, body = vraag(server, "GET", "/?taal=en" if taal == "en" else "/")
    tekst = body.decode("utf-8")
    assert status == 200 and kop["Content-Type"] == "text/html; charset=utf-8"
    assert f'<html lang="{taal}">' in tekst
    for q in catalogus().values():
        assert f'action="/query/{q.id}"' in tekst and html.escape(q.titel.in_taal(taal)) in tekst
        for p in q.parameters:
            assert f'name="{p.naam}"' in tekst
    assert ("Eigen SPARQL-vraag" if taal == "nl" else "Your own SPARQL query") in tekst
    assert "<textarea" in tekst and "<style>" in tekst
    assert "<script" not in tekst.lower() and "<link" not in tekst.lower() and "@import" not in tekst
    assert 'href="http' not in tekst and 'src=' not in tekst
    assert "default-src 'none'" in kop["Content-Security-Policy"]


def test_named_query_pagina(server, kb):
    status, _, body = vraag(server, "GET", "/query/netwerken-per-consortium?consortium=septet")
    tekst = body.decode("utf-8")
    assert status == 200
    namen = kb.named("netwerken-per-consortium", consortium="septet").waarden("naam")
    assert "Netwerk Palliatieve Zorg Eemland" in namen
    assert all(n in tekst for n in namen)
    anderen = set(kb.named("netwerken-per-consortium").waarden("naam")) - set(namen)
    assert anderen and not any(f">{n}<" in tekst for n in anderen)
    assert 'href="/query/netwerken-per-consortium.csv?consortium=septet"' in tekst


def test_named_query_csv(server, kb):
    status, kop, body = vraag(server, "GET", "/query/netwerken-per-consortium.csv?consortium=septet")
    assert status == 200 and kop["Content-Type"].startswith("text/csv")
    assert kop["Content-Disposition"] == 'attachment; filename="netwerken-per-consortium.csv"'
    rijen = list(csv.DictReader(io.StringIO(body.decode("utf-8"))))
    assert "npz-eemland" in [r["id"] for r in rijen]
    assert len(rijen) == len(kb.named("netwerken-per-consortium", consortium="septet"))


def test_named_query_in_het_engels(server):
    status, _, body = vraag(server, "GET", "/query/rollen?taal=en&_taal=en")
    assert status == 200 and '<html lang="en">' in body.decode("utf-8")


def test_getypte_invoervelden():
    from pzgraph.catalogue import Parameter
    from pzgraph.errors import Tekst
    from pzgraph.serve_html import _invoer

    getal = _invoer(Parameter("aantal", "getal", True, Tekst("Hoeveel <b>", "How many <b>")), "nl")
    assert 'type="number" step="1" name="aantal"' in getal and " required" in getal and "&lt;b&gt;" in getal
    iri = _invoer(Parameter("netwerk", "iri", False, Tekst("Het netwerk", "The network")), "en")
    assert 'type="text"' in iri and "required" not in iri and 'placeholder="id or name"' in iri


def test_onbekende_query_404_met_suggestie(server):
    status, _, body = vraag(server, "GET", "/query/netwerken-per-consortum")
    tekst = body.decode("utf-8")
    assert status == 404 and "bedoelde u" in tekst.lower()
    assert 'href="/query/netwerken-per-consortium"' in tekst


@pytest.mark.parametrize("pad,deel", [
    ("/query/netwerken-per-consortium?consortium=septt", "staat niet in het landschap"),
    ("/query/netwerken-per-consortium?consortiun=septet", "onbekende parameter"),
    ("/query/netwerken-per-consortium?consortium=a&consortium=b", "meer dan eens"),
    ("/query/gemeenten-van-netwerk", "parameter ontbreekt: netwerk"),
    ("/query/gemeenten-van-netwerk?netwerk=", "parameter ontbreekt: netwerk"),
])
def test_foute_parameter_400(server, pad, deel):
    status, kop, body = vraag(server, "GET", pad)
    assert status == 400 and kop["Content-Type"].startswith("text/html") and deel in body.decode("utf-8")


def test_html_ontsnapt_alles(server):
    boos = "<script>alert('x')</script>\"&"
    query = f"SELECT ?x WHERE {{ BIND({json.dumps(boos)} AS ?x) }}"
    status, _, body = vraag(server, "GET", "/vraag?" + urlencode({"query": query}))
    tekst = body.decode("utf-8")
    assert status == 200 and "<script" not in tekst and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&quot;&amp;" in tekst
    status, _, body = vraag(server, "GET", "/query/<script>")
    assert status == 404 and "<script>" not in body.decode("utf-8")


def test_vrije_vraag_csv(server):
    status, kop, body = vraag(server, "GET", "/vraag.csv?" + urlencode({"query": CONSORTIA}))
    assert status == 200 and "attachment" in kop["Content-Disposition"]
    assert len(body.decode("utf-8").strip().splitlines()) == 8


# -- read-only, refusals, safety ----------------------------------------------------------------
UPDATES = [
    ("GET", "/sparql?update=" + quote("CLEAR ALL"), None, {}),
    ("POST", "/sparql", "update=" + quote("DROP ALL"), {"Content-Type": "application/x-www-form-urlencoded"}),
    ("POST", "/sparql", "INSERT DATA { <urn:a> <urn:b> <urn:c> }", {"Content-Type": "application/sparql-update"}),
    ("POST", "/sparql", "DELETE WHERE { ?s ?p ?o }", {"Content-Type": "application/sparql-update; charset=UTF-8"}),
    ("GET", "/sparql?query=" + quote("DELETE WHERE { ?s ?p ?o }"), None, {}),
    ("POST", "/sparql", "query=" + quote("INSERT DATA { <urn:a> <urn:b> <urn:c> }"), {"Content-Type": "application/x-www-form-urlencoded"}),
    ("POST", "/sparql", "CLEAR DEFAULT", {"Content-Type": "application/sparql-query"}),
    ("POST", "/sparql", "DROP GRAPH pzg:ontologie ; CREATE GRAPH <urn:x>", {"Content-Type": "application/sparql-query"}),
    ("POST", "/sparql?update=" + quote("CLEAR ALL"), "query=ASK%20%7B%7D", {"Content-Type": "application/x-www-form-urlencoded"}),
]


def test_updates_403_en_data_onveranderd(server):
    voor = telling(server)
    assert voor[0] == voor[1] > 9000
    for methode, pad, body, kop in UPDATES:
        status, _, tekst = vraag(server, methode, pad, body, kop)
        assert status == 403, (methode, pad, body)
        assert b"read-only" in tekst and b"alleen-lezen" in tekst
    assert telling(server) == voor


@pytest.fixture
def luisteraar():
    """A listening socket: any outbound SERVICE/FROM/LOAD would connect to it."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(8)
    s.settimeout(0.5)
    yield s
    s.close()


def test_service_from_load_400_zonder_verbinding(server, luisteraar):
    doel = f"http://127.0.0.1:{luisteraar.getsockname()[1]}/sparql"
    queries = [f"SELECT * WHERE {{ SERVICE <{doel}> {{ ?s ?p ?o }} }}",
               f"SELECT * WHERE {{ ?x a pz:Rol OPTIONAL {{ SERVICE SILENT <{doel}> {{ ?x ?p ?o }} }} }}",
               f"ASK {{ {{ SELECT ?s WHERE {{ SERVICE <{doel}> {{ ?s ?p ?o }} }} }} }}",
               f"SELECT * FROM <{doel}> WHERE {{ ?s ?p ?o }}",
               f"SELECT * FROM NAMED <{doel}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
               f"CONSTRUCT {{ ?s ?p ?o }} FROM <{doel}> WHERE {{ ?s ?p ?o }}",
               f"LOAD <{doel}>", f"LOAD SILENT <{doel}> INTO GRAPH <urn:g>"]
    for q in queries:
        for vorm in ("get", "form", "direct"):
            status, _, _ = sparql(server, q, vorm)
            assert status == 400, (q, vorm)
    for pad in (f"/sparql?query=ASK%7B%7D&default-graph-uri={quote(doel)}",
                f"/sparql?query=ASK%7B%7D&named-graph-uri={quote(doel)}"):
        assert vraag(server, "GET", pad)[0] == 400
    assert vraag(server, "GET", "/sparql?update=" + quote(f"LOAD <{doel}>"))[0] == 403
    with pytest.raises(socket.timeout):
        luisteraar.accept()


@pytest.mark.parametrize("host", ["evil.example", "evil.example:{p}", "127.0.0.1:1", "localhost", "127.0.0.1.evil.example:{p}",
                                  "LOCALHOST.:{p}", ""])
@pytest.mark.parametrize("pad", ["/gezondheid", "/", "/sparql?query=ASK%7B%7D"])
def test_vreemde_host_403(server, host, pad):
    assert vraag(server, "GET", pad, host=host.format(p=server.port))[0] == 403


def test_host_ontbreekt_of_dubbel_403(server):
    assert vraag(server, "GET", "/gezondheid", host=False)[0] == 403
    kop = {"Host": "evil.example"}
    assert vraag(server, "GET", "/gezondheid", kop=kop)[0] == 403


@pytest.mark.parametrize("host", ["127.0.0.1:{p}", "localhost:{p}", "[::1]:{p}", "LocalHost:{p}"])
def test_eigen_host_toegestaan(server, host):
    assert vraag(server, "GET", "/gezondheid", host=host.format(p=server.port))[0] == 200


def test_geen_cors_en_vreemde_origin_403(server):
    for methode in ("GET", "POST", "OPTIONS"):
        status, kop, _ = vraag(server, methode, "/sparql?query=ASK%7B%7D", "" if methode == "POST" else None,
                               {"Origin": "http://evil.example", "Access-Control-Request-Method": "POST"})
        assert status == (405 if methode == "OPTIONS" else 403)
        assert not [k for k in kop if k.lower().startswith("access-control")]
    assert vraag(server, "GET", "/", kop={"Origin": "null"})[0] == 403
    status, kop, _ = vraag(server, "GET", "/sparql?query=ASK%7B%7D", kop={"Origin": f"http://localhost:{server.port}"})
    assert status == 200 and not [k for k in kop if k.lower().startswith("access-control")]


def test_geen_padtraversal(server):
    for pad in ("/query/..%2F..%2F..%2Fetc%2Fpasswd", "/query/../../etc/passwd", "/query/%2Fetc%2Fpasswd.csv",
                "/../../etc/passwd", "/query/consortia%00.rq"):
        status, _, body = vraag(server, "GET", pad)
        assert status == 404 and b"root:" not in body


@pytest.mark.parametrize("methode,pad,body,kop,verwacht", [
    ("PUT", "/sparql?query=ASK%7B%7D", "", {}, 405),
    ("DELETE", "/sparql", None, {}, 405),
    ("POST", "/", "x=1", {"Content-Type": "application/x-www-form-urlencoded"}, 405),
    ("GET", "/sparql?query=ASK%7B%7D&query=ASK%7B%7D", None, {}, 400),
    ("GET", "/sparql", None, {}, 400),
    ("GET", "/sparql?query=ASK%20%7B", None, {}, 400),
    ("POST", "/sparql", "ASK {}", {"Content-Type": "text/plain"}, 400),
    ("POST", "/sparql", "ASK {}", {}, 400),
    ("POST", "/sparql", "ASK {}".encode("utf-16"), {"Content-Type": "application/sparql-query; charset=UTF-16"}, 400),
    ("POST", "/sparql", b"ASK { FILTER(\"\xff\xfe\") }", {"Content-Type": "application/sparql-query"}, 400),
    ("POST", "/sparql", "query=%FF%FE", {"Content-Type": "application/x-www-form-urlencoded"}, 400),
    ("GET", "/sparql?query=%FF", None, {}, 400),
    ("POST", "/sparql", "query=ASK%7B%7D", {"Content-Type": "application/sparql-query"}, 400),
    ("POST", "/sparql?query=ASK%7B%7D", "ASK {}", {"Content-Type": "application/sparql-query"}, 400),
    ("GET", "/bestaat-niet", None, {}, 404),
])
def test_foute_verzoeken(server, methode, pad, body, kop, verwacht):
    assert vraag(server, methode, pad, body, kop)[0] == verwacht


def test_body_te_groot_413(server):
    body = "query=" + "x" * (1024 * 1024 + 1)
    assert vraag(server, "POST", "/sparql", body, {"Content-Type": "application/x-www-form-urlencoded"})[0] == 413


def test_log_zonder_query_of_resultaat(server, caplog):
    caplog.set_level(logging.INFO, logger="pzgraph.serve")
    geheim = "GEHEIM-7f3a"
    sparql(server, f'SELECT ("{geheim}" AS ?x) WHERE {{}}', "get")
    sparql(server, f'SELECT ("{geheim}" AS ?x) WHERE {{}}', "direct")
    vraag(server, "GET", "/vraag?" + urlencode({"query": f'SELECT ("{geheim}" AS ?x) {{}}'}))
    time.sleep(0.2)
    regels = [r.getMessage() for r in caplog.records if r.name == "pzgraph.serve"]
    assert any(r.startswith("GET /sparql 200 ") for r in regels)
    assert any(r.startswith("POST /sparql 200 ") for r in regels)
    assert any(r.startswith("GET /vraag 200 ") for r in regels)
    assert not any(geheim in r or "SELECT" in r or "?" in r for r in regels)


def test_catalogus_door_de_strenge_regels():
    """The endpoint's stricter static rules accept every catalogue query (no server needed)."""
    for q in catalogus().values():
        streng(q.tekst)


def test_wachtrij_vol_503(server):
    pool = server._httpd.pzg_pool
    oud, pool.wachtrij = pool.wachtrij, 0
    try:
        status, kop, body = sparql(server, "ASK {}")
    finally:
        pool.wachtrij = oud
    assert status == 503 and kop["Retry-After"] == "5" and b"busy" in body
    assert sparql(server, "ASK {}")[0] == 200


# -- row limit, concurrency ----------------------------------------------------------------------
@pytest.mark.parametrize("query,afgekapt", [
    ("SELECT * WHERE { ?s ?p ?o }", True),
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", True),
    (f"SELECT * WHERE {{ ?s ?p ?o }} LIMIT {RIJLIMIET}", False),
    (f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o }} LIMIT {RIJLIMIET}", False),
])
def test_rijlimiet(server, query, afgekapt):
    status, kop, body = sparql(server, query, accept="application/sparql-results+json, application/n-triples")
    assert status == 200
    assert (kop.get("X-Pzgraph-Afgekapt") == "true") is afgekapt
    if query.startswith("SELECT"):
        assert len(json.loads(body)["results"]["bindings"]) == RIJLIMIET
    else:
        assert len(Graph().parse(data=body, format="nt")) == RIJLIMIET


def test_rijlimiet_op_de_pagina(server):
    status, kop, body = vraag(server, "GET", "/vraag?" + urlencode({"query": "SELECT * WHERE { ?s ?p ?o }"}))
    assert status == 200 and kop["X-Pzgraph-Afgekapt"] == "true" and "afgekapt" in body.decode("utf-8")


def test_twintig_gelijktijdige_clients(server, kb):
    consortia = kb.query(CONSORTIA).waarden("c")
    start = threading.Barrier(20)

    def client(i: int):
        start.wait()
        if i % 2:
            status, _, body = sparql(server, f"SELECT ?n WHERE {{ BIND({i} * 1000 + 7 AS ?n) }}", "form" if i % 4 == 1 else "direct")
            return status, [b["n"]["value"] for b in json.loads(body)["results"]["bindings"]]
        c = consortia[(i // 2) % len(consortia)]
        status, _, body = sparql(server, f"SELECT ?n WHERE {{ ?n a pz:NetwerkPalliatieveZorg ; org:memberOf <{c}> }} ORDER BY ?n")
        return status, [b["n"]["value"] for b in json.loads(body)["results"]["bindings"]]

    with ThreadPoolExecutor(20) as pool:
        uitkomsten = list(pool.map(client, range(20)))
    for i, (status, waarden) in enumerate(uitkomsten):
        assert status == 200
        if i % 2:
            assert waarden == [str(i * 1000 + 7)]
        else:
            c = consortia[(i // 2) % len(consortia)]
            verwacht = kb.query("SELECT ?n WHERE { ?n a pz:NetwerkPalliatieveZorg ; org:memberOf ?c } ORDER BY ?n",
                                c=URIRef(c)).waarden("n")
            assert waarden == verwacht and waarden


# -- real clients -------------------------------------------------------------------------------
def test_sparqlwrapper(server, kb):
    sw = pytest.importorskip("SPARQLWrapper")
    for methode, verzoek in ((sw.GET, sw.URLENCODED), (sw.POST, sw.URLENCODED), (sw.POST, sw.POSTDIRECTLY)):
        w = sw.SPARQLWrapper(server.url + "/sparql")
        w.setMethod(methode)
        w.setRequestMethod(verzoek)
        w.setQuery(CONSORTIA)
        w.setReturnFormat(sw.JSON)
        rijen = w.queryAndConvert()["results"]["bindings"]
        assert [(r["c"]["value"], r["naam"]["value"]) for r in rijen] == [(str(c), str(n)) for c, n in kb.query(CONSORTIA).rijen]
        w.setQuery("ASK { pzid:npz-eemland org:memberOf pzid:consortium-septet }")
        assert w.queryAndConvert()["boolean"] is True
    w = sw.SPARQLWrapper(server.url + "/sparql")
    query = "CONSTRUCT WHERE { ?c a pz:ConsortiumPalliatieveZorg ; skos:prefLabel ?naam }"
    w.setQuery(query)
    w.setReturnFormat(sw.RDFXML)
    assert set(w.queryAndConvert()) == set(kb.query(query).graaf)
    w.setReturnFormat(sw.TURTLE)
    assert set(Graph().parse(data=w.queryAndConvert(), format="turtle")) == set(kb.query(query).graaf)
    w = sw.SPARQLWrapper(server.url + "/sparql")
    w.setMethod(sw.POST)
    w.setQuery("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    with pytest.raises(Exception) as fout:
        w.query()
    assert getattr(fout.value, "code", None) == 403


def test_rdflib_sparqlstore(server, kb):
    from urllib.error import HTTPError

    from rdflib.plugins.stores.sparqlstore import SPARQLStore, SPARQLUpdateStore

    g = Graph(SPARQLStore(server.url + "/sparql"))
    for query in (CONSORTIA, "SELECT ?naam (COUNT(?n) AS ?aantal) WHERE { ?n a pz:NetwerkPalliatieveZorg ; org:memberOf ?c . "
                  "?c skos:prefLabel ?naam } GROUP BY ?naam ORDER BY ?naam"):
        assert [tuple(r) for r in g.query(query)] == kb.query(query).rijen
    assert g.query("ASK { pzid:consortium-septet a pz:ConsortiumPalliatieveZorg }").askAnswer is True
    query = "CONSTRUCT { ?n org:memberOf pzid:consortium-septet } WHERE { ?n org:memberOf pzid:consortium-septet }"
    assert set(g.query(query).graph) == set(kb.query(query).graaf)
    schrijver = SPARQLUpdateStore(server.url + "/sparql", server.url + "/sparql")
    with pytest.raises(HTTPError) as fout:
        schrijver.update("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    assert fout.value.code == 403


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_curl(server):
    def curl(*args: str) -> tuple[int, str]:
        uit = subprocess.run(["curl", "-s", "-w", "\n%{http_code}", *args], capture_output=True, text=True, timeout=30, check=True)
        body, _, code = uit.stdout.rpartition("\n")
        return int(code), body

    eindpunt = server.url + "/sparql"
    code, body = curl("-G", eindpunt, "--data-urlencode", f"query={CONSORTIA}", "-H", "Accept: text/csv")
    assert code == 200 and len(body.strip().splitlines()) == 8
    code, body = curl(eindpunt, "--data-urlencode", "query=ASK { pzid:npz-eemland a pz:NetwerkPalliatieveZorg }")
    assert code == 200 and json.loads(body)["boolean"] is True
    code, body = curl(eindpunt, "-H", "Content-Type: application/sparql-query", "--data-binary", "SELECT (42 AS ?x) {}")
    assert code == 200 and json.loads(body)["results"]["bindings"][0]["x"]["value"] == "42"
    code, _ = curl(eindpunt, "-H", "Content-Type: application/sparql-update", "--data-binary", "CLEAR ALL")
    assert code == 403
    code, _ = curl(eindpunt, "--data-urlencode", "update=CLEAR ALL")
    assert code == 403
    code, _ = curl(server.url + "/gezondheid", "-H", "Host: evil.example")
    assert code == 403
    code, _ = curl("-X", "PUT", eindpunt)
    assert code == 405


# -- the time limit (last: it kills a worker) -----------------------------------------------------
def test_tijdslimiet_stopt_het_werk(server):
    pool = server._httpd.pzg_pool
    voor = {w.proces.pid for w in pool._alle.values()}
    uitkomst: dict = {}

    def eindeloos():
        begin = time.monotonic()
        uitkomst["status"], _, uitkomst["body"] = sparql(server, EINDELOOS, "direct")
        uitkomst["duur"] = time.monotonic() - begin

    draad = threading.Thread(target=eindeloos)
    draad.start()
    time.sleep(0.3)
    begin = time.monotonic()
    status, _, body = sparql(server, "ASK { pzid:npz-eemland a pz:NetwerkPalliatieveZorg }")
    assert status == 200 and json.loads(body)["boolean"] is True
    assert time.monotonic() - begin < TIJDSLIMIET and draad.is_alive()  # answered while the runaway ran
    draad.join(30)
    assert uitkomst["status"] == 503
    assert TIJDSLIMIET <= uitkomst["duur"] < TIJDSLIMIET + 3
    assert b"Tijdslimiet" in uitkomst["body"] and b"Time limit" in uitkomst["body"]
    gestopt = voor - {w.proces.pid for w in pool._alle.values()}
    assert len(gestopt) == 1
    with pytest.raises(ProcessLookupError):
        os.kill(gestopt.pop(), 0)  # the worker process is gone, not just abandoned
    status, _, body = sparql(server, CONSORTIA, accept="text/csv")  # a later query works
    assert status == 200 and len(body.decode().strip().splitlines()) == 8
    deadline = time.monotonic() + 30
    while pool._vrij.qsize() < 2 and time.monotonic() < deadline:  # and the replacement comes up
        time.sleep(0.2)
    assert len(pool._alle) == 2 and pool._vrij.qsize() == 2
