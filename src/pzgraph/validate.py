"""The SHACL adapter: the only module that imports pySHACL.

Reads the bundled shapes once, indexes each constraint's id, severity, messages, source and
randvoorwaarde, and runs ``pyshacl.validate`` (no inference: the type closure is already in
the data). pySHACL's result graph is turned into plain :class:`Resultaat` rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, SKOS

from .errors import Tekst
from .report import Ernst
from .resources import bestanden

SH = Namespace("http://www.w3.org/ns/shacl#")
PZS = Namespace("https://w3id.org/pzgraph/shapes#")
ERNST = {SH.Violation: Ernst.FOUT, SH.Warning: Ernst.WAARSCHUWING, SH.Info: Ernst.INFO}


@dataclass(frozen=True)
class Beperking:
    """One constraint (a shape with a ``dct:identifier``)."""

    iri: URIRef
    id: str
    ernst: Ernst
    bericht: Tekst
    titel: Tekst
    bron: str
    randvoorwaarde: URIRef | None
    pad: URIRef | BNode | None


@dataclass(frozen=True)
class RandvoorwaardeDef:
    iri: URIRef
    titel: Tekst
    definitie: str
    bron: str
    volgorde: int


@dataclass(frozen=True)
class Vormen:
    graaf: Graph
    beperkingen: dict[URIRef, Beperking]
    randvoorwaarden: dict[URIRef, RandvoorwaardeDef]
    per_klasse: dict[URIRef, tuple[Beperking, ...]]


def _tekst(g: Graph, s, p) -> Tekst:
    waarden = {(l.language or ""): str(l) for l in g.objects(s, p) if isinstance(l, Literal)}
    nl = waarden.get("nl") or waarden.get("") or ""
    return Tekst(nl, waarden.get("en") or nl)


@cache
def vormen() -> Vormen:
    """The bundled shapes (``shapes/*.ttl``), parsed and indexed once per process."""
    g = Graph()
    for pad in bestanden("shapes", "*.ttl"):
        g.parse(pad, format="turtle")
    beperkingen: dict[URIRef, Beperking] = {}
    for s, ident in g.subject_objects(DCTERMS.identifier):
        if not isinstance(s, URIRef):
            continue
        ernst = ERNST.get(g.value(s, SH.severity), Ernst.FOUT)
        beperkingen[s] = Beperking(s, str(ident), ernst, _tekst(g, s, SH.message), _tekst(g, s, RDFS.label),
                                   str(g.value(s, DCTERMS.source) or ""), g.value(s, SH.group),
                                   g.value(s, SH.path) or g.value(s, PZS.sleutelpad))
    randvoorwaarden = {}
    for rv in g.subjects(RDF.type, SH.PropertyGroup):
        if isinstance(rv, URIRef):
            volgorde = g.value(rv, SH.order)
            randvoorwaarden[rv] = RandvoorwaardeDef(rv, _tekst(g, rv, RDFS.label), str(g.value(rv, SKOS.definition) or ""),
                                                    str(g.value(rv, DCTERMS.source) or ""),
                                                    int(volgorde.toPython()) if volgorde is not None else 99)
    per_klasse: dict[URIRef, list[Beperking]] = {}
    for vorm, klasse in g.subject_objects(SH.targetClass):
        lijst = per_klasse.setdefault(klasse, [])
        if vorm in beperkingen:
            lijst.append(beperkingen[vorm])
        lijst += [beperkingen[p] for p in g.objects(vorm, SH.property) if p in beperkingen]
    return Vormen(g, beperkingen, randvoorwaarden,
                  {k: tuple(sorted(set(v), key=lambda b: b.id)) for k, v in per_klasse.items()})


@cache
def _voorbereid(tekst: str, prefixen: tuple, basis: str | None):
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(tekst, initNs=dict(prefixen), base=basis)


class Gegevensgraaf(Graph):
    """The data graph handed to pySHACL. pySHACL passes the *text* of a SPARQL constraint for
    every focus node and rdflib would parse it anew each time (~0.1 s per parse); this graph
    prepares each distinct text once and reuses it, which is what rdflib's prepared queries are for."""

    def query(self, query_object, processor="sparql", result="sparql", initNs=None,  # noqa: N803
              initBindings=None, use_store_provided=True, **kwargs):  # noqa: N803
        if isinstance(query_object, str):
            query_object = _voorbereid(query_object, tuple(sorted((initNs or {}).items())), kwargs.pop("base", None))
        return super().query(query_object, processor, result, None, initBindings, use_store_provided, **kwargs)


@dataclass(frozen=True)
class Resultaat:
    focus: URIRef | BNode
    pad: URIRef | BNode | None
    waarde: object
    vorm: URIRef | BNode
    ernst: Ernst
    #: the first nested result (sh:detail) of an sh:node / qualified constraint: its focus and path
    detail_focus: object = None
    detail_pad: object = None
    #: the SHACL constraint component (sh:sourceConstraintComponent)
    component: object = None


def valideer(data: Graph, v: Vormen) -> tuple[list[Resultaat], Graph]:
    """Run pySHACL over ``data``; returns the result rows and pySHACL's report graph."""
    import pyshacl

    _, verslag, _ = pyshacl.validate(data, shacl_graph=v.graaf, inference="none", advanced=False,
                                     allow_warnings=True, allow_infos=True, abort_on_first=False)
    uit = []
    # only the top-level results: sh:node and qualified shapes nest detail results, typed alike
    for r in verslag.objects(None, SH.result):
        detail = verslag.value(r, SH.detail)
        uit.append(Resultaat(verslag.value(r, SH.focusNode), verslag.value(r, SH.resultPath), verslag.value(r, SH.value),
                             verslag.value(r, SH.sourceShape), ERNST.get(verslag.value(r, SH.resultSeverity), Ernst.FOUT),
                             None if detail is None else verslag.value(detail, SH.focusNode),
                             None if detail is None else verslag.value(detail, SH.resultPath),
                             verslag.value(r, SH.sourceConstraintComponent)))
    return uit, verslag
