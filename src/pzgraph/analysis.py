"""Graph analyses with networkx that SPARQL cannot express, named by ``rules/*.yaml``.

Each analysis reads the store with SELECT queries, builds a networkx graph and returns plain
facts (triples) for the inferred graph. It never recommends anything itself: the SPARQL rules
in ``rules/`` turn these facts into recommendations. The only module importing networkx.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from rdflib import RDF, XSD, Literal, URIRef

from .namespaces import PZ

Feit = tuple


def _iri(basis: str, *delen: object) -> URIRef:
    sleutel = hashlib.sha1("|".join(str(d) for d in delen).encode()).hexdigest()[:12]
    return URIRef(f"{basis}/{sleutel}")


def _getal(n: int) -> Literal:
    return Literal(n, datatype=XSD.integer)


def lagen_per_consortium(opslag, parameters: dict[str, Any]) -> list[Feit]:
    """Per consortium: which ROS areas and preferent insurers overlap its region.

    Overlap is stated (``pz:overlaptMet``) or found through a shared gemeente between a ROS area
    and the area of one of the consortium's networks. Writes ``pz:aantalROSRegios``,
    ``pz:overlaptROSRegio``, ``pz:aantalPreferenteVerzekeraars``, ``pz:heeftPreferenteVerzekeraar``
    and ``pz:aantalNetwerkregios`` on the consortium.
    """
    import networkx as nx

    g = nx.Graph()
    for r in opslag.select("""SELECT ?c ?cr WHERE { ?c a pz:ConsortiumPalliatieveZorg ; pz:werkgebied ?cr .
                              FILTER(STRSTARTS(STR(?c), STR(pzid:))) }"""):
        g.add_node(r["c"], soort="consortium")
        g.add_edge(r["c"], r["cr"], soort="gebied")
    for r in opslag.select("""SELECT ?c ?na WHERE { ?n a pz:NetwerkPalliatieveZorg ; org:memberOf ?c ; pz:werkgebied ?na .
                              ?c a pz:ConsortiumPalliatieveZorg . FILTER(STRSTARTS(STR(?n), STR(pzid:))) }"""):
        g.add_node(r["na"], soort="netwerkregio")
        g.add_edge(r["c"], r["na"], soort="netwerk")
    for r in opslag.select("""SELECT ?ros ?ra WHERE { ?ros a pz:ROS ; pz:werkgebied ?ra }"""):
        g.add_node(r["ra"], soort="rosregio", ros=r["ros"])
    for r in opslag.select("""SELECT ?a ?gm WHERE { ?a pz:omvatGemeente ?gm . FILTER(STRSTARTS(STR(?a), STR(pzid:))) }"""):
        g.add_edge(r["a"], r["gm"], soort="gemeente")
    for r in opslag.select("""SELECT ?a ?b WHERE { ?a pz:overlaptMet ?b }"""):
        g.add_edge(r["a"], r["b"], soort="overlap")
    for r in opslag.select("""SELECT ?a ?v WHERE { ?a pz:preferenteZorgverzekeraar ?v }"""):
        g.add_node(r["v"], soort="verzekeraar")
        g.add_edge(r["a"], r["v"], soort="preferent")
    feiten: list[Feit] = []
    for c, data in list(g.nodes(data=True)):
        if data.get("soort") != "consortium":
            continue
        gebieden = [n for n in g.neighbors(c) if g.edges[c, n]["soort"] in ("gebied", "netwerk")]
        ros, verzekeraars = set(), set()
        for a in gebieden:
            for b in g.neighbors(a):
                soort = g.edges[a, b]["soort"]
                if soort == "overlap" and g.nodes[b].get("soort") == "rosregio":
                    ros.add(b)
                elif soort == "preferent":
                    verzekeraars.add(b)
                elif soort == "gemeente":
                    ros |= {x for x in g.neighbors(b) if g.nodes[x].get("soort") == "rosregio"}
        feiten += [(c, PZ.aantalROSRegios, _getal(len(ros))), (c, PZ.aantalPreferenteVerzekeraars, _getal(len(verzekeraars))),
                   (c, PZ.aantalNetwerkregios, _getal(sum(1 for a in gebieden if g.nodes[a].get("soort") == "netwerkregio")))]
        feiten += [(c, PZ.overlaptROSRegio, r) for r in ros]
        feiten += [(c, PZ.heeftPreferenteVerzekeraar, v) for v in verzekeraars]
    return feiten


def continuiteit(opslag, parameters: dict[str, Any]) -> list[Feit]:
    """Per group: persons and organisations that are articulation points of the graph of
    members, their roles and their organisations (without the group itself). Removing such a
    node cuts roles or organisations off: the group rests on it.

    Writes a ``pz:Afhankelijkheid`` per articulation point with ``pz:voorGroep``,
    ``pz:knoop``, ``pz:afhankelijkeRollen`` (roles cut off) and ``pz:afhankelijkeOrganisaties``.
    """
    import networkx as nx

    per_groep: dict[URIRef, nx.Graph] = {}
    kartrekkers = {(r["g"], r["p"]) for r in opslag.select("SELECT ?g ?p WHERE { ?g pz:kartrekker ?p }")}
    for r in opslag.select("""SELECT ?g ?p ?rol ?o WHERE { ?m org:organization ?g ; org:member ?p .
                              OPTIONAL { ?m org:role ?rol } OPTIONAL { ?m pz:namens ?o } }"""):
        g = per_groep.setdefault(r["g"], nx.Graph())
        g.add_node(r["p"], soort="persoon")
        if "rol" in r:
            g.add_node(("rol", r["rol"]), soort="rol")
            g.add_edge(r["p"], ("rol", r["rol"]))
        if "o" in r:
            g.add_node(("org", r["o"]), soort="organisatie")
            g.add_edge(r["p"], ("org", r["o"]))
    feiten: list[Feit] = []
    for groep, g in per_groep.items():
        if g.number_of_nodes() < 3:
            continue
        for punt in nx.articulation_points(g):
            # only what the rules look at: the kartrekker and organisations (parameter `knopen`)
            soort = "organisatie" if isinstance(punt, tuple) and punt[0] == "org" else "persoon"
            if soort == "persoon" and (groep, punt) not in kartrekkers:
                continue
            if isinstance(punt, tuple) and punt[0] == "rol":
                continue
            delen = sorted(nx.connected_components(nx.restricted_view(g, [punt], [])), key=len, reverse=True)
            afgesneden = [n for deel in delen[1:] for n in deel]
            rollen = sum(1 for n in afgesneden if g.nodes[n]["soort"] == "rol")
            orgs = sum(1 for n in afgesneden if g.nodes[n]["soort"] == "organisatie")
            knoop = punt[1] if isinstance(punt, tuple) else punt
            f = _iri(f"{groep}/afhankelijkheid", knoop)
            feiten += [(f, RDF.type, PZ.Afhankelijkheid), (f, PZ.voorGroep, groep), (f, PZ.knoop, knoop),
                       (f, PZ.afhankelijkeRollen, _getal(rollen)), (f, PZ.afhankelijkeOrganisaties, _getal(orgs))]
            feiten += [(f, PZ.afgesnedenRol, n[1]) for n in afgesneden if g.nodes[n]["soort"] == "rol"]
    return feiten


def kennismaken(opslag, parameters: dict[str, Any]) -> list[Feit]:
    """Role-holders in the same network who share no group, not even through others.

    People are identified by (role, organisation): "the netwerkcoördinator of NPZ Eemland" is
    one person whichever group file names them. Two holders are connected when they are in one
    group; connected components come from networkx. For the role pairs in ``parameters.paren``
    (e.g. netwerkcoördinator and PaTz-ambassadeur) whose holders work in the same network area
    and lie in different components, writes a ``pz:Kennismaking`` with ``pz:voorGroep`` (the
    group of the first), ``pz:metGroep`` (the group of the second), ``pz:rol``, ``pz:metRol``
    and ``pz:netwerkregio``; at most ``parameters.maximum_per_groep`` (default 3) per group and role.
    """
    import networkx as nx

    paren = [(URIRef(_pz(a)), URIRef(_pz(b))) for a, b in parameters.get("paren", [])]
    # the membership pattern is repeated in both branches: oxigraph then joins each branch from
    # the memberships (a shared pattern outside the UNION took 80x longer at 2,000 groups)
    houders = opslag.select("""SELECT DISTINCT ?g ?rol ?o ?gebied WHERE {
        { ?m org:organization ?g ; org:role ?rol ; pz:namens ?o . ?g pz:werkgebied ?gebied . ?gebied a pz:Netwerkregio }
        UNION
        { ?m org:organization ?g ; org:role ?rol ; pz:namens ?o . ?o pz:werkgebied ?gebied . ?gebied a pz:Netwerkregio } }""")
    g = nx.Graph()
    per_groep: dict[URIRef, set] = {}
    for r in houders:
        sleutel = (r["rol"], r["o"])
        g.add_node(sleutel)
        per_groep.setdefault(r["g"], set()).add(sleutel)
    for leden in per_groep.values():
        leden = sorted(leden)
        for a, b in zip(leden, leden[1:]):
            g.add_edge(a, b)
    component = {n: i for i, deel in enumerate(nx.connected_components(g)) for n in deel}
    maximum = int(parameters.get("maximum_per_groep", 3))
    per_gebied: dict[tuple, list] = {}
    for r in houders:
        per_gebied.setdefault((r["gebied"], r["rol"]), []).append(r)
    feiten: list[Feit] = []
    aantal: dict[tuple, int] = {}
    for rol_a, rol_b in paren:
        for (gebied, rol), a_kant in sorted(per_gebied.items()):
            if rol != rol_a:
                continue
            b_kant = sorted(per_gebied.get((gebied, rol_b), []), key=lambda r: str(r["g"]))
            for a in sorted(a_kant, key=lambda r: str(r["g"])):
                for b in b_kant:
                    # a handful of introductions per group and role pair is advice; hundreds is noise
                    if aantal.get((a["g"], rol_a), 0) >= maximum:
                        break
                    if a["g"] == b["g"] or aantal.get((b["g"], rol_b), 0) >= maximum \
                            or component[(a["rol"], a["o"])] == component[(b["rol"], b["o"])]:
                        continue
                    aantal[(a["g"], rol_a)] = aantal.get((a["g"], rol_a), 0) + 1
                    aantal[(b["g"], rol_b)] = aantal.get((b["g"], rol_b), 0) + 1
                    for eigen, ander, rol_e, metrol in ((a, b, rol_a, rol_b), (b, a, rol_b, rol_a)):
                        f = _iri(f"{eigen['g']}/kennismaking", ander["g"], rol_e, metrol, gebied)
                        feiten += [(f, RDF.type, PZ.Kennismaking), (f, PZ.voorGroep, eigen["g"]),
                                   (f, PZ.metGroep, ander["g"]), (f, PZ.rol, rol_e), (f, PZ.metRol, metrol),
                                   (f, PZ.netwerkregio, gebied)]
    return feiten


def _pz(naam: str) -> str:
    from .namespaces import PREFIXES

    return PREFIXES["pz"] + naam.removeprefix("pz:")


ANALYSES: dict[str, Callable[[Any, dict[str, Any]], list[Feit]]] = {
    "lagen_per_consortium": lagen_per_consortium,
    "continuiteit": continuiteit,
    "kennismaken": kennismaken,
}
