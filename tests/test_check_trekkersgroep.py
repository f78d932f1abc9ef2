"""`pzgraph check` of a trekkersgroep PaTz (seed:001): every constraint TG-01..TG-21 has a variant
of examples/trekkersgroep-goed.yaml that violates exactly it, with its severity and line."""

from __future__ import annotations

import pytest

from check_hulp import (FOUT, INFO, VOORBEELDEN, WAARSCHUWING, Geval, Waar, alles, controleer,
                        controleer_geval, gedocumenteerde_bevindingen, ids_van_soort, maak_variant, met_lid,
                        parametriseer, zet, zonder, zonder_leden)

GOED = VOORBEELDEN / "trekkersgroep-goed.yaml"
FOUT_VB = VOORBEELDEN / "trekkersgroep-fout.yaml"
TTL = VOORBEELDEN / "trekkersgroep-goed.ttl"

GEVALLEN = [
    Geval("TG-01", FOUT, zet("lid:nc", "rol", waarde=["netwerkondersteuner"]), Waar.sleutel("leden"),
          uitleg="the coordinator becomes a netwerkondersteuner: no netwerkcoördinator left"),
    Geval("TG-02", FOUT, zet("lid:amb", "rol", waarde=["kaderarts-palliatieve-zorg"]), Waar.sleutel("leden")),
    Geval("TG-03", FOUT, zonder("doelstelling"), Waar.groep()),
    Geval("TG-04", FOUT, zonder("mandaat"), Waar.groep()),
    Geval("TG-05", FOUT, met_lid(sleutel="vvt", rol="", organisatie="npz-eemland", uren_per_maand=2),
          Waar.lid("vvt"), onderwerp="vvt", uitleg="a new member with an empty rol and no taak"),
    # TG-06 (>= 2 distinct practice/policy roles) cannot fail on its own: TG-01 and TG-02 already
    # demand a policy role (netwerkcoördinator) and a practice role (PaTz-ambassadeur).
    Geval("TG-06", FOUT, alles(*(zet(f"lid:{k}", "rol", waarde=["netwerkcoordinator"]) for k in ("amb", "ros", "rho"))),
          Waar.sleutel("leden"), ook=frozenset({"TG-02", "TG-07"}),
          uitleg="everybody netwerkcoördinator: one distinct role"),
    # TG-07 likewise: without a practice role there is no PaTz-ambassadeur (TG-02).
    Geval("TG-07", FOUT, zet("lid:amb", "rol", waarde=["netwerkondersteuner"]), Waar.sleutel("leden"),
          ook=frozenset({"TG-02"}), uitleg="only policy roles left"),
    Geval("TG-08", FOUT, zet("lid:ros", "uren_per_maand", waarde=0), Waar.lid_sleutel("ros", "uren_per_maand"),
          onderwerp="ros"),
    Geval("TG-09", FOUT, zonder("ingebed_in"), Waar.groep()),
    Geval("TG-10", FOUT, zonder("kartrekker"), Waar.groep()),
    # TG-11 (kartrekker is a member) cannot be violated in YAML: `kartrekker:` must name a member's
    # key or the file is refused. See test_tg11_kartrekker_geen_lid_in_turtle.
    Geval("TG-12", FOUT, zonder("overleg"), Waar.groep()),
    Geval("TG-13", WAARSCHUWING, zet("overleg", "per_jaar", waarde=2), Waar.sleutel("overleg", "per_jaar")),
    Geval("TG-14", WAARSCHUWING, zonder("afspraken"), Waar.groep()),
    Geval("TG-15", FOUT, alles(*(zet(f"lid:{k}", "organisatie", waarde="npz-eemland") for k in ("amb", "ros", "rho"))),
          Waar.sleutel("leden"), uitleg="all members on behalf of one organisation"),
    Geval("TG-16", INFO, zonder("bestuurlijk_commitment"), Waar.groep()),
    Geval("TG-17", WAARSCHUWING, zonder("niveau"), Waar.groep()),
    Geval("TG-18", WAARSCHUWING, zonder("werkgebied"), Waar.groep()),
    Geval("TG-19", FOUT, zet("niveau", waarde="regio"), Waar.sleutel("niveau"),
          uitleg="niveau regio with a single network as werkgebied"),
    Geval("TG-20", WAARSCHUWING, zonder_leden("ros", "rho"), Waar.sleutel("leden"),
          uitleg="no ROS-adviseur and nobody from a huisartsenorganisatie"),
    Geval("TG-21", WAARSCHUWING, alles(zet("niveau", waarde="consortium"), zet("werkgebied", waarde="consortium-septet")),
          Waar.sleutel("leden"), uitleg="consortium level without a regioadviseur PZNL among the members"),
]


def test_goed_heeft_geen_bevindingen(kb):
    r = controleer(GOED, kb=kb).rapport
    assert r.bevindingen == (), [(b.id, b.bericht.nl) for b in r.bevindingen]
    assert r.voldoet and r.soort == "trekkersgroep" and r.groep == "trekkersgroep-eemland"
    assert r.randvoorwaarden and all(rv.teken == "✓" for rv in r.randvoorwaarden)


def test_elke_id_heeft_een_variant():
    getest = {g.id for g in GEVALLEN} | {"TG-11"}
    assert getest == ids_van_soort("TrekkersgroepPaTz")


# Known issues as strict xfails (id -> reason); empty: every id points where it should.
BEKEND: dict[str, str] = {}


@pytest.mark.parametrize("geval", parametriseer(GEVALLEN, BEKEND))
def test_variant_schendt_precies_die_id(geval, kb, tmp_path):
    controleer_geval(geval, GOED, kb, tmp_path)


def test_tg11_kartrekker_geen_lid_in_turtle(kb, tmp_path):
    tekst = TTL.read_text(encoding="utf-8")
    assert "pz:kartrekker pers:nc ;" in tekst
    pad = tmp_path / "kartrekker-extern.ttl"
    pad.write_text(tekst.replace("pz:kartrekker pers:nc ;", "pz:kartrekker pers:extern ;"), encoding="utf-8")
    r = controleer(pad, kb=kb).rapport
    assert [(b.id, b.ernst) for b in r.bevindingen] == [("TG-11", FOUT)]
    b = r.bevindingen[0]
    assert b.locatie.bestand == str(pad) and b.locatie.regel == 0  # Turtle: the whole file
    assert not r.voldoet


def test_tg10_twee_kartrekkers_in_turtle(kb, tmp_path):
    tekst = TTL.read_text(encoding="utf-8")
    pad = tmp_path / "twee-kartrekkers.ttl"
    pad.write_text(tekst.replace("pz:kartrekker pers:nc ;", "pz:kartrekker pers:nc , pers:amb ;"), encoding="utf-8")
    r = controleer(pad, kb=kb).rapport
    assert [(b.id, b.ernst) for b in r.bevindingen] == [("TG-10", FOUT)]


@pytest.mark.parametrize("niveau,werkgebied,past", [
    ("netwerk", "npz-eemland", True),
    ("netwerk", ["npz-eemland", "npz-utrecht-stad"], False),
    ("netwerk", "consortium-septet", False),
    ("regio", ["npz-midden-twente", "npz-noordwest-twente"], True),
    ("regio", ["npz-eemland", "consortium-septet"], False),
    ("consortium", "consortium-septet", True),
    ("consortium", "npz-eemland", False),
])
def test_tg19_niveau_en_werkgebied(niveau, werkgebied, past, kb, tmp_path):
    """seed:001 §2.2: netwerk = one network; regio = several networks, no consortium; consortium."""
    rv = {"niveau": niveau, "werkgebied": werkgebied}
    wijzig = alles(zet("niveau", waarde=niveau), zet("werkgebied", waarde=werkgebied),
                   met_lid(sleutel="pznl", rol="regioadviseur-pznl", organisatie="pznl", uren_per_maand=1,
                           taak="landelijke kennis inbrengen"))
    pad, _ = maak_variant(GOED, wijzig, tmp_path)
    ids = {b.id for b in controleer(pad, kb=kb).rapport.bevindingen}
    assert ids == (set() if past else {"TG-19"}), rv


def test_tg13_vier_keer_is_genoeg_ook_als_decimaal(kb, tmp_path):
    pad, _ = maak_variant(GOED, zet("overleg", "per_jaar", waarde=4.0), tmp_path)
    assert controleer(pad, kb=kb).rapport.bevindingen == ()


def test_fout_voorbeeld_meldt_wat_het_belooft(kb):
    r = controleer(FOUT_VB, kb=kb).rapport
    assert {(b.id, b.ernst) for b in r.bevindingen} == gedocumenteerde_bevindingen(FOUT_VB)
    assert not r.voldoet
    tekens = {rv.id: rv.teken for rv in r.randvoorwaarden}
    assert {"✗", "!", "i", "✓"} <= set(tekens.values())
    lid_ha = next(b for b in r.bevindingen if b.id == "TG-08")
    regels = FOUT_VB.read_text(encoding="utf-8").splitlines()
    assert regels[lid_ha.locatie.regel - 1].strip() == "- sleutel: ha" and lid_ha.onderwerp == "ha"


@pytest.mark.parametrize("wijzig", [None, "zonder-mandaat"])
def test_turtle_tweeling_geeft_dezelfde_bevindingen(wijzig, kb, tmp_path):
    yaml_pad, ttl_pad = GOED, TTL
    if wijzig:
        yaml_pad, _ = maak_variant(GOED, zonder("mandaat"), tmp_path)
        tekst = TTL.read_text(encoding="utf-8")
        ttl_pad = tmp_path / "zonder-mandaat.ttl"
        zonder_regel = [r for r in tekst.splitlines(keepends=True) if not r.lstrip().startswith("pz:mandaat ")]
        assert len(zonder_regel) == len(tekst.splitlines()) - 1
        ttl_pad.write_text("".join(zonder_regel), encoding="utf-8")
    y = controleer(yaml_pad, kb=kb).rapport
    t = controleer(ttl_pad, kb=kb).rapport
    assert t.groep == y.groep and t.soort == y.soort and t.naam == y.naam
    assert {(b.id, b.ernst, b.onderwerp) for b in t.bevindingen} == {(b.id, b.ernst, b.onderwerp) for b in y.bevindingen}
    assert [(r.id, r.teken) for r in t.randvoorwaarden] == [(r.id, r.teken) for r in y.randvoorwaarden]
    assert ({b.id for b in y.bevindingen} == {"TG-04"}) if wijzig else (y.bevindingen == ())
