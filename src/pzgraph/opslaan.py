"""Putting the graph somewhere: a persistent pyoxigraph store, a SPARQL server, or a file.

``pzgraph load`` writes the landscape (ontology, landscape, derived types) and the given
groups: each named graph is replaced as a whole, so loading twice gives the same store.
A group's personal data (names, e-mails) goes to its own named graph ``<group>#personen``,
so that erasing a person is dropping or editing one graph. ``pzgraph export`` writes
atomically: a killed export never leaves a half-written file.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Dataset, URIRef

from .bestanden import schrijf_atomair
from .errors import InvoerFout, Locatie, Probleem, Tekst
from .namespaces import PREFIXES

if TYPE_CHECKING:  # pragma: no cover
    from .groups import Groep
    from .kb import KnowledgeBase

#: user name -> (rdflib format, keeps named graphs)
FORMATEN = {"turtle": ("turtle", False), "ntriples": ("nt", False), "trig": ("trig", True),
            "nquads": ("nquads", True), "jsonld": ("json-ld", True)}
BLOK = 5000


def graaf_van(groep: Groep) -> URIRef:
    return URIRef(str(groep.iri) + "#graaf")


def personen_graaf_van(groep: Groep) -> URIRef:
    return URIRef(str(groep.iri) + "#personen")


def quads(kb: KnowledgeBase, groepen: list[Groep], *, met_landschap: bool = True,
          met_personen: bool = True) -> Iterator[tuple]:
    """Everything to store: (s, p, o, graph) with graph None for the default graph."""
    if met_landschap:
        yield from kb.bron.quads()
    for groep in groepen:
        for s, p, o in groep.graaf:
            yield s, p, o, graaf_van(groep)
        if met_personen:
            for s, p, o in groep.personen:
                yield s, p, o, personen_graaf_van(groep)


def naar_store(kb: KnowledgeBase, pad: Path, groepen: list[Groep]) -> int:
    """Write landscape and groups to the pyoxigraph store at ``pad`` (created when new)."""
    import pyoxigraph as ox

    from .bron import naar_ox

    try:
        store = ox.Store(str(pad))
    except OSError as exc:
        raise InvoerFout(Probleem(Locatie(str(pad)), Tekst(f"kan de opslag niet openen ({exc}); is hij in gebruik?",
                                                           f"cannot open the store ({exc}); is it in use?"))) from None
    nieuw = list(quads(kb, groepen))
    grafen = {g for *_, g in nieuw if g is not None}
    omzetten = [ox.Quad(naar_ox(s), naar_ox(p), naar_ox(o), ox.DefaultGraph() if g is None else ox.NamedNode(str(g)))
                for s, p, o, g in nieuw]
    for g in grafen:
        store.clear_graph(ox.NamedNode(str(g)))
    store.extend(omzetten)
    store.flush()
    aantal = len(store)
    del store
    return aantal


def naar_eindpunt(kb: KnowledgeBase, bron, groepen: list[Groep]) -> int:
    """Write landscape and groups to a SPARQL server with SPARQL 1.1 Update (DROP + INSERT DATA)."""
    per_graaf: dict[URIRef | None, list[tuple]] = {}
    for s, p, o, g in quads(kb, groepen):
        per_graaf.setdefault(g, []).append((s, p, o))
    for g, triples in per_graaf.items():
        if g is not None:
            bron.update(f"DROP SILENT GRAPH <{g}>")
        for i in range(0, len(triples), BLOK):
            regels = " .\n".join(f"{s.n3()} {p.n3()} {o.n3()}" for s, p, o in triples[i:i + BLOK])
            bron.update(f"INSERT DATA {{ GRAPH <{g}> {{ {regels} }} }}" if g is not None else f"INSERT DATA {{ {regels} }}")
    return sum(len(t) for t in per_graaf.values())


def exporteer(kb: KnowledgeBase, groepen: list[Groep], pad: Path, formaat: str, *, alleen_groepen: bool = False,
              met_personen: bool = False) -> int:
    """Write the graph (or only the groups) to ``pad`` atomically. Personal data only on request."""
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    for s, p, o, g in quads(kb, groepen, met_landschap=not alleen_groepen, met_personen=met_personen):
        (ds.default_graph if g is None else ds.graph(g)).add((s, p, o))
    rdflib_formaat, met_grafen = FORMATEN[formaat]
    if met_grafen:
        tekst = ds.serialize(format=rdflib_formaat)
    else:
        from rdflib import Graph

        plat = Graph()
        for prefix, ns in PREFIXES.items():
            plat.bind(prefix, ns)
        for s, p, o, _ in ds.quads((None, None, None, None)):
            plat.add((s, p, o))
        tekst = plat.serialize(format=rdflib_formaat)
    schrijf_atomair(pad, tekst)
    return sum(len(g) for g in ds.graphs())
