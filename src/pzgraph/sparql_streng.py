"""The static rules of SPARQL 1.1 that rdflib's parser lets through: scope of BIND and AS,
grouping, VALUES arity, surrogate escapes. :func:`pzgraph.sparql.bereid` applies them to every
query, so that the CLI, the library and ``pzgraph serve`` refuse the same queries (the W3C
negative syntax tests among them)."""

from __future__ import annotations

import functools
import re
from typing import Any

from .errors import Locatie, Probleem, QueryFout, Tekst


def _fout(nl: str, en: str) -> QueryFout:
    return QueryFout(Probleem(Locatie("<query>"), Tekst(nl, en)))


_SURROGAAT = re.compile(r"\\(?:u[dD][89abAB][0-9a-fA-F]{2}|U0000[dD][89abAB][0-9a-fA-F]{2})")


def _knopen(x: Any):
    """Every CompValue in a parse tree, depth first (CompValue.get returns the key when absent,
    so attributes, which give None, are used throughout)."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    stapel = [x]
    while stapel:
        huidig = stapel.pop()
        if isinstance(huidig, CompValue):
            yield huidig
            stapel.extend(huidig.values())
        elif isinstance(huidig, (list, tuple, ParseResults)):
            stapel.extend(huidig)


def _bereik(k: Any) -> set:
    """The in-scope variables of a group graph pattern element (SPARQL 1.1 §18.2.1)."""
    from rdflib.term import Variable

    naam = getattr(k, "name", None)
    if naam in ("GroupGraphPatternSub", "FakeGroupGraphPatten"):
        return set().union(*(_bereik(d) for d in k.part or ()))
    if naam == "TriplesBlock":
        return {v for t in k.triples or () for v in t if isinstance(v, Variable)}
    if naam == "GroupOrUnionGraphPattern":
        return set().union(*(_bereik(g) for g in k.graph or ()))
    if naam in ("OptionalGraphPattern", "GraphGraphPattern", "ServiceGraphPattern"):
        return ({k.term} if isinstance(k.term, Variable) else set()) | _bereik(k.graph)
    if naam == "Bind":
        return {k.var}
    if naam == "InlineData":
        return set(k.var or ())
    if naam == "SubSelect":
        return {v.var or v.evar for v in k.projection} if k.projection else _bereik(k.where)
    return set()  # FILTER and MINUS bind nothing


def _controleer_select(q: Any) -> None:
    from rdflib.term import Variable

    if not q.projection:
        if q.groupby is not None:
            raise _fout("SELECT * mag niet samen met GROUP BY", "SELECT * is not allowed with GROUP BY")
        return
    sleutels = None
    if q.groupby is not None:
        sleutels = {c if isinstance(c, Variable) else c.var for c in q.groupby.condition or ()}
    elif q.having is not None or any(k.name.startswith("Aggregate_") for v in q.projection for k in _knopen(v.expr)):
        sleutels = set()
    bereik, gezien = _bereik(q.where), set()
    for v in q.projection:
        if v.evar is not None and (v.evar in gezien or v.evar in bereik):
            raise _fout(f"?{v.evar} is al in gebruik en kan niet met AS worden gebonden",
                        f"?{v.evar} is already in scope and cannot be bound with AS")
        if v.evar is None and sleutels is not None and v.var not in sleutels | gezien:
            raise _fout(f"?{v.var} staat in SELECT maar niet in GROUP BY", f"?{v.var} is selected but not grouped by")
        gezien.add(v.evar if v.evar is not None else v.var)


def streng(tekst: str) -> None:
    """The static rules of SPARQL 1.1 that rdflib's parser lets through (scope of BIND and AS,
    grouping, VALUES arity, surrogate escapes); raises :class:`QueryFout`."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parser import parseQuery

    if _SURROGAAT.search(tekst):
        raise _fout("ongeldige codepunt-escape (surrogaat)", "invalid codepoint escape (surrogate)")
    for k in _knopen(parseQuery(tekst)):
        if k.name in ("SelectQuery", "SubSelect"):
            _controleer_select(k)
        elif k.name in ("GroupGraphPatternSub", "FakeGroupGraphPatten"):
            gezien: set = set()
            for deel in k.part or ():
                if getattr(deel, "name", None) == "Bind" and deel.var in gezien:
                    raise _fout(f"BIND: ?{deel.var} is al in gebruik in deze groep", f"BIND: ?{deel.var} is already in scope in this group")
                gezien |= _bereik(deel)
        elif k.name in ("InlineData", "ValuesClause"):
            n = len(k.var or ())
            if any(isinstance(r, (list, ParseResults)) and len(r) != n for r in k.value or ()):
                raise _fout(f"VALUES: elke rij moet {n} waarden hebben", f"VALUES: every row needs {n} values")




streng_onthouden = functools.lru_cache(maxsize=256)(streng)  # remembers the texts that passed
