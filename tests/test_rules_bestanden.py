"""The rule files themselves: every SPARQL rule has a complete header, parses on both engines,
uses only terms the ontology declares and builds its recommendation IRIs as rules.md says; every
analysis file names a built-in analysis."""

from __future__ import annotations

import re

import pytest

from pzgraph.analysis import ANALYSES
from pzgraph.rules import PREFIX_BLOK, SOORTEN, analyses, lees_analyse, lees_regel, regels
from pzgraph.resources import bestanden

REGEL_IDS = {
    "partner": {"R-PARTNER-ROS", "R-PARTNER-HUISARTSENORGANISATIE", "R-PARTNER-HUISARTSENORGANISATIE-LEEMTE",
                "R-PARTNER-REGIOADVISEUR", "R-PARTNER-NETWERKCOORDINATOR", "R-PARTNER-PATZ-AMBASSADEUR"},
    "tafel": {"R-TAFEL-REGIOTAFEL", "R-TAFEL-PLAN", "R-TAFEL-STRUCTUUR", "R-TAFEL-BESTAAND"},
    "dubbel": {"R-DUBBEL"},
    "niveau": {"R-NIVEAU-CONSORTIUM", "R-NIVEAU-REGIO"},
    "continuiteit": {"R-CONTINUITEIT-KARTREKKER", "R-CONTINUITEIT-ORGANISATIE"},
    "kennismaken": {"R-KENNISMAKEN"},
    "participatie": {"R-PARTICIPATIE-VORM"},
    "kerngroep": {"R-KERNGROEP-ERN", "R-KERNGROEP-ONAFHANKELIJK"},
    "dekking": {"R-DEKKING"},
}
ALLE_IDS = set().union(*REGEL_IDS.values())


def test_alle_regels_en_analyses_zijn_er():
    assert {r.id for r in regels()} == ALLE_IDS
    assert {a.id for a in analyses()} == {"A-LAGEN", "A-CONTINUITEIT", "A-KENNISMAKEN"}


@pytest.mark.parametrize("pad", bestanden("rules", "*.rq"), ids=lambda p: p.stem)
def test_kop_is_volledig_en_klopt(pad):
    r = lees_regel(pad)
    assert r.id == pad.stem
    assert r.soort in SOORTEN and r.id in REGEL_IDS[r.soort]
    for tekst in (r.titel.nl, r.titel.en, r.onderbouwing.nl, r.onderbouwing.en):
        assert len(tekst) > 15
    assert r.titel.nl != r.titel.en and r.onderbouwing.nl != r.onderbouwing.en
    assert re.search(r"seed:00[0-4]", r.bron), r.bron


@pytest.mark.parametrize("pad", bestanden("rules", "*.rq"), ids=lambda p: p.stem)
def test_sparql_is_geldig(pad):
    """Parses (and gives nothing from nothing); rdflib parses every rule in test_rules_engine.py."""
    import pyoxigraph

    r = lees_regel(pad)
    assert list(pyoxigraph.Store().query(PREFIX_BLOK + r.tekst)) == []
    # plain SPARQL 1.1: no SERVICE, no FROM, no engine extensions
    zonder_commentaar = "\n".join(regel.split("#")[0] if not regel.lstrip().startswith("#") else ""
                                  for regel in r.tekst.splitlines())
    assert not re.search(r"\b(SERVICE|FROM)\b", zonder_commentaar)


@pytest.mark.parametrize("pad", bestanden("rules", "*.rq"), ids=lambda p: p.stem)
def test_construct_volgt_rules_md(pad):
    """The template has every property of a recommendation resource, for this rule and kind, and the
    IRI is built from the group, the rule id and a key."""
    r = lees_regel(pad)
    sjabloon = r.tekst[r.tekst.index("CONSTRUCT"):r.tekst.index("WHERE")]
    for nodig in ("a pz:Aanbeveling", "pz:voorGroep ?g", f"pz:regel pzr:{r.id} ", f"pz:aanbevelingssoort pz:aanbeveling-{r.soort} ",
                  "pz:reden ?reden_nl , ?reden_en", "pz:score ?score", "prov:wasDerivedFrom"):
        assert nodig in sjabloon, nodig
    assert f'BIND(IRI(CONCAT(STR(?g), "/aanbeveling/{r.id}/", ' in r.tekst
    assert 'STRLANG(CONCAT(' in r.tekst and '"nl") AS ?reden_nl' in r.tekst and '"en") AS ?reden_en' in r.tekst
    assert "https://w3id.org/pzgraph/groep/" in r.tekst, "selective on groups under groep/"


@pytest.fixture(scope="module")
def kb():
    import pzgraph

    return pzgraph.load()


def test_regels_gebruiken_alleen_gedeclareerde_termen(kb):
    """Every pz: term a rule names is in the (closed) vocabulary, every pzid: record in the landscape."""
    from pzgraph.namespaces import PZ

    for r in regels():
        for naam in set(re.findall(r"\bpz:([A-Za-z][\w-]*)", r.tekst)):
            PZ[naam]  # noqa: B018 -- the closed namespace raises for an undeclared term
        for naam in set(re.findall(r"\bpzid:([a-z][\w-]*)", r.tekst)):
            assert kb.vind(naam) is not None, f"{r.id}: pzid:{naam}"


@pytest.mark.parametrize("pad", bestanden("rules", "*.yaml"), ids=lambda p: p.stem)
def test_analysebestand(pad):
    a = lees_analyse(pad)
    assert a.id == pad.stem and a.analyse in ANALYSES
    assert a.titel.nl != a.titel.en and "seed:001" in a.bron


def test_kennismaken_paren():
    (a,) = [a for a in analyses() if a.id == "A-KENNISMAKEN"]
    assert a.parameters["paren"] == [["rol-netwerkcoordinator", "rol-patz-ambassadeur"]]
