"""A region's own landscape file (CSV or YAML): loaded beside the bundled data, checked like
any input, and contradictions with the bundled data reported rather than silently resolved."""

from __future__ import annotations

from pathlib import Path

import pytest

import pzgraph
from pzgraph.errors import InvoerFout
from pzgraph.namespaces import PZ, PZID


def schrijf(pad: Path, tekst: str, encoding: str = "utf-8") -> Path:
    pad.write_text(tekst, encoding=encoding)
    return pad


ORGS = """id,soort,naam,alternatieve_namen,lid_van,werkgebied,bron,datum,zekerheid,toelichting
npz-voorbeeldregio,NetwerkPalliatieveZorg,Voorbeeldregio,,consortium-septet,gebied-npz-voorbeeldregio,eigen inventarisatie,2026-10-01,M,
gebied-npz-voorbeeldregio,Netwerkregio,Werkgebied NPZ Voorbeeldregio,,,,eigen inventarisatie,2026-10-01,M,
"""


def test_eigen_csv_voegt_netwerk_toe(tmp_path):
    kb = pzgraph.load([schrijf(tmp_path / "organisaties.csv", ORGS)])
    namen = [n.naam for n in kb.netwerken("septet")]
    assert "Voorbeeldregio" in namen
    assert kb.conflicten == []
    bron = kb.query("SELECT ?b WHERE { GRAPH ?g { pzid:npz-voorbeeldregio a pz:NetwerkPalliatieveZorg } ?g dct:source ?b }")
    assert bron.waarden("b") == ["eigen inventarisatie"]


def test_eigen_yaml_met_dekking_en_puntkomma_csv(tmp_path):
    yaml = schrijf(tmp_path / "regio.yaml", """
organisaties:
  - id: ros-voorbeeld
    soort: ROS
    naam: ROS Voorbeeld
    werkgebied: gebied-ros-voorbeeld
    bron: jaarverslag ROS Voorbeeld
    datum: "2025"
    zekerheid: H
gebieden:
  - {id: gebied-ros-voorbeeld, soort: ROSRegio, naam: Werkgebied ROS Voorbeeld, bron: jaarverslag, datum: "2025", zekerheid: H}
""")
    csv = schrijf(tmp_path / "dekking.csv", "gebied;gemeentecode;deels;bron;datum;zekerheid\n"
                                            "gebied-ros-voorbeeld;GM0307;nee;jaarverslag;2025;H\n")
    kb = pzgraph.load([yaml, csv])
    gebied = kb.dataset.value(PZID["ros-voorbeeld"], PZ.werkgebied)
    assert (gebied, PZ.omvatGemeente, PZID["GM0307"]) in kb.dataset


def test_tegenspraak_met_gebundelde_gegevens_wordt_gemeld(tmp_path):
    pad = schrijf(tmp_path / "kenmerken.csv", "subject,kenmerk,waarde,bron,datum,zekerheid\n"
                                              "consortium-septet,aantalNetwerken,8,eigen telling,2026,M\n")
    kb = pzgraph.load([pad])
    assert len(kb.conflicten) == 1
    conflict = kb.conflicten[0]
    assert conflict.onderwerp == "consortium-septet" and conflict.veld == "aantalNetwerken"
    assert str(conflict.locatie_b) == f"{pad}:2"
    assert "kenmerken.csv" in str(conflict.locatie_a)
    regel = conflict.regel()
    assert "'8'" in regel and "'7'" in regel
    # both facts stay, each with its own source
    waarden = {int(v) for v in kb.dataset.objects(PZID["consortium-septet"], PZ.aantalNetwerken)}
    assert waarden == {7, 8}


def fout_van(tmp_path, naam: str, tekst: str, encoding: str = "utf-8") -> InvoerFout:
    with pytest.raises(InvoerFout) as exc:
        pzgraph.load([schrijf(tmp_path / naam, tekst, encoding)])
    return exc.value


def test_onbekende_soort_met_suggestie(tmp_path):
    fout = fout_van(tmp_path, "o.csv", ORGS.replace("NetwerkPalliatieveZorg", "NetwerkPaliatieveZorg"))
    regel = fout.regel()
    assert regel.startswith(f"{tmp_path / 'o.csv'}:2: onbekende soort 'NetwerkPaliatieveZorg'")
    assert "bedoelde u 'NetwerkPalliatieveZorg'" in regel


def test_onbekende_kolom(tmp_path):
    fout = fout_van(tmp_path, "o.csv", ORGS.replace("toelichting", "toelichtng"))
    assert "o.csv:1: onbekende kolom 'toelichtng'" in fout.regel()
    assert "bedoelde u 'toelichting'" in fout.regel()


def test_onbekend_id_en_gemeentecode(tmp_path):
    fout = fout_van(tmp_path, "dekking.csv", "gebied,gemeentecode,deels,bron,datum,zekerheid\n"
                                             "gebied-npz-eemlnd,GM0307,nee,x,2025,H\n"
                                             "gebied-npz-eemland,GM9999,nee,x,2025,H\n")
    regels = fout.regels()
    assert any(":2: gebied: onbekend id 'gebied-npz-eemlnd'" in r and "gebied-npz-eemland" in r for r in regels)
    assert any(":3: onbekende gemeentecode 'GM9999'" in r for r in regels)


def test_geen_utf8(tmp_path):
    fout = fout_van(tmp_path, "o.csv", ORGS.replace("Voorbeeldregio", "Zoë"), encoding="latin-1")
    assert ":2: geen UTF-8 (byte 0xEB" in fout.regel()


def test_dubbele_yaml_sleutel_en_bool(tmp_path):
    fout = fout_van(tmp_path, "r.yaml", "organisaties:\n  - id: a\n    id: b\n")
    assert "r.yaml:3" in fout.regel()
    fout = fout_van(tmp_path, "r.yaml", "relaties:\n  - subject: npz-eemland\n    relatie: sluitAanBij\n"
                                        "    object: true\n    bron: x\n    datum: '2025'\n    zekerheid: H\n")
    assert "r.yaml:4: object: True is geen tekst" in fout.regel()


def test_ongeldige_datum_en_zekerheid(tmp_path):
    fout = fout_van(tmp_path, "o.csv", ORGS.replace("2026-10-01,M", "1-10-2026,X", 1))
    assert any("datum '1-10-2026'" in r for r in fout.regels())
    assert any("zekerheid 'X'" in r for r in fout.regels())


def test_ontbrekend_bestand(tmp_path):
    with pytest.raises(InvoerFout) as exc:
        pzgraph.load([tmp_path / "bestaat-niet.csv"])
    assert "bestand bestaat niet" in exc.value.regel()


def test_configuratiebestand(tmp_path):
    schrijf(tmp_path / "organisaties.csv", ORGS)
    cfg = schrijf(tmp_path / "pzgraph.toml", '[landschap]\nbestanden = ["organisaties.csv"]\n')
    kb = pzgraph.load(config=cfg)
    assert "Voorbeeldregio" in [n.naam for n in kb.netwerken("consortium-septet")]
    with pytest.raises(InvoerFout) as exc:
        pzgraph.load(config=schrijf(tmp_path / "fout.toml", '[landschp]\nbestanden = []\n'))
    assert "bedoelde u 'landschap'" in exc.value.regel()
