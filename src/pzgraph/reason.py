"""The OWL reasoner adapter: owlready2 with HermiT (needs Java).

This is the only module that imports owlready2, and only when a function here is called.
HermiT proves the ontology (plus the landscape) consistent and classifies the landscape:
which records and roles fall under which (defined) classes. The data is written to a
private temporary folder that is removed afterwards, also when Java fails, and
``owl:imports`` is never followed.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import OWL, RDF, Graph, URIRef

from .errors import InconsistenteOntologie, RedeneerFout, Tekst
from .vocab import kort

ONTOLOGIE_IRI = "https://w3id.org/pzgraph/def"
STANDAARD_TIJDSLIMIET = 300


def java() -> str | None:
    """Path of the Java executable, or None."""
    return shutil.which("java", path=os.environ.get("PATH"))


@dataclass(frozen=True)
class Redeneerverslag:
    """What HermiT concluded."""

    consistent: bool
    triples: int
    individuen: int
    #: individual (short name) -> classes HermiT added beyond the asserted ones and their
    #: told superclasses (short names)
    afgeleid: dict[str, tuple[str, ...]] = field(default_factory=dict)
    onvervulbaar: tuple[str, ...] = ()
    seconden: float = 0.0

    def klassen_van(self, individu: str) -> tuple[str, ...]:
        return self.afgeleid.get(individu, ())


def _declareer_individuen(g: Graph) -> None:
    """OWL 2 wants every individual declared; the landscape only types its records.

    Every IRI typed with a declared class, and every ``owl:sameAs`` target, becomes an
    ``owl:NamedIndividual`` (owlready2 ignores undeclared ones)."""
    klassen = set(g.subjects(RDF.type, OWL.Class))
    nieuw = {s for s, k in g.subject_objects(RDF.type) if k in klassen and isinstance(s, URIRef)}
    nieuw |= {o for o in g.objects(None, OWL.sameAs) if isinstance(o, URIRef)}
    for s in nieuw:
        g.add((s, RDF.type, OWL.NamedIndividual))


def redeneer(grafen: Iterable[Graph], *, tijdslimiet: float = STANDAARD_TIJDSLIMIET) -> Redeneerverslag:
    """Run HermiT over the union of ``grafen``.

    Raises :class:`RedeneerFout` when Java is missing, fails or exceeds ``tijdslimiet``
    seconds, and :class:`InconsistenteOntologie` when the data are inconsistent.
    """
    java_pad = java()
    if java_pad is None:
        raise RedeneerFout(Tekst("Java ontbreekt: HermiT (via owlready2) heeft Java 11 of nieuwer nodig",
                                 "Java is missing: HermiT (through owlready2) needs Java 11 or later"))
    samen = Graph()
    for g in grafen:
        for triple in g:
            if triple[1] != OWL.imports:
                samen.add(triple)
    _declareer_individuen(samen)
    nt = samen.serialize(format="nt", encoding="utf-8")

    import owlready2
    from owlready2 import reasoning

    begin = time.perf_counter()
    oude_tempdir = tempfile.tempdir
    oude_kargs = dict(reasoning._subprocess_kargs)
    oude_java = owlready2.JAVA_EXE
    with tempfile.TemporaryDirectory(prefix="pzgraph-hermit-") as privé:
        tempfile.tempdir = privé
        reasoning._subprocess_kargs["timeout"] = tijdslimiet
        owlready2.JAVA_EXE = java_pad
        try:
            wereld = owlready2.World()
            onto = wereld.get_ontology(ONTOLOGIE_IRI + "#")
            onto.load(fileobj=io.BytesIO(nt), format="ntriples")
            voor = {ind.iri: {k.iri for k in ind.INDIRECT_is_a if hasattr(k, "iri")} for ind in wereld.individuals()}
            with onto:
                owlready2.sync_reasoner_hermit(wereld, infer_property_values=False, debug=0)
            na = {ind.iri: {k.iri for k in ind.INDIRECT_is_a if hasattr(k, "iri")} for ind in wereld.individuals()}
            onvervulbaar = tuple(sorted(kort(k.iri) for k in wereld.inconsistent_classes()))
        except owlready2.OwlReadyInconsistentOntologyError:
            raise InconsistenteOntologie(Tekst(
                "HermiT: de ontologie met deze gegevens is inconsistent (een record hoort bij klassen die "
                "elkaar uitsluiten, of een waarde botst met een bereik)",
                "HermiT: the ontology with these data is inconsistent (a record belongs to disjoint "
                "classes, or a value clashes with a range)")) from None
        except owlready2.OwlReadyJavaError as exc:
            raise RedeneerFout(Tekst(f"HermiT faalde: {str(exc).strip().splitlines()[-1] if str(exc).strip() else exc}",
                                     f"HermiT failed: {str(exc).strip().splitlines()[-1] if str(exc).strip() else exc}")) from None
        except subprocess.TimeoutExpired:
            raise RedeneerFout(Tekst(f"HermiT stopte niet binnen {tijdslimiet:g} s en is afgebroken",
                                     f"HermiT did not finish within {tijdslimiet:g} s and was stopped")) from None
        finally:
            tempfile.tempdir = oude_tempdir
            reasoning._subprocess_kargs.clear()
            reasoning._subprocess_kargs.update(oude_kargs)
            owlready2.JAVA_EXE = oude_java
    afgeleid = {kort(iri): tuple(sorted(kort(k) for k in na[iri] - voor.get(iri, set())))
                for iri in na if na[iri] - voor.get(iri, set())}
    return Redeneerverslag(
        consistent=not onvervulbaar,
        triples=len(samen),
        individuen=len(na),
        afgeleid=afgeleid,
        onvervulbaar=onvervulbaar,
        seconden=time.perf_counter() - begin,
    )


def redeneer_kb(kb, *, met_landschap: bool = True, tijdslimiet: float = STANDAARD_TIJDSLIMIET) -> Redeneerverslag:
    """HermiT over a :class:`~pzgraph.kb.KnowledgeBase`: the ontology, plus the landscape
    as asserted (without pzgraph's own derived-type graph, so every inference is HermiT's)."""
    from .kb import ONTOLOGIE_GRAAF, AFGELEID_GRAAF

    grafen = [kb.dataset.graph(ONTOLOGIE_GRAAF)]
    if met_landschap:
        grafen += [g for g in kb.dataset.graphs() if g.identifier not in (ONTOLOGIE_GRAAF, AFGELEID_GRAAF)]
    return redeneer(grafen, tijdslimiet=tijdslimiet)


def is_type(verslag: Redeneerverslag, individu: URIRef, klasse: URIRef) -> bool:
    return kort(klasse) in verslag.klassen_van(kort(individu))


__all__ = ["Redeneerverslag", "redeneer", "redeneer_kb", "java"]
