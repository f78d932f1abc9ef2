"""The knowledge base: ontology plus landscape in one rdflib Dataset, and look-ups on it.

>>> import pzgraph
>>> kb = pzgraph.load()
>>> kb.organisatie("Septet").id
'consortium-septet'
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, Dataset, URIRef
from rdflib.namespace import DCTERMS, SKOS

from .catalogue import NamedQuery, zoek
from .errors import InvoerFout, Locatie, Probleem, Tekst, suggesties
from .landscape import Conflict, compileer, lees_bestanden
from .namespaces import PREFIXES, PZG, PZID
from .resources import bestanden, data_dir
from .sparql import Resultaat, bereid, voer_uit
from .vocab import Vocabulaire, kort

ONTOLOGIE_GRAAF = PZG["ontologie"]
AFGELEID_GRAAF = PZG["afgeleid"]


def _sleutel(tekst: str) -> str:
    """Normal form for matching names: NFC, case-folded, without diacritics."""
    los = unicodedata.normalize("NFKD", tekst.strip())
    return "".join(c for c in los if not unicodedata.combining(c)).casefold()


@dataclass(frozen=True)
class Organisatie:
    """A record of the landscape (organisation, network, area, body, plan)."""

    iri: URIRef
    id: str
    naam: str
    soorten: tuple[str, ...]
    bronnen: tuple[str, ...] = field(default_factory=tuple)


class KnowledgeBase:
    """Ontology and landscape, loaded. Use :func:`load` to make one."""

    def __init__(self, dataset: Dataset, vocab: Vocabulaire, conflicten: list[Conflict],
                 extra: tuple[Path, ...]) -> None:
        self.dataset = dataset
        self.vocab = vocab
        self.conflicten = conflicten
        self.extra_bestanden = extra

    @property
    def graph(self) -> Dataset:
        """The rdflib Dataset; queries see the union of its named graphs."""
        return self.dataset

    def __len__(self) -> int:
        return sum(len(g) for g in self.dataset.graphs())

    # -- SPARQL ----------------------------------------------------------------------------
    def query(self, sparql: str, bindings: Mapping[str, Any] | None = None, *,
              locatie: Locatie | None = None, **kwargs: Any) -> Resultaat:
        """Run a SPARQL query; ``bindings`` (or keyword arguments) are bound, not spliced.

        Prefixes pz:, pzid:, org:, skos:, prov:, dct:, … are predeclared.
        """
        alle = {**(bindings or {}), **kwargs}
        return voer_uit(self.dataset, bereid(sparql, locatie), alle)

    def named(self, naam: str | NamedQuery, **parameters: Any) -> Resultaat:
        """Run a catalogue query; ``iri`` parameters accept an id or a name."""
        q = naam if isinstance(naam, NamedQuery) else zoek(naam)
        bekend = {p.naam: p for p in q.parameters}
        bindingen: dict[str, Any] = {}
        for sleutel, waarde in parameters.items():
            if sleutel not in bekend:
                raise InvoerFout(Probleem(Locatie(q.id), Tekst(f"onbekende parameter {sleutel!r}", f"unknown parameter {sleutel!r}"),
                                          Tekst(", ".join(bekend) or "geen parameters", ", ".join(bekend) or "no parameters"),
                                          tuple(suggesties(sleutel, bekend))))
            if waarde is None:
                continue
            p = bekend[sleutel]
            if p.type == "iri":
                bindingen[sleutel] = waarde if isinstance(waarde, URIRef) else self.iri(str(waarde))
            elif p.type == "getal":
                try:
                    bindingen[sleutel] = int(waarde)
                except (TypeError, ValueError):
                    raise InvoerFout(Probleem(Locatie(q.id), Tekst(f"{sleutel}: {waarde!r} is geen getal", f"{sleutel}: {waarde!r} is not a number"),
                                              Tekst("een geheel getal", "an integer"))) from None
            else:
                bindingen[sleutel] = str(waarde)
        ontbreekt = [p.naam for p in q.parameters if p.verplicht and p.naam not in bindingen]
        if ontbreekt:
            raise InvoerFout(Probleem(Locatie(q.id), Tekst("parameter ontbreekt: " + ", ".join(ontbreekt),
                                                           "missing parameter: " + ", ".join(ontbreekt))))
        return self.query(q.tekst, bindingen, locatie=Locatie(q.pad.name, 1))

    # -- look-ups --------------------------------------------------------------------------
    @cached_property
    def _index(self) -> tuple[dict[str, URIRef], dict[str, set[URIRef]]]:
        ids: dict[str, URIRef] = {}
        namen: dict[str, set[URIRef]] = {}
        for s, ident in self.dataset.subject_objects(DCTERMS.identifier):
            if isinstance(s, URIRef) and str(s).startswith(str(PZID)):
                ids[str(ident)] = s
        for eigenschap in (RDFS.label, SKOS.altLabel):
            for s, label in self.dataset.subject_objects(eigenschap):
                if isinstance(s, URIRef) and str(s).startswith(str(PZID)):
                    namen.setdefault(_sleutel(str(label)), set()).add(s)
        return ids, namen

    def vind(self, sleutel: str) -> URIRef | None:
        """The IRI of a landscape record by id (``npz-eemland``) or unique name, or None."""
        ids, namen = self._index
        if sleutel in ids:
            return ids[sleutel]
        if sleutel.startswith(str(PZID)):
            return URIRef(sleutel)
        treffers = namen.get(_sleutel(sleutel), set())
        return next(iter(treffers)) if len(treffers) == 1 else None

    def suggesties(self, sleutel: str) -> list[str]:
        """Ids and names close to ``sleutel`` (for a "did you mean")."""
        ids, namen = self._index
        treffers = namen.get(_sleutel(sleutel), set())
        if len(treffers) > 1:
            return sorted(kort(t).removeprefix("pzid:") for t in treffers)
        label_van = {s: iris for s, iris in namen.items()}
        dichtbij = suggesties(sleutel, ids) + [
            str(self.dataset.value(next(iter(label_van[t])), SKOS.prefLabel) or t)
            for t in suggesties(_sleutel(sleutel), label_van)]
        return list(dict.fromkeys(dichtbij))[:5]

    def iri(self, sleutel: str) -> URIRef:
        """Like :meth:`vind`, but raises :class:`InvoerFout` with suggestions when not found."""
        iri = self.vind(sleutel)
        if iri is not None:
            return iri
        _, namen = self._index
        if len(namen.get(_sleutel(sleutel), ())) > 1:
            keuzes = ", ".join(self.suggesties(sleutel))
            raise InvoerFout(Probleem(Locatie(sleutel), Tekst(f"{sleutel!r} is niet eenduidig", f"{sleutel!r} is ambiguous"),
                                      Tekst("een id: " + keuzes, "an id: " + keuzes)))
        raise InvoerFout(Probleem(Locatie(sleutel), Tekst(f"{sleutel!r} staat niet in het landschap", f"{sleutel!r} is not in the landscape"),
                                  Tekst("een id of naam van een organisatie of gebied", "an id or name of an organisation or area"),
                                  tuple(self.suggesties(sleutel))))

    def organisatie(self, sleutel: str | URIRef) -> Organisatie:
        """A landscape record by id, name or IRI."""
        iri = sleutel if isinstance(sleutel, URIRef) else self.iri(sleutel)
        d = self.dataset
        ident = d.value(iri, DCTERMS.identifier)
        naam = d.value(iri, SKOS.prefLabel) or d.value(iri, RDFS.label)
        soorten = tuple(sorted({kort(t).removeprefix("pz:") for g in d.graphs() if g.identifier != AFGELEID_GRAAF
                                for t in g.objects(iri, RDF.type)}))
        bronnen = tuple(sorted({str(b) for b in d.objects(iri, DCTERMS.source)}))
        return Organisatie(iri, str(ident) if ident else kort(iri), str(naam) if naam else "", soorten, bronnen)

    def consortia(self) -> list[Organisatie]:
        return [self.organisatie(URIRef(c)) for c in self.named("consortia").waarden("consortium")]

    def netwerken(self, consortium: str | URIRef | None = None) -> list[Organisatie]:
        """The Netwerken Palliatieve Zorg (of one consortium, by id or name)."""
        r = self.named("netwerken-per-consortium", consortium=consortium)
        return [self.organisatie(URIRef(n)) for n in r.waarden("netwerk")]

    def overzicht(self, taal: str = "nl"):
        """What is loaded, per consortium with the gaps marked (see :mod:`pzgraph.overview`)."""
        from .overview import maak_overzicht

        return maak_overzicht(self, taal)


def _laad_ontologie(ds: Dataset) -> None:
    g = ds.graph(ONTOLOGIE_GRAAF)
    for pad in bestanden("ontology", "*.ttl"):
        g.parse(pad, format="turtle", publicID=str(PZID))


def _afleiden(ds: Dataset, vocab: Vocabulaire) -> None:
    """Materialise what the ontology's hierarchies imply into one graph of its own: the
    superclasses of every rdf:type and the superproperties of every asserted property."""
    doel = ds.graph(AFGELEID_GRAAF)
    for g in list(ds.graphs()):
        if g.identifier in (ONTOLOGIE_GRAAF, AFGELEID_GRAAF):
            continue
        for s, p, o in g:
            if p == RDF.type:
                for sup in vocab.superklassen.get(o, ()):
                    doel.add((s, RDF.type, sup))
            else:
                for sup in vocab.supereigenschappen.get(p, ()):
                    doel.add((s, sup, o))


def load(landschap: Iterable[str | Path] = (), *, config: str | Path | None = None,
         bundel: bool = True) -> KnowledgeBase:
    """Load the ontology and the landscape; ``landschap`` adds a region's own files or folders.

    ``config`` names a TOML file whose ``[landschap] bestanden`` are added too.
    With ``bundel=False`` only the given files are loaded (beside the ontology).
    """
    from .config import lees

    cfg = lees(Path(config)) if config is not None else None
    extra = tuple(Path(p) for p in landschap) + (cfg.landschap if cfg else ())
    for pad in extra:
        if not pad.exists():
            raise InvoerFout(Probleem(Locatie(str(pad)), Tekst("bestand bestaat niet", "file does not exist"),
                                      Tekst("een CSV- of YAML-bestand met landschapsgegevens",
                                            "a CSV or YAML file with landscape data")))
    ds = Dataset(default_union=True)
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    _laad_ontologie(ds)
    vocab = Vocabulaire.uit_graaf(ds.graph(ONTOLOGIE_GRAAF))
    delen = []
    if bundel:
        delen.append(("pzgraph", lees_bestanden([data_dir("landschap")])))
    for pad in extra:
        delen.append((pad.name, lees_bestanden([pad])))
    conflicten = compileer(ds, vocab, delen)
    _afleiden(ds, vocab)
    return KnowledgeBase(ds, vocab, conflicten, extra)
