"""Run the compiled shapes (:mod:`pzgraph.snelpad`) on pyoxigraph and turn the rows into the same
:class:`~pzgraph.validate.Resultaat` rows that the pySHACL adapter gives.

Two uses: :func:`valideer_snel` for any graph (the differential tests compare it with
:func:`pzgraph.validate.valideer`, and ``pzgraph check`` uses it by default), and
:func:`resultaten` on a large store for bulk checks (:mod:`pzgraph.bulk`, ``pzgraph check --all``).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from rdflib import Graph

from .bron import naar_rdflib as _naar_rdflib
from .snelpad import SH, Query, compileer
from .validate import ERNST, Resultaat, Vormen, vormen


@cache
def _bundel_queries() -> tuple[Query, ...]:
    return tuple(compileer(vormen().graaf))


def queries(shapes: Graph | None = None) -> tuple[Query, ...]:
    """The compiled queries of ``shapes`` (default: pzgraph's bundled shapes, compiled once)."""
    return _bundel_queries() if shapes is None else tuple(compileer(shapes))


def store_van(data: Graph | Iterable[tuple]):
    """An in-memory pyoxigraph store holding ``data`` (an rdflib graph or triples)."""
    import pyoxigraph as ox

    from .bron import naar_ox

    store = ox.Store()
    store.extend(ox.Quad(naar_ox(s), naar_ox(p), naar_ox(o)) for s, p, o in
                 (data.triples((None, None, None)) if isinstance(data, Graph) else data))
    return store


def resultaten(store, qs: Iterable[Query]) -> list[Resultaat]:
    """Run the queries on a pyoxigraph store (the union of its graphs is the data graph)."""
    hoofd: dict[tuple, dict] = {}
    details: dict[tuple, tuple[int, object, object]] = {}
    termen: dict = {}

    def naar_rdflib(term):  # the same focus nodes recur in many rows: convert each once
        if term is None:
            return None
        uit = termen.get(term)
        if uit is None:
            uit = termen[term] = _naar_rdflib(term)
        return uit

    for q in qs:
        for rij in store.query(q.tekst, use_default_graph_as_union=True):
            this = naar_rdflib(rij["this"])
            if q.waarde in ("detail", "detail-focus"):
                value = naar_rdflib(rij["value"]) if q.waarde == "detail" else this
                sleutel = (this, q.vorm, value)
                if sleutel not in details or details[sleutel][0] > q.detail_volgorde:
                    details[sleutel] = (q.detail_volgorde, value, q.detail_pad)
                continue
            pad = q.pad
            if q.waarde == "waarde":
                value = naar_rdflib(_kolom(rij, "value"))
                if q.component == SH.SPARQLConstraintComponent:
                    pad = naar_rdflib(_kolom(rij, "path")) or q.pad
                    if value is None and q.pad is None:
                        value = this
            elif q.waarde == "focus":
                value = this
            else:
                value = None
            sleutel = (this, q.vorm, q.component, pad, value)
            hoofd.setdefault(sleutel, {"ernst": ERNST.get(q.ernst), "this": this, "pad": pad, "value": value,
                                       "vorm": q.vorm, "component": q.component})
    uit = []
    for (this, vorm, component, pad, value), r in hoofd.items():
        detail = details.get((this, vorm, value)) if component == SH.NodeConstraintComponent else None
        uit.append(Resultaat(this, pad, value, vorm, r["ernst"], None if detail is None else detail[1],
                             None if detail is None else detail[2], component))
    return uit


def _kolom(rij, naam: str):
    try:
        return rij[naam]
    except (KeyError, IndexError):
        return None


def valideer_snel(data: Graph, v: Vormen | None = None, shapes: Graph | None = None) -> list[Resultaat]:
    """The fast path on an rdflib graph: load it into pyoxigraph and run the compiled shapes."""
    return resultaten(store_van(data), queries(shapes))


def verslag_graaf(rijen: Iterable[Resultaat], v: Vormen) -> Graph:
    """A SHACL validation report (``sh:ValidationReport``) built from result rows, as pySHACL
    writes one: focus node, path (complex paths copied from the shapes graph), value, source
    shape, constraint component, severity, message and, for ``sh:node``, the nested result."""
    from rdflib import RDF, BNode, Literal

    g = Graph()
    rapport = BNode()
    rijen = list(rijen)
    g.add((rapport, RDF.type, SH.ValidationReport))
    g.add((rapport, SH.conforms, Literal(not rijen)))
    for r in rijen:
        res = BNode()
        g.add((rapport, SH.result, res))
        g.add((res, RDF.type, SH.ValidationResult))
        g.add((res, SH.focusNode, r.focus))
        if r.pad is not None:
            g.add((res, SH.resultPath, _kopie(r.pad, v.graaf, g)))
        if r.waarde is not None:
            g.add((res, SH.value, r.waarde))
        g.add((res, SH.sourceShape, r.vorm))
        if r.component is not None:
            g.add((res, SH.sourceConstraintComponent, r.component))
        g.add((res, SH.resultSeverity, v.graaf.value(r.vorm, SH.severity) or SH.Violation))
        for bericht in v.graaf.objects(r.vorm, SH.message):
            g.add((res, SH.resultMessage, bericht))
        if r.detail_focus is not None:
            detail = BNode()
            g.add((res, SH.detail, detail))
            g.add((detail, RDF.type, SH.ValidationResult))
            g.add((detail, SH.focusNode, r.detail_focus))
            if r.detail_pad is not None:
                g.add((detail, SH.resultPath, _kopie(r.detail_pad, v.graaf, g)))
    return g


def _kopie(knoop, bron: Graph, doel: Graph):
    """``knoop`` itself, with the triples of the blank nodes under it copied into ``doel``."""
    from rdflib import BNode

    stapel, gezien = [knoop], set()
    while stapel:
        huidig = stapel.pop()
        if not isinstance(huidig, BNode) or huidig in gezien:
            continue
        gezien.add(huidig)
        for t in bron.triples((huidig, None, None)):
            doel.add(t)
            stapel.append(t[2])
    return knoop
