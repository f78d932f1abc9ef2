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

from rdflib import RDF, RDFS, Dataset, Graph, URIRef
from rdflib.namespace import DCTERMS, SKOS

from .catalogue import NamedQuery, zoek
from .errors import InvoerFout, Locatie, Probleem, Tekst, suggesties
from .landscape import Conflict, compileer, lees_bestanden
from .namespaces import PREFIXES, PZG, PZID
from .resources import bestanden, data_dir
from .bron import GeheugenBron
from .sparql import Resultaat
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
    """Ontology and landscape, loaded. Use :func:`load` to make one.

    ``bron`` is where the graph lives (:mod:`pzgraph.bron`): an rdflib Dataset in memory (the
    default), a pyoxigraph store, or a SPARQL server. Queries and look-ups go to it.
    """

    def __init__(self, bron, vocab: Vocabulaire, conflicten: list[Conflict],
                 extra: tuple[Path, ...]) -> None:
        self.bron = bron
        self.vocab = vocab
        self.conflicten = conflicten
        self.extra_bestanden = extra

    @cached_property
    def dataset(self) -> Dataset:
        """The rdflib Dataset (union default graph). For a store or server it is read into
        memory on first use: prefer :meth:`query` and :meth:`triples` there."""
        if hasattr(self.bron, "dataset"):
            return self.bron.dataset
        ds = Dataset(default_union=True)
        for prefix, ns in PREFIXES.items():
            ds.bind(prefix, ns)
        for s, p, o, g in self.bron.quads():
            if g is None:
                ds.default_graph.add((s, p, o))
            else:
                ds.graph(g).add((s, p, o))
        return ds

    @property
    def graph(self) -> Dataset:
        """The rdflib Dataset; queries see the union of its named graphs."""
        return self.dataset

    def __len__(self) -> int:
        return len(self.bron)

    def triples(self, patroon) -> Iterable[tuple]:
        """Triples matching ``(s, p, o)`` (None = any) in the union of all graphs."""
        return self.bron.triples(patroon)

    def waarde(self, s, p):
        """One object of ``(s, p, ?)``, or None."""
        return next((o for _, _, o in self.triples((s, p, None))), None)

    def objecten(self, s, p) -> list:
        return [o for _, _, o in self.triples((s, p, None))]

    # -- SPARQL ----------------------------------------------------------------------------
    def query(self, sparql: str, bindings: Mapping[str, Any] | None = None, *,
              locatie: Locatie | None = None, **kwargs: Any) -> Resultaat:
        """Run a SPARQL query; ``bindings`` (or keyword arguments) are bound, not spliced.

        Prefixes pz:, pzid:, org:, skos:, prov:, dct:, … are predeclared.
        """
        alle = {**(bindings or {}), **kwargs}
        return self.bron.query(sparql, alle, locatie)

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
        basis = str(PZID)
        # triple patterns, not SPARQL: rdflib's SPARQL engine took ~0.5 s for this on every cold run
        rijen = ((s, p, w) for p in (DCTERMS.identifier, RDFS.label, SKOS.altLabel)
                 for s, _, w in self.triples((None, p, None)) if str(s).startswith(basis))
        for s, p, waarde in rijen:
            if p == DCTERMS.identifier:
                ids[str(waarde)] = s
            else:
                namen.setdefault(_sleutel(str(waarde)), set()).add(s)
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
            str(self.waarde(next(iter(label_van[t])), SKOS.prefLabel) or t)
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
        ident = self.waarde(iri, DCTERMS.identifier)
        naam = self.waarde(iri, SKOS.prefLabel) or self.waarde(iri, RDFS.label)
        direct = self.query("SELECT DISTINCT ?t WHERE { GRAPH ?g { ?s a ?t } FILTER(?g != pzg:afgeleid) }", s=iri)
        soorten = tuple(sorted({kort(t).removeprefix("pz:") for t in direct.waarden("t")}))
        bronnen = tuple(sorted({str(b) for b in self.objecten(iri, DCTERMS.source)}))
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


def _ontologie() -> Graph:
    g = Graph()
    for pad in bestanden("ontology", "*.ttl"):
        g.parse(pad, format="turtle", publicID=str(PZID))
    return g


def load(landschap: Iterable[str | Path] = (), *, config: str | Path | None = None,
         bundel: bool = True, store: str | Path | None = None, endpoint: str | None = None,
         update_endpoint: str | None = None) -> KnowledgeBase:
    """Load the ontology and the landscape; ``landschap`` adds a region's own files or folders.

    ``config`` names a TOML file whose ``[landschap] bestanden`` are added too. With
    ``bundel=False`` only the given files are loaded (beside the ontology).

    With ``store`` (a folder made by ``pzgraph load --store``) or ``endpoint`` (a SPARQL
    server's query URL) the graph is not built here but read from there.
    """
    from .config import lees

    if store is not None or endpoint is not None:
        return _laad_bron(store, endpoint, update_endpoint)
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
    ontologie = ds.graph(ONTOLOGIE_GRAAF)
    ontologie += _ontologie()
    vocab = Vocabulaire.uit_graaf(ontologie)
    delen = []
    if bundel:
        delen.append(("pzgraph", lees_bestanden([data_dir("landschap")])))
    for pad in extra:
        delen.append((pad.name, lees_bestanden([pad])))
    conflicten = compileer(ds, vocab, delen)
    _afleiden(ds, vocab)
    return KnowledgeBase(GeheugenBron(ds), vocab, conflicten, extra)


def _leeg(bron) -> bool:
    """Whether a store or server holds nothing (counting a 10,000-group store took 1.4 s)."""
    if hasattr(bron, "store"):
        return next(iter(bron.store.quads_for_pattern(None, None, None, None)), None) is None
    return not bron.query("ASK { ?s ?p ?o }", {}).waar


def _laad_bron(store: str | Path | None, endpoint: str | None, update_endpoint: str | None) -> KnowledgeBase:
    from .bron import EindpuntBron, OxigraphBron

    if store is not None:
        import pyoxigraph as ox

        pad = Path(store)
        if not pad.is_dir():
            raise InvoerFout(Probleem(Locatie(str(pad)), Tekst("geen pzgraph-opslag op deze plek", "no pzgraph store here"),
                                      Tekst("een map gemaakt met 'pzgraph load --store PAD'",
                                            "a folder made by 'pzgraph load --store PATH'")))
        try:
            bron = OxigraphBron(ox.Store.read_only(str(pad)))
        except OSError as exc:
            raise InvoerFout(Probleem(Locatie(str(pad)), Tekst(f"kan de opslag niet openen: {exc}", f"cannot open the store: {exc}"))) from None
    else:
        bron = EindpuntBron(endpoint, update_endpoint)
        if bron.query("ASK { GRAPH ?g { ?s a pz:ConsortiumPalliatieveZorg } }", {}).waar and \
                not bron.query("ASK { ?s a pz:ConsortiumPalliatieveZorg }", {}).waar:
            raise InvoerFout(Probleem(Locatie(endpoint), Tekst(
                "de server toont de benoemde grafen niet in zijn standaardgraaf",
                "the server does not show its named graphs in its default graph"), Tekst(
                "een server met de vereniging van alle grafen als standaardgraaf (Oxigraph: --union-default-graph; "
                "Fuseki: tdb2:unionDefaultGraph true)",
                "a server with the union of all graphs as default graph (Oxigraph: --union-default-graph; "
                "Fuseki: tdb2:unionDefaultGraph true)")))
    if _leeg(bron):
        raise InvoerFout(Probleem(Locatie(str(store or endpoint)), Tekst("de opslag is leeg", "the store is empty"),
                                  Tekst("eerst 'pzgraph load'", "run 'pzgraph load' first")))
    return KnowledgeBase(bron, Vocabulaire.uit_graaf(_ontologie()), [], ())
