"""``pzgraph recommend``: what to do, from the rules in ``rules/``.

Puts the group(s), the ontology and the landscape in a pyoxigraph store, runs the analyses
and then the rules to their fixpoint (:mod:`pzgraph.rules`), and reads the recommendation
resources back as typed :class:`Aanbeveling` objects. For each recommendation that proposes
a partner or an embedding, pzgraph adds it to the group and runs the check again, so that it
can say which randvoorwaarden it would meet.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import ORG, PROV, SKOS

from .errors import Locatie, Tekst
from .namespaces import PZ
from .report import Ernst, Rapport
from .rules import AFGELEID_REGELS, OxigraphOpslag, Verloop, analyses, fixpunt, regel_metadata, regels
from .vocab import kort

if TYPE_CHECKING:  # pragma: no cover
    from .groups import Groep
    from .kb import KnowledgeBase

VOLGORDE = {s: i for i, s in enumerate(("partner", "dubbel", "tafel", "niveau", "continuiteit", "kennismaken",
                                        "kerngroep", "participatie", "dekking"))}


@dataclass(frozen=True)
class Aanbeveling:
    """One recommendation: what to do, why (the facts that matched), and its source."""

    regel: str
    soort: str
    titel: Tekst
    reden: Tekst
    bron: str
    score: float
    groep: str
    locatie: Locatie
    kandidaat: str | None = None
    kandidaat_naam: str | None = None
    voorgestelde_rol: str | None = None
    voorgestelde_inbedding: str | None = None
    feiten: tuple[str, ...] = ()
    effect: Tekst | None = None
    opgelost: tuple[str, ...] = ()

    def als_dict(self) -> dict[str, Any]:
        return {"regel": self.regel, "soort": self.soort, "titel": {"nl": self.titel.nl, "en": self.titel.en},
                "reden": {"nl": self.reden.nl, "en": self.reden.en}, "bron": self.bron, "score": self.score,
                "bestand": self.locatie.bestand, "regelnummer": self.locatie.regel,
                "kandidaat": self.kandidaat, "kandidaatNaam": self.kandidaat_naam,
                "voorgesteldeRol": self.voorgestelde_rol, "voorgesteldeInbedding": self.voorgestelde_inbedding,
                "feiten": list(self.feiten),
                "effect": None if self.effect is None else {"nl": self.effect.nl, "en": self.effect.en},
                "lostOp": list(self.opgelost)}


@dataclass
class Advies:
    """The recommendations for one group, most useful first."""

    groep: str
    naam: str
    bestand: str
    aanbevelingen: list[Aanbeveling] = field(default_factory=list)
    verloop: Verloop | None = None
    afgeleid: Graph | None = field(default=None, repr=False)

    def als_dict(self) -> dict[str, Any]:
        return {"groep": self.groep, "naam": self.naam, "bestand": self.bestand,
                "aanbevelingen": [a.als_dict() for a in self.aanbevelingen]}

    def als_tekst(self, taal: str = "nl") -> str:
        en = taal == "en"
        kop = "Recommendations" if en else "Aanbevelingen"
        regels_ = [f"{kop} ({len(self.aanbevelingen)}):"]
        if not self.aanbevelingen:
            regels_.append("  —")
        for i, a in enumerate(self.aanbevelingen, start=1):
            regels_.append(f"  {i}. [{a.regel}] {a.titel.in_taal(taal)}  {a.locatie}")
            regels_.append(f"     {'why' if en else 'waarom'}: {a.reden.in_taal(taal)}")
            if a.effect is not None:
                regels_.append(f"     {'effect' if en else 'effect'}: {a.effect.in_taal(taal)}")
            regels_.append(f"     {'source' if en else 'bron'}: {a.bron}")
        return "\n".join(regels_)


def _taal(waarden: list[Literal], taal: str) -> str:
    for w in waarden:
        if w.language == taal:
            return str(w)
    return str(waarden[0]) if waarden else ""


def _store(kb: KnowledgeBase, groepen: list[Groep]):
    """A pyoxigraph store with the knowledge base (cached N-Triples) and the groups."""
    import pyoxigraph as ox

    nt = getattr(kb, "_nquads", None)
    if nt is None:
        uit = Graph()
        for s, p, o, _ in kb.bron.quads():
            uit.add((s, p, o))
        nt = uit.serialize(format="nt", encoding="utf-8")
        kb._nquads = nt
    store = ox.Store()
    store.bulk_load(nt, ox.RdfFormat.N_TRIPLES)
    for groep in groepen:
        store.bulk_load(groep.graaf.serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES,
                        to_graph=ox.NamedNode(str(groep.iri) + "#graaf"))
    return store


def afleiden(kb: KnowledgeBase, groepen: list[Groep]) -> tuple[OxigraphOpslag, Verloop]:
    """Run the analyses and the rules to their fixpoint over the groups and the landscape."""
    from .analysis import ANALYSES

    opslag = OxigraphOpslag(_store(kb, groepen))
    for a in analyses():
        opslag.voeg_toe(regel_metadata(a))
        opslag.voeg_toe(ANALYSES[a.analyse](opslag, a.parameters))
    for r in regels():
        opslag.voeg_toe(regel_metadata(r))
    return opslag, fixpunt(opslag)


AANBEVELINGEN = """SELECT ?a ?g ?regel ?soort ?score ?kandidaat ?rol ?inbedding WHERE {
  GRAPH pzg:afgeleid-regels { ?a a pz:Aanbeveling ; pz:voorGroep ?g ; pz:regel ?regel }
  OPTIONAL { ?a pz:aanbevelingssoort ?soort } OPTIONAL { ?a pz:score ?score }
  OPTIONAL { ?a pz:kandidaat ?kandidaat } OPTIONAL { ?a pz:voorgesteldeRol ?rol }
  OPTIONAL { ?a pz:voorgesteldeInbedding ?inbedding } }"""


def _lees(opslag: OxigraphOpslag, kb: KnowledgeBase, groepen: list[Groep]) -> dict[URIRef, list[Aanbeveling]]:
    per_iri = {g.iri: g for g in groepen}
    meta = {r.iri: r for r in regels()}
    teksten: dict[URIRef, list[Literal]] = {}
    for r in opslag.select("SELECT ?a ?t WHERE { GRAPH pzg:afgeleid-regels { ?a a pz:Aanbeveling ; pz:reden ?t } }"):
        teksten.setdefault(r["a"], []).append(r["t"])
    feiten: dict[URIRef, list[str]] = {}
    for r in opslag.select("SELECT ?a ?f WHERE { GRAPH pzg:afgeleid-regels { ?a a pz:Aanbeveling ; prov:wasDerivedFrom ?f } }"):
        feiten.setdefault(r["a"], []).append(kort(r["f"]))
    uit: dict[URIRef, list[Aanbeveling]] = {}
    for r in opslag.select(AANBEVELINGEN):
        groep = per_iri.get(r["g"])
        regel = meta.get(r["regel"])
        if groep is None or regel is None:
            continue
        kandidaat = r.get("kandidaat")
        naam = None
        if kandidaat is not None:
            label = kb.waarde(kandidaat, SKOS.prefLabel) or kb.waarde(kandidaat, RDFS.label) \
                or groep.graaf.value(kandidaat, RDFS.label)
            naam = str(label) if label is not None else kort(kandidaat)
        reden = Tekst(_taal(teksten.get(r["a"], []), "nl"), _taal(teksten.get(r["a"], []), "en"))
        titel = regel.titel if naam is None else Tekst(f"{regel.titel.nl}: {naam}", f"{regel.titel.en}: {naam}")
        uit.setdefault(groep.iri, []).append(Aanbeveling(
            regel=regel.id, soort=regel.soort, titel=titel, reden=reden, bron=regel.bron,
            score=float(r["score"].toPython()) if "score" in r else 0.0, groep=groep.id,
            locatie=_locatie(groep, regel.soort),
            kandidaat=None if kandidaat is None else kort(kandidaat).removeprefix("pzid:"), kandidaat_naam=naam,
            voorgestelde_rol=None if "rol" not in r else kort(r["rol"]).removeprefix("pz:"),
            voorgestelde_inbedding=None if "inbedding" not in r else kort(r["inbedding"]).removeprefix("pzid:"),
            feiten=tuple(sorted(set(feiten.get(r["a"], []))))))
    return uit


def _locatie(groep: Groep, soort: str) -> Locatie:
    eigenschap = {"partner": ORG.hasMember, "continuiteit": ORG.hasMember, "kennismaken": ORG.hasMember,
                  "tafel": PZ.ingebedIn, "dubbel": PZ.werkgebied, "niveau": PZ.niveau, "kerngroep": PZ.kerngroeplid,
                  "participatie": PZ.participatievorm, "dekking": PZ.werkgebied}.get(soort)
    return groep.locatie(groep.iri, eigenschap)


def _effect(a: Aanbeveling, groep: Groep, kb: KnowledgeBase, voor: Rapport) -> Aanbeveling:
    """Apply the proposal to a copy of the group, check again, and say what it solves."""
    from dataclasses import replace

    from .controle import rapporteer
    from .groups import Groep as GroepKlasse
    from .groups import afsluiten
    from .namespaces import PZID

    if a.voorgestelde_rol is None and a.voorgestelde_inbedding is None:
        return a
    g = Graph()
    g += groep.graaf
    if a.voorgestelde_rol is not None:
        lid, persoon = URIRef(f"{groep.iri}/lid/_voorstel"), URIRef(f"{groep.iri}/persoon/_voorstel")
        g.add((lid, RDF.type, ORG.Membership))
        g.add((persoon, RDF.type, PZ.Persoon))
        g.add((lid, ORG.organization, groep.iri))
        g.add((lid, ORG.member, persoon))
        g.add((lid, ORG.role, PZ["rol-" + a.voorgestelde_rol.removeprefix("rol-")]))
        g.add((lid, PZ.urenPerMaand, Literal("1", datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal"))))
        if a.kandidaat is not None:
            org = PZID[a.kandidaat] if ":" not in a.kandidaat else URIRef(a.kandidaat)
            g.add((lid, PZ.namens, org))
            g.add((groep.iri, ORG.hasMember, org))
    if a.voorgestelde_inbedding is not None:
        g.add((groep.iri, PZ.ingebedIn, PZID[a.voorgestelde_inbedding]))
    afsluiten(g, kb)
    na = rapporteer(GroepKlasse(groep.iri, groep.id, groep.soort, groep.naam, groep.bestand, g, Graph(),
                                groep.regels, groep.sleutels), kb)
    oud = {b.sleutel for b in voor.bevindingen}
    nieuw = {b.sleutel for b in na.bevindingen}
    opgelost = sorted({i for i, _ in oud - nieuw})
    voor_rv = {r.id: r for r in voor.randvoorwaarden}
    gehaald = [r for r in na.randvoorwaarden if r.ernst is None and voor_rv.get(r.id) and voor_rv[r.id].ernst is not None]
    if not opgelost:
        return a
    if gehaald:
        nl = "hiermee " + ("is randvoorwaarde " if len(gehaald) == 1 else "zijn de randvoorwaarden ") + \
            ", ".join(f"'{r.titel.nl}'" for r in gehaald) + " gehaald"
        en = "this meets the precondition" + ("" if len(gehaald) == 1 else "s") + " " + ", ".join(f"'{r.titel.en}'" for r in gehaald)
    else:
        nl, en = "hiermee verdwijnt", "this resolves"
    nl += f" ({', '.join(opgelost)} opgelost)" if gehaald else " " + ", ".join(opgelost)
    en += f" ({', '.join(opgelost)} resolved)" if gehaald else " " + ", ".join(opgelost)
    return replace(a, effect=Tekst(nl, en), opgelost=tuple(opgelost))


def _rang(a: Aanbeveling, rapport: Rapport | None) -> tuple:
    ernst = {b.id: b.ernst for b in rapport.bevindingen} if rapport else {}
    fouten = sum(1 for i in a.opgelost if ernst.get(i) == Ernst.FOUT)
    rest = len(a.opgelost) - fouten
    return (-fouten, -rest, VOLGORDE.get(a.soort, 99), -a.score, a.regel, a.kandidaat or "")


def adviseer(groepen: list[Groep], kb: KnowledgeBase, rapporten: dict[URIRef, Rapport] | None = None,
             *, met_effect: bool = True) -> list[Advies]:
    """Recommendations for each group (most useful first)."""
    from .controle import rapporteer

    import pyoxigraph as ox

    opslag, verloop = afleiden(kb, groepen)
    per_groep = _lees(opslag, kb, groepen)
    afgeleid = Graph()
    afgeleid.parse(data=opslag.store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=opslag.graaf), format="nt")
    uit = []
    for groep in groepen:
        rapport = (rapporten or {}).get(groep.iri) or (rapporteer(groep, kb) if met_effect else None)
        lijst = per_groep.get(groep.iri, [])
        if met_effect and rapport is not None:
            lijst = [_effect(a, groep, kb, rapport) for a in lijst]
        lijst.sort(key=lambda a: _rang(a, rapport))
        uit.append(Advies(groep.id, groep.naam, groep.bestand, lijst, verloop, afgeleid))
    return uit


def recommend(bron, *, kb: KnowledgeBase | None = None, met_effect: bool = True) -> list[Advies]:
    """Recommendations for the group(s) in a file, folder or rdflib Graph."""
    from pathlib import Path

    from .groups import groepen_uit_graaf, lees_groepen
    from .kb import load

    kb = kb or load()
    groepen = groepen_uit_graaf(bron, kb, "<graph>") if isinstance(bron, Graph) else lees_groepen(Path(bron), kb)
    return adviseer(groepen, kb, met_effect=met_effect)


def als_json(adviezen: list[Advies]) -> str:
    return json.dumps({"$schema": "https://w3id.org/pzgraph/schema/advies/1", "adviezen": [a.als_dict() for a in adviezen]},
                      ensure_ascii=False, indent=1)


__all__ = ["Aanbeveling", "Advies", "recommend", "adviseer", "afleiden", "als_json", "AFGELEID_REGELS", "PROV"]
