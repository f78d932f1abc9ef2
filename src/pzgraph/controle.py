"""``pzgraph check``: does a proposed group meet its randvoorwaarden?

Reads group files (:mod:`pzgraph.groups`), validates each against the shapes of its kind
together with the ontology and the landscape (:mod:`pzgraph.validate`), and builds a typed
:class:`~pzgraph.report.Rapport` per group, each finding pointing at a line of the user's file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import ORG

from .errors import Tekst
from .groups import Groep, lees_groepen
from .report import Bevinding, Ernst, Randvoorwaarde, Rapport, als_json, als_sarif
from .validate import SH, Beperking, Gegevensgraaf, Resultaat, Vormen, valideer, vormen

if TYPE_CHECKING:  # pragma: no cover
    from .kb import KnowledgeBase


@dataclass
class Controle:
    """The checks of one or more groups (a file or a folder)."""

    rapporten: list[Rapport]

    @property
    def rapport(self) -> Rapport:
        """The report, when exactly one group was checked."""
        if len(self.rapporten) != 1:
            raise ValueError(f"{len(self.rapporten)} reports; use .rapporten")
        return self.rapporten[0]

    @property
    def voldoet(self) -> bool:
        return all(r.voldoet for r in self.rapporten)

    def boven(self, drempel: Ernst | None) -> list[Bevinding]:
        return [b for r in self.rapporten for b in r.boven(drempel)]

    def als_json(self, compact: bool = False) -> str:
        return als_json(self.rapporten, compact)

    def als_sarif(self, taal: str = "nl") -> str:
        return als_sarif(self.rapporten, taal)


def omgeving(groep: Groep, kb: KnowledgeBase) -> Gegevensgraaf:
    """What SHACL validates: the group plus everything the knowledge base says about each
    node the group refers to (its types with their superclasses, a role's rolsoort, an area's
    layer, a network's consortium). The shapes look no further than one step from the group."""
    data = Gegevensgraaf()
    data += groep.graaf
    eigen = set(groep.graaf.subjects())
    buren = {o for o in groep.graaf.objects() if isinstance(o, URIRef) and o not in eigen}
    for knoop in buren:
        for triple in kb.triples((knoop, None, None)):
            data.add(triple)
    return data


def _predicaat(pad, g: Graph) -> URIRef | None:
    """The property of the user's file a (complex) SHACL path starts from."""
    if isinstance(pad, URIRef):
        return pad
    if pad is None:
        return None
    if (pad, RDF.first, None) in g:
        return _predicaat(Collection(g, pad)[0], g)
    inverse = g.value(pad, SH.inversePath)
    if inverse == ORG.organization:
        return ORG.hasMember  # memberships: the `leden:` key
    return _predicaat(inverse, g) if inverse is not None else None


def _onderwerp(groep: Groep, knopen: Iterable) -> tuple[str, Tekst | None]:
    for knoop in knopen:
        if knoop in groep.sleutels and knoop != groep.iri:
            sleutel = groep.sleutels[knoop]
            if "/lid/" in str(knoop) or "/persoon/" in str(knoop):
                return sleutel, Tekst(f" (lid {sleutel!r})", f" (member {sleutel!r})")
            if "/organisatie/" in str(knoop):
                return sleutel, Tekst(f" (organisatie {sleutel!r})", f" (organisation {sleutel!r})")
            return sleutel, Tekst(f" ({sleutel})", f" ({sleutel})")
    return groep.id, None


def _kopieer_bnodes(bron: Graph, knoop, doel: Graph, vormen_graaf: Graph) -> None:
    """Copy ``knoop``'s triples and, recursively, those of the blank nodes it points to (paths,
    nested results; blank source shapes are looked up in the shapes graph)."""
    stapel, gezien = [knoop], set()
    while stapel:
        huidig = stapel.pop()
        if huidig in gezien:
            continue
        gezien.add(huidig)
        triples = list(bron.triples((huidig, None, None))) or list(vormen_graaf.triples((huidig, None, None)))
        for t in triples:
            doel.add(t)
            if isinstance(t[2], BNode):
                stapel.append(t[2])


def _bevinding(r: Resultaat, b: Beperking, groep: Groep, v: Vormen, eigen: set) -> Bevinding:
    """A pySHACL result as a finding, pointing at the most precise line of the user's file."""
    pad = _predicaat(r.pad if r.pad is not None else b.pad, v.graaf)
    waarde = r.waarde if isinstance(r.waarde, URIRef) and r.waarde != r.focus else None
    detail = r.detail_focus if isinstance(r.detail_focus, URIRef) and r.detail_focus in eigen else None
    detail_sleutel = (detail, _predicaat(r.detail_pad, v.graaf))
    if detail is not None and detail_sleutel in groep.regels:
        locatie = groep.regels[detail_sleutel]
    elif waarde is not None and (waarde, None) in groep.regels:
        locatie = groep.regels[(waarde, None)]
    else:
        locatie = groep.locatie(r.focus if isinstance(r.focus, URIRef) else None, pad)
    onderwerp, achtervoegsel = _onderwerp(groep, [waarde, r.focus])
    bericht = b.bericht
    if achtervoegsel is not None:
        bericht = Tekst(bericht.nl + achtervoegsel.nl, bericht.en + achtervoegsel.en)
    return Bevinding(b.id, b.ernst, bericht, b.titel, b.bron, locatie, str(b.randvoorwaarde or ""), onderwerp,
                     None if waarde is None else str(waarde))


def checklist(soort: str, v: Vormen, bevindingen: list[Bevinding]) -> list[Randvoorwaarde]:
    """The randvoorwaarden of a kind of group (``trekkersgroep``, ...), in the shapes' order,
    each with its findings."""
    from .formaat import formaat
    from .groups import _iri

    rv_iris: list[URIRef] = []
    for b in v.per_klasse.get(_iri(formaat().soorten[soort].klasse), ()):
        if b.randvoorwaarde is not None and b.randvoorwaarde not in rv_iris:
            rv_iris.append(b.randvoorwaarde)
    uit = []
    for iri in rv_iris:
        naam = str(iri).rsplit("#", 1)[-1]
        d = v.randvoorwaarden.get(iri)
        uit.append(Randvoorwaarde(naam, d.titel if d else Tekst(naam, naam), d.bron if d else "",
                                  d.volgorde if d else 99, tuple(b for b in bevindingen if b.randvoorwaarde == str(iri))))
    return sorted(uit, key=lambda r: (r.volgorde, r.id))


#: the validation engines: the compiled fast path (default) and pySHACL, the reference
MOTOREN = ("snel", "pyshacl")


def rapporteer(groep: Groep, kb: KnowledgeBase, v: Vormen | None = None, motor: str = "snel") -> Rapport:
    """Validate one group and build its report.

    ``motor="snel"`` runs the shapes compiled to SPARQL on pyoxigraph (:mod:`pzgraph.snelpad`);
    ``motor="pyshacl"`` runs pySHACL, the reference. Both give the same findings (tested)."""
    v = v or vormen()
    eigen = set(groep.graaf.subjects())
    if motor == "pyshacl":
        resultaten, verslag = valideer(omgeving(groep, kb), v)
    elif motor == "snel":
        from .snelcontrole import valideer_snel, verslag_graaf

        resultaten = valideer_snel(omgeving(groep, kb))
        verslag = verslag_graaf([r for r in resultaten if r.focus in eigen], v)
    else:
        raise ValueError(f"unknown engine {motor!r}; one of {MOTOREN}")
    bevindingen = sorted({_bevinding(r, v.beperkingen[r.vorm], groep, v, eigen) for r in resultaten
                          if r.focus in eigen and r.vorm in v.beperkingen},  # landscape records are not this group's
                         key=lambda x: (-x.ernst, x.locatie.regel, x.id, x.onderwerp))
    randvoorwaarden = checklist(groep.soort, v, bevindingen)
    verslag_groep = Graph()
    for rapport in verslag.subjects(RDF.type, SH.ValidationReport):
        verslag_groep.add((rapport, RDF.type, SH.ValidationReport))
        eigen_resultaten = [res for res in verslag.objects(rapport, SH.result) if verslag.value(res, SH.focusNode) in eigen]
        verslag_groep.add((rapport, SH.conforms, Literal(not eigen_resultaten)))
        for res in eigen_resultaten:
            verslag_groep.add((rapport, SH.result, res))
            _kopieer_bnodes(verslag, res, verslag_groep, v.graaf)
    return Rapport(groep.id, groep.naam, groep.soort, groep.bestand, tuple(randvoorwaarden),
                   tuple(bevindingen), verslag_groep)


def check(bron: str | Path | Graph, *, kb: KnowledgeBase | None = None,
          voortgang: Callable[[Groep], None] | None = None, motor: str = "snel") -> Controle:
    """Check a group file, a folder of them, or an rdflib Graph holding groups.

    >>> import pzgraph
    >>> c = pzgraph.check("examples/trekkersgroep-goed.yaml")  # doctest: +SKIP
    >>> c.rapport.voldoet  # doctest: +SKIP
    True
    """
    from .kb import load

    kb = kb or load()
    if isinstance(bron, Graph):
        from .groups import groepen_uit_graaf

        groepen = groepen_uit_graaf(bron, kb, "<graph>")
    else:
        groepen = lees_groepen(Path(bron), kb)
    rapporten = []
    for groep in groepen:
        if voortgang is not None:
            voortgang(groep)
        rapporten.append(rapporteer(groep, kb, motor=motor))
    return Controle(rapporten)


__all__ = ["check", "Controle", "rapporteer", "Ernst"]
