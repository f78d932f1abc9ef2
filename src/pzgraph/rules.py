"""The rule engine: rule files from ``rules/``, run forward to a fixpoint.

A rule is a SPARQL CONSTRUCT (``rules/<ID>.rq``) with a header (id, titles, rationale,
source, kind); an analysis (``rules/<ID>.yaml``) names a networkx analysis of
:mod:`pzgraph.analysis`. Analyses run once; then every rule runs over the group(s), the
landscape and what was concluded so far, adding new triples to the inferred graph, round
after round until a round adds nothing (or the bound on rounds is reached).

The engine talks to a store through :class:`Opslag`: the embedded rdflib Dataset, or
pyoxigraph (for a national graph); the rule files are the same for both.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Protocol

from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from .errors import InvoerFout, Locatie, Probleem, PzgraphError, Tekst
from .namespaces import PREFIXES, PZ, PZG, PZR
from .resources import bestanden

AFGELEID_REGELS = PZG["afgeleid-regels"]
MAX_RONDES = 10
SOORTEN = ("partner", "tafel", "dubbel", "niveau", "continuiteit", "kennismaken", "participatie",
           "kerngroep", "dekking")
PREFIX_BLOK = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


@dataclass(frozen=True)
class Regel:
    """One SPARQL rule file."""

    id: str
    titel: Tekst
    onderbouwing: Tekst
    bron: str
    soort: str
    tekst: str
    pad: Path

    @property
    def iri(self) -> URIRef:
        return PZR[self.id]


@dataclass(frozen=True)
class Analyse:
    """One networkx analysis file."""

    id: str
    titel: Tekst
    bron: str
    analyse: str
    parameters: dict[str, Any]
    pad: Path

    @property
    def iri(self) -> URIRef:
        return PZR[self.id]


def _fout(pad: Path, regel: int, nl: str, en: str) -> InvoerFout:
    return InvoerFout(Probleem(Locatie(str(pad), regel), Tekst(nl, en)))


def lees_regel(pad: Path) -> Regel:
    tekst = pad.read_text(encoding="utf-8")
    kop: dict[str, str] = {}
    for nummer, regel in enumerate(tekst.splitlines(), start=1):
        if not regel.startswith("#"):
            break
        if ":" in regel:
            sleutel, waarde = (d.strip() for d in regel[1:].split(":", 1))
            kop[sleutel] = waarde
    ontbreekt = [k for k in ("id", "titel", "title", "onderbouwing", "rationale", "bron", "soort") if not kop.get(k)]
    if ontbreekt:
        raise _fout(pad, 1, "regelkop mist " + ", ".join(ontbreekt), "rule header lacks " + ", ".join(ontbreekt))
    if kop["id"] != pad.stem:
        raise _fout(pad, 1, f"id {kop['id']!r} is niet de bestandsnaam", f"id {kop['id']!r} is not the file name")
    if kop["soort"] not in SOORTEN:
        raise _fout(pad, 1, f"onbekende soort {kop['soort']!r}", f"unknown kind {kop['soort']!r}")
    return Regel(kop["id"], Tekst(kop["titel"], kop["title"]), Tekst(kop["onderbouwing"], kop["rationale"]),
                 kop["bron"], kop["soort"], tekst, pad)


def lees_analyse(pad: Path) -> Analyse:
    from ruamel.yaml import YAML

    d = YAML(typ="safe", pure=True).load(pad.read_text(encoding="utf-8"))
    ontbreekt = [k for k in ("id", "titel", "title", "bron", "analyse") if not (isinstance(d, dict) and d.get(k))]
    if ontbreekt:
        raise _fout(pad, 1, "analysebestand mist " + ", ".join(ontbreekt), "analysis file lacks " + ", ".join(ontbreekt))
    return Analyse(d["id"], Tekst(d["titel"], d["title"]), d["bron"], d["analyse"], dict(d.get("parameters") or {}), pad)


@cache
def regels() -> tuple[Regel, ...]:
    """The bundled SPARQL rules, by id."""
    return tuple(lees_regel(p) for p in bestanden("rules", "*.rq"))


@cache
def analyses() -> tuple[Analyse, ...]:
    return tuple(lees_analyse(p) for p in bestanden("rules", "*.yaml"))


class Opslag(Protocol):
    """What the engine needs from a store."""

    def select(self, query: str) -> list[dict[str, Any]]: ...
    def construct(self, regel: Regel) -> set[tuple]: ...
    def nieuw(self, triples: set[tuple]) -> set[tuple]: ...
    def voeg_toe(self, triples: Iterable[tuple]) -> None: ...


class RdflibOpslag:
    """The embedded store: an rdflib Dataset with a union default graph."""

    def __init__(self, dataset) -> None:
        self.ds = dataset
        self.afgeleid = dataset.graph(AFGELEID_REGELS)
        self._voorbereid: dict[str, Any] = {}

    def select(self, query: str) -> list[dict[str, Any]]:
        """Rows of a SELECT as dicts of rdflib terms (unbound variables left out)."""
        r = self.ds.query(PREFIX_BLOK + query)
        return [{str(v): row[v] for v in r.vars if row[v] is not None} for row in r]

    def construct(self, regel: Regel) -> set[tuple]:
        from rdflib.plugins.sparql import prepareQuery

        q = self._voorbereid.get(regel.id)
        if q is None:
            try:
                q = prepareQuery(PREFIX_BLOK + regel.tekst)
            except Exception as exc:
                raise PzgraphError(Tekst(f"{regel.pad}: regel {regel.id} is geen geldige SPARQL: {exc}",
                                         f"{regel.pad}: rule {regel.id} is not valid SPARQL: {exc}")) from None
            self._voorbereid[regel.id] = q
        return set(self.ds.query(q).graph or ())

    def nieuw(self, triples: set[tuple]) -> set[tuple]:
        return {t for t in triples if t not in self.afgeleid and next(self.ds.triples(t), None) is None}

    def voeg_toe(self, triples: Iterable[tuple]) -> None:
        for t in triples:
            self.afgeleid.add(t)


class OxigraphOpslag:
    """pyoxigraph in memory (or on disk): the same rules, for national-scale graphs."""

    def __init__(self, store) -> None:
        import pyoxigraph

        self.ox = pyoxigraph
        self.store = store
        self.graaf = pyoxigraph.NamedNode(str(AFGELEID_REGELS))

    def select(self, query: str) -> list[dict[str, Any]]:
        uit = []
        oplossingen = self.store.query(PREFIX_BLOK + query, use_default_graph_as_union=True)
        namen = [v.value for v in oplossingen.variables]
        for rij in oplossingen:
            uit.append({n: _naar_rdflib(rij[n]) for n in namen if rij[n] is not None})
        return uit

    def construct(self, regel: Regel) -> set[tuple]:
        return {(t.subject, t.predicate, t.object)
                for t in self.store.query(PREFIX_BLOK + regel.tekst, use_default_graph_as_union=True)}

    def nieuw(self, triples: set[tuple]) -> set[tuple]:
        return {t for t in triples if next(iter(self.store.quads_for_pattern(*t, None)), None) is None}

    def voeg_toe(self, triples: Iterable[tuple]) -> None:
        self.store.extend([self.ox.Quad(*(_naar_ox(x) for x in t), self.graaf) for t in triples])


class EindpuntOpslag:
    """A SPARQL server: rules run as CONSTRUCT queries there, conclusions go in with INSERT DATA
    into the inferred graph (drop it first with :meth:`leeg` for a fresh run)."""

    def __init__(self, bron) -> None:
        self.bron = bron
        self.bekend: set[tuple] = set()

    def leeg(self) -> None:
        self.bron.update(f"DROP SILENT GRAPH <{AFGELEID_REGELS}>")

    def select(self, query: str) -> list[dict[str, Any]]:
        r = self.bron.query(query, {})
        return [{k: v for k, v in zip(r.kolommen, rij) if v is not None} for rij in r.rijen]

    def construct(self, regel: Regel) -> set[tuple]:
        return set(self.bron.query(regel.tekst, {}).graaf)

    def nieuw(self, triples: set[tuple]) -> set[tuple]:
        return triples - self.bekend

    def voeg_toe(self, triples: Iterable[tuple]) -> None:
        lijst = [t for t in triples if t not in self.bekend]
        for i in range(0, len(lijst), 2000):
            regels_ = " .\n".join(f"{s.n3()} {p.n3()} {o.n3()}" for s, p, o in lijst[i:i + 2000])
            self.bron.update(f"INSERT DATA {{ GRAPH <{AFGELEID_REGELS}> {{ {regels_} }} }}")
        self.bekend.update(lijst)


def _naar_rdflib(term):
    import pyoxigraph as ox
    from rdflib import BNode

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def _naar_ox(term):
    import pyoxigraph as ox
    from rdflib import BNode

    if not isinstance(term, (URIRef, BNode, Literal)):
        return term  # already a pyoxigraph term
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype or "http://www.w3.org/2001/XMLSchema#string")))


@dataclass
class Verloop:
    """How a run went: rounds, new triples per round, time per rule."""

    rondes: int = 0
    nieuw_per_ronde: list[int] = field(default_factory=list)
    seconden_per_regel: dict[str, float] = field(default_factory=dict)
    fixpunt: bool = False

    @property
    def totaal(self) -> int:
        return sum(self.nieuw_per_ronde)


def regel_metadata(regel: Regel | Analyse) -> list[tuple]:
    """What the inferred graph says about a rule: the prov:Plan that conclusions point to."""
    uit = [(regel.iri, RDF.type, PZ.Regel), (regel.iri, RDF.type, PROV.Plan),
           (regel.iri, DCTERMS.identifier, Literal(regel.id)), (regel.iri, DCTERMS.source, Literal(regel.bron)),
           (regel.iri, RDFS.label, Literal(regel.titel.nl, lang="nl")),
           (regel.iri, RDFS.label, Literal(regel.titel.en, lang="en"))]
    if isinstance(regel, Regel):
        uit += [(regel.iri, RDFS.comment, Literal(regel.onderbouwing.nl, lang="nl")),
                (regel.iri, RDFS.comment, Literal(regel.onderbouwing.en, lang="en")),
                (regel.iri, PZ.aanbevelingssoort, PZ["aanbeveling-" + regel.soort])]
    return uit


def fixpunt(opslag: Opslag, te_draaien: Iterable[Regel] | None = None, *, max_rondes: int = MAX_RONDES) -> Verloop:
    """Run the rules until a round adds nothing, or ``max_rondes`` rounds."""
    lijst = tuple(te_draaien) if te_draaien is not None else regels()
    verloop = Verloop()
    for ronde in range(1, max_rondes + 1):
        erbij: set[tuple] = set()
        for regel in lijst:
            begin = time.perf_counter()
            erbij |= opslag.construct(regel)
            verloop.seconden_per_regel[regel.id] = verloop.seconden_per_regel.get(regel.id, 0.0) + time.perf_counter() - begin
        nieuw = opslag.nieuw(erbij)
        verloop.rondes = ronde
        verloop.nieuw_per_ronde.append(len(nieuw))
        if not nieuw:
            verloop.fixpunt = True
            break
        opslag.voeg_toe(nieuw)
    return verloop
