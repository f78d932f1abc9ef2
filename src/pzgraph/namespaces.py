"""Namespaces of pzgraph. ``PZ`` is generated from the ontology (see tools/gen_namespace.py)."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD

from ._pz import PZ

PZID = Namespace("https://w3id.org/pzgraph/id/")
PZG = Namespace("https://w3id.org/pzgraph/graph/")
PZR = Namespace("https://w3id.org/pzgraph/rules#")

#: prefix -> namespace IRI, used for queries, output and the short names users write
PREFIXES: dict[str, str] = {
    "pz": str(PZ._NS),
    "pzid": str(PZID),
    "pzg": str(PZG),
    "pzr": str(PZR),
    "org": str(ORG),
    "skos": str(SKOS),
    "prov": str(PROV),
    "dct": str(DCTERMS),
    "foaf": str(FOAF),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
}

__all__ = ["PZ", "PZID", "PZG", "PZR", "PREFIXES", "ORG", "SKOS", "PROV", "DCTERMS", "FOAF"]
