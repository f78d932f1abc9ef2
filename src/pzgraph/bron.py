"""Where the graph lives: in memory (rdflib), in a pyoxigraph store (in memory or on disk),
or on a SPARQL server (Oxigraph, Fuseki, GraphDB). One small interface, three backends; the
same queries and rules run on each, with the same answers.

Parameters are bound as RDF terms. rdflib binds them itself (``initBindings``); for pyoxigraph
and servers, which have no such mechanism for every query, the terms (serialised by rdflib,
escaped) go into a ``VALUES`` block at the start of the query's outermost ``WHERE`` group:
the same pre-binding, never the user's text spliced into the query.
"""

from __future__ import annotations

import json
import re
import urllib.parse
import urllib.request
from collections.abc import Iterator, Mapping
from typing import Any

from rdflib import BNode, Literal, URIRef
from rdflib.term import Identifier

from .errors import InvoerFout, Locatie, Probleem, PzgraphError, Tekst
from .namespaces import PREFIXES
from .sparql import Resultaat, bereid, term_uit_python, voer_uit

PREFIX_BLOK = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def met_waarden(tekst: str, bindingen: Mapping[str, Identifier]) -> str:
    """The query with ``VALUES (?a ?b) { (t1 t2) }`` first in its outermost WHERE group."""
    if not bindingen:
        return tekst
    m = _WHERE.search(_zonder_commentaar(tekst))
    if m is None:
        raise PzgraphError(Tekst("een query met parameters heeft een WHERE-blok nodig",
                                 "a query with parameters needs a WHERE block"))
    namen = " ".join(f"?{k}" for k in bindingen)
    termen = " ".join(term_uit_python(v).n3() for v in bindingen.values())
    return tekst[: m.end()] + f"\n  VALUES ({namen}) {{ ({termen}) }}\n" + tekst[m.end():]


def _zonder_commentaar(tekst: str) -> str:
    """Blank out ``#`` comments (outside IRIs and strings) keeping offsets, so a WHERE in a comment is not found."""
    uit, in_iri, in_tekst = [], False, None
    i = 0
    while i < len(tekst):
        c = tekst[i]
        if in_tekst:
            if c == "\\":
                uit.append(tekst[i:i + 2])
                i += 2
                continue
            if c == in_tekst:
                in_tekst = None
        elif in_iri:
            in_iri = c != ">"
        elif c in "\"'":
            in_tekst = c
        elif c == "<" and re.match(r"<[^\s<>\"{}|^`\\]*>", tekst[i:]):
            in_iri = True
        elif c == "#":
            eind = tekst.find("\n", i)
            eind = len(tekst) if eind < 0 else eind
            uit.append(" " * (eind - i))
            i = eind
            continue
        uit.append(c)
        i += 1
    return "".join(uit)


class GeheugenBron:
    """An rdflib Dataset in memory (the default)."""

    naam = "geheugen"

    def __init__(self, dataset) -> None:
        self.dataset = dataset

    def query(self, tekst: str, bindingen: Mapping[str, Any], locatie: Locatie | None = None) -> Resultaat:
        return voer_uit(self.dataset, bereid(tekst, locatie), bindingen)

    def triples(self, patroon) -> Iterator[tuple]:
        return self.dataset.triples(patroon)

    def quads(self) -> Iterator[tuple]:
        for s, p, o, g in self.dataset.quads((None, None, None, None)):
            yield s, p, o, getattr(g, "identifier", g)

    def __len__(self) -> int:
        return sum(len(g) for g in self.dataset.graphs())


def naar_ox(term):
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype))) if term.datatype else ox.Literal(str(term))
    return term


def naar_rdflib(term):
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.DefaultGraph):
        return None
    if term.language:
        return Literal(term.value, lang=term.language)
    dt = term.datatype.value
    return Literal(term.value) if dt == "http://www.w3.org/2001/XMLSchema#string" else Literal(term.value, datatype=URIRef(dt))


class OxigraphBron:
    """A pyoxigraph store: in memory, or persistent on disk (``pzgraph load --store PAD``)."""

    naam = "pyoxigraph"

    def __init__(self, store) -> None:
        self.store = store

    def query(self, tekst: str, bindingen: Mapping[str, Any], locatie: Locatie | None = None) -> Resultaat:
        bereid(tekst, locatie)  # the guard: refuses updates, SERVICE and FROM
        import pyoxigraph as ox

        try:
            uit = self.store.query(PREFIX_BLOK + met_waarden(tekst, bindingen), use_default_graph_as_union=True)
        except (SyntaxError, ValueError) as exc:
            raise InvoerFout(Probleem(locatie or Locatie("<query>"), Tekst(f"ongeldige SPARQL: {exc}", f"invalid SPARQL: {exc}"))) from None
        if isinstance(uit, ox.QueryBoolean):
            return Resultaat("ask", waar=bool(uit))
        if isinstance(uit, ox.QueryTriples):
            from rdflib import Graph

            g = Graph()
            for t in uit:
                g.add((naar_rdflib(t.subject), naar_rdflib(t.predicate), naar_rdflib(t.object)))
            return Resultaat("graph", graaf=g)
        namen = [v.value for v in uit.variables]
        return Resultaat("select", namen, [tuple(naar_rdflib(rij[n]) for n in namen) for rij in uit])

    def triples(self, patroon) -> Iterator[tuple]:
        s, p, o = (None if x is None else naar_ox(x) for x in patroon)
        gezien = set()
        for q in self.store.quads_for_pattern(s, p, o, None):
            t = (naar_rdflib(q.subject), naar_rdflib(q.predicate), naar_rdflib(q.object))
            if t not in gezien:
                gezien.add(t)
                yield t

    def quads(self) -> Iterator[tuple]:
        for q in self.store:
            yield naar_rdflib(q.subject), naar_rdflib(q.predicate), naar_rdflib(q.object), naar_rdflib(q.graph_name)

    def __len__(self) -> int:
        return len(self.store)


class EindpuntBron:
    """A SPARQL 1.1 server (query endpoint; ``update`` for ``pzgraph load``)."""

    naam = "sparql-server"

    def __init__(self, url: str, update_url: str | None = None, tijdslimiet: float = 60.0) -> None:
        if urllib.parse.urlparse(url).scheme not in ("http", "https"):
            raise InvoerFout(Probleem(Locatie(url), Tekst("geen http(s)-adres", "not an http(s) URL"),
                                      Tekst("bijv. http://127.0.0.1:7878/query", "e.g. http://127.0.0.1:7878/query")))
        self.url = url
        self.update_url = update_url
        self.tijdslimiet = tijdslimiet

    def _post(self, url: str, velden: dict[str, str], accept: str) -> bytes:
        data = urllib.parse.urlencode(velden).encode()
        verzoek = urllib.request.Request(url, data=data, headers={
            "Content-Type": "application/x-www-form-urlencoded", "Accept": accept})
        try:
            with urllib.request.urlopen(verzoek, timeout=self.tijdslimiet) as antwoord:  # noqa: S310 (http(s) only)
                return antwoord.read()
        except OSError as exc:
            raise PzgraphError(Tekst(f"SPARQL-server {url} antwoordt niet zoals verwacht: {exc}",
                                     f"SPARQL server {url} did not answer as expected: {exc}")) from None

    def query(self, tekst: str, bindingen: Mapping[str, Any], locatie: Locatie | None = None) -> Resultaat:
        voorbereid = bereid(tekst, locatie)
        vorm = voorbereid.algebra.name
        volledig = PREFIX_BLOK + met_waarden(tekst, bindingen)
        if vorm in ("ConstructQuery", "DescribeQuery"):
            from rdflib import Graph

            g = Graph()
            g.parse(data=self._post(self.url, {"query": volledig}, "application/n-triples"), format="nt")
            return Resultaat("graph", graaf=g)
        data = json.loads(self._post(self.url, {"query": volledig}, "application/sparql-results+json"))
        if "boolean" in data:
            return Resultaat("ask", waar=bool(data["boolean"]))
        namen = data["head"]["vars"]
        return Resultaat("select", namen, [tuple(_json_term(rij.get(n)) for n in namen) for rij in data["results"]["bindings"]])

    def triples(self, patroon) -> Iterator[tuple]:
        s, p, o = patroon
        termen = {k: v for k, v in (("s", s), ("p", p), ("o", o)) if v is not None}
        r = self.query("SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o }", termen)
        for rij in r.rijen:
            yield tuple(termen.get(k, rij[i]) for i, k in enumerate("spo"))

    def quads(self) -> Iterator[tuple]:
        r = self.query("SELECT ?s ?p ?o ?g WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }", {})
        seen = set()
        for s, p, o, g in r.rijen:
            if (s, p, o, g) not in seen:
                seen.add((s, p, o, g))
                yield s, p, o, g

    def __len__(self) -> int:
        r = self.query("SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }", {})
        return int(r.rijen[0][0])

    def update(self, tekst: str) -> None:
        if not self.update_url:
            raise InvoerFout(Probleem(Locatie(self.url), Tekst("geen update-adres opgegeven", "no update endpoint given"),
                                      Tekst("--update-endpoint URL (bij Oxigraph: …/update)", "--update-endpoint URL (Oxigraph: …/update)")))
        self._post(self.update_url, {"update": tekst}, "*/*")


def _json_term(d: dict | None) -> Identifier | None:
    if d is None:
        return None
    if d["type"] == "uri":
        return URIRef(d["value"])
    if d["type"] == "bnode":
        return BNode(d["value"])
    if "xml:lang" in d:
        return Literal(d["value"], lang=d["xml:lang"])
    if "datatype" in d and d["datatype"] != "http://www.w3.org/2001/XMLSchema#string":
        return Literal(d["value"], datatype=URIRef(d["datatype"]))
    return Literal(d["value"])
