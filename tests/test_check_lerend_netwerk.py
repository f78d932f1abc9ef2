"""`pzgraph check` of a lerend netwerk (seed:003, criteria of Consortium Zuidwest Nederland): every
constraint LN-01..LN-05 has a variant of examples/lerend-netwerk-goed.yaml that violates exactly it."""

from __future__ import annotations

import pytest

from check_hulp import (FOUT, VOORBEELDEN, Geval, Waar, alles, controleer, controleer_geval,
                        gedocumenteerde_bevindingen, ids_van_soort, maak_variant, parametriseer, zet, zonder,
                        zonder_leden)

GOED = VOORBEELDEN / "lerend-netwerk-goed.yaml"
FOUT_VB = VOORBEELDEN / "lerend-netwerk-fout.yaml"

GEVALLEN = [
    Geval("LN-01", FOUT, zet("disciplines", waarde=["zorgpraktijk"]), Waar.sleutel("disciplines")),
    Geval("LN-02", FOUT, zonder("onderwerp"), Waar.groep()),
    Geval("LN-03", FOUT, zet("lid:aanj", "rol", waarde=["netwerkcoordinator"]), Waar.sleutel("leden")),
    Geval("LN-04", FOUT, alles(zonder_leden("nc2"), zet("netwerken", waarde=["npz-rotterdam-en-omstreken"])),
          Waar.sleutel("netwerken"), uitleg="one network under netwerken: and among the members"),
    Geval("LN-05", FOUT, zonder("lessen_delen"), Waar.groep()),
]

BEKEND: dict[str, str] = {}


def test_goed_heeft_geen_bevindingen(kb):
    r = controleer(GOED, kb=kb).rapport
    assert r.bevindingen == (), [(b.id, b.bericht.nl) for b in r.bevindingen]
    assert r.voldoet and r.soort == "lerend-netwerk"
    assert r.randvoorwaarden and all(rv.teken == "✓" for rv in r.randvoorwaarden)


def test_elke_id_heeft_een_variant():
    assert {g.id for g in GEVALLEN} == ids_van_soort("LerendNetwerk")


@pytest.mark.parametrize("geval", parametriseer(GEVALLEN, BEKEND))
def test_variant_schendt_precies_die_id(geval, kb, tmp_path):
    controleer_geval(geval, GOED, kb, tmp_path)


@pytest.mark.parametrize("wijzig,verwacht", [
    pytest.param(zonder("netwerken"), set(), id="two networks through the members only"),
    pytest.param(alles(zonder_leden("nc2")), set(), id="two networks under netwerken: only"),
    pytest.param(alles(zonder("netwerken"), zonder_leden("nc2")), {"LN-04"}, id="one network through a member"),
    pytest.param(alles(zet("netwerken", waarde=["npz-rotterdam-en-omstreken", "consortium-zwn"]), zonder_leden("nc2")),
                 {"LN-04"}, id="a consortium is not a network"),
])
def test_ln04_netwerken_en_leden_tellen_samen(wijzig, verwacht, kb, tmp_path):
    pad, _ = maak_variant(GOED, wijzig, tmp_path)
    assert {b.id for b in controleer(pad, kb=kb).rapport.bevindingen} == verwacht


def test_fout_voorbeeld_meldt_wat_het_belooft(kb):
    r = controleer(FOUT_VB, kb=kb).rapport
    assert {(b.id, b.ernst) for b in r.bevindingen} == gedocumenteerde_bevindingen(FOUT_VB)
    assert not r.voldoet
