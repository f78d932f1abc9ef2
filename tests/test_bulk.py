"""``pzgraph check --all``: every group in an RDF export or a store, on the fast path, with the
same findings as checking the groups one by one."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

WORTEL = Path(__file__).resolve().parent.parent
VOORBEELDEN = sorted((WORTEL / "examples").glob("*-fout.yaml"))


@pytest.fixture
def pz(runner, kb, monkeypatch):
    import pzgraph.cli as cli

    monkeypatch.setattr(cli, "_laad", lambda landschap, config: kb)

    def run(*args):
        return runner.invoke(cli.main, [str(a) for a in args], catch_exceptions=False)
    return run


def _per_bestand(pz, paden) -> dict:
    """group id -> sorted (constraint id, subject) of the ordinary one-file-at-a-time check."""
    uit = {}
    for pad in paden:
        for r in json.loads(pz("check", pad, "--format", "json", "--fail-on", "none").stdout)["rapporten"]:
            uit[r["groep"]] = sorted((b["id"], b["onderwerp"]) for b in r["bevindingen"])
    return uit


def _bulk(tekst: str) -> dict:
    return {r["groep"]: sorted((b["id"], b["onderwerp"]) for b in r["bevindingen"])
            for r in json.loads(tekst)["rapporten"]}


def test_export_van_alle_voorbeelden_geeft_dezelfde_bevindingen(pz, tmp_path):
    export = tmp_path / "groepen.nt"
    r = pz("export", *VOORBEELDEN, "--alleen-groepen", "--format", "ntriples", "-o", export)
    assert r.exit_code == 0, r.output
    r = pz("check", "--all", export, "--format", "json", "--fail-on", "none")
    assert r.exit_code == 0, r.output
    bulk = _bulk(r.stdout)
    assert bulk == _per_bestand(pz, VOORBEELDEN)
    assert len(bulk) == len(VOORBEELDEN) and all(bulk.values())


def test_overzicht_en_exitcode(pz, tmp_path):
    export = tmp_path / "groepen.nt"
    pz("export", WORTEL / "examples/trekkersgroep-fout.yaml", WORTEL / "examples/zorgnetwerk-goed.yaml",
       "--alleen-groepen", "--format", "ntriples", "-o", export)
    r = pz("check", "--all", export)
    assert r.exit_code == 1
    regels = r.stdout.strip().splitlines()
    assert regels[-1] == "2 groepen gecontroleerd: 1 voldoen aan de randvoorwaarden, 1 niet."
    assert regels[0].startswith("✗ trekkersgroep-eemland (trekkersgroep): ") and "TG-04" in regels[0]
    en = pz("--taal", "en", "check", "--all", export, "--fail-on", "none")
    assert en.exit_code == 0 and en.stdout.strip().endswith("2 groups checked: 1 meet their preconditions, 1 do not.")


def test_opslag(pz, tmp_path, kb, monkeypatch):
    """Load the examples into a persistent store, then check every group in it."""
    import pzgraph.cli as cli
    from pzgraph.kb import load

    opslag = tmp_path / "opslag"
    r = pz("load", "--store", opslag, *VOORBEELDEN)
    assert r.exit_code == 0, r.output
    monkeypatch.setattr(cli, "_laad", lambda landschap, config: load(store=opslag))
    r = pz("check", "--all", "--store", opslag, "--format", "json", "--fail-on", "none")
    assert r.exit_code == 0, r.output
    monkeypatch.setattr(cli, "_laad", lambda landschap, config: kb)
    assert _bulk(r.stdout) == _per_bestand(pz, VOORBEELDEN)


def test_map_met_yaml_gaat_per_bestand(pz):
    r = pz("check", "--all", WORTEL / "examples/groepen", "--format", "json", "--fail-on", "none")
    assert r.exit_code == 0, r.output
    assert _bulk(r.stdout) == _per_bestand(pz, sorted((WORTEL / "examples/groepen").glob("*.yaml")))


@pytest.mark.parametrize("args,melding", [
    (["--all"], "geef een of meer groepsbestanden"),
    (["--all", "x.nt", "--format", "turtle"], "turtle"),
])
def test_gebruiksfouten(pz, args, melding):
    r = pz("check", *args)
    assert r.exit_code == 2 and melding in r.output


def test_kapotte_export_is_invoerfout(pz, tmp_path):
    kapot = tmp_path / "kapot.nt"
    kapot.write_text("<https://w3id.org/pzgraph/groep/x> <http://a> .\n", encoding="utf-8")
    r = pz("check", "--all", kapot)
    assert r.exit_code == 2
    assert r.output.startswith(f"fout: {kapot}: kan het bestand niet lezen") and "Traceback" not in r.output


def test_motor_pyshacl_geeft_hetzelfde(pz, tmp_path):
    sys.path.insert(0, str(WORTEL / "benchmarks"))
    export = tmp_path / "groepen.nt"
    pz("export", *VOORBEELDEN[:3], "--alleen-groepen", "--format", "ntriples", "-o", export)
    snel = pz("check", "--all", export, "--format", "json", "--fail-on", "none").stdout
    ref = pz("check", "--all", export, "--format", "json", "--fail-on", "none", "--motor", "pyshacl").stdout
    assert _bulk(snel) == _bulk(ref) and _bulk(snel)
