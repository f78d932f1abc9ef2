"""`pzgraph check` of a zorgnetwerk (seed:002, VSOP Generiek Model): every constraint ZN-01..ZN-19
has a variant of examples/zorgnetwerk-goed.yaml that violates exactly it, with severity and line."""

from __future__ import annotations

import pytest

from check_hulp import (FOUT, INFO, VOORBEELDEN, WAARSCHUWING, Geval, Waar, controleer,
                        controleer_geval, gedocumenteerde_bevindingen, ids_van_soort, maak_variant,
                        parametriseer, zet, zonder)

GOED = VOORBEELDEN / "zorgnetwerk-goed.yaml"
FOUT_VB = VOORBEELDEN / "zorgnetwerk-fout.yaml"


def alleen_richtlijn(data):
    del data["kwaliteitsdocumenten"][1]


GEVALLEN = [
    Geval("ZN-01", FOUT, zonder("initiatiefnemer"), Waar.groep()),
    Geval("ZN-02", FOUT, zet("kerngroep", waarde=["ec-voorbeeld-noord"]), Waar.sleutel("kerngroep"),
          uitleg="no patiëntenorganisatie in the kerngroep"),
    Geval("ZN-03", FOUT, zet("kerngroep", waarde=["pv-voorbeeldziekte"]), Waar.sleutel("kerngroep"),
          uitleg="no erkend expertisecentrum in the kerngroep"),
    Geval("ZN-04", WAARSCHUWING, zonder("besluitvorming"), Waar.groep(),
          uitleg="two expertisecentra, no agreement on how the kerngroep is chosen"),
    Geval("ZN-05", WAARSCHUWING, zonder("zorgcontinuum_fases"), Waar.groep()),
    Geval("ZN-06", WAARSCHUWING, zonder("relevante_disciplines"), Waar.groep()),
    # without any quality document there is no visiedocument either
    Geval("ZN-07", WAARSCHUWING, zonder("kwaliteitsdocumenten"), Waar.groep(), ook=frozenset({"ZN-08"})),
    Geval("ZN-08", FOUT, alleen_richtlijn, Waar.sleutel("kwaliteitsdocumenten"),
          uitleg="only a richtlijn, which does not describe the organisation of care"),
    Geval("ZN-09", WAARSCHUWING, zonder("plan_van_aanpak"), Waar.groep()),
    Geval("ZN-10", WAARSCHUWING, zonder("plan_van_aanpak", "doel"), Waar.deel("plan_van_aanpak")),
    Geval("ZN-11", WAARSCHUWING, zonder("plan_van_aanpak", "producten"), Waar.deel("plan_van_aanpak")),
    Geval("ZN-12", WAARSCHUWING, zonder("plan_van_aanpak", "werkwijze"), Waar.deel("plan_van_aanpak")),
    Geval("ZN-13", WAARSCHUWING, zonder("plan_van_aanpak", "planning"), Waar.deel("plan_van_aanpak")),
    Geval("ZN-14", WAARSCHUWING, zonder("plan_van_aanpak", "samenwerkingsovereenkomst"), Waar.deel("plan_van_aanpak")),
    Geval("ZN-15", WAARSCHUWING, zonder("eerste_bijeenkomst"), Waar.groep()),
    Geval("ZN-16", WAARSCHUWING, zet("eerste_bijeenkomst", "duur_uren", waarde=2),
          Waar.sleutel("eerste_bijeenkomst", "duur_uren")),
    Geval("ZN-17", WAARSCHUWING, zonder("eerste_bijeenkomst", "voorzitter"), Waar.deel("eerste_bijeenkomst")),
    Geval("ZN-18", WAARSCHUWING, zonder("eerste_bijeenkomst", "notulist"), Waar.deel("eerste_bijeenkomst")),
    Geval("ZN-19", INFO, zonder("samenwerkingsovereenkomst"), Waar.groep()),
]

BEKEND: dict[str, str] = {}


def test_goed_heeft_geen_bevindingen(kb):
    r = controleer(GOED, kb=kb).rapport
    assert r.bevindingen == (), [(b.id, b.bericht.nl) for b in r.bevindingen]
    assert r.voldoet and r.soort == "zorgnetwerk"
    assert r.randvoorwaarden and all(rv.teken == "✓" for rv in r.randvoorwaarden)


def test_elke_id_heeft_een_variant():
    assert {g.id for g in GEVALLEN} == ids_van_soort("Zorgnetwerk")


@pytest.mark.parametrize("geval", parametriseer(GEVALLEN, BEKEND))
def test_variant_schendt_precies_die_id(geval, kb, tmp_path):
    controleer_geval(geval, GOED, kb, tmp_path)


@pytest.mark.parametrize("document,verwacht", [
    ({"type": "visiedocument"}, set()),
    ({"type": "module-organisatie-van-zorg", "naam": "Module organisatie van zorg (in ontwikkeling)"}, set()),
    ({"type": "zorgstandaard", "beschrijft_organisatie_van_zorg": True}, set()),
    ({"type": "zorgstandaard", "beschrijft_organisatie_van_zorg": False}, {"ZN-08"}),
    ({"type": "leidraad"}, {"ZN-08"}),
])
def test_zn08_visiedocument_tenzij(document, verwacht, kb, tmp_path):
    """seed:002: a visiedocument, unless a module organisatie van zorg or another document describes it."""
    from ruamel.yaml.comments import CommentedMap

    def wijzig(data):
        data["kwaliteitsdocumenten"][1] = CommentedMap(document)
    pad, _ = maak_variant(GOED, wijzig, tmp_path)
    assert {b.id for b in controleer(pad, kb=kb).rapport.bevindingen} == verwacht


@pytest.mark.parametrize("duur,verwacht", [(2.5, set()), (3, set()), (2.4, {"ZN-16"}), (3.5, {"ZN-16"})])
def test_zn16_twee_en_een_half_tot_drie_uur(duur, verwacht, kb, tmp_path):
    pad, _ = maak_variant(GOED, zet("eerste_bijeenkomst", "duur_uren", waarde=duur), tmp_path)
    assert {b.id for b in controleer(pad, kb=kb).rapport.bevindingen} == verwacht


def test_zn16_wijst_naar_duur_uren_ook_als_die_niet_bovenaan_staat(kb, tmp_path):
    def wijzig(data):
        deel = data["eerste_bijeenkomst"]
        duur = deel.pop("duur_uren")
        deel["duur_uren"] = 2  # now the last key of the part
        assert duur == 3
    pad, data = maak_variant(GOED, wijzig, tmp_path)
    (b,) = controleer(pad, kb=kb).rapport.bevindingen
    assert b.id == "ZN-16"
    assert b.locatie.regel == data["eerste_bijeenkomst"].lc.key("duur_uren")[0] + 1


def test_een_patientenorganisatie_en_een_expertisecentrum_hoeven_geen_besluitvorming(kb, tmp_path):
    def wijzig(data):
        del data["besluitvorming"]
        del data["organisaties"][2]  # the second expertisecentrum ...
        data["leden"][2]["organisatie"] = "ec-voorbeeld-noord"  # ... and its member moves to the first
    pad, _ = maak_variant(GOED, wijzig, tmp_path)
    assert controleer(pad, kb=kb).rapport.bevindingen == ()


def test_fout_voorbeeld_meldt_wat_het_belooft(kb):
    r = controleer(FOUT_VB, kb=kb).rapport
    assert {(b.id, b.ernst) for b in r.bevindingen} == gedocumenteerde_bevindingen(FOUT_VB)
    assert not r.voldoet
