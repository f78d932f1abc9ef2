"""Group definitions (YAML, Turtle or JSON-LD) -> RDF, with file:line for every node.

The YAML is read as a node tree (not through a YAML type resolver), so pzgraph decides each
value's type from the input format: ``no`` is never silently ``false`` and ``010`` never 8.
Unknown keys, duplicate keys, anchors/aliases and values of the wrong type are input errors
with file:line and, where one is close, a "did you mean".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG

from .errors import InvoerFout, Locatie, Probleem, Tekst, suggesties
from .formaat import Formaat, Veld, formaat
from .namespaces import PREFIXES, PZ
from .tables import MAX_BYTES, _lees_tekst

if TYPE_CHECKING:  # pragma: no cover
    from .kb import KnowledgeBase

GROEP = Namespace("https://w3id.org/pzgraph/groep/")
ID_PATROON = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
GETAL = re.compile(r"^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")
# plain scalars that a YAML 1.1 or 1.2 reader turns into something other than text
NIET_TEKST = re.compile(r"^(y|n|yes|no|on|off|true|false|null|~|[-+]?\d[\d_]*(\.\d*)?([eE][-+]?\d+)?|"
                        r"0[xo][0-9a-f]+|\.inf|\.nan|\d{4}-\d\d-\d\d.*)$", re.IGNORECASE)
GROEPSKLASSEN_RDF = ("TrekkersgroepPaTz", "PaTzGroep", "Zorgnetwerk", "LerendNetwerk",
                     "NetwerkPalliatieveZorg", "Participatietraject")


@dataclass
class Groep:
    """One group definition as RDF, with where each part came from."""

    iri: URIRef
    id: str
    soort: str
    naam: str
    bestand: str
    graaf: Graph
    personen: Graph
    regels: dict[tuple[URIRef, URIRef | None], Locatie] = field(default_factory=dict)
    sleutels: dict[URIRef, str] = field(default_factory=dict)

    def locatie(self, knoop: URIRef | None, pad: URIRef | None = None) -> Locatie:
        """The best line for a (node, property) pair: the key, else the node, else the file."""
        for sleutel in ((knoop, pad), (knoop, None), (self.iri, pad), (self.iri, None)):
            if sleutel in self.regels:
                return self.regels[sleutel]
        return Locatie(self.bestand)


def _p(loc: Locatie, nl: str, en: str, vnl: str | None = None, ven: str | None = None,
       sugg=()) -> Probleem:
    return Probleem(loc, Tekst(nl, en), Tekst(vnl, ven or vnl) if vnl else None, tuple(sugg))


def _iri(naam: str) -> URIRef:
    prefix, lokaal = naam.split(":", 1)
    return URIRef(PREFIXES[prefix] + lokaal)


class _Lezer:
    """Turns one YAML node tree into a :class:`Groep`."""

    def __init__(self, kb: KnowledgeBase, f: Formaat, bestand: str) -> None:
        self.kb = kb
        self.f = f
        self.bestand = bestand
        self.problemen: list[Probleem] = []
        self.g = Graph()
        self.personen = Graph()
        self.regels: dict[tuple[URIRef, URIRef | None], Locatie] = {}
        self.lokale_orgs: dict[str, URIRef] = {}
        self.personen_per_sleutel: dict[str, URIRef] = {}
        self.sleutels: dict[URIRef, str] = {}

    # -- YAML node helpers -----------------------------------------------------------------
    def loc(self, node) -> Locatie:
        return Locatie(self.bestand, node.start_mark.line + 1)

    def mapping(self, node, wat: str) -> list[tuple[str, object, object]] | None:
        from ruamel.yaml.nodes import MappingNode

        if not isinstance(node, MappingNode):
            self.problemen.append(_p(self.loc(node), f"{wat}: een tabel (sleutel: waarde) verwacht",
                                     f"{wat}: expected a mapping (key: value)"))
            return None
        gezien: dict[str, object] = {}
        paren = []
        for knode, vnode in node.value:
            sleutel = str(knode.value)
            if sleutel in gezien:
                self.problemen.append(_p(self.loc(knode), f"sleutel {sleutel!r} staat er twee keer",
                                         f"duplicate key {sleutel!r}", "elke sleutel één keer", "each key once"))
                continue
            gezien[sleutel] = knode
            paren.append((sleutel, knode, vnode))
        return paren

    def scalair(self, node, veld: Veld) -> str | None:
        from ruamel.yaml.nodes import ScalarNode

        if not isinstance(node, ScalarNode):
            self.problemen.append(_p(self.loc(node), f"{veld.naam}: één waarde verwacht, geen lijst of tabel",
                                     f"{veld.naam}: expected a single value, not a list or mapping"))
            return None
        tekst = str(node.value)
        geciteerd = node.style in ("'", '"', "|", ">")
        if not geciteerd and tekst.strip() in ("", "~", "null", "Null", "NULL"):
            return ""
        if veld.type == "getal":
            if geciteerd or not GETAL.match(tekst):
                self.problemen.append(_p(self.loc(node), f"{veld.naam}: {tekst!r} is geen getal",
                                         f"{veld.naam}: {tekst!r} is not a number", "een getal zonder aanhalingstekens, bijv. 4",
                                         "a number without quotes, e.g. 4"))
                return None
            if re.match(r"^[-+]?0\d", tekst):
                self.problemen.append(_p(self.loc(node), f"{veld.naam}: {tekst} begint met een 0 (YAML 1.1 leest dat als octaal getal)",
                                         f"{veld.naam}: {tekst} starts with 0 (YAML 1.1 reads it as an octal number)",
                                         f"{tekst.lstrip('0') or '0'} zonder voorloopnul", f"{tekst.lstrip('0') or '0'} without the leading zero"))
                return None
            return tekst
        if veld.type == "ja-nee":
            if tekst.lower() in ("true", "ja"):
                return "true"
            if tekst.lower() in ("false", "nee"):
                return "false"
            self.problemen.append(_p(self.loc(node), f"{veld.naam}: {tekst!r} is geen ja of nee",
                                     f"{veld.naam}: {tekst!r} is not yes or no", "true of false (of ja/nee)", "true or false"))
            return None
        if not geciteerd and NIET_TEKST.match(tekst.strip()):
            self.problemen.append(_p(self.loc(node), f"{veld.naam}: {tekst!r} zou door YAML als getal, datum of ja/nee gelezen worden",
                                     f"{veld.naam}: YAML would read {tekst!r} as a number, date or boolean",
                                     f'tekst tussen aanhalingstekens: "{tekst}"', f'quoted text: "{tekst}"'))
            return None
        return tekst.strip()

    def waarden(self, node, veld: Veld) -> list[tuple[str, object]]:
        """The scalar values of a field (one, or a list when allowed), with their nodes."""
        from ruamel.yaml.nodes import SequenceNode

        if isinstance(node, SequenceNode):
            if not veld.lijst:
                self.problemen.append(_p(self.loc(node), f"{veld.naam}: één waarde verwacht, geen lijst",
                                         f"{veld.naam}: expected one value, not a list"))
                return []
            uit = []
            for item in node.value:
                w = self.scalair(item, veld)
                if w:
                    uit.append((w, item))
            return uit
        w = self.scalair(node, veld)
        return [(w, node)] if w else []

    # -- value resolution --------------------------------------------------------------------
    def landschap(self, ref: str, node, veld: Veld) -> URIRef | None:
        if ref in self.lokale_orgs:
            return self.lokale_orgs[ref]
        iri = self.kb.vind(ref)
        if iri is None:
            self.problemen.append(_p(self.loc(node), f"{veld.naam}: {ref!r} staat niet in het landschap en niet onder organisaties:",
                                     f"{veld.naam}: {ref!r} is neither in the landscape nor under organisaties:",
                                     "een id of naam uit het landschap, of een id uit organisaties:",
                                     "an id or name from the landscape, or an id from organisaties:",
                                     self.kb.suggesties(ref) + suggesties(ref, self.lokale_orgs)))
        return iri

    def begrip(self, waarde: str, node, veld: Veld) -> URIRef | None:
        kandidaten = {str(i)[len(PREFIXES["pz"]):]: i for i in self.kb.vocab.individuen
                      if str(i).startswith(PREFIXES["pz"] + veld.voorvoegsel)}
        korte = {k[len(veld.voorvoegsel):]: i for k, i in kandidaten.items()}
        sleutel = waarde.removeprefix("pz:").removeprefix(veld.voorvoegsel)
        if sleutel in korte:
            return korte[sleutel]
        for k, iri in korte.items():
            labels = {_norm(str(label)) for label in self.kb.objecten(iri, RDFS.label)}
            if _norm(waarde) in labels:
                return iri
        self.problemen.append(_p(self.loc(node), f"{veld.naam}: onbekende waarde {waarde!r}", f"{veld.naam}: unknown value {waarde!r}",
                                 "een van " + ", ".join(sorted(korte)), "one of " + ", ".join(sorted(korte)),
                                 suggesties(sleutel, korte)))
        return None

    def rol(self, waarde: str, node, veld: Veld) -> URIRef | None:
        rollen = {str(r)[len(PREFIXES["pz"]) + 4:]: r for r, _, _ in self.kb.triples((None, RDF.type, PZ.Rol))
                  if str(r).startswith(PREFIXES["pz"] + "rol-")}
        sleutel = waarde.removeprefix("pz:").removeprefix("rol-")
        if sleutel in rollen:
            return rollen[sleutel]
        for iri in rollen.values():
            if _norm(waarde) in {_norm(str(label)) for label in self.kb.objecten(iri, RDFS.label)}:
                return iri
        self.problemen.append(_p(self.loc(node), f"{veld.naam}: onbekende rol {waarde!r}", f"{veld.naam}: unknown role {waarde!r}",
                                 "een rol uit 'pzgraph query rollen' (bijv. netwerkcoordinator, patz-ambassadeur)",
                                 "a role from 'pzgraph query rollen' (e.g. netwerkcoordinator, patz-ambassadeur)",
                                 suggesties(sleutel, rollen)))
        return None

    def klasse(self, waarde: str, node, veld: Veld) -> URIRef | None:
        iri = _iri(waarde) if ":" in waarde else URIRef(PREFIXES["pz"] + waarde)
        if iri in self.kb.vocab.klassen:
            return iri
        self.problemen.append(_p(self.loc(node), f"{veld.naam}: onbekende soort {waarde!r}", f"{veld.naam}: unknown class {waarde!r}",
                                 "een klasse uit de ontologie", "a class from the ontology",
                                 suggesties(waarde, self.kb.vocab.namen(self.kb.vocab.klassen))))
        return None

    def typeer(self, s: URIRef, klasse: URIRef) -> None:
        self.g.add((s, RDF.type, klasse))
        for sup in self.kb.vocab.superklassen.get(klasse, ()):
            self.g.add((s, RDF.type, sup))

    # -- fields ------------------------------------------------------------------------------
    def veld(self, s: URIRef, veld: Veld, knode, vnode, G: URIRef) -> None:
        p = _iri(veld.eigenschap) if veld.eigenschap else None
        if p is not None:
            self.regels.setdefault((s, p), self.loc(knode))
        if veld.type == "object":
            self.object(s, veld, vnode, G)
            return
        for waarde, node in self.waarden(vnode, veld):
            o = self.term(waarde, node, veld)
            if o is not None and p is not None:
                self.g.add((s, p, o))

    def term(self, waarde: str, node, veld: Veld):
        t = veld.type
        if t == "tekst":
            return Literal(waarde)
        if t == "getal":
            return Literal(waarde, datatype=XSD.decimal)
        if t == "ja-nee":
            return Literal(waarde == "true", datatype=XSD.boolean)
        if t == "begrip":
            return self.begrip(waarde, node, veld)
        if t == "rol":
            return self.rol(waarde, node, veld)
        if t == "landschap":
            return self.landschap(waarde, node, veld)
        if t == "gebied":
            iri = self.landschap(waarde, node, veld)
            if iri is None:
                return None
            if PZ.Gebied in self.kb.objecten(iri, RDF.type) or (iri, RDF.type, PZ.Gebied) in self.g:
                return iri
            gebied = self.kb.waarde(iri, PZ.werkgebied)
            if gebied is None:
                self.problemen.append(_p(self.loc(node), f"{veld.naam}: {waarde!r} heeft geen bekend werkgebied",
                                         f"{veld.naam}: {waarde!r} has no known area",
                                         "een netwerk, consortium of gebied uit het landschap",
                                         "a network, consortium or area from the landscape"))
            return gebied
        if t == "lid":
            if waarde in self.personen_per_sleutel:
                return self.personen_per_sleutel[waarde]
            self.problemen.append(_p(self.loc(node), f"{veld.naam}: geen lid met sleutel {waarde!r}",
                                     f"{veld.naam}: no member with key {waarde!r}", "de sleutel van een lid onder leden:",
                                     "the key of a member under leden:", suggesties(waarde, self.personen_per_sleutel)))
            return None
        if t == "klasse":
            return self.klasse(waarde, node, veld)
        raise AssertionError(t)

    def object(self, s: URIRef, veld: Veld, vnode, G: URIRef) -> None:
        from ruamel.yaml.nodes import SequenceNode

        items = vnode.value if isinstance(vnode, SequenceNode) and veld.lijst else [vnode]
        if isinstance(vnode, SequenceNode) and not veld.lijst:
            self.problemen.append(_p(self.loc(vnode), f"{veld.naam}: één tabel verwacht, geen lijst", f"{veld.naam}: expected one mapping, not a list"))
            return
        for i, item in enumerate(items, start=1):
            paren = self.mapping(item, veld.naam)
            if paren is None:
                continue
            if veld.klasse:
                knoop = URIRef(f"{G}/{veld.naam}" + (f"/{i}" if veld.lijst else ""))
                self.typeer(knoop, _iri(veld.klasse))
                self.g.add((s, _iri(veld.eigenschap), knoop))
                self.regels[(knoop, None)] = self.loc(item)
                self.sleutels[knoop] = f"{veld.naam}" + (f"[{i}]" if veld.lijst else "")
            else:
                knoop = s
            self.velden(knoop, veld.velden, paren, veld.naam, G)

    def velden(self, s: URIRef, velden: dict[str, Veld], paren, waar: str, G: URIRef) -> None:
        gezien = set()
        for sleutel, knode, vnode in paren:
            veld = velden.get(sleutel)
            if veld is None:
                self.problemen.append(_p(self.loc(knode), f"onbekende sleutel {sleutel!r} in {waar}",
                                         f"unknown key {sleutel!r} in {waar}", "een van " + ", ".join(velden),
                                         "one of " + ", ".join(velden), suggesties(sleutel, velden)))
                continue
            gezien.add(sleutel)
            self.veld(s, veld, knode, vnode, G)
        for naam, veld in velden.items():
            if veld.verplicht and naam not in gezien:
                self.problemen.append(_p(self.regels.get((s, None), Locatie(self.bestand, 1)),
                                         f"{waar}: verplichte sleutel {naam!r} ontbreekt", f"{waar}: required key {naam!r} is missing"))

    def organisaties(self, vnode, G: URIRef) -> None:
        from ruamel.yaml.nodes import SequenceNode

        if not isinstance(vnode, SequenceNode):
            self.problemen.append(_p(self.loc(vnode), "organisaties: een lijst verwacht", "organisaties: expected a list"))
            return
        for item in vnode.value:
            paren = self.mapping(item, "organisaties")
            if paren is None:
                continue
            waarden = {k: (kn, vn) for k, kn, vn in paren}
            if "id" not in waarden:
                self.problemen.append(_p(self.loc(item), "organisaties: id ontbreekt", "organisaties: id is missing"))
                continue
            ident = self.scalair(waarden["id"][1], self.f.organisatie["id"]) or ""
            if not ID_PATROON.match(ident) or ident in self.lokale_orgs:
                self.problemen.append(_p(self.loc(waarden["id"][1]), f"organisaties: id {ident!r} is ongeldig of dubbel",
                                         f"organisaties: id {ident!r} is invalid or duplicated", "een unieke korte id", "a unique short id"))
                continue
            o = URIRef(f"{G}/organisatie/{ident}")
            self.lokale_orgs[ident] = o
            self.regels[(o, None)] = self.loc(item)
            self.sleutels[o] = ident
            self.g.add((G, ORG.hasMember, o))
            self.g.add((o, DCTERMS.identifier, Literal(ident)))
            if "soort" in waarden:
                for waarde, node in self.waarden(waarden["soort"][1], self.f.organisatie["soort"]):
                    klasse = self.klasse(waarde, node, self.f.organisatie["soort"])
                    if klasse is not None:
                        self.typeer(o, klasse)
            self.velden(o, {k: v for k, v in self.f.organisatie.items() if k not in ("id", "soort")},
                        [(k, kn, vn) for k, kn, vn in paren if k not in ("id", "soort")], "organisaties", G)

    def leden(self, vnode, G: URIRef) -> list:
        from ruamel.yaml.nodes import SequenceNode

        if not isinstance(vnode, SequenceNode):
            self.problemen.append(_p(self.loc(vnode), "leden: een lijst verwacht", "leden: expected a list"))
            return []
        uit = []
        for item in vnode.value:
            paren = self.mapping(item, "leden")
            if paren is None:
                continue
            waarden = {k: vn for k, _, vn in paren}
            aantal = len(self.problemen)
            sleutel = self.scalair(waarden["sleutel"], self.f.lid["sleutel"]) if "sleutel" in waarden else None
            if len(self.problemen) > aantal:
                continue  # already reported (e.g. `sleutel: no`)
            if not sleutel or not ID_PATROON.match(sleutel) or sleutel in self.personen_per_sleutel:
                self.problemen.append(_p(self.loc(item), f"leden: sleutel {sleutel!r} ontbreekt, is ongeldig of dubbel",
                                         f"leden: key {sleutel!r} is missing, invalid or duplicated",
                                         "een unieke korte sleutel per lid (bijv. nc, amb1)", "a unique short key per member"))
                continue
            persoon, lid = URIRef(f"{G}/persoon/{sleutel}"), URIRef(f"{G}/lid/{sleutel}")
            self.personen_per_sleutel[sleutel] = persoon
            self.regels[(lid, None)] = self.regels[(persoon, None)] = self.loc(item)
            self.sleutels[lid] = self.sleutels[persoon] = sleutel
            uit.append((lid, persoon, paren))
        return uit

    def lid(self, lid: URIRef, persoon: URIRef, paren, G: URIRef) -> None:
        self.typeer(persoon, PZ.Persoon)
        self.typeer(lid, ORG.Membership)
        self.g.add((lid, ORG.organization, G))
        self.g.add((lid, ORG.member, persoon))
        for sleutel, knode, vnode in paren:
            veld = self.f.lid.get(sleutel)
            if veld is None:
                self.problemen.append(_p(self.loc(knode), f"onbekende sleutel {sleutel!r} in leden", f"unknown key {sleutel!r} in leden",
                                         "een van " + ", ".join(self.f.lid), "one of " + ", ".join(self.f.lid), suggesties(sleutel, self.f.lid)))
            elif veld.persoonlijk:
                for waarde, _ in self.waarden(vnode, veld):
                    self.personen.add((persoon, _iri(veld.eigenschap), Literal(waarde)))
            elif sleutel != "sleutel":
                self.veld(lid, veld, knode, vnode, G)
        for o in self.g.objects(lid, PZ.namens):
            self.g.add((G, ORG.hasMember, o))
        if not any(k == "rol" for k, _, _ in paren):
            self.problemen.append(_p(self.regels[(lid, None)], f"leden: lid {self.sleutels[lid]!r} heeft geen rol",
                                     f"leden: member {self.sleutels[lid]!r} has no role", "rol: bijv. netwerkcoordinator",
                                     "rol: e.g. netwerkcoordinator"))

    # -- the whole group -----------------------------------------------------------------------
    def groep(self, wortel, standaard_id: str) -> Groep | None:
        paren = self.mapping(wortel, "het bestand")
        if paren is None:
            return None
        waarden = {k: (kn, vn) for k, kn, vn in paren}
        if "soort" not in waarden:
            self.problemen.append(_p(Locatie(self.bestand, 1), "soort ontbreekt", "soort is missing",
                                     "soort: " + " | ".join(self.f.soorten), "soort: " + " | ".join(self.f.soorten)))
            return None
        soort = self.scalair(waarden["soort"][1], self.f.velden["soort"]) or ""
        if soort not in self.f.soorten:
            self.problemen.append(_p(self.loc(waarden["soort"][1]), f"onbekende soort {soort!r}", f"unknown kind {soort!r}",
                                     " | ".join(self.f.soorten), " | ".join(self.f.soorten), suggesties(soort, self.f.soorten)))
            return None
        ident = standaard_id
        if "id" in waarden:
            ident = self.scalair(waarden["id"][1], self.f.velden["id"]) or standaard_id
        if not ID_PATROON.match(ident):
            self.problemen.append(_p(self.loc(waarden["id"][1]) if "id" in waarden else Locatie(self.bestand, 1),
                                     f"id {ident!r} is ongeldig", f"id {ident!r} is invalid", "letters, cijfers en '-'", "letters, digits and '-'"))
            return None
        G = GROEP[ident]
        self.regels[(G, None)] = self.loc(waarden["soort"][0])
        self.sleutels[G] = ident
        self.typeer(G, _iri(self.f.soorten[soort].klasse))
        self.g.add((G, DCTERMS.identifier, Literal(ident)))
        if "organisaties" in waarden:
            self.organisaties(waarden["organisaties"][1], G)
        if "leden" in waarden:
            self.regels[(G, ORG.hasMember)] = self.loc(waarden["leden"][0])
        leden = self.leden(waarden["leden"][1], G) if "leden" in waarden else []
        for lid, persoon, lparen in leden:
            self.lid(lid, persoon, lparen, G)
        toegestaan = self.f.velden_voor(soort)
        self.velden(G, {k: v for k, v in toegestaan.items() if k not in ("soort", "id", "organisaties", "leden")},
                    [(k, kn, vn) for k, kn, vn in paren if k not in ("soort", "id", "organisaties", "leden")
                     and (k in toegestaan or k not in self.f.velden)], soort, G)
        for k, kn, _ in paren:
            if k in self.f.velden and k not in toegestaan:
                self.problemen.append(_p(self.loc(kn), f"sleutel {k!r} hoort niet bij een {soort}", f"key {k!r} does not belong to a {soort}",
                                         "de sleutels van 'pzgraph new " + soort + "'", "the keys of 'pzgraph new " + soort + "'"))
        if "leden" not in waarden:
            self.problemen.append(_p(Locatie(self.bestand, 1), "leden ontbreekt", "leden is missing", "een lijst leden:", "a list leden:"))
        naam = str(self.g.value(G, RDFS.label) or ident)
        afsluiten(self.g, self.kb)
        return Groep(G, ident, soort, naam, self.bestand, self.g, self.personen, self.regels, self.sleutels)


def afsluiten(g: Graph, kb: KnowledgeBase) -> None:
    """Add what the ontology's hierarchies imply: superclass types, superproperties."""
    for s, p, o in list(g):
        if p == RDF.type:
            for sup in kb.vocab.superklassen.get(o, ()):
                g.add((s, RDF.type, sup))
        else:
            for sup in kb.vocab.supereigenschappen.get(p, ()):
                g.add((s, sup, o))


def _norm(tekst: str) -> str:
    import unicodedata

    los = unicodedata.normalize("NFKD", tekst.strip())
    return "".join(c for c in los if not unicodedata.combining(c)).casefold().replace(" ", "-")


def lees_yaml_groep(pad: Path, kb: KnowledgeBase) -> Groep:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    bestand = str(pad)
    tekst = _lees_tekst(pad)
    yaml = YAML(typ="safe", pure=True)
    try:
        for gebeurtenis in yaml.parse(tekst):
            if getattr(gebeurtenis, "anchor", None) is not None or type(gebeurtenis).__name__ == "AliasEvent":
                regel = gebeurtenis.start_mark.line + 1
                raise InvoerFout(_p(Locatie(bestand, regel), "YAML-ankers en -aliassen (& en *) worden niet ondersteund",
                                    "YAML anchors and aliases (& and *) are not supported", "elke waarde uitgeschreven", "every value written out"))
        wortel = yaml.compose(tekst)
    except (MarkedYAMLError,) as exc:
        mark = exc.problem_mark or exc.context_mark
        raise InvoerFout(_p(Locatie(bestand, mark.line + 1 if mark else 0), f"ongeldige YAML: {exc.problem or exc.context}",
                            f"invalid YAML: {exc.problem or exc.context}", "geldige YAML (let op inspringen en dubbele punten)",
                            "valid YAML (mind indentation and colons)")) from None
    except YAMLError as exc:
        raise InvoerFout(_p(Locatie(bestand), f"ongeldige YAML: {exc}", f"invalid YAML: {exc}")) from None
    except RecursionError:
        raise InvoerFout(_p(Locatie(bestand), "te diep genest", "nested too deeply", "hoogstens een paar niveaus", "a few levels at most")) from None
    if wortel is None:
        raise InvoerFout(_p(Locatie(bestand, 1), "het bestand bevat geen groep", "the file holds no group",
                            "een groep met soort:, naam: en leden: (zie 'pzgraph new')", "a group with soort:, naam: and leden: (see 'pzgraph new')"))
    lezer = _Lezer(kb, formaat(), bestand)
    groep = lezer.groep(wortel, re.sub(r"[^A-Za-z0-9_-]", "-", pad.stem).strip("-") or "groep")
    if lezer.problemen:
        raise InvoerFout(lezer.problemen)
    assert groep is not None
    return groep


def lees_rdf_groepen(pad: Path, kb: KnowledgeBase) -> list[Groep]:
    """Groups from Turtle or JSON-LD written by the user. No remote contexts, no imports."""
    import json

    from rdflib.plugins.parsers.notation3 import BadSyntax

    bestand = str(pad)
    tekst = _lees_tekst(pad)
    formaat_ = "json-ld" if pad.suffix.lower() in (".jsonld", ".json") else "turtle"
    if formaat_ == "json-ld":
        try:
            data = json.loads(tekst)
        except json.JSONDecodeError as exc:
            raise InvoerFout(_p(Locatie(bestand, exc.lineno), f"ongeldige JSON: {exc.msg}", f"invalid JSON: {exc.msg}")) from None
        if any(isinstance(c, str) or (isinstance(c, list) and any(isinstance(x, str) for x in c)) for c in _contexten(data)):
            raise InvoerFout(_p(Locatie(bestand), "een @context die naar een adres of bestand verwijst wordt niet opgehaald",
                                "an @context that refers to a URL or file is not fetched",
                                "een @context die in het bestand zelf staat", "an @context written inline"))
    g = Graph()
    basis = str(GROEP) + re.sub(r"[^A-Za-z0-9_-]", "-", pad.stem) + "/"
    try:
        g.parse(data=tekst, format=formaat_, publicID=basis)
    except BadSyntax as exc:
        waarom = str(getattr(exc, "_why", "") or exc.message).strip().splitlines()[0]
        raise InvoerFout(_p(Locatie(bestand, exc.lines + 1), f"Turtle-syntaxfout: {waarom}", f"Turtle syntax error: {waarom}",
                            "geldige Turtle", "valid Turtle")) from None
    except Exception as exc:  # rdflib's parsers raise assorted exception types
        raise InvoerFout(_p(Locatie(bestand), f"onleesbare RDF: {exc}", f"unreadable RDF: {exc}")) from None
    return groepen_uit_graaf(g, kb, bestand)


def groepen_uit_graaf(bron: Graph, kb: KnowledgeBase, bestand: str) -> list[Groep]:
    """The groups in an RDF graph: nodes typed with a group class (the graph is copied)."""
    g = Graph()
    for triple in bron:
        if triple[1] != _iri("owl:imports"):
            g.add(triple)
    afsluiten(g, kb)
    f = formaat()
    klassen = {_iri(s.klasse): n for n, s in f.soorten.items()}
    groepen = []
    for klasse, soort in klassen.items():
        for G in g.subjects(RDF.type, klasse):
            if not isinstance(G, URIRef) or str(G).startswith(PREFIXES["pzid"]):
                continue
            ident = str(g.value(G, DCTERMS.identifier) or str(G).rstrip("/").rsplit("/", 1)[-1])
            groepen.append(Groep(G, ident, soort, str(g.value(G, RDFS.label) or ident), bestand, g, Graph(),
                                 {(G, None): Locatie(bestand)}, {G: ident}))
    if not groepen:
        raise InvoerFout(_p(Locatie(bestand), "geen groep gevonden", "no group found",
                            "een knoop van een van de klassen " + ", ".join(f"pz:{k}" for k in GROEPSKLASSEN_RDF),
                            "a node of one of the classes " + ", ".join(f"pz:{k}" for k in GROEPSKLASSEN_RDF)))
    return groepen


def _contexten(data) -> Iterator:
    if isinstance(data, dict):
        for k, v in data.items():
            if k == "@context":
                yield v
            yield from _contexten(v)
    elif isinstance(data, list):
        for item in data:
            yield from _contexten(item)


GROEPSBESTANDEN = (".yaml", ".yml", ".ttl", ".jsonld", ".json")


def lees_groepen(pad: Path, kb: KnowledgeBase) -> list[Groep]:
    """All groups in a file or folder (YAML, Turtle, JSON-LD), in name order."""
    if not pad.exists():
        raise InvoerFout(_p(Locatie(str(pad)), "bestand of map bestaat niet", "file or folder does not exist",
                            "een groepsbestand (.yaml, .ttl, .jsonld) of een map daarmee", "a group file or a folder of them"))
    bestanden = sorted(p for p in pad.iterdir() if p.suffix.lower() in GROEPSBESTANDEN) if pad.is_dir() else [pad]
    if pad.is_dir() and not bestanden:
        raise InvoerFout(_p(Locatie(str(pad)), "de map bevat geen groepsbestanden", "the folder holds no group files",
                            ".yaml-, .ttl- of .jsonld-bestanden", ".yaml, .ttl or .jsonld files"))
    groepen: list[Groep] = []
    problemen: list[Probleem] = []
    for bestand in bestanden:
        try:
            if bestand.suffix.lower() in (".yaml", ".yml"):
                groepen.append(lees_yaml_groep(bestand, kb))
            elif bestand.suffix.lower() in (".ttl", ".jsonld", ".json"):
                groepen += lees_rdf_groepen(bestand, kb)
            else:
                raise InvoerFout(_p(Locatie(str(bestand)), f"onbekend bestandstype {bestand.suffix!r}", f"unknown file type {bestand.suffix!r}",
                                    ".yaml, .ttl of .jsonld", ".yaml, .ttl or .jsonld"))
        except InvoerFout as fout:
            problemen += fout.problemen
    if problemen:
        raise InvoerFout(problemen)
    return groepen


__all__ = ["Groep", "GROEP", "lees_groepen", "lees_yaml_groep", "lees_rdf_groepen", "MAX_BYTES"]
