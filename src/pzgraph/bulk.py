"""``pzgraph check --all``: every group in a national graph or a store, checked at once.

The groups arrive as RDF (an export, N-Triples/N-Quads/Turtle/TriG, or a pyoxigraph store made
by ``pzgraph load --store``), not as the users' YAML files, so the findings point at the group
and the part of it (member, organisation) rather than at a line. The fast path
(:mod:`pzgraph.snelpad`) runs every constraint once over all groups; pySHACL can be asked for
the same work (``motor="pyshacl"``) as the reference.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import URIRef

from .errors import InvoerFout, Locatie, Probleem, Tekst
from .report import Bevinding, Randvoorwaarde, Rapport
from .validate import Resultaat, Vormen, vormen

if TYPE_CHECKING:  # pragma: no cover
    from .kb import KnowledgeBase

FORMATEN = {".nt": "N_TRIPLES", ".nq": "N_QUADS", ".ttl": "TURTLE", ".trig": "TRIG"}


@dataclass(frozen=True)
class BulkResultaat:
    """The result rows of a bulk check per group IRI, the groups found, and the size read."""

    per_groep: dict[str, list[Resultaat]]
    groepen: dict[str, dict]  # group IRI -> {"id", "naam", "soort"}
    triples: int


def groep_van(knoop: str) -> str | None:
    """The group a node belongs to: the group IRI itself or a node minted under it."""
    from .groups import GROEP

    basis = str(GROEP)
    if not knoop.startswith(basis):
        return None
    ident = knoop[len(basis):].split("/", 1)[0].split("#", 1)[0]
    return basis + ident if ident else None


def _fout(pad: Path, nl: str, en: str, verwacht_nl: str, verwacht_en: str) -> InvoerFout:
    return InvoerFout([Probleem(Locatie(str(pad)), Tekst(nl, en), Tekst(verwacht_nl, verwacht_en))])


def laad_store(paden: list[Path], kb: KnowledgeBase | None, store=None):
    """A pyoxigraph store with the landscape of ``kb`` and the RDF files in ``paden``."""
    import pyoxigraph as ox

    if store is None:
        store = ox.Store()
        if kb is not None:
            from .advies import _store

            store.extend(_store(kb, []).quads_for_pattern(None, None, None, None))
    for pad in paden:
        naam = FORMATEN.get(pad.suffix.lower())
        if naam is None:
            raise _fout(pad, f"onbekend bestandstype {pad.suffix!r} voor --all", f"unknown file type {pad.suffix!r} for --all",
                        "N-Triples (.nt), N-Quads (.nq), Turtle (.ttl) of TriG (.trig)",
                        "N-Triples (.nt), N-Quads (.nq), Turtle (.ttl) or TriG (.trig)")
        if not pad.is_file():
            raise _fout(pad, "bestand niet gevonden", "file not found", "een bestaand RDF-bestand", "an existing RDF file")
        try:
            store.bulk_load(path=str(pad), format=getattr(ox.RdfFormat, naam))
        except (SyntaxError, ValueError, OSError) as fout:
            raise _fout(pad, f"kan het bestand niet lezen: {fout}", f"cannot read the file: {fout}",
                        "geldige RDF", "valid RDF") from fout
    return store


def controleer_alles(store, motor: str = "snel") -> BulkResultaat:
    """Every group in ``store`` (a pyoxigraph store holding landscape and groups)."""
    if motor == "snel":
        from .snelcontrole import queries, resultaten

        rijen = resultaten(store, queries())
    elif motor == "pyshacl":
        from rdflib import Graph

        from .bron import naar_rdflib
        from .validate import valideer

        data = Graph()
        for q in store.quads_for_pattern(None, None, None, None):
            data.add((naar_rdflib(q.subject), naar_rdflib(q.predicate), naar_rdflib(q.object)))
        rijen, _ = valideer(data, vormen())
    else:
        raise ValueError(f"unknown engine {motor!r}")
    per_groep: dict[str, list[Resultaat]] = {}
    groep_per_focus: dict = {}
    for r in rijen:
        g = groep_per_focus.get(r.focus, "?")
        if g == "?":
            g = groep_per_focus[r.focus] = groep_van(str(r.focus))
        if g is not None:
            per_groep.setdefault(g, []).append(r)
    return BulkResultaat(per_groep, _groepen(store), len(store))


def _groepen(store) -> dict[str, dict]:
    """The groups in the store: IRI under /groep/, a group class from the input format."""
    from .formaat import formaat
    from .namespaces import PREFIXES

    klassen = {PREFIXES["pz"] + s.klasse.removeprefix("pz:"): naam for naam, s in formaat().soorten.items()}
    waarden = " ".join(f"<{k}>" for k in klassen)
    tekst = f"""SELECT ?g ?k ?id ?naam WHERE {{ VALUES ?k {{ {waarden} }} ?g a ?k .
        OPTIONAL {{ ?g <http://purl.org/dc/terms/identifier> ?id }}
        OPTIONAL {{ ?g <http://www.w3.org/2000/01/rdf-schema#label> ?naam }} }}"""
    uit: dict[str, dict] = {}
    for rij in store.query(tekst, use_default_graph_as_union=True):
        g = rij["g"].value
        if groep_van(g) != g:
            continue
        soort = klassen[rij["k"].value]
        ident = rij["id"].value if rij["id"] is not None else g.rsplit("/", 1)[-1]
        huidig = uit.setdefault(g, {"id": ident, "naam": rij["naam"].value if rij["naam"] is not None else ident,
                                    "soort": soort})
        if huidig["soort"] != soort and soort != "netwerk":
            huidig["soort"] = soort  # a group typed with several group classes: the specific one
    return uit


def _onderwerp(focus, groep_iri: str, ident: str) -> tuple[str, Tekst | None]:
    rest = str(focus)[len(groep_iri):].lstrip("/#")
    if not rest:
        return ident, None
    soort, _, sleutel = rest.partition("/")
    sleutel = sleutel or soort
    if soort in ("lid", "persoon"):
        return sleutel, Tekst(f" (lid {sleutel!r})", f" (member {sleutel!r})")
    if soort == "organisatie":
        return sleutel, Tekst(f" (organisatie {sleutel!r})", f" (organisation {sleutel!r})")
    return sleutel, Tekst(f" ({sleutel})", f" ({sleutel})")


def rapporten(bulk: BulkResultaat, bron: str, v: Vormen | None = None) -> list[Rapport]:
    """One :class:`Rapport` per group, in group id order; findings point at ``bron`` (the file
    or store) and name the part of the group they are about."""
    from .controle import checklist

    v = v or vormen()
    koppen: dict[str, list[tuple[str, Randvoorwaarde]]] = {}  # per kind: (IRI, empty heading)
    uit = []
    for g, info in sorted(bulk.groepen.items(), key=lambda x: x[1]["id"]):
        bevindingen = set()
        for r in bulk.per_groep.get(g, ()):
            b = v.beperkingen.get(r.vorm)
            if b is None:
                continue
            waarde = r.waarde if isinstance(r.waarde, URIRef) and r.waarde != r.focus else None
            onderwerp, achtervoegsel = _onderwerp(waarde if waarde is not None and groep_van(str(waarde)) == g else r.focus,
                                                  g, info["id"])
            bericht = b.bericht if achtervoegsel is None else Tekst(b.bericht.nl + achtervoegsel.nl, b.bericht.en + achtervoegsel.en)
            bevindingen.add(Bevinding(b.id, b.ernst, bericht, b.titel, b.bron, Locatie(bron), str(b.randvoorwaarde or ""),
                                      onderwerp, None if waarde is None else str(waarde)))
        lijst = sorted(bevindingen, key=lambda x: (-x.ernst, x.id, x.onderwerp))
        if info["soort"] not in koppen:
            iris = {str(iri).rsplit("#", 1)[-1]: str(iri) for iri in v.randvoorwaarden}
            koppen[info["soort"]] = [(iris.get(r.id, r.id), r) for r in checklist(info["soort"], v, [])]
        per_rv: dict[str, list[Bevinding]] = {}
        for b in lijst:
            per_rv.setdefault(b.randvoorwaarde, []).append(b)
        rv = [Randvoorwaarde(leeg.id, leeg.titel, leeg.bron, leeg.volgorde, tuple(per_rv.get(iri, ())))
              for iri, leeg in koppen[info["soort"]]]
        uit.append(Rapport(info["id"], info["naam"], info["soort"], bron, tuple(rv), tuple(lijst)))
    return uit


def check_alles(paden: list[Path], kb: KnowledgeBase | None = None, *, store=None, motor: str = "snel",
                voortgang: Callable[[str], None] | None = None) -> list[Rapport]:
    """Check every group in the RDF files ``paden`` (with the landscape of ``kb``), or in ``store``."""
    if store is None:
        if voortgang:
            voortgang("laden")
        store = laad_store(paden, kb)
    if voortgang:
        voortgang("controleren")
    bulk = controleer_alles(store, motor)
    return rapporten(bulk, ", ".join(str(p) for p in paden) or "store")


def als_overzicht(rapporten_: list[Rapport], taal: str = "nl") -> str:
    """One line per group with findings (its counts and constraint ids), then the totals."""
    from .report import Ernst

    en = taal == "en"
    regels = []
    for r in rapporten_:
        if not r.bevindingen:
            continue
        f, w, i = r.aantal(Ernst.FOUT), r.aantal(Ernst.WAARSCHUWING), r.aantal(Ernst.INFO)
        ids = ", ".join(sorted({b.id for b in r.bevindingen}))
        teken = "✗" if f else ("!" if w else "i")
        tel = f"{f} violations, {w} warnings, {i} info" if en else f"{f} fouten, {w} waarschuwingen, {i} info"
        regels.append(f"{teken} {r.groep} ({r.soort}): {tel} — {ids}")
    voldoet = sum(1 for r in rapporten_ if r.voldoet)
    totaal = len(rapporten_)
    if en:
        regels.append(f"{totaal} groups checked: {voldoet} meet their preconditions, {totaal - voldoet} do not.")
    else:
        regels.append(f"{totaal} groepen gecontroleerd: {voldoet} voldoen aan de randvoorwaarden, {totaal - voldoet} niet.")
    return "\n".join(regels)


__all__ = ["als_overzicht", "BulkResultaat", "check_alles", "controleer_alles", "groep_van", "laad_store", "rapporten"]
