"""The same checks and queries on the three stores: memory (rdflib), a persistent pyoxigraph
store, and a real Oxigraph server started here on 127.0.0.1. Plus load and export."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from rdflib import Graph

import pzgraph
from pzgraph.catalogue import catalogus
from pzgraph.groups import lees_groepen

from conftest import WORTEL

VOORBEELDEN = WORTEL / "examples"
GROEPEN = VOORBEELDEN / "groepen"


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def opslag(kb, tmp_path_factory) -> Path:
    from pzgraph.opslaan import naar_store

    pad = tmp_path_factory.mktemp("store") / "pz"
    naar_store(kb, pad, lees_groepen(GROEPEN, kb))
    return pad


def start_oxigraph(map_: Path, *, union: bool = True) -> tuple[subprocess.Popen, str]:
    """A real Oxigraph server on 127.0.0.1 (a free port), started and waited for."""
    oxigraph = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(oxigraph).exists():
        pytest.skip("the oxigraph server is not installed (pip install oxigraph)")
    poort = _vrije_poort()
    proc = subprocess.Popen([oxigraph, "serve", "--location", str(map_), "--bind", f"127.0.0.1:{poort}",
                             *(["--union-default-graph"] if union else [])],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    basis = f"http://127.0.0.1:{poort}"
    for _ in range(100):
        try:
            urllib.request.urlopen(basis + "/", timeout=1)
            return proc, basis
        except OSError:
            time.sleep(0.1)
    proc.kill()
    pytest.fail("oxigraph server did not start")


@pytest.fixture(scope="module")
def server(kb, tmp_path_factory):
    proc, basis = start_oxigraph(tmp_path_factory.mktemp("oxigraph"))
    from pzgraph.bron import EindpuntBron
    from pzgraph.opslaan import naar_eindpunt

    naar_eindpunt(kb, EindpuntBron(basis + "/query", basis + "/update"), lees_groepen(GROEPEN, kb))
    yield basis
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def drie(kb, opslag, server):
    """The knowledge base on each store: memory (with the groups), pyoxigraph, the server."""
    from rdflib import Dataset

    from pzgraph.bron import GeheugenBron
    from pzgraph.kb import KnowledgeBase
    from pzgraph.opslaan import graaf_van

    ds = Dataset(default_union=True)
    for s, p, o, g in kb.bron.quads():
        (ds.default_graph if g is None else ds.graph(g)).add((s, p, o))
    for groep in lees_groepen(GROEPEN, kb):
        ds.graph(graaf_van(groep)).__iadd__(groep.graaf)
    geheugen = KnowledgeBase(GeheugenBron(ds), kb.vocab, [], ())
    return {"geheugen": geheugen, "pyoxigraph": pzgraph.load(store=opslag),
            "server": pzgraph.load(endpoint=server + "/query")}


def _normaal(resultaat) -> list:
    """Rows as sorted tuples of strings; GROUP_CONCAT lists sorted too (SPARQL leaves their order open)."""
    if resultaat.soort == "ask":
        return [resultaat.waar]

    def cel(t) -> str:
        tekst = "" if t is None else str(t)
        for scheiding in (", ", "; ", " | "):
            if scheiding in tekst:
                return scheiding.join(sorted(tekst.split(scheiding)))
        return tekst

    return sorted(tuple(cel(t) for t in rij) for rij in resultaat.rijen)


VOORBEELDPARAMETERS = {"netwerken-per-consortium": {"consortium": "consortium-septet"},
                       "leemten": {"betreft": "consortium-septet"}, "rollen": {"taal": "en"}}


@pytest.mark.parametrize("naam", sorted(catalogus()))
def test_catalogus_geeft_dezelfde_antwoorden_op_elke_opslag(drie, naam):
    q = catalogus()[naam]
    verplicht = [p.naam for p in q.parameters if p.verplicht]
    params = VOORBEELDPARAMETERS.get(naam, {})
    if any(v not in params for v in verplicht):
        pytest.skip(f"{naam} needs {verplicht}; covered by tests/test_catalogus.py")
    antwoorden = {k: _normaal(kb.named(naam, **params)) for k, kb in drie.items()}
    assert antwoorden["pyoxigraph"] == antwoorden["geheugen"]
    assert antwoorden["server"] == antwoorden["geheugen"]


@pytest.mark.parametrize("voorbeeld", ["trekkersgroep-fout.yaml", "zorgnetwerk-fout.yaml", "netwerk-goed.yaml",
                                       "participatietraject-fout.yaml"])
def test_check_geeft_dezelfde_bevindingen_op_elke_opslag(drie, voorbeeld):
    uitkomst = {}
    for naam, kb in drie.items():
        r = pzgraph.check(VOORBEELDEN / voorbeeld, kb=kb).rapport
        uitkomst[naam] = sorted((b.id, b.ernst.name, b.locatie.regel, b.onderwerp) for b in r.bevindingen)
    assert uitkomst["pyoxigraph"] == uitkomst["geheugen"] == uitkomst["server"]


def test_parameters_worden_als_term_gebonden_ook_op_de_server(drie):
    for kb in drie.values():
        r = kb.query("SELECT ?s WHERE { ?s skos:prefLabel ?naam }", naam='x" } ?s ?p ?o { "')
        assert len(r) == 0


def test_laden_is_herhaalbaar(kb, tmp_path):
    from pzgraph.opslaan import naar_store

    groepen = lees_groepen(GROEPEN, kb)
    eerste = naar_store(kb, tmp_path / "s", groepen)
    tweede = naar_store(kb, tmp_path / "s", groepen)
    assert eerste == tweede > len(kb)


def test_load_en_query_via_cli(cli, tmp_path):
    r = cli("load", "--store", str(tmp_path / "s"), str(GROEPEN))
    assert r.exit_code == 0 and "3 groepen" in r.output
    r = cli("query", "consortia", "--store", str(tmp_path / "s"), "--format", "csv")
    assert r.exit_code == 0 and len(r.output.strip().splitlines()) == 8
    r = cli("query", "consortia", "--store", str(tmp_path / "leeg"))
    assert r.exit_code == 2 and "geen pzgraph-opslag" in r.output


def test_server_zonder_union_wordt_uitgelegd(kb, tmp_path):
    proc, basis = start_oxigraph(tmp_path, union=False)
    try:
        from pzgraph.bron import EindpuntBron
        from pzgraph.errors import InvoerFout
        from pzgraph.opslaan import naar_eindpunt

        naar_eindpunt(kb, EindpuntBron(basis + "/query", basis + "/update"), [])
        with pytest.raises(InvoerFout) as exc:
            pzgraph.load(endpoint=basis + "/query")
        assert "--union-default-graph" in exc.value.regel()
    finally:
        proc.kill()
        proc.wait()


@pytest.mark.parametrize("formaat,controle", [("turtle", "turtle"), ("ntriples", "nt"), ("trig", "trig"),
                                              ("jsonld", "json-ld"), ("nquads", "nquads")])
def test_export_formaten(cli, tmp_path, formaat, controle):
    doel = tmp_path / f"uit.{formaat}"
    r = cli("export", str(VOORBEELDEN / "trekkersgroep-goed.yaml"), "--alleen-groepen", "-o", str(doel), "--format", formaat)
    assert r.exit_code == 0, r.output
    from rdflib import Dataset

    g = Dataset() if controle in ("trig", "nquads", "json-ld") else Graph()
    g.parse(doel, format=controle)
    assert len(g) if isinstance(g, Graph) and not isinstance(g, Dataset) else sum(len(x) for x in g.graphs()) > 20
    assert "Voorbeeldpersoon" not in doel.read_text(encoding="utf-8")  # personal data only on request


def test_export_met_personen_alleen_op_verzoek(cli, tmp_path):
    doel = tmp_path / "uit.trig"
    cli("export", str(VOORBEELDEN / "trekkersgroep-goed.yaml"), "--alleen-groepen", "--met-personen", "-o", str(doel),
        "--format", "trig")
    assert "Voorbeeldpersoon" in doel.read_text(encoding="utf-8")


def test_afgebroken_export_laat_geen_half_bestand(tmp_path):
    """Kill an export of the whole graph while it writes: the target holds the old complete file."""
    doel = tmp_path / "landschap.nt"
    doel.write_text("<urn:oud> <urn:p> <urn:o> .\n", encoding="utf-8")
    code = ("import os, pzgraph.bestanden as b\n"
            "orig = os.fsync\n"
            "def traag(fd):\n    import time; print('schrijft', flush=True); time.sleep(30)\n"
            "os.fsync = traag\n"
            f"b.schrijf_atomair(__import__('pathlib').Path({str(doel)!r}), 'x' * 50_000_000)\n")
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "schrijft"  # the temporary file is written, not yet renamed
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert doel.read_text(encoding="utf-8") == "<urn:oud> <urn:p> <urn:o> .\n"
