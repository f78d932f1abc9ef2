"""The command line as a user meets it: version, info, query, and one-line errors."""

from __future__ import annotations

import json
import re

import pytest

from pzgraph import __version__


def test_versie(cli):
    r = cli("--version")
    assert r.exit_code == 0 and r.output.strip() == f"pzgraph {__version__}"


def test_info_toont_consortia_met_netwerken_en_leemten(cli):
    r = cli("info")
    assert r.exit_code == 0, r.output
    tekst = r.output
    assert "Consortia (7):" in tekst
    blokken = re.split(r"\n  (?=\S)", tekst.split("Consortia (7):", 1)[1].split("\n\n", 1)[0])
    per_consortium = {b.split(" [", 1)[0].strip(): b for b in blokken if b.strip()}
    assert len(per_consortium) == 7
    septet = next(b for n, b in per_consortium.items() if "Septet" in n)
    assert "4 van 7 netwerken bij naam bekend" in septet and "LEEMTE: 3" in septet
    assert "Eemland [npz-eemland]" in septet
    assert "Rollen (" in tekst and "Participatievormen (4)" in tekst


def test_info_json_en_engels(cli):
    r = cli("--taal", "en", "info", "--format", "json")
    data = json.loads(r.output)
    assert len(data["consortia"]) == 7
    assert sum(len(c["netwerken"]) for c in data["consortia"]) >= 49
    r = cli("-t", "en", "info")
    assert "networks known by name" in r.output


def test_query_bestand_telt_zeven(cli, tmp_path):
    rq = tmp_path / "tel.rq"
    rq.write_text("SELECT (COUNT(DISTINCT ?c) AS ?aantal) WHERE { ?c a pz:ConsortiumPalliatieveZorg }\n")
    for formaat, verwacht in (("tabel", "7"), ("csv", "aantal\n7"), ("json", '"value": "7"')):
        r = cli("query", str(rq), "--format", formaat)
        assert r.exit_code == 0, r.output
        assert verwacht in r.output


def test_query_catalogus_en_parameter(cli):
    r = cli("query", "--lijst")
    assert "netwerken-per-consortium" in r.output
    r = cli("query", "netwerken-per-consortium", "-p", "consortium=Septet", "--format", "csv")
    assert r.exit_code == 0
    assert "Eemland" in r.output and "Haaglanden" not in r.output


@pytest.mark.parametrize("args,deel", [
    (["query", "netwerken-per-consortum"], "bedoelde u 'netwerken-per-consortium'"),
    (["query", "netwerken-per-consortium", "-p", "consortium=Septt"], "'Septt' staat niet in het landschap"),
    (["info", "--landschap", "bestaat-niet.csv"], "bestaat-niet.csv: bestand bestaat niet"),
])
def test_fouten_zijn_een_regel_met_code_2(runner, args, deel):
    from pzgraph.cli import main

    r = runner.invoke(main, args)
    assert r.exit_code == 2
    assert deel in r.output
    assert "Traceback" not in r.output
    assert len(r.output.strip().splitlines()) == 1


def test_query_syntaxfout_wijst_regel_aan(runner, tmp_path):
    from pzgraph.cli import main

    rq = tmp_path / "fout.rq"
    rq.write_text("PREFIX x: <urn:x>\nSELECT ?s WHERE {\n  ?s ?p \n}\n")
    r = runner.invoke(main, ["query", str(rq)])
    assert r.exit_code == 2
    assert r.output.startswith(f"fout: {rq}:")
    assert "SPARQL" in r.output


def test_update_via_cli_geweigerd(runner, tmp_path):
    from pzgraph.cli import main

    rq = tmp_path / "upd.rq"
    rq.write_text("DELETE WHERE { ?s ?p ?o }")
    r = runner.invoke(main, ["query", str(rq)])
    assert r.exit_code == 2 and "updates worden geweigerd" in r.output
