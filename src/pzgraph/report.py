"""Typed check results and how they are shown: text, JSON, SARIF, Turtle.

A :class:`Rapport` (report) holds, for one group, the checklist of randvoorwaarden and the
findings (:class:`Bevinding`), each with a stable id, a severity, a Dutch and an English
message, its source and the file:line of the user's file it is about.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from .errors import Locatie, Tekst

JSON_SCHEMA_ID = "https://w3id.org/pzgraph/schema/rapport/1"


class Ernst(IntEnum):
    """Severity, ordered: ``Ernst.FOUT > Ernst.WAARSCHUWING > Ernst.INFO``."""

    INFO = 1
    WAARSCHUWING = 2
    FOUT = 3

    @property
    def naam(self) -> Tekst:
        return {Ernst.INFO: Tekst("info", "info"), Ernst.WAARSCHUWING: Tekst("waarschuwing", "warning"),
                Ernst.FOUT: Tekst("fout", "violation")}[self]

    @property
    def teken(self) -> str:
        return {Ernst.INFO: "i", Ernst.WAARSCHUWING: "!", Ernst.FOUT: "✗"}[self]

    @property
    def sarif(self) -> str:
        return {Ernst.INFO: "note", Ernst.WAARSCHUWING: "warning", Ernst.FOUT: "error"}[self]

    @classmethod
    def uit_tekst(cls, tekst: str) -> Ernst | None:
        """``violation``/``fout``, ``warning``/``waarschuwing``, ``info``; ``none`` -> None."""
        tabel = {"violation": cls.FOUT, "fout": cls.FOUT, "warning": cls.WAARSCHUWING,
                 "waarschuwing": cls.WAARSCHUWING, "info": cls.INFO, "none": None, "geen": None}
        return tabel[tekst.lower()]


@dataclass(frozen=True)
class Bevinding:
    """One finding: a constraint that does not hold for (a part of) the group."""

    id: str
    ernst: Ernst
    bericht: Tekst
    titel: Tekst
    bron: str
    locatie: Locatie
    randvoorwaarde: str
    onderwerp: str  # the group id, or the member key / part the finding is about
    waarde: str | None = None

    @property
    def sleutel(self) -> tuple[str, str]:
        """What identifies 'the same finding' across versions of a proposal."""
        return (self.id, self.onderwerp)

    def als_dict(self) -> dict[str, Any]:
        return {"id": self.id, "ernst": self.ernst.naam.en, "bericht": {"nl": self.bericht.nl, "en": self.bericht.en},
                "titel": {"nl": self.titel.nl, "en": self.titel.en}, "bron": self.bron,
                "bestand": self.locatie.bestand, "regel": self.locatie.regel, "randvoorwaarde": self.randvoorwaarde,
                "onderwerp": self.onderwerp, "waarde": self.waarde}


@dataclass(frozen=True)
class Randvoorwaarde:
    """One heading of the checklist and how the group fares on it."""

    id: str
    titel: Tekst
    bron: str
    volgorde: int
    bevindingen: tuple[Bevinding, ...] = ()

    @property
    def ernst(self) -> Ernst | None:
        return max((b.ernst for b in self.bevindingen), default=None)

    @property
    def teken(self) -> str:
        return "✓" if self.ernst is None else self.ernst.teken

    def als_dict(self) -> dict[str, Any]:
        status = "voldaan" if self.ernst is None else {Ernst.FOUT: "niet-voldaan", Ernst.WAARSCHUWING: "aandacht",
                                                       Ernst.INFO: "info"}[self.ernst]
        return {"id": self.id, "titel": {"nl": self.titel.nl, "en": self.titel.en}, "bron": self.bron,
                "status": status, "bevindingen": [b.id for b in self.bevindingen]}


@dataclass
class Rapport:
    """The check of one group."""

    groep: str
    naam: str
    soort: str
    bestand: str
    randvoorwaarden: tuple[Randvoorwaarde, ...]
    bevindingen: tuple[Bevinding, ...]
    shacl_verslag: Any = field(default=None, repr=False)

    @property
    def voldoet(self) -> bool:
        """No violation (warnings and info may remain)."""
        return not any(b.ernst == Ernst.FOUT for b in self.bevindingen)

    def aantal(self, ernst: Ernst) -> int:
        return sum(1 for b in self.bevindingen if b.ernst == ernst)

    def boven(self, drempel: Ernst | None) -> list[Bevinding]:
        return [] if drempel is None else [b for b in self.bevindingen if b.ernst >= drempel]

    def als_dict(self) -> dict[str, Any]:
        return {"groep": self.groep, "naam": self.naam, "soort": self.soort, "bestand": self.bestand,
                "voldoet": self.voldoet,
                "aantallen": {"fout": self.aantal(Ernst.FOUT), "waarschuwing": self.aantal(Ernst.WAARSCHUWING),
                              "info": self.aantal(Ernst.INFO)},
                "randvoorwaarden": [r.als_dict() for r in self.randvoorwaarden],
                "bevindingen": [b.als_dict() for b in self.bevindingen]}

    def als_tekst(self, taal: str = "nl") -> str:
        en = taal == "en"
        regels = [f"{self.naam} ({self.soort}) — {self.bestand}", ""]
        regels.append("Preconditions:" if en else "Randvoorwaarden:")
        for r in self.randvoorwaarden:
            regels.append(f"  {r.teken} {r.titel.in_taal(taal)}")
        if self.bevindingen:
            regels.append("")
            regels.append("Findings:" if en else "Bevindingen:")
            for b in self.bevindingen:
                regels.append(f"  {b.ernst.teken} {b.id} {b.ernst.naam.in_taal(taal)}  {b.locatie}")
                regels.append(f"      {b.bericht.in_taal(taal)}")
                regels.append(f"      {'source' if en else 'bron'}: {b.bron}")
        regels.append("")
        f, w, i = self.aantal(Ernst.FOUT), self.aantal(Ernst.WAARSCHUWING), self.aantal(Ernst.INFO)
        if en:
            oordeel = "meets its preconditions" if self.voldoet else "does not meet its preconditions"
            regels.append(f"Result: {oordeel} ({f} violations, {w} warnings, {i} info)")
        else:
            oordeel = "voldoet aan de randvoorwaarden" if self.voldoet else "voldoet niet aan de randvoorwaarden"
            regels.append(f"Resultaat: {oordeel} ({f} fouten, {w} waarschuwingen, {i} info)")
        return "\n".join(regels)

    def als_turtle(self) -> str:
        """The SHACL validation report of this group (as pySHACL produced it)."""
        from .namespaces import PREFIXES

        for prefix, ns in PREFIXES.items():
            self.shacl_verslag.bind(prefix, ns)
        return self.shacl_verslag.serialize(format="turtle")


def als_json(rapporten: list[Rapport], compact: bool = False) -> str:
    """The stable JSON schema of ``pzgraph check --format json`` (see docs). ``compact`` (one
    line, no indentation) is what bulk checks write: Python's fast encoder needs it."""
    data = {"$schema": JSON_SCHEMA_ID, "rapporten": [r.als_dict() for r in rapporten]}
    if compact:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(data, ensure_ascii=False, indent=1)


def als_sarif(rapporten: list[Rapport], taal: str = "nl") -> str:
    """SARIF 2.1.0, so that a data repository's CI can annotate the YAML lines."""
    from . import __version__

    regels: dict[str, dict] = {}
    resultaten = []
    for r in rapporten:
        for b in r.bevindingen:
            regels.setdefault(b.id, {
                "id": b.id, "name": b.id,
                "shortDescription": {"text": b.titel.in_taal(taal)},
                "fullDescription": {"text": b.bericht.in_taal(taal)},
                "defaultConfiguration": {"level": b.ernst.sarif},
                "properties": {"bron": b.bron, "randvoorwaarde": b.randvoorwaarde},
            })
            locatie: dict[str, Any] = {"artifactLocation": {"uri": b.locatie.bestand}}
            if b.locatie.regel:
                locatie["region"] = {"startLine": b.locatie.regel}
            resultaten.append({"ruleId": b.id, "level": b.ernst.sarif, "message": {"text": b.bericht.in_taal(taal)},
                               "locations": [{"physicalLocation": locatie}],
                               "properties": {"groep": r.groep, "onderwerp": b.onderwerp}})
    sarif = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
             "runs": [{"tool": {"driver": {"name": "pzgraph", "version": __version__,
                                           "informationUri": "https://w3id.org/pzgraph",
                                           "rules": list(regels.values())}},
                       "results": resultaten}]}
    return json.dumps(sarif, ensure_ascii=False, indent=1)


@dataclass(frozen=True)
class Vergelijking:
    """What changed between two versions of a proposal."""

    nu_voldaan: tuple[Randvoorwaarde, ...]
    niet_meer_voldaan: tuple[Randvoorwaarde, ...]
    nieuw: tuple[Bevinding, ...]
    gebleven: tuple[Bevinding, ...]
    opgelost: tuple[Bevinding, ...]

    def als_tekst(self, taal: str = "nl") -> str:
        en = taal == "en"
        delen = [("Preconditions now met" if en else "Randvoorwaarden nu voldaan", [f"✓ {r.titel.in_taal(taal)}" for r in self.nu_voldaan]),
                 ("Preconditions no longer met" if en else "Randvoorwaarden niet meer voldaan", [f"{r.teken} {r.titel.in_taal(taal)}" for r in self.niet_meer_voldaan]),
                 ("New findings" if en else "Nieuwe bevindingen", [f"{b.ernst.teken} {b.id} {b.locatie}  {b.bericht.in_taal(taal)}" for b in self.nieuw]),
                 ("Findings that remain" if en else "Gebleven bevindingen", [f"{b.ernst.teken} {b.id} {b.locatie}  {b.bericht.in_taal(taal)}" for b in self.gebleven]),
                 ("Resolved findings" if en else "Opgeloste bevindingen", [f"✓ {b.id}  {b.bericht.in_taal(taal)}" for b in self.opgelost])]
        regels = []
        for kop, items in delen:
            regels.append(f"{kop} ({len(items)}):")
            regels += [f"  {i}" for i in items] or ["  —"]
        return "\n".join(regels)


def vergelijk(nieuw: Rapport, oud: Rapport) -> Vergelijking:
    oud_rv = {r.id: r for r in oud.randvoorwaarden}
    nu_voldaan = tuple(r for r in nieuw.randvoorwaarden if r.ernst is None and r.id in oud_rv and oud_rv[r.id].ernst is not None)
    niet_meer = tuple(r for r in nieuw.randvoorwaarden if r.ernst is not None and r.id in oud_rv and oud_rv[r.id].ernst is None)
    oude = {b.sleutel for b in oud.bevindingen}
    nieuwe = {b.sleutel for b in nieuw.bevindingen}
    return Vergelijking(nu_voldaan, niet_meer,
                        tuple(b for b in nieuw.bevindingen if b.sleutel not in oude),
                        tuple(b for b in nieuw.bevindingen if b.sleutel in oude),
                        tuple(b for b in oud.bevindingen if b.sleutel not in nieuwe))
