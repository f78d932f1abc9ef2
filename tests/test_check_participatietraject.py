"""`pzgraph check` of a participatietraject (seed:000, Toolbox participatie): every constraint
PT-01..PT-05 has a variant of examples/participatietraject-goed.yaml that violates exactly it."""

from __future__ import annotations

import pytest

from check_hulp import (FOUT, VOORBEELDEN, WAARSCHUWING, Geval, Waar, alles, controleer,
                        controleer_geval, gedocumenteerde_bevindingen, ids_van_soort, maak_variant,
                        parametriseer, zet, zonder)

GOED = VOORBEELDEN / "participatietraject-goed.yaml"
FOUT_VB = VOORBEELDEN / "participatietraject-fout.yaml"

GEVALLEN = [
    Geval("PT-01", FOUT, zonder("onderwerp"), Waar.groep()),
    Geval("PT-02", FOUT, zonder("doelgroep"), Waar.groep()),
    Geval("PT-03", FOUT, zonder("vorm"), Waar.groep()),
    Geval("PT-04", WAARSCHUWING, zet("participantrol", waarde="partner"), Waar.sleutel("participantrol"),
          uitleg="a dialoogbijeenkomst asks for meedenkers"),
    Geval("PT-05", WAARSCHUWING, zonder("tijdsplan"), Waar.groep()),
]

BEKEND: dict[str, str] = {}


def test_goed_heeft_geen_bevindingen(kb):
    r = controleer(GOED, kb=kb).rapport
    assert r.bevindingen == (), [(b.id, b.bericht.nl) for b in r.bevindingen]
    assert r.voldoet and r.soort == "participatietraject"
    assert r.randvoorwaarden and all(rv.teken == "✓" for rv in r.randvoorwaarden)


def test_elke_id_heeft_een_variant():
    assert {g.id for g in GEVALLEN} == ids_van_soort("Participatietraject")


@pytest.mark.parametrize("geval", parametriseer(GEVALLEN, BEKEND))
def test_variant_schendt_precies_die_id(geval, kb, tmp_path):
    controleer_geval(geval, GOED, kb, tmp_path)


@pytest.mark.parametrize("vorm,rol,past", [
    ("dialoogbijeenkomst", "meedenker", True),
    ("focusgroep", "meedenker", True),
    ("enquete", "meedenker", True),
    ("vaste-groep-ervaringsdelers", "adviseur", True),
    ("vaste-groep-ervaringsdelers", "meedenker", False),
    ("focusgroep", "regisseur", False),
])
def test_pt04_rol_past_bij_vorm(vorm, rol, past, kb, tmp_path):
    """seed:000 and domain-facts §7: each form asks for one role of the participants."""
    pad, _ = maak_variant(GOED, alles(zet("vorm", waarde=vorm), zet("participantrol", waarde=rol)), tmp_path)
    ids = {b.id for b in controleer(pad, kb=kb).rapport.bevindingen}
    assert ids == (set() if past else {"PT-04"})


def test_pt04_zonder_rol_geen_waarschuwing(kb, tmp_path):
    pad, _ = maak_variant(GOED, zonder("participantrol"), tmp_path)
    assert controleer(pad, kb=kb).rapport.bevindingen == ()


def test_fout_voorbeeld_meldt_wat_het_belooft(kb):
    r = controleer(FOUT_VB, kb=kb).rapport
    assert {(b.id, b.ernst) for b in r.bevindingen} == gedocumenteerde_bevindingen(FOUT_VB)
    assert not r.voldoet
