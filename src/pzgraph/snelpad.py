"""The fast path: SHACL shapes compiled to SPARQL SELECT queries.

pySHACL (:mod:`pzgraph.validate`) stays the reference. For bulk work (thousands of groups in one
graph) pzgraph compiles every constraint of the shapes graph into one SPARQL query that finds *all*
its results at once, and runs those queries on pyoxigraph (:mod:`pzgraph.snelcontrole`). The
differential tests (``tests/test_snelpad.py``) require the same results as pySHACL on every example
and on generated national graphs.

The compiler is general, not written for pzgraph's own shapes: it reads the shapes graph and
supports the SHACL Core components below; a shape that uses anything else raises
:class:`NietOndersteund`, and the caller falls back to pySHACL.

Supported: targets (class, implicit class, node, subjectsOf, objectsOf); paths (predicate,
sequence, inverse, alternative, zero-or-more, one-or-more, zero-or-one); class, datatype, nodeKind,
minCount, maxCount, minInclusive/maxInclusive/minExclusive/maxExclusive, minLength, maxLength,
pattern, in, hasValue, node, property (on node shapes), not, and, or, xone, qualifiedValueShape
with qualifiedMinCount/qualifiedMaxCount, and SPARQL-based constraints (``sh:sparql`` with
``sh:select``) on targeted shapes; ``sh:deactivated``.

How a result is found: for a shape ``S`` and a SPARQL variable ``?x``, :meth:`Compiler.schending`
writes a graph pattern that has a solution exactly when ``?x`` does not conform to ``S``. Nested
shapes (``sh:node``, ``sh:or``, qualified value shapes) are then ``EXISTS`` / ``NOT EXISTS`` of
that pattern. At the top level each constraint component becomes one SELECT over all focus nodes:
"has no value" is a ``MINUS`` (evaluated once for all focus nodes, where a correlated
``NOT EXISTS`` would walk the graph again per focus node), and counting constraints use
``GROUP BY`` so that large counts stay linear.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection

from .errors import PzgraphError, Tekst

SH = Namespace("http://www.w3.org/ns/shacl#")
KLASSE_VAN = f"<{RDF.type}>/<{RDFS.subClassOf}>*"
#: a nested count above this is refused (the pattern grows with the count)
MAX_GENEST_AANTAL = 4

_WAARDE_COMPONENTEN = {
    SH["class"], SH.datatype, SH.nodeKind, SH.minInclusive, SH.maxInclusive, SH.minExclusive, SH.maxExclusive,
    SH.minLength, SH.maxLength, SH.pattern, SH["in"], SH.node, SH["not"], SH["and"], SH["or"], SH.xone,
}
_GENEGEERD = {
    RDF.type, RDFS.label, RDFS.comment, SH.message, SH.severity, SH.name, SH.description, SH.group, SH.order,
    SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.path, SH.deactivated, SH.flags,
    SH.qualifiedMinCount, SH.qualifiedMaxCount, SH.qualifiedValueShapesDisjoint, SH.defaultValue,
    SH.prefixes, SH.declare,
}


class NietOndersteund(PzgraphError):
    """The shapes use a SHACL feature the fast path does not compile."""

    exit_code = 3

    def __init__(self, wat: str, vorm) -> None:
        super().__init__(Tekst(f"het snelle pad ondersteunt {wat} niet (vorm {vorm})",
                               f"the fast path does not support {wat} (shape {vorm})"))
        self.wat = wat


@dataclass(frozen=True)
class Query:
    """One compiled query: its rows are results of ``vorm`` for ``component``.

    Columns: ``?this`` (focus node), optionally ``?value`` and ``?path`` (SPARQL constraints),
    and for ``sh:node`` the nested result ``?dfocus`` with its path in :attr:`detail_pad`."""

    vorm: URIRef | BNode
    component: URIRef
    ernst: URIRef
    pad: object  # the shape's sh:path node (in the shapes graph), None for a node shape
    tekst: str
    waarde: str  # "geen", "waarde" (?value) or "focus" (the focus node)
    detail_pad: object = None
    detail_volgorde: int = 0


@dataclass
class Compiler:
    graaf: Graph
    _teller: itertools.count = field(default_factory=lambda: itertools.count(1))

    # -- terms and paths -------------------------------------------------------------------
    def var(self, naam: str = "v") -> str:
        return f"?{naam}_{next(self._teller)}"

    def term(self, t, vorm) -> str:
        if isinstance(t, URIRef):
            return f"<{t}>"
        if isinstance(t, Literal):
            return t.n3()
        raise NietOndersteund("een lege knoop als waarde", vorm)

    def lijst(self, knoop) -> list:
        return list(Collection(self.graaf, knoop))

    def pad(self, p, vorm) -> str:
        g = self.graaf
        if isinstance(p, URIRef):
            return f"<{p}>"
        if (p, RDF.first, None) in g:
            delen = self.lijst(p)
            if len(delen) < 2:
                raise NietOndersteund("een reekspad met minder dan twee stappen", vorm)
            return "(" + "/".join(self.pad(d, vorm) for d in delen) + ")"
        for eig, teken in ((SH.inversePath, "^"),):
            if (w := g.value(p, eig)) is not None:
                return f"{teken}({self.pad(w, vorm)})"
        if (w := g.value(p, SH.alternativePath)) is not None:
            return "(" + "|".join(self.pad(d, vorm) for d in self.lijst(w)) + ")"
        for eig, teken in ((SH.zeroOrMorePath, "*"), (SH.oneOrMorePath, "+"), (SH.zeroOrOnePath, "?")):
            if (w := g.value(p, eig)) is not None:
                return f"({self.pad(w, vorm)}){teken}"
        raise NietOndersteund("dit soort pad", vorm)

    def stappen(self, p) -> list[tuple[str, bool]] | None:
        """A path made of predicates and inverses only, as (predicate, inverse) steps; else None."""
        g = self.graaf
        if isinstance(p, URIRef):
            return [(f"<{p}>", False)]
        if (p, RDF.first, None) in g:
            uit = []
            for d in self.lijst(p):
                deel = self.stappen(d)
                if deel is None:
                    return None
                uit += deel
            return uit
        w = g.value(p, SH.inversePath)
        if isinstance(w, URIRef):
            return [(f"<{w}>", True)]
        return None

    def tussen(self, x: str, p, v: str, vorm) -> str:
        """Triple patterns from ``x`` over path ``p`` to ``v``. A path of predicates and inverses
        becomes a chain of triple patterns, which oxigraph joins from the bound end; other paths
        stay SPARQL property paths."""
        stappen = self.stappen(p)
        if stappen is None:
            return f"{x} {self.pad(p, vorm)} {v} ."
        knopen = [x] + [self.var("s") for _ in stappen[:-1]] + [v]
        return " ".join(f"{b} {pred} {a} ." if inv else f"{a} {pred} {b} ."
                        for (pred, inv), a, b in zip(stappen, knopen, knopen[1:]))

    # -- value conditions ------------------------------------------------------------------
    def voorwaarde(self, comp, waarde, v: str, vorm) -> str:
        """A FILTER expression that is true when value node ``v`` violates ``comp``."""
        g = self.graaf
        if comp == SH["class"]:
            return f"NOT EXISTS {{ {v} {KLASSE_VAN} {self.term(waarde, vorm)} }}"
        if comp == SH.datatype:
            if waarde == RDF.langString:
                return f"!(isLiteral({v}) && lang({v}) != \"\")"
            return f"!(isLiteral({v}) && sameTerm(datatype({v}), {self.term(waarde, vorm)}) && lang({v}) = \"\")"
        if comp == SH.nodeKind:
            soort = {SH.IRI: "isIRI({v})", SH.BlankNode: "isBlank({v})", SH.Literal: "isLiteral({v})",
                     SH.BlankNodeOrIRI: "(isBlank({v}) || isIRI({v}))", SH.BlankNodeOrLiteral: "(isBlank({v}) || isLiteral({v}))",
                     SH.IRIOrLiteral: "(isIRI({v}) || isLiteral({v}))"}.get(waarde)
            if soort is None:
                raise NietOndersteund(f"sh:nodeKind {waarde}", vorm)
            return "!" + soort.format(v=v)
        vergelijk = {SH.minInclusive: ">=", SH.maxInclusive: "<=", SH.minExclusive: ">", SH.maxExclusive: "<"}
        if comp in vergelijk:
            return f"!COALESCE({v} {vergelijk[comp]} {self.term(waarde, vorm)}, false)"
        if comp in (SH.minLength, SH.maxLength):
            op = ">=" if comp == SH.minLength else "<="
            return f"(isBlank({v}) || !COALESCE(strlen(str({v})) {op} {int(waarde)}, false))"
        if comp == SH.pattern:
            vlaggen = g.value(vorm, SH.flags)
            extra = f", {Literal(str(vlaggen)).n3()}" if vlaggen is not None else ""
            return f"(isBlank({v}) || !regex(str({v}), {Literal(str(waarde)).n3()}{extra}))"
        if comp == SH["in"]:
            leden = self.lijst(waarde)
            if not leden:
                return "true"
            return "!(" + " || ".join(f"sameTerm({v}, {self.term(t, vorm)})" for t in leden) + ")"
        if comp == SH.node:
            return f"EXISTS {{ {self.schending(waarde, v)} }}"
        if comp == SH["not"]:
            return f"NOT EXISTS {{ {self.schending(waarde, v)} }}"
        if comp == SH["or"]:
            return "(" + " && ".join(f"EXISTS {{ {self.schending(s, v)} }}" for s in self.lijst(waarde)) + ")" \
                if self.lijst(waarde) else "true"
        if comp == SH["and"]:
            delen = self.lijst(waarde)
            return "(" + " || ".join(f"EXISTS {{ {self.schending(s, v)} }}" for s in delen) + ")" if delen else "false"
        if comp == SH.xone:
            som = " + ".join(f"IF(EXISTS {{ {self.schending(s, v)} }}, 0, 1)" for s in self.lijst(waarde))
            return f"(({som or '0'}) != 1)"
        raise NietOndersteund(str(comp), vorm)  # pragma: no cover - guarded by the callers

    # -- what a shape asks ------------------------------------------------------------------
    def componenten(self, vorm) -> list[tuple[URIRef, object]]:
        """The (component parameter, value) pairs of a shape, checked for support."""
        g = self.graaf
        uit = []
        for p, o in sorted(g.predicate_objects(vorm), key=lambda x: (str(x[0]), str(x[1]))):
            if p in _GENEGEERD or not str(p).startswith(str(SH)):
                continue
            if p in _WAARDE_COMPONENTEN or p in (SH.minCount, SH.maxCount, SH.hasValue, SH.qualifiedValueShape,
                                                 SH.property, SH.sparql):
                uit.append((p, o))
            else:
                raise NietOndersteund(f"sh:{p.split('#')[-1]}", vorm)
        return uit

    def is_actief(self, vorm) -> bool:
        return self.graaf.value(vorm, SH.deactivated) != Literal(True)

    def _verschillend(self, vars_: list[str]) -> str:
        paren = [f"!sameTerm({a}, {b})" for a, b in itertools.combinations(vars_, 2)]
        return f"FILTER({' && '.join(paren)})" if paren else ""

    def _telpatroon(self, x: str, pad: str, n: int, extra, vorm) -> str:
        """A pattern with a solution when ``x`` has at least ``n`` distinct values over ``pad``
        that pass ``extra(v)`` (a FILTER text or '')."""
        if n > MAX_GENEST_AANTAL:
            raise NietOndersteund(f"een genest aantal boven {MAX_GENEST_AANTAL}", vorm)
        vars_ = [self.var() for _ in range(n)]
        delen = [f"{self.tussen(x, pad, w, vorm)} {extra(w)}" for w in vars_]
        return " ".join(delen) + " " + self._verschillend(vars_)

    def schending(self, vorm, x: str) -> str:
        """A group graph pattern with a solution exactly when ``x`` violates ``vorm``."""
        g = self.graaf
        if not self.is_actief(vorm):
            return "FILTER(false)"
        if g.value(vorm, SH.sparql) is not None:
            raise NietOndersteund("een SPARQL-controle in een geneste vorm", vorm)
        pad = g.value(vorm, SH.path)
        if pad is not None:
            self.pad(pad, vorm)  # refuses an unsupported path early
        alternatieven: list[str] = []
        for comp, waarde in self.componenten(vorm):
            if comp == SH.property:
                alternatieven.append(self.schending(waarde, x))
            elif comp == SH.minCount:
                if pad is None:
                    raise NietOndersteund("sh:minCount op een knoopvorm", vorm)
                n = int(waarde)
                if n > 0:
                    alternatieven.append(f"FILTER NOT EXISTS {{ {self._telpatroon(x, pad, n, lambda w: '', vorm)} }}")
            elif comp == SH.maxCount:
                if pad is None:
                    raise NietOndersteund("sh:maxCount op een knoopvorm", vorm)
                alternatieven.append(self._telpatroon(x, pad, int(waarde) + 1, lambda w: "", vorm))
            elif comp == SH.hasValue:
                t = self.term(waarde, vorm)
                h = self.var("hv")
                alternatieven.append(f"FILTER NOT EXISTS {{ {self.tussen(x, pad, h, vorm)} FILTER(sameTerm({h}, {t})) }}" if pad
                                     else f"FILTER(!sameTerm({x}, {t}))")
            elif comp == SH.qualifiedValueShape:
                if pad is None:
                    raise NietOndersteund("sh:qualifiedValueShape op een knoopvorm", vorm)
                def voldoet(w, q=waarde):
                    return f"FILTER NOT EXISTS {{ {self.schending(q, w)} }}"
                if (mn := g.value(vorm, SH.qualifiedMinCount)) is not None and int(mn) > 0:
                    alternatieven.append(f"FILTER NOT EXISTS {{ {self._telpatroon(x, pad, int(mn), voldoet, vorm)} }}")
                if (mx := g.value(vorm, SH.qualifiedMaxCount)) is not None:
                    alternatieven.append(self._telpatroon(x, pad, int(mx) + 1, voldoet, vorm))
            else:
                if pad is None:
                    alternatieven.append(f"FILTER({self.voorwaarde(comp, waarde, x, vorm)})")
                else:
                    v = self.var()
                    alternatieven.append(f"{self.tussen(x, pad, v, vorm)} FILTER({self.voorwaarde(comp, waarde, v, vorm)})")
        if not alternatieven:
            return "FILTER(false)"
        return " UNION ".join(f"{{ {a} }}" for a in alternatieven)

    # -- top level ---------------------------------------------------------------------------
    def doelen(self, vorm) -> str | None:
        """The focus nodes of a shape as a pattern binding ``?this`` (None: no target)."""
        g = self.graaf
        delen = [f"?this {KLASSE_VAN} <{k}> ." for k in g.objects(vorm, SH.targetClass)]
        if (vorm, RDF.type, RDFS.Class) in g and ((vorm, RDF.type, SH.NodeShape) in g or (vorm, RDF.type, SH.PropertyShape) in g):
            delen.append(f"?this {KLASSE_VAN} <{vorm}> .")
        knopen = [self.term(n, vorm) for n in g.objects(vorm, SH.targetNode)]
        if knopen:
            delen.append("VALUES ?this { " + " ".join(knopen) + " }")
        delen += [f"?this <{p}> [] ." for p in g.objects(vorm, SH.targetSubjectsOf)]
        delen += [f"[] <{p}> ?this ." for p in g.objects(vorm, SH.targetObjectsOf)]
        if (vorm, SH.target, None) in g:
            raise NietOndersteund("sh:target (SHACL-AF)", vorm)
        if not delen:
            return None
        return " UNION ".join(f"{{ {d} }}" for d in delen)


def _sparql_tekst(c: Compiler, vorm, constraint, doel: str, pad_tekst: str | None) -> str:
    """A SPARQL-based constraint as one query over all focus nodes: the focus pattern is put at
    the start of the constraint's WHERE clause, so ``$this`` is bound wherever it is used."""
    g = c.graaf
    select = str(g.value(constraint, SH.select) or "")
    if not select:
        raise NietOndersteund("een SPARQL-controle zonder sh:select", vorm)
    prefixen = []
    for bron in g.objects(constraint, SH.prefixes):
        for decl in g.objects(bron, SH.declare):
            prefixen.append(f"PREFIX {g.value(decl, SH.prefix)}: <{g.value(decl, SH.namespace)}>")
    tekst = select.replace("$PATH", pad_tekst or "$PATH")
    treffer = re.search(r"\bWHERE\s*\{", tekst, re.IGNORECASE) or re.search(r"\{", tekst)
    if treffer is None:
        raise NietOndersteund("een SPARQL-controle zonder WHERE", vorm)
    tekst = tekst[:treffer.end()] + f" {{ {doel} }} " + tekst[treffer.end():]
    return "\n".join(sorted(set(prefixen))) + "\n" + tekst


def compileer(graaf: Graph) -> list[Query]:
    """Every constraint of the shapes graph as queries over all focus nodes.

    Raises :class:`NietOndersteund` when a shape uses a feature outside the supported set."""
    c = Compiler(graaf)
    uit: list[Query] = []
    doelvormen = {s for p in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)
                  for s in graaf.subjects(p, None)}
    doelvormen |= {s for s in graaf.subjects(RDF.type, RDFS.Class)
                   if (s, RDF.type, SH.NodeShape) in graaf or (s, RDF.type, SH.PropertyShape) in graaf}
    for vorm in sorted(doelvormen, key=str):
        if not c.is_actief(vorm):
            continue
        doel = c.doelen(vorm)
        if doel is None:
            continue
        uit += _topvorm(c, vorm, doel)
        if graaf.value(vorm, SH.path) is None:
            for eig in graaf.objects(vorm, SH.property):
                if c.is_actief(eig):
                    uit += _topvorm(c, eig, doel)
    return uit


def _ernst(g: Graph, vorm) -> URIRef:
    return g.value(vorm, SH.severity) or SH.Violation


def _telquery(doel: str, naar_v: str, optioneel: bool, filter_extra: str, vergelijking: str) -> str:
    binnen = f"{naar_v} {filter_extra}"
    if optioneel:
        binnen = f"OPTIONAL {{ {binnen} }}"
    return (f"SELECT ?this WHERE {{ {{ SELECT ?this (COUNT(DISTINCT ?v) AS ?n) WHERE {{ {{ {doel} }} {binnen} }} "
            f"GROUP BY ?this }} FILTER(?n {vergelijking}) }}")


def _topvorm(c: Compiler, vorm, doel: str) -> list[Query]:
    """The queries of one shape whose focus nodes are ``doel``."""
    g = c.graaf
    ernst = _ernst(g, vorm)
    pad_knoop = g.value(vorm, SH.path)
    if pad_knoop is not None:
        c.pad(pad_knoop, vorm)  # refuses an unsupported path early

    def pad(x: str, v: str) -> str:
        return c.tussen(x, pad_knoop, v, vorm)
    uit: list[Query] = []

    def q(comp, tekst, waarde="geen", **kw):
        uit.append(Query(vorm, SH[comp], ernst, pad_knoop, tekst, waarde, **kw))

    for comp, waarde in c.componenten(vorm):
        if comp == SH.property:
            if pad_knoop is not None:
                raise NietOndersteund("sh:property op een eigenschapsvorm", vorm)
            continue  # the caller compiles the property shapes of a node shape
        if comp == SH.sparql:
            if not c.is_actief(waarde):
                continue
            q("SPARQLConstraintComponent", _sparql_tekst(c, vorm, waarde, doel, None if pad_knoop is None else c.pad(pad_knoop, vorm)), "waarde")
            continue
        if comp == SH.minCount:
            if pad_knoop is None:
                raise NietOndersteund("sh:minCount op een knoopvorm", vorm)
            n = int(waarde)
            if n == 1:
                q("MinCountConstraintComponent", f"SELECT DISTINCT ?this WHERE {{ {{ {doel} }} MINUS {{ {pad('?this', '?v')} }} }}")
            elif n > 1:
                q("MinCountConstraintComponent", _telquery(doel, pad('?this', '?v'), True, "", f"< {n}"))
        elif comp == SH.maxCount:
            if pad_knoop is None:
                raise NietOndersteund("sh:maxCount op een knoopvorm", vorm)
            q("MaxCountConstraintComponent", _telquery(doel, pad('?this', '?v'), False, "", f"> {int(waarde)}"))
        elif comp == SH.hasValue:
            t = c.term(waarde, vorm)
            if pad_knoop is None:
                q("HasValueConstraintComponent", f"SELECT DISTINCT ?this WHERE {{ {{ {doel} }} FILTER(!sameTerm(?this, {t})) }}")
            else:
                q("HasValueConstraintComponent", f"SELECT DISTINCT ?this WHERE {{ {{ {doel} }} "
                                                 f"MINUS {{ {pad('?this', t)} }} }}")
        elif comp == SH.qualifiedValueShape:
            if pad_knoop is None:
                raise NietOndersteund("sh:qualifiedValueShape op een knoopvorm", vorm)
            voldoet = f"FILTER NOT EXISTS {{ {c.schending(waarde, '?v')} }}"
            if (mn := g.value(vorm, SH.qualifiedMinCount)) is not None and int(mn) > 0:
                q("QualifiedMinCountConstraintComponent", _telquery(doel, pad('?this', '?v'), True, voldoet, f"< {int(mn)}"))
            if (mx := g.value(vorm, SH.qualifiedMaxCount)) is not None:
                q("QualifiedMaxCountConstraintComponent", _telquery(doel, pad('?this', '?v'), False, voldoet, f"> {int(mx)}"))
        else:
            naam = str(comp).split("#")[-1]
            component = naam[0].upper() + naam[1:] + "ConstraintComponent"
            if pad_knoop is None:
                q(component, f"SELECT DISTINCT ?this WHERE {{ {{ {doel} }} FILTER({c.voorwaarde(comp, waarde, '?this', vorm)}) }}", "focus")
            else:
                q(component, f"SELECT DISTINCT ?this ?value WHERE {{ {{ {doel} }} {pad('?this', '?value')} "
                             f"FILTER({c.voorwaarde(comp, waarde, '?value', vorm)}) }}", "waarde")
            if comp == SH.node:
                uit += _details(c, vorm, waarde, doel, ernst, pad_knoop)
    return uit


def _details(c: Compiler, vorm, genest, doel: str, ernst, pad_knoop) -> list[Query]:
    """For an sh:node result, pySHACL nests the first result of the inner shape (sh:detail); these
    queries find, per inner property shape, the value nodes that violate it."""
    uit = []
    for i, eig in enumerate(sorted(c.graaf.objects(genest, SH.property), key=str)):
        eig_pad = c.graaf.value(eig, SH.path)
        pad = pad_knoop is not None
        waarde = "?value" if pad else "?this"
        kop = c.tussen("?this", pad_knoop, "?value", vorm) if pad else ""
        tekst = (f"SELECT DISTINCT ?this {waarde if pad else ''} WHERE {{ {{ {doel} }} {kop} "
                 f"FILTER EXISTS {{ {c.schending(eig, waarde)} }} }}")
        uit.append(Query(vorm, SH.NodeConstraintComponent, ernst, pad_knoop, tekst, "detail" if pad else "detail-focus",
                         detail_pad=eig_pad, detail_volgorde=i))
    return uit


__all__ = ["Compiler", "NietOndersteund", "Query", "compileer"]
