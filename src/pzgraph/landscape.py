"""Compile the landscape tables to RDF, with provenance, and report contradictions.

The bundled tables (``landschap/``) and a region's own files are read the same way. The
triples of every row go into a named graph per (origin, ``bron``, ``datum``, ``zekerheid``);
that graph is described in the default graph. Where a region's file says something else
than the bundled data about the same record, both facts stay, each with its source, and a
:class:`Conflict` says so.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import OWL, RDF, RDFS, XSD, Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, SKOS

from .errors import InvoerFout, Locatie, Probleem, Tekst, suggesties
from .namespaces import PREFIXES, PZ, PZG, PZID
from .tables import Rij, lees_tabel
from .vocab import Vocabulaire

ID_PATROON = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
DATUM_PATROON = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
GEMEENTE_PATROON = re.compile(r"^GM\d{4}$")
VR_PATROON = re.compile(r"^VR\d{2}$")
TOOI = "https://identifier.overheid.nl/tooi/id/gemeente/"
ZEKERHEID = {"H": PZ["zekerheid-h"], "M": PZ["zekerheid-m"], "L": PZ["zekerheid-l"]}
JA_NEE = {"ja": True, "nee": False, "": False}


@dataclass(frozen=True)
class Conflict:
    """Two sources that say different things about the same record."""

    onderwerp: str
    veld: str
    waarde_a: str
    locatie_a: Locatie
    waarde_b: str
    locatie_b: Locatie

    def regel(self, taal: str = "nl") -> str:
        if taal == "en":
            return (f"{self.locatie_b}: contradicts {self.locatie_a} about {self.onderwerp} ({self.veld}): "
                    f"{self.waarde_b!r} here, {self.waarde_a!r} there; both are kept with their source")
        return (f"{self.locatie_b}: spreekt {self.locatie_a} tegen over {self.onderwerp} ({self.veld}): "
                f"hier {self.waarde_b!r}, daar {self.waarde_a!r}; beide blijven staan met hun bron")


def _p(loc: Locatie, nl: str, en: str, vnl: str | None = None, ven: str | None = None,
       sugg: Iterable[str] = ()) -> Probleem:
    return Probleem(loc, Tekst(nl, en), Tekst(vnl, ven or vnl) if vnl else None, tuple(sugg))


def _datum_literal(datum: str) -> Literal | None:
    if datum == "onbekend":
        return None
    soort = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}[len(datum)]
    return Literal(datum, datatype=soort)


def _waarde_literal(waarde: str, bereik: URIRef | None) -> Literal | None:
    """``waarde`` typed by the property's range; None when it does not fit."""
    try:
        if bereik in (XSD.integer, XSD.nonNegativeInteger, XSD.positiveInteger, XSD.int):
            getal = int(waarde)
            if bereik != XSD.integer and getal < (1 if bereik == XSD.positiveInteger else 0):
                return None
            return Literal(getal, datatype=bereik)
        if bereik in (XSD.decimal, XSD.double, XSD.float):
            float(waarde.replace(",", "."))
            return Literal(waarde.replace(",", "."), datatype=bereik)
        if bereik == XSD.boolean:
            return Literal(JA_NEE[waarde.lower()], datatype=XSD.boolean)
    except (ValueError, KeyError):
        return None
    return Literal(waarde, datatype=bereik) if bereik not in (None, RDFS.Literal) else Literal(waarde)


class _Compiler:
    def __init__(self, ds: Dataset, vocab: Vocabulaire) -> None:
        self.ds = ds
        self.vocab = vocab
        self.problemen: list[Probleem] = []
        self.conflicten: list[Conflict] = []
        # what is known so far, for references and contradictions: id -> {veld: (waarde, locatie)}
        self.entiteiten: dict[str, dict[str, tuple[str, Locatie]]] = {}
        self.soorten: dict[str, set[URIRef]] = {}
        self.gemeenten: dict[str, dict[str, tuple[str, Locatie]]] = {}
        self.kenmerken: dict[tuple[str, str], tuple[str, Locatie]] = {}
        self.dekking: dict[tuple[str, str], tuple[str, Locatie]] = {}

    # -- helpers ---------------------------------------------------------------------------
    def graaf(self, rij: Rij, herkomst: str):
        sleutel = "|".join((herkomst, rij["bron"], rij["datum"], rij["zekerheid"].upper()))
        iri = PZG["bron-" + hashlib.sha1(sleutel.encode()).hexdigest()[:12]]
        g = self.ds.graph(iri)
        standaard = self.ds.default_graph
        if (iri, RDF.type, PZ.Bronvermelding) not in standaard:
            standaard.add((iri, RDF.type, PZ.Bronvermelding))
            standaard.add((iri, DCTERMS.source, Literal(rij["bron"])))
            datum = _datum_literal(rij["datum"])
            if datum is not None:
                standaard.add((iri, DCTERMS.date, datum))
            standaard.add((iri, PZ.zekerheid, ZEKERHEID[rij["zekerheid"].upper()]))
        return g

    def bron_geldig(self, rij: Rij) -> bool:
        ok = True
        if not rij["bron"]:
            self.problemen.append(_p(rij.locatie, "bron ontbreekt", "bron (source) is missing",
                                     "waar het feit vandaan komt, bijv. seed:003 of een webpagina",
                                     "where the fact comes from, e.g. seed:003 or a web page"))
            ok = False
        if not (DATUM_PATROON.match(rij["datum"]) or rij["datum"] == "onbekend"):
            self.problemen.append(_p(rij.locatie, f"datum {rij['datum']!r} is ongeldig",
                                     f"datum {rij['datum']!r} is not a valid date",
                                     "JJJJ-MM-DD, JJJJ-MM, JJJJ of 'onbekend'", "YYYY-MM-DD, YYYY-MM, YYYY or 'onbekend'"))
            ok = False
        if rij["zekerheid"].upper() not in ZEKERHEID:
            self.problemen.append(_p(rij.locatie, f"zekerheid {rij['zekerheid']!r} is ongeldig",
                                     f"zekerheid {rij['zekerheid']!r} is not valid", "H, M of L", "H, M or L"))
            ok = False
        return ok

    def term(self, naam: str, toegestaan: frozenset[URIRef] | dict, rij: Rij, wat: str, what: str) -> URIRef | None:
        iri = self.iri_voor_naam(naam)
        if iri is not None and iri in toegestaan:
            return iri
        namen = self.vocab.namen(toegestaan)
        self.problemen.append(_p(rij.locatie, f"onbekende {wat} {naam!r}", f"unknown {what} {naam!r}",
                                 f"een {wat} uit de ontologie", f"a {what} from the ontology",
                                 suggesties(naam, namen)))
        return None

    @staticmethod
    def iri_voor_naam(naam: str) -> URIRef | None:
        if ":" in naam:
            prefix, lokaal = naam.split(":", 1)
            ns = PREFIXES.get(prefix)
            return URIRef(ns + lokaal) if ns and lokaal else None
        return URIRef(str(PZ._NS) + naam) if naam else None

    def verwijzing(self, ref: str, rij: Rij, kolom: str, soort: URIRef | None = None) -> URIRef | None:
        """An id (or gemeentecode, or ``pz:`` concept) that must exist."""
        if ref.startswith("pz:"):
            iri = self.iri_voor_naam(ref)
            if iri in self.vocab.individuen:
                return iri
            self.problemen.append(_p(rij.locatie, f"{kolom}: onbekend begrip {ref!r}", f"{kolom}: unknown concept {ref!r}",
                                     "een begrip uit de ontologie", "a concept from the ontology",
                                     [f"pz:{n}" for n in suggesties(ref[3:], self.vocab.namen(self.vocab.individuen))]))
            return None
        if ref in self.entiteiten or ref in self.gemeenten:
            if soort is not None and not any(self.vocab.is_sub(k, soort) for k in self.soorten.get(ref, ())):
                self.problemen.append(_p(rij.locatie, f"{kolom}: {ref!r} is geen {soort.fragment or soort}",
                                         f"{kolom}: {ref!r} is not a {soort.fragment or soort}"))
                return None
            return PZID[ref]
        self.problemen.append(_p(rij.locatie, f"{kolom}: onbekend id {ref!r}", f"{kolom}: unknown id {ref!r}",
                                 "een id uit het landschap", "an id from the landscape",
                                 suggesties(ref, [*self.entiteiten, *self.gemeenten])))
        return None

    def vergelijk(self, bekend: dict[str, tuple[str, Locatie]], veld: str, waarde: str, rij: Rij, onderwerp: str) -> None:
        if not waarde:
            return
        if veld in bekend and bekend[veld][0] != waarde:
            oud, loc = bekend[veld]
            self.conflicten.append(Conflict(onderwerp, veld, oud, loc, waarde, rij.locatie))
        else:
            bekend.setdefault(veld, (waarde, rij.locatie))

    # -- passes ----------------------------------------------------------------------------
    def registreer(self, rijen: Sequence[Rij]) -> None:
        """First pass: collect ids so that rows may refer to records further down."""
        for rij in rijen:
            if rij.soort == "gemeenten":
                code = rij["gemeentecode"]
                if not GEMEENTE_PATROON.match(code):
                    self.problemen.append(_p(rij.locatie, f"gemeentecode {code!r} is ongeldig",
                                             f"gemeentecode {code!r} is not valid", "GM gevolgd door 4 cijfers",
                                             "GM followed by 4 digits"))
                    continue
                bekend = self.gemeenten.setdefault(code, {})
                self.vergelijk(bekend, "naam", rij["naam"], rij, code)
                self.soorten.setdefault(code, set()).add(PZ.Gemeente)
                vr = rij["veiligheidsregiocode"]
                if VR_PATROON.match(vr):
                    self.entiteiten.setdefault(vr, {})
                    self.soorten.setdefault(vr, set()).add(PZ.Veiligheidsregio)
            elif rij.soort == "entiteiten":
                ident = rij["id"]
                if not ID_PATROON.match(ident):
                    self.problemen.append(_p(rij.locatie, f"id {ident!r} is ongeldig", f"id {ident!r} is not valid",
                                             "letters, cijfers, '-', '_' of '.', zonder spaties",
                                             "letters, digits, '-', '_' or '.', no spaces"))
                    continue
                nieuw = ident not in self.entiteiten
                bekend = self.entiteiten.setdefault(ident, {})
                if nieuw and not (rij["soort"] and rij["naam"]):
                    self.problemen.append(_p(rij.locatie, f"nieuw id {ident!r} zonder soort of naam",
                                             f"new id {ident!r} without soort or naam",
                                             "soort en naam bij de eerste vermelding", "soort and naam where it first appears"))
                soorten = set()
                for naam in rij.lijst("soort"):
                    klasse = self.term(naam, self.vocab.klassen, rij, "soort", "class")
                    if klasse is not None:
                        soorten.add(klasse)
                self.soorten.setdefault(ident, set()).update(soorten)
                self.vergelijk(bekend, "soort", "|".join(sorted(rij.lijst("soort"))), rij, ident)
                self.vergelijk(bekend, "naam", rij["naam"], rij, ident)
                self.vergelijk(bekend, "werkgebied", rij["werkgebied"], rij, ident)

    def compileer(self, rijen: Sequence[Rij], herkomst: str) -> None:
        for rij in rijen:
            if not self.bron_geldig(rij):
                continue
            g = self.graaf(rij, herkomst)
            getattr(self, "_" + rij.soort)(rij, g)

    def _bron_op(self, g, onderwerp: URIRef, rij: Rij) -> None:
        g.add((onderwerp, DCTERMS.source, Literal(rij["bron"])))
        datum = _datum_literal(rij["datum"])
        if datum is not None:
            g.add((onderwerp, DCTERMS.date, datum))
        if rij["toelichting"]:
            g.add((onderwerp, RDFS.comment, Literal(rij["toelichting"], lang="nl")))

    def _gemeenten(self, rij: Rij, g) -> None:
        code = rij["gemeentecode"]
        if not GEMEENTE_PATROON.match(code):
            return
        gm = PZID[code]
        g.add((gm, RDF.type, PZ.Gemeente))
        g.add((gm, DCTERMS.identifier, Literal(code)))
        g.add((gm, RDFS.label, Literal(rij["naam"], lang="nl")))
        g.add((gm, SKOS.prefLabel, Literal(rij["naam"], lang="nl")))
        if rij["roepnaam"]:
            g.add((gm, SKOS.altLabel, Literal(rij["roepnaam"], lang="nl")))
        g.add((gm, OWL.sameAs, URIRef(TOOI + code.lower())))
        vr = rij["veiligheidsregiocode"]
        if VR_PATROON.match(vr):
            g.add((gm, PZ.veiligheidsregio, PZID[vr]))
            g.add((PZID[vr], RDF.type, PZ.Veiligheidsregio))
            g.add((PZID[vr], DCTERMS.identifier, Literal(vr)))
            g.add((PZID[vr], RDFS.label, Literal(rij["veiligheidsregio"], lang="nl")))
            g.add((PZID[vr], DCTERMS.source, Literal(rij["bron"])))
        self._bron_op(g, gm, rij)

    def _entiteiten(self, rij: Rij, g) -> None:
        ident = rij["id"]
        if not ID_PATROON.match(ident):
            return
        s = PZID[ident]
        g.add((s, DCTERMS.identifier, Literal(ident)))
        for naam in rij.lijst("soort"):
            klasse = self.iri_voor_naam(naam)
            if klasse in self.vocab.klassen:
                g.add((s, RDF.type, klasse))
        if rij["naam"]:
            g.add((s, RDFS.label, Literal(rij["naam"], lang="nl")))
            g.add((s, SKOS.prefLabel, Literal(rij["naam"], lang="nl")))
        for alt in rij.lijst("alternatieve_namen"):
            g.add((s, SKOS.altLabel, Literal(alt, lang="nl")))
        for ref in rij.lijst("lid_van"):
            o = self.verwijzing(ref, rij, "lid_van", ORG.Organization)
            if o is not None:
                g.add((s, ORG.memberOf, o))
        if rij["werkgebied"]:
            o = self.verwijzing(rij["werkgebied"], rij, "werkgebied", PZ.Gebied)
            if o is not None:
                g.add((s, PZ.werkgebied, o))
        self._bron_op(g, s, rij)

    def _dekking(self, rij: Rij, g) -> None:
        gebied = self.verwijzing(rij["gebied"], rij, "gebied", PZ.Gebied)
        code = rij["gemeentecode"]
        if code not in self.gemeenten:
            self.problemen.append(_p(rij.locatie, f"onbekende gemeentecode {code!r}", f"unknown gemeentecode {code!r}",
                                     "een code uit gemeenten.csv (GM + 4 cijfers)", "a code from gemeenten.csv (GM + 4 digits)",
                                     suggesties(code, self.gemeenten)))
            return
        deels = rij["deels"].lower()
        if deels not in JA_NEE:
            self.problemen.append(_p(rij.locatie, f"deels {rij['deels']!r} is ongeldig", f"deels {rij['deels']!r} is not valid",
                                     "ja of nee", "ja or nee"))
            return
        if gebied is None:
            return
        sleutel = (rij["gebied"], code)
        if sleutel in self.dekking and self.dekking[sleutel][0] != deels:
            oud, loc = self.dekking[sleutel]
            self.conflicten.append(Conflict(f"{rij['gebied']} / {code}", "deels", oud, loc, deels, rij.locatie))
        self.dekking.setdefault(sleutel, (deels, rij.locatie))
        eigenschap = PZ.omvatGemeenteDeels if JA_NEE[deels] else PZ.omvatGemeente
        g.add((gebied, eigenschap, PZID[code]))

    def _relaties(self, rij: Rij, g) -> None:
        p = self.term(rij["relatie"], self.vocab.objecteigenschappen, rij, "relatie", "relation")
        s = self.verwijzing(rij["subject"], rij, "subject")
        o = self.verwijzing(rij["object"], rij, "object")
        if p is not None and s is not None and o is not None:
            g.add((s, p, o))

    def _kenmerken(self, rij: Rij, g) -> None:
        p = self.term(rij["kenmerk"], frozenset(self.vocab.datatype_bereik), rij, "kenmerk", "attribute")
        s = self.verwijzing(rij["subject"], rij, "subject")
        if p is None or s is None:
            return
        bereik = self.vocab.datatype_bereik[p]
        waarde = _waarde_literal(rij["waarde"], bereik)
        if waarde is None:
            naam = bereik.fragment if bereik is not None else "tekst"
            self.problemen.append(_p(rij.locatie, f"waarde {rij['waarde']!r} past niet bij {rij['kenmerk']}",
                                     f"value {rij['waarde']!r} does not fit {rij['kenmerk']}",
                                     f"een waarde van het type {naam}", f"a value of type {naam}"))
            return
        sleutel = (rij["subject"], rij["kenmerk"])
        if sleutel in self.kenmerken and self.kenmerken[sleutel][0] != rij["waarde"]:
            oud, loc = self.kenmerken[sleutel]
            self.conflicten.append(Conflict(rij["subject"], rij["kenmerk"], oud, loc, rij["waarde"], rij.locatie))
        self.kenmerken.setdefault(sleutel, (rij["waarde"], rij.locatie))
        g.add((s, p, waarde))

    def _leemten(self, rij: Rij, g) -> None:
        if not ID_PATROON.match(rij["id"]):
            self.problemen.append(_p(rij.locatie, f"id {rij['id']!r} is ongeldig", f"id {rij['id']!r} is not valid"))
            return
        s = PZID["leemte-" + rij["id"].removeprefix("leemte-")]
        g.add((s, RDF.type, PZ.Gegevensleemte))
        g.add((s, DCTERMS.identifier, Literal(rij["id"])))
        g.add((s, RDFS.label, Literal(rij["beschrijving"], lang="nl")))
        if rij["betreft"] != "landelijk":
            o = self.verwijzing(rij["betreft"], rij, "betreft")
            if o is not None:
                g.add((s, PZ.betreft, o))
        self._bron_op(g, s, rij)


def lees_bestanden(paden: Iterable[Path]) -> list[Rij]:
    """All rows of the given landscape files (folders are read file by file, sorted)."""
    rijen: list[Rij] = []
    problemen: list[Probleem] = []
    for pad in paden:
        reeks = sorted(p for p in pad.iterdir() if p.suffix.lower() in (".csv", ".yaml", ".yml")) if pad.is_dir() else [pad]
        for bestand in reeks:
            try:
                rijen += lees_tabel(bestand)
            except InvoerFout as fout:
                problemen += fout.problemen
    if problemen:
        raise InvoerFout(problemen)
    return rijen


def _volgorde(rij: Rij) -> int:
    return ("gemeenten", "entiteiten", "dekking", "relaties", "kenmerken", "leemten").index(rij.soort)


def compileer(ds: Dataset, vocab: Vocabulaire, delen: Sequence[tuple[str, Sequence[Rij]]]) -> list[Conflict]:
    """Add the landscape parts (``(herkomst, rows)``, bundled data first) to ``ds``.

    Raises :class:`InvoerFout` with every problem found; returns the contradictions.
    """
    compiler = _Compiler(ds, vocab)
    for _, rijen in delen:
        compiler.registreer(sorted(rijen, key=_volgorde))
    for herkomst, rijen in delen:
        compiler.compileer(sorted(rijen, key=_volgorde), herkomst)
    if compiler.problemen:
        raise InvoerFout(compiler.problemen)
    return compiler.conflicten
