"""`pzgraph check` of a Netwerk Palliatieve Zorg (seed:004): every constraint NPZ-01..NPZ-07 has a
variant of examples/netwerk-goed.yaml that violates exactly it, with its severity and line."""

from __future__ import annotations

import pytest

from check_hulp import (FOUT, VOORBEELDEN, WAARSCHUWING, Geval, Waar, alles, controleer,
                        controleer_geval, gedocumenteerde_bevindingen, ids_van_soort, maak_variant, parametriseer, zet,
                        zonder)

GOED = VOORBEELDEN / "netwerk-goed.yaml"
FOUT_VB = VOORBEELDEN / "netwerk-fout.yaml"
LEDEN = ("nc", "ondst", "zh", "hos", "hh")

GEVALLEN = [
    Geval("NPZ-01", FOUT, zonder("samenwerkingsovereenkomst"), Waar.groep()),
    Geval("NPZ-02", FOUT, zet("lid:nc", "rol", waarde=["netwerkondersteuner"]), Waar.sleutel("leden")),
    Geval("NPZ-03", FOUT, zonder("penvoerder"), Waar.groep()),
    Geval("NPZ-04", FOUT, zonder("consortium"), Waar.groep()),
    Geval("NPZ-05", WAARSCHUWING, zonder("stuurgroep"), Waar.groep()),
    Geval("NPZ-06", FOUT,
          alles(zonder("organisaties"),
                *(zet(f"lid:{k}", "organisatie", waarde="stichting-palliatieve-zorg-veluwe") for k in LEDEN)),
          Waar.sleutel("leden"), uitleg="all members on behalf of the penvoerder, no other organisation"),
    Geval("NPZ-07", FOUT, zonder("werkgebied"), Waar.groep()),
]

BEKEND: dict[str, str] = {}


def test_goed_heeft_geen_bevindingen(kb):
    r = controleer(GOED, kb=kb).rapport
    assert r.bevindingen == (), [(b.id, b.bericht.nl) for b in r.bevindingen]
    assert r.voldoet and r.soort == "netwerk"
    assert r.randvoorwaarden and all(rv.teken == "✓" for rv in r.randvoorwaarden)


def test_elke_id_heeft_een_variant():
    assert {g.id for g in GEVALLEN} == ids_van_soort("NetwerkPalliatieveZorg")


@pytest.mark.parametrize("geval", parametriseer(GEVALLEN, BEKEND))
def test_variant_schendt_precies_die_id(geval, kb, tmp_path):
    controleer_geval(geval, GOED, kb, tmp_path)


def test_npz04_consortium_moet_een_consortium_zijn(kb, tmp_path):
    pad, _ = maak_variant(GOED, zet("consortium", waarde="npz-utrecht-stad"), tmp_path)
    assert {b.id for b in controleer(pad, kb=kb).rapport.bevindingen} == {"NPZ-04"}


def test_landschap_netwerken_worden_niet_gecontroleerd(kb):
    """The 49 networks of the landscape are pz:NetwerkPalliatieveZorg too: only the file's group is checked."""
    c = controleer(GOED, kb=kb)
    assert [r.groep for r in c.rapporten] == ["npz-noordwest-veluwe-2025"]
    fout = controleer(FOUT_VB, kb=kb).rapport
    assert fout.bevindingen and all(b.onderwerp == "npz-eemland-opzet" for b in fout.bevindingen)


def test_fout_voorbeeld_meldt_wat_het_belooft(kb):
    r = controleer(FOUT_VB, kb=kb).rapport
    assert {(b.id, b.ernst) for b in r.bevindingen} == gedocumenteerde_bevindingen(FOUT_VB)
    assert not r.voldoet
