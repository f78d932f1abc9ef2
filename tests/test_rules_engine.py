"""The rules as a whole: the fixpoint is reached, every recommendation is a complete recommendation
resource (docs/developers/rules.md) with its PROV facts, the rules only speak about groups under
groep/, and the rdflib engine gives the same recommendations as pyoxigraph (differential test)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

import pzgraph
from pzgraph.namespaces import PZ
from pzgraph.rules import AFGELEID_REGELS, PZR, RdflibOpslag, analyses, fixpunt, regel_metadata, regels

WORTEL = Path(__file__).resolve().parent.parent
VB = WORTEL / "examples" / "aanbevelingen"
GROEP = "https://w3id.org/pzgraph/groep/"


@pytest.fixture(scope="module")
def kb():
    return pzgraph.load()


@pytest.fixture(scope="module")
def septet(kb):
    (advies,) = pzgraph.recommend(VB / "septet-taakgroep.yaml", kb=kb, met_effect=False)
    return advies


@pytest.fixture(scope="module")
def alle(kb):
    """All example groups of examples/aanbevelingen in one run (they may meet each other)."""
    from pzgraph.advies import adviseer
    from pzgraph.groups import lees_groepen

    groepen = lees_groepen(VB, kb) + lees_groepen(VB / "kennismaken", kb)
    return adviseer(groepen, kb, met_effect=False)


def test_fixpunt_bereikt(septet, alle):
    for advies in (septet, alle[0]):
        v = advies.verloop
        assert v.fixpunt and v.rondes == 2 and v.nieuw_per_ronde[-1] == 0 and v.nieuw_per_ronde[0] > 0
        assert set(v.seconden_per_regel) == {r.id for r in regels()}


def test_aanbevelingsbronnen_volgen_rules_md(alle):
    g = alle[0].afgeleid
    soort_van = {PZR[r.id]: r.soort for r in regels()}
    aanbevelingen = set(g.subjects(RDF.type, PZ.Aanbeveling))
    assert len(aanbevelingen) > 50
    gezien = set()
    for a in aanbevelingen:
        (groep,) = g.objects(a, PZ.voorGroep)
        (regel,) = g.objects(a, PZ.regel)
        gezien.add(regel)
        assert str(groep).startswith(GROEP)
        assert str(a).startswith(f"{groep}/aanbeveling/{str(regel).rsplit('#', 1)[1]}/")
        assert list(g.objects(a, PZ.aanbevelingssoort)) == [PZ["aanbeveling-" + soort_van[regel]]]
        redenen = list(g.objects(a, PZ.reden))
        assert sorted(r.language for r in redenen) == ["en", "nl"], a
        (score,) = g.objects(a, PZ.score)
        assert isinstance(score, Literal) and str(score.datatype) == "http://www.w3.org/2001/XMLSchema#decimal"
        assert list(g.objects(a, PROV.wasDerivedFrom)), a
        assert len(list(g.objects(a, PZ.kandidaat))) <= 1 and len(list(g.objects(a, PZ.voorgesteldeRol))) <= 1
        # the rule is described from its header: label, source, kind
        assert g.value(regel, DCTERMS.source) is not None and (regel, RDF.type, PZ.Regel) in g
    assert gezien == {PZR[r.id] for r in regels()}, "every rule fires on some example"


def test_prov_noemt_de_feiten(septet):
    g = septet.afgeleid
    ros = URIRef(GROEP + "septet-taakgroep/aanbeveling/R-PARTNER-ROS/ros-raedelijn")
    assert {URIRef("https://w3id.org/pzgraph/id/" + x) for x in ("ros-raedelijn", "gebied-ros-raedelijn", "consortium-septet", "gebied-consortium-septet")} \
        <= set(g.objects(ros, PROV.wasDerivedFrom))
    niveau = URIRef(GROEP + "septet-taakgroep/aanbeveling/R-NIVEAU-CONSORTIUM/consortium-septet")
    assert URIRef("https://w3id.org/pzgraph/id/zilveren-kruis") in set(g.objects(niveau, PROV.wasDerivedFrom))


def test_regels_spreken_alleen_over_groepen(kb):
    """With the Septet task group described in a group file as well, the landscape's own records get
    nothing: only the nodes under groep/ do."""
    (advies,) = pzgraph.recommend(WORTEL / "examples" / "groepen" / "taakgroep-patz-septet.yaml", kb=kb, met_effect=False)
    g = advies.afgeleid
    groepen = {str(x) for x in g.objects(None, PZ.voorGroep)}
    assert groepen == {GROEP + "taakgroep-patz-septet"}


def test_analyses_schrijven_feiten(septet):
    """A-LAGEN's facts as seed:001 §2.2 states them (read back through the recommendations' PROV)."""
    g = septet.afgeleid
    for regel in (PZR["A-LAGEN"], PZR["A-CONTINUITEIT"], PZR["A-KENNISMAKEN"]):
        assert (regel, RDF.type, PZ.Regel) in g
    assert not list(g.subjects(RDF.type, PZ.Kennismaking))  # one group: nobody to meet


def test_rdflib_geeft_dezelfde_aanbevelingen(kb, septet):
    """Differential test: the same rules over an rdflib Dataset with the same triples."""
    from pzgraph.analysis import ANALYSES
    from pzgraph.groups import lees_groepen

    ds = Dataset(default_union=True)
    for s, p, o, _ in kb.bron.quads():
        ds.add((s, p, o))
    for groep in lees_groepen(VB / "septet-taakgroep.yaml", kb):
        graaf = ds.graph(URIRef(str(groep.iri) + "#graaf"))
        for t in groep.graaf:
            graaf.add(t)
    opslag = RdflibOpslag(ds)
    for an in analyses():
        opslag.voeg_toe(regel_metadata(an))
        opslag.voeg_toe(ANALYSES[an.analyse](opslag, an.parameters))
    # one round: it concludes every recommendation (no rule reads another's conclusions); the second
    # round, which only confirms the fixpoint, is left to pyoxigraph (test_fixpunt_bereikt) to keep
    # this test quick: rdflib needs seconds per rule to parse and run these queries.
    verloop = fixpunt(opslag, max_rondes=1)
    assert verloop.rondes == 1 and verloop.nieuw_per_ronde[0] > 0
    rdf = ds.graph(AFGELEID_REGELS)
    ox = septet.afgeleid
    rdf_iris = set(rdf.subjects(RDF.type, PZ.Aanbeveling))
    ox_iris = set(ox.subjects(RDF.type, PZ.Aanbeveling))
    assert rdf_iris == ox_iris and len(ox_iris) == 7
    for a in ox_iris:  # and the same scores, candidates, roles and facts
        for p in (PZ.score, PZ.kandidaat, PZ.voorgesteldeRol, PROV.wasDerivedFrom, PZ.reden):
            assert set(rdf.objects(a, p)) == set(ox.objects(a, p)), (a, p)


def test_continuiteit_hangt_niet_af_van_de_volgorde(kb):
    """A-CONTINUITEIT picks the piece that 'stays' by size, and among pieces of equal size by the order
    in which the engine returns the members; its pz:afgesnedenRol and pz:afhankelijkeRollen can differ
    per engine. The continuity rules count the roles themselves, so both engines agree."""
    from pzgraph.advies import adviseer
    from pzgraph.analysis import ANALYSES
    from pzgraph.groups import lees_groepen

    groepen = lees_groepen(VB / "kartrekker-alleen.yaml", kb) + lees_groepen(VB / "een-organisatie.yaml", kb)
    ox = adviseer(groepen, kb, met_effect=False)[0].afgeleid
    ds = Dataset(default_union=True)
    for s, p, o, _ in kb.bron.quads():
        ds.add((s, p, o))
    for groep in groepen:
        graaf = ds.graph(URIRef(str(groep.iri) + "#graaf"))
        for t in groep.graaf:
            graaf.add(t)
    opslag = RdflibOpslag(ds)
    an = next(a for a in analyses() if a.id == "A-CONTINUITEIT")
    opslag.voeg_toe(ANALYSES[an.analyse](opslag, an.parameters))
    for regel in regels():
        if not regel.id.startswith("R-CONTINUITEIT-"):
            continue
        rdf = {t for t in opslag.construct(regel)}
        rdf_iris = {s for s, p, o in rdf if p == RDF.type}
        ox_iris = {a for a in ox.subjects(PZ.regel, PZR[regel.id])}
        assert rdf_iris == ox_iris and ox_iris, regel.id
        assert rdf == {(s, p, o) for s in ox_iris for p, o in ox.predicate_objects(s)}, regel.id
