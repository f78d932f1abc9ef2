"""SPARQL on the embedded graph: a guard, bound parameters and typed results.

Queries are parsed with the query grammar only (an update never parses), and refused when
they reach outside the graph: ``SERVICE`` and ``FROM``/``FROM NAMED`` (which rdflib would
fetch or read from disk). Parameters are bound with ``initBindings``, never spliced into
the text.
"""

from __future__ import annotations

import csv
import functools
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from rdflib import BNode, Literal, URIRef
from rdflib.term import Identifier, Variable

from .errors import Locatie, Probleem, QueryFout, Tekst
from .namespaces import PREFIXES
from .vocab import kort


def _weigering(loc: Locatie, nl: str, en: str, vnl: str, ven: str) -> QueryFout:
    return QueryFout(Probleem(loc, Tekst(nl, en), Tekst(vnl, ven)))


def _bevat_service(knoop: Any) -> bool:
    from rdflib.plugins.sparql.parserutils import CompValue

    stapel = [knoop]
    while stapel:
        huidig = stapel.pop()
        if isinstance(huidig, CompValue):
            if huidig.name in ("ServiceGraphPattern",):
                return True
            stapel.extend(huidig.values())
        elif isinstance(huidig, (list, tuple)):
            stapel.extend(huidig)
    return False


@functools.lru_cache(maxsize=512)
def _prepareer(tekst: str):
    """rdflib's prepared query for a text (parsed once per text: prepared queries are reusable)."""
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(tekst, initNs=PREFIXES)


def bereid(tekst: str, locatie: Locatie | None = None):
    """Parse and check a query; returns rdflib's prepared query or raises :class:`QueryFout`."""
    from pyparsing import ParseException

    loc = locatie or Locatie("<query>")
    try:
        voorbereid = _prepareer(tekst)
    except ParseException as exc:
        regel = (loc.regel or 1) + exc.lineno - 1 if loc.regel else exc.lineno
        raise _weigering(Locatie(loc.bestand, regel), f"SPARQL-syntaxfout bij kolom {exc.col}: {exc.msg}",
                         f"SPARQL syntax error at column {exc.col}: {exc.msg}",
                         "een SELECT-, ASK-, CONSTRUCT- of DESCRIBE-query (updates worden geweigerd)",
                         "a SELECT, ASK, CONSTRUCT or DESCRIBE query (updates are refused)") from None
    except Exception as exc:  # rdflib raises plain Exceptions for unknown prefixes and the like
        raise _weigering(loc, f"ongeldige SPARQL: {exc}", f"invalid SPARQL: {exc}",
                         "een geldige SPARQL 1.1-query", "a valid SPARQL 1.1 query") from None
    if voorbereid.algebra.get("datasetClause"):
        raise _weigering(loc, "FROM / FROM NAMED wordt geweigerd: pzgraph leest geen andere bronnen",
                         "FROM / FROM NAMED is refused: pzgraph reads no other sources",
                         "een query over de geladen graaf (gebruik GRAPH voor benoemde grafen)",
                         "a query over the loaded graph (use GRAPH for named graphs)")
    from .sparql_streng import streng, streng_onthouden

    try:
        (streng_onthouden if len(tekst) < 20_000 else streng)(tekst)
    except QueryFout as fout:
        raise _weigering(loc, fout.problemen[0].wat.nl, fout.problemen[0].wat.en,
                         "een geldige SPARQL 1.1-query", "a valid SPARQL 1.1 query") from None
    if _bevat_service(voorbereid.algebra):
        raise _weigering(loc, "SERVICE wordt geweigerd: pzgraph maakt geen netwerkverbindingen",
                         "SERVICE is refused: pzgraph makes no network connections",
                         "een query zonder SERVICE", "a query without SERVICE")
    return voorbereid


def term_uit_python(waarde: Any) -> Identifier:
    """A bound value: rdflib terms pass through; Python values become literals."""
    if isinstance(waarde, Identifier):
        return waarde
    if isinstance(waarde, (bool, int, float, str)):
        return Literal(waarde)
    raise TypeError(f"cannot bind {type(waarde).__name__}; use an rdflib term or str/int/float/bool")


@dataclass
class Resultaat:
    """A query result: ``soort`` is 'select', 'ask' or 'graph'."""

    soort: str
    kolommen: list[str] = field(default_factory=list)
    rijen: list[tuple[Identifier | None, ...]] = field(default_factory=list)
    waar: bool | None = None
    graaf: Any = None

    def __len__(self) -> int:
        return len(self.rijen) if self.soort == "select" else len(self.graaf or ()) if self.soort == "graph" else 1

    def dicts(self) -> list[dict[str, Identifier | None]]:
        return [dict(zip(self.kolommen, rij)) for rij in self.rijen]

    def waarden(self, kolom: str) -> list[str]:
        """One column as plain strings (None for unbound)."""
        i = self.kolommen.index(kolom)
        return [None if r[i] is None else str(r[i]) for r in self.rijen]

    # -- output ----------------------------------------------------------------------------
    def als_tabel(self) -> str:
        if self.soort == "ask":
            return "ja" if self.waar else "nee"
        if self.soort == "graph":
            return self.als_turtle()
        cellen = [[_toon(t) for t in rij] for rij in self.rijen]
        breedtes = [max([len(k)] + [len(r[i]) for r in cellen]) for i, k in enumerate(self.kolommen)]
        regels = ["  ".join(k.ljust(b) for k, b in zip(self.kolommen, breedtes)).rstrip(),
                  "  ".join("-" * b for b in breedtes)]
        regels += ["  ".join(c.ljust(b) for c, b in zip(r, breedtes)).rstrip() for r in cellen]
        return "\n".join(regels)

    def als_csv(self) -> str:
        if self.soort != "select":
            raise ValueError("CSV is for SELECT results")
        uit = io.StringIO()
        schrijver = csv.writer(uit, lineterminator="\n")
        schrijver.writerow(self.kolommen)
        for rij in self.rijen:
            schrijver.writerow(["" if t is None else str(t) for t in rij])
        return uit.getvalue()

    def als_json(self) -> str:
        """SPARQL 1.1 Query Results JSON."""
        if self.soort == "ask":
            return json.dumps({"head": {}, "boolean": bool(self.waar)})
        if self.soort != "select":
            raise ValueError("JSON results are for SELECT and ASK")
        bindingen = [{k: _json_term(t) for k, t in zip(self.kolommen, rij) if t is not None} for rij in self.rijen]
        return json.dumps({"head": {"vars": self.kolommen}, "results": {"bindings": bindingen}},
                          ensure_ascii=False, indent=1)

    def als_turtle(self) -> str:
        if self.soort != "graph":
            raise ValueError("Turtle is for CONSTRUCT and DESCRIBE results")
        for prefix, ns in PREFIXES.items():
            self.graaf.bind(prefix, ns)
        return self.graaf.serialize(format="turtle")


def _toon(t: Identifier | None) -> str:
    if t is None:
        return ""
    if isinstance(t, URIRef):
        return kort(t)
    if isinstance(t, BNode):
        return "_:" + str(t)
    return str(t)


def _json_term(t: Identifier) -> dict[str, str]:
    if isinstance(t, URIRef):
        return {"type": "uri", "value": str(t)}
    if isinstance(t, BNode):
        return {"type": "bnode", "value": str(t)}
    uit = {"type": "literal", "value": str(t)}
    if isinstance(t, Literal) and t.language:
        uit["xml:lang"] = t.language
    elif isinstance(t, Literal) and t.datatype:
        uit["datatype"] = str(t.datatype)
    return uit


def voer_uit(dataset, voorbereid, bindingen: Mapping[str, Any] | None = None) -> Resultaat:
    """Run a prepared query on ``dataset`` with bound parameters."""
    from rdflib import Graph

    init = {Variable(k): term_uit_python(v) for k, v in (bindingen or {}).items()}
    try:
        resultaat = dataset.query(voorbereid, initBindings=init)
        if resultaat.type == "SELECT":
            rijen = [tuple(rij) for rij in resultaat]
    except Exception as exc:  # rdflib raises assorted errors while evaluating (unbound aggregates, ...)
        raise QueryFout(Probleem(Locatie("<query>"), Tekst(f"de query kon niet worden uitgevoerd: {type(exc).__name__}: {exc}",
                                                           f"the query could not be evaluated: {type(exc).__name__}: {exc}"))) from None
    if resultaat.type == "ASK":
        return Resultaat("ask", waar=bool(resultaat.askAnswer))
    if resultaat.type in ("CONSTRUCT", "DESCRIBE"):
        g = Graph()
        for triple in resultaat.graph or ():
            g.add(triple)
        return Resultaat("graph", graaf=g)
    kolommen = [str(v) for v in resultaat.vars or []]
    return Resultaat("select", kolommen, rijen)
