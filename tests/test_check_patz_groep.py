"""`pzgraph check` of a PaTz-groep (domain-facts §6): every constraint PG-01..PG-08 has a variant
of examples/patz-groep-goed.yaml that violates exactly it, with its severity and line."""

from __future__ import annotations

import pytest

from check_hulp import (FOUT, VOORBEELDEN, WAARSCHUWING, Geval, Waar, alles, controleer, controleer_geval,
                        gedocumenteerde_bevindingen, ids_van_soort, maak_variant, met_lid, parametriseer, zet,
                        zonder, zonder_leden)

GOED = VOORBEELDEN / "patz-groep-goed.yaml"
FOUT_VB = VOORBEELDEN / "patz-groep-fout.yaml"

GEVALLEN = [
    Geval("PG-01", FOUT, zonder_leden("ha5", "ha6"), Waar.sleutel("leden"), uitleg="5 huisartsen"),
    Geval("PG-02", WAARSCHUWING,
          alles(*(met_lid(sleutel=f"ha{i}", rol="huisarts", organisatie="gc-voorbeeldwijk") for i in range(7, 11))),
          Waar.sleutel("leden"), uitleg="11 huisartsen"),
    Geval("PG-03", FOUT, zonder_leden("wv2", "wv3"), Waar.sleutel("leden"), uitleg="1 wijkverpleegkundige"),
    Geval("PG-04", WAARSCHUWING,
          alles(*(met_lid(sleutel=f"wv{i}", rol="wijkverpleegkundige", organisatie="thuiszorg-voorbeeldstad")
                  for i in (4, 5))),
          Waar.sleutel("leden"), uitleg="5 wijkverpleegkundigen"),
    Geval("PG-05", FOUT, zet("lid:kader", "rol", waarde=["huisarts"]), Waar.sleutel("leden"),
          uitleg="no kaderarts or consulent"),
    Geval("PG-06", FOUT, zonder("overleg"), Waar.groep()),
    Geval("PG-07", WAARSCHUWING, zet("overleg", "per_jaar", waarde=4), Waar.sleutel("overleg", "per_jaar")),
    Geval("PG-08", FOUT, zet("lid:ha1", "rol", waarde=["huisarts"]), Waar.sleutel("leden"), uitleg="no voorzitter"),
]


def test_goed_heeft_geen_bevindingen(kb):
    r = controleer(GOED, kb=kb).rapport
    assert r.bevindingen == (), [(b.id, b.bericht.nl) for b in r.bevindingen]
    assert r.voldoet and r.soort == "patz-groep"
    assert r.randvoorwaarden and all(rv.teken == "✓" for rv in r.randvoorwaarden)


def test_elke_id_heeft_een_variant():
    assert {g.id for g in GEVALLEN} == ids_van_soort("PaTzGroep")


@pytest.mark.parametrize("geval", parametriseer(GEVALLEN, {}))
def test_variant_schendt_precies_die_id(geval, kb, tmp_path):
    controleer_geval(geval, GOED, kb, tmp_path)


@pytest.mark.parametrize("huisartsen,wijkverpleegkundigen,verwacht", [
    (6, 2, set()), (10, 4, set()), (5, 2, {"PG-01"}), (11, 2, {"PG-02"}), (6, 1, {"PG-03"}), (6, 5, {"PG-04"}),
])
def test_grenzen_van_de_samenstelling(huisartsen, wijkverpleegkundigen, verwacht, kb, tmp_path):
    """domain-facts §6: 6–10 huisartsen and 2–4 wijkverpleegkundigen; the bounds themselves are fine."""
    def wijzig(data):
        data["leden"] = [lid for lid in data["leden"] if lid["sleutel"] in ("kader", "ha1")]
        for i in range(2, huisartsen):
            met_lid(sleutel=f"h{i}", rol="huisarts", organisatie="gc-voorbeeldwijk")(data)
        for i in range(wijkverpleegkundigen):
            met_lid(sleutel=f"w{i}", rol="wijkverpleegkundige", organisatie="thuiszorg-voorbeeldstad")(data)
    pad, _ = maak_variant(GOED, wijzig, tmp_path)
    assert {b.id for b in controleer(pad, kb=kb).rapport.bevindingen} == verwacht


@pytest.mark.parametrize("per_jaar", ["6", "6.0", "6.00", "+6"])
def test_zes_keer_per_jaar_ook_als_decimaal(per_jaar, kb, tmp_path):
    tekst = GOED.read_text(encoding="utf-8")
    assert "  per_jaar: 6\n" in tekst
    pad = tmp_path / "zes.yaml"
    pad.write_text(tekst.replace("  per_jaar: 6\n", f"  per_jaar: {per_jaar}\n"), encoding="utf-8")
    assert controleer(pad, kb=kb).rapport.bevindingen == ()


def test_consulent_in_plaats_van_kaderarts(kb, tmp_path):
    pad, _ = maak_variant(GOED, alles(zet("lid:kader", "rol", waarde=["huisarts"]),
                                      met_lid(sleutel="cons", rol="consulent-palliatieve-zorg",
                                              organisatie="npz-utrecht-stad")), tmp_path)
    assert controleer(pad, kb=kb).rapport.bevindingen == ()


def test_fout_voorbeeld_meldt_wat_het_belooft(kb):
    r = controleer(FOUT_VB, kb=kb).rapport
    assert {(b.id, b.ernst) for b in r.bevindingen} == gedocumenteerde_bevindingen(FOUT_VB)
    assert not r.voldoet
