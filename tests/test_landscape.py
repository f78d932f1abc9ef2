"""The bundled landscape: 7 consortia with their networks and known gaps, the national
organisations, ROS'en, tables and plans; every record sourced and dated; no personal data."""

from __future__ import annotations

import re

import pytest
from rdflib import RDF, URIRef
from rdflib.namespace import ORG

from pzgraph.namespaces import PZ, PZID
from pzgraph.resources import data_dir

GENOEMDE_NETWERKEN = {
    "consortium-palzo": {"Arnhem", "Bommelerwaard", "Gelderse Vallei", "Noordelijke Maasvallei", "Oost-Achterhoek",
                         "Oost-Veluwe", "Oss", "West-Achterhoek", "Zuid-Gelderland", "Zutphen"},
    "consortium-zwn": {"Breda", "Midden-Brabant", "Dordrecht", "Rotterdam", "Nieuwe Waterweg Noord", "Bergen op Zoom",
                       "Zeeland", "Zuid-Hollandse Eilanden"},
    "consortium-limburg-zo-brabant": {"Zuidoost-Brabant", "Noord-Limburg", "Midden-Limburg", "Oostelijk Zuid-Limburg",
                                      "Westelijke Mijnstreek", "Heuvelland"},
    "consortium-propallia": {"Haaglanden", "Midden-Holland", "Westland", "Zuid-Holland Noord"},
    "consortium-septet": {"Eemland", "Utrecht", "Zuidoost-Utrecht", "Noordwest"},
    "consortium-ligare": {"Twente", "Friesland", "Groningen", "Salland"},
    "consortium-nhf": {"Gooi", "Almere", "Amsterdam"},
}
VOLGENS_BRON = {"consortium-ligare": 18, "consortium-nhf": 10, "consortium-propallia": 4, "consortium-septet": 7,
                "consortium-palzo": 10, "consortium-zwn": 8, "consortium-limburg-zo-brabant": 6}


def test_zeven_consortia(kb):
    assert sorted(c.id for c in kb.consortia()) == sorted(VOLGENS_BRON)


@pytest.mark.parametrize("consortium,namen", GENOEMDE_NETWERKEN.items())
def test_genoemde_netwerken_onder_hun_consortium(kb, consortium, namen):
    netwerken = " | ".join(n.naam for n in kb.netwerken(consortium))
    for naam in namen:
        assert naam.lower() in netwerken.lower(), f"{naam} ontbreekt onder {consortium}: {netwerken}"


def test_aantallen_en_leemten_per_consortium(kb):
    overzicht = kb.overzicht()
    per_id = {c.id: c for c in overzicht.consortia}
    for consortium, aantal in VOLGENS_BRON.items():
        c = per_id[consortium]
        assert c.aantal_volgens_bron == aantal
        assert len(c.netwerken) <= aantal
        assert c.onbekend == aantal - len(c.netwerken)
    assert per_id["consortium-septet"].onbekend == 3
    assert per_id["consortium-palzo"].onbekend == 0
    assert sum(c.aantal_volgens_bron for c in overzicht.consortia) == 63


def test_342_gemeenten_met_tooi(kb):
    gemeenten = set(kb.dataset.subjects(RDF.type, PZ.Gemeente))
    assert len(gemeenten) == 342
    assert kb.organisatie("GM0307").naam == "Amersfoort"


def test_eemland_omvat_gemeenten_deels_gemarkeerd(kb):
    gebied = kb.dataset.value(PZID["npz-eemland"], PZ.werkgebied)
    geheel = {str(g).rsplit("/", 1)[-1] for g in kb.dataset.objects(gebied, PZ.omvatGemeente)}
    deels = {str(g).rsplit("/", 1)[-1] for g in kb.dataset.objects(gebied, PZ.omvatGemeenteDeels)}
    assert {"GM0307", "GM0308", "GM0342"} <= geheel
    assert {"GM0203", "GM0267"} == deels


def test_landelijke_organisaties(kb):
    for naam in ("PZNL", "IKNL", "Stichting PaTz", "VNPZ", "LOCo"):
        assert kb.organisatie(naam).bronnen


def test_septet_regio_een_ros_en_zilveren_kruis(kb):
    r = kb.query("""SELECT ?ros ?verzekeraar WHERE {
        pzid:consortium-septet pz:werkgebied ?gebied .
        ?gebied pz:overlaptMet ?rosgebied . ?ros pz:werkgebied ?rosgebied ; a pz:ROS .
        ?gebied pz:preferenteZorgverzekeraar ?verzekeraar }""")
    assert len(r) == 1
    assert kb.organisatie(r.rijen[0][0]).naam == "Raedelijn"
    assert kb.organisatie(r.rijen[0][1]).naam == "Zilveren Kruis"


def test_tafels_en_plannen(kb):
    assert PZ.Regiotafel in kb.dataset.objects(kb.iri("Gezond Veluwe"), RDF.type)
    plannen = kb.query("SELECT ?p WHERE { ?p a pz:Transformatieplan }").waarden("p")
    namen = " ".join(kb.organisatie(URIRef(p)).naam for p in plannen)
    assert "Midden-Nederland" in namen and "Drenthe" in namen


def test_structuur_noordwest_veluwe(kb):
    r = kb.query("SELECT ?orgaan ?soort WHERE { ?orgaan org:unitOf ?npz ; a ?soort . FILTER(?soort != owl:NamedIndividual) }",
                 npz=PZID["npz-noordwest-veluwe"])
    soorten = set(r.waarden("soort"))
    assert {str(PZ.Stuurgroep), str(PZ.Netwerkoverleg), str(PZ.Werkgroep)} <= soorten
    assert kb.dataset.value(PZID["npz-noordwest-veluwe"], PZ.penvoerder) is not None
    assert int(kb.dataset.value(PZID["npz-noordwest-veluwe"], PZ.aantalLeden)) == 23
    assert (PZID["npz-noordwest-veluwe"], ORG.memberOf, PZID["consortium-septet"]) in kb.dataset


def test_consortiumorganen_zwn(kb):
    r = kb.query("SELECT ?soort WHERE { ?o org:unitOf pzid:consortium-zwn ; a ?soort }")
    soorten = set(r.waarden("soort"))
    assert {str(PZ.Consortiumraad), str(PZ.Coordinatieteam), str(PZ.Patientenadviesraad)} <= soorten


def test_elk_record_heeft_bron_en_elk_feit_een_bronvermelding(kb):
    r = kb.query("""SELECT ?s WHERE { GRAPH ?g { ?s dct:identifier ?id } ?g a pz:Bronvermelding .
                    FILTER NOT EXISTS { ?s dct:source ?b } }""")
    assert len(r) == 0
    r = kb.query("""SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { ?g a pz:Bronvermelding ; dct:source ?b ; pz:zekerheid ?z }""")
    assert int(r.rijen[0][0]) > 10


def test_leemten_staan_erin(kb):
    leemten = kb.named("leemten")
    assert len(leemten) >= 5
    septet = kb.named("leemten", betreft="consortium-septet")
    assert 1 <= len(septet) < len(leemten)


def test_geen_persoonsgegevens_in_gebundelde_gegevens():
    map_ = data_dir("landschap")
    tekst = "\n".join(p.read_text(encoding="utf-8") for p in sorted(map_.glob("*.csv")))
    assert not re.search(r"[\w.+-]+@[\w-]+\.\w+", tekst)
    for naam in ("Zweep", "Klinkenberg", "Appeldoorn", "Joosten", "Scheer", "Boots", "Schep", "Braal", "Seelen"):
        assert naam not in tekst
