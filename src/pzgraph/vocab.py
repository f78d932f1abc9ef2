"""What the ontology declares, read from the ontology graph (never hard-coded).

The landscape compiler and the CLI check user input against this: a ``soort`` must be a
declared class, a ``relatie`` an object property, a ``kenmerk`` a datatype property (whose
``rdfs:range`` types the value), and a ``pz:`` concept a declared individual.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import OWL, RDF, RDFS, Graph, URIRef

from .namespaces import PREFIXES


def _afsluiting(g: Graph, eigenschap: URIRef) -> dict[URIRef, frozenset[URIRef]]:
    """Transitive closure of a named-term hierarchy (subClassOf or subPropertyOf)."""
    direct: dict[URIRef, set[URIRef]] = {}
    for sub, sup in g.subject_objects(eigenschap):
        if isinstance(sub, URIRef) and isinstance(sup, URIRef):
            direct.setdefault(sub, set()).add(sup)
    uit: dict[URIRef, frozenset[URIRef]] = {}
    for term in direct:
        gezien: set[URIRef] = set()
        stapel = [term]
        while stapel:
            for sup in direct.get(stapel.pop(), ()):
                if sup not in gezien:
                    gezien.add(sup)
                    stapel.append(sup)
        uit[term] = frozenset(gezien)
    return uit


def kort(iri: URIRef | str) -> str:
    """``pz:Rol`` for a pz IRI, ``org:Role`` for ORG, else the IRI itself."""
    tekst = str(iri)
    for prefix, ns in PREFIXES.items():
        if tekst.startswith(ns) and len(tekst) > len(ns):
            return f"{prefix}:{tekst[len(ns):]}"
    return tekst


@dataclass(frozen=True)
class Vocabulaire:
    klassen: frozenset[URIRef]
    objecteigenschappen: frozenset[URIRef]
    datatype_bereik: dict[URIRef, URIRef | None]
    individuen: frozenset[URIRef]
    superklassen: dict[URIRef, frozenset[URIRef]]
    supereigenschappen: dict[URIRef, frozenset[URIRef]]

    @classmethod
    def uit_graaf(cls, g: Graph) -> Vocabulaire:
        klassen = frozenset(k for k in g.subjects(RDF.type, OWL.Class) if isinstance(k, URIRef))
        objprops = frozenset(p for p in g.subjects(RDF.type, OWL.ObjectProperty) if isinstance(p, URIRef))
        dataprops = {p: g.value(p, RDFS.range) for p in g.subjects(RDF.type, OWL.DatatypeProperty)
                     if isinstance(p, URIRef)}
        individuen = frozenset(i for i in g.subjects(RDF.type, OWL.NamedIndividual) if isinstance(i, URIRef))
        return cls(klassen, objprops, dataprops, individuen,
                   _afsluiting(g, RDFS.subClassOf), _afsluiting(g, RDFS.subPropertyOf))

    def is_sub(self, klasse: URIRef, van: URIRef) -> bool:
        return klasse == van or van in self.superklassen.get(klasse, frozenset())

    def namen(self, iris: frozenset[URIRef] | dict) -> list[str]:
        """Short names as a user writes them: ``NetwerkPalliatieveZorg``, ``org:Role``."""
        return sorted(kort(i).removeprefix("pz:") for i in iris)
