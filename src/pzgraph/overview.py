"""What ``pzgraph info`` shows: what is loaded, per consortium, with the gaps marked."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from rdflib import RDF
from typing import TYPE_CHECKING

from .kb import ONTOLOGIE_GRAAF, AFGELEID_GRAAF
from .namespaces import PZ
from .vocab import kort

if TYPE_CHECKING:  # pragma: no cover
    from .kb import KnowledgeBase


@dataclass(frozen=True)
class Netwerk:
    id: str
    naam: str
    gemeenten: int


@dataclass(frozen=True)
class ConsortiumOverzicht:
    id: str
    naam: str
    aantal_volgens_bron: int | None
    netwerken: tuple[Netwerk, ...]

    @property
    def onbekend(self) -> int:
        """Networks a source counts but the landscape cannot name (the gap)."""
        if self.aantal_volgens_bron is None:
            return 0
        return max(0, self.aantal_volgens_bron - len(self.netwerken))


@dataclass(frozen=True)
class Overzicht:
    triples: int
    triples_ontologie: int
    triples_afgeleid: int
    bronvermeldingen: int
    consortia: tuple[ConsortiumOverzicht, ...]
    rollen: tuple[tuple[str, str, str], ...]
    vormen: tuple[tuple[str, str, str, str], ...]
    leemten: int
    conflicten: tuple[str, ...]
    extra_bestanden: tuple[str, ...]

    def als_dict(self) -> dict:
        d = asdict(self)
        for c, co in zip(d["consortia"], self.consortia):
            c["onbekend"] = co.onbekend
        return d

    def als_tekst(self, taal: str = "nl") -> str:
        en = taal == "en"
        r = []
        r.append(("Loaded: " if en else "Geladen: ") + f"{self.triples} triples "
                 + (f"(ontology {self.triples_ontologie}, derived {self.triples_afgeleid}, "
                    f"{self.bronvermeldingen} sources)" if en else
                    f"(ontologie {self.triples_ontologie}, afgeleide triples {self.triples_afgeleid}, "
                    f"{self.bronvermeldingen} bronvermeldingen)"))
        if self.extra_bestanden:
            r.append(("Regional files: " if en else "Regionale bestanden: ") + ", ".join(self.extra_bestanden))
        r.append("")
        r.append(f"{'Consortia' if en else 'Consortia'} ({len(self.consortia)}):")
        for c in self.consortia:
            if c.aantal_volgens_bron is None:
                telling = (f"{len(c.netwerken)} networks known by name" if en
                           else f"{len(c.netwerken)} netwerken bij naam bekend")
            else:
                telling = (f"{len(c.netwerken)} of {c.aantal_volgens_bron} networks known by name" if en
                           else f"{len(c.netwerken)} van {c.aantal_volgens_bron} netwerken bij naam bekend")
            if c.onbekend:
                telling += (f" — GAP: {c.onbekend} not named in any source found" if en
                            else f" — LEEMTE: {c.onbekend} niet bij naam bekend")
            r.append(f"  {c.naam} [{c.id}]: {telling}")
            for n in c.netwerken:
                gm = (f"{n.gemeenten} gemeenten" if n.gemeenten else ("gemeenten unknown" if en else "gemeenten onbekend"))
                r.append(f"    - {n.naam} [{n.id}] ({gm})")
        r.append("")
        r.append(("Roles" if en else "Rollen") + f" ({len(self.rollen)}):")
        for _, naam, soorten in self.rollen:
            r.append(f"  - {naam}" + (f" ({soorten})" if soorten else ""))
        r.append("")
        r.append(("Participation forms" if en else "Participatievormen") + f" ({len(self.vormen)}):")
        for _, naam, rollen, uren in self.vormen:
            extra = [rollen] if rollen else []
            if uren:
                extra.append(f"{uren} {'hours' if en else 'uur'}")
            r.append(f"  - {naam}" + (f" ({'; '.join(extra)})" if extra else ""))
        r.append("")
        r.append((f"Known gaps in the data: {self.leemten} (pzgraph query leemten)" if en
                  else f"Bekende leemten in de gegevens: {self.leemten} (pzgraph query leemten)"))
        if self.conflicten:
            r.append(("Contradictions" if en else "Tegenstrijdigheden") + f" ({len(self.conflicten)}):")
            r += [f"  - {c}" for c in self.conflicten]
        return "\n".join(r)


def maak_overzicht(kb: KnowledgeBase, taal: str = "nl") -> Overzicht:
    netwerken: dict[str, list[Netwerk]] = {}
    for rij in kb.named("netwerken-per-consortium").dicts():
        netwerken.setdefault(str(rij["consortium"]), []).append(
            Netwerk(str(rij["id"]), str(rij["naam"]), int(rij["gemeenten"].toPython())))
    consortia = tuple(
        ConsortiumOverzicht(str(rij["id"]), str(rij["naam"]),
                            int(rij["aantalVolgensBron"].toPython()) if rij["aantalVolgensBron"] is not None else None,
                            tuple(netwerken.get(str(rij["consortium"]), ())))
        for rij in kb.named("consortia").dicts())
    rollen = tuple((kort(r["rol"]), str(r["naam"]), str(r["soorten"] or ""))
                   for r in kb.named("rollen", taal=taal).dicts())
    vormen = tuple((kort(r["vorm"]), str(r["naam"]), str(r["rollen"] or ""),
                    "" if r["uren"] is None else f"{r['uren'].toPython():g}")
                   for r in kb.named("participatievormen", taal=taal).dicts())
    ds = kb.dataset
    return Overzicht(
        triples=len(kb),
        triples_ontologie=len(ds.graph(ONTOLOGIE_GRAAF)),
        triples_afgeleid=len(ds.graph(AFGELEID_GRAAF)),
        bronvermeldingen=sum(1 for _ in ds.default_graph.subjects(RDF.type, PZ.Bronvermelding)),
        consortia=consortia,
        rollen=rollen,
        vormen=vormen,
        leemten=len(kb.named("leemten")),
        conflicten=tuple(c.regel(taal) for c in kb.conflicten),
        extra_bestanden=tuple(p.name for p in kb.extra_bestanden),
    )
