"""HermiT (through owlready2) proves ontology and landscape consistent and classifies them.
Skipped, with the reason, where Java is absent."""

from __future__ import annotations

import tempfile

import pytest
from rdflib import RDF, Graph

from conftest import java_of_skip
from pzgraph.errors import InconsistenteOntologie, RedeneerFout
from pzgraph.kb import ONTOLOGIE_GRAAF
from pzgraph.namespaces import PZ, PZID

pytestmark = pytest.mark.reasoner


@pytest.fixture(scope="module")
def verslag(kb):
    java_of_skip()
    from pzgraph.reason import redeneer_kb

    return redeneer_kb(kb)


def test_ontologie_en_landschap_consistent(verslag):
    assert verslag.consistent
    assert verslag.onvervulbaar == ()
    assert verslag.individuen > 500


def test_rollen_geclassificeerd_naar_praktijk_en_beleid(verslag):
    assert "pz:Praktijkrol" in verslag.klassen_van("pz:rol-huisarts")
    assert "pz:Beleidsrol" in verslag.klassen_van("pz:rol-ros-adviseur")
    assert "pz:Groepsfunctie" in verslag.klassen_van("pz:rol-kartrekker")


def test_landschap_geclassificeerd(verslag):
    # nobody asserts these classes: HermiT derives them from what the landscape says
    assert "pz:Consortiumpartner" in verslag.klassen_van("pzid:npz-eemland")
    assert "pz:Consortiumpartner" in verslag.klassen_van("pzid:pznl")
    assert "pz:GebiedMetBekendeGemeenten" in verslag.klassen_van("pzid:gebied-npz-eemland")
    assert "pz:RegionaleOrganisatieMetWerkgebied" in verslag.klassen_van("pzid:npz-eemland")
    assert "pz:GebiedMetBekendeGemeenten" not in verslag.klassen_van("pzid:gebied-npz-heuvelland")
    assert "pz:Consortiumpartner" not in verslag.klassen_van("pzid:zilveren-kruis")
    # a TOOI identifier is the same gemeente (owl:sameAs)
    assert "pz:Gemeente" in verslag.klassen_van("https://identifier.overheid.nl/tooi/id/gemeente/gm0307")


def test_inconsistentie_wordt_gevonden_en_laat_geen_tijdelijke_bestanden(kb, monkeypatch, tmp_path):
    java_of_skip()
    from pzgraph.reason import redeneer

    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(tempfile, "tempdir", None)
    fout = Graph()
    # a gemeente that is also a network: the geographic layers are disjoint from organisations
    fout.add((PZID["GM0307"], RDF.type, PZ.Gemeente))
    fout.add((PZID["GM0307"], RDF.type, PZ.NetwerkPalliatieveZorg))
    with pytest.raises(InconsistenteOntologie):
        redeneer([kb.dataset.graph(ONTOLOGIE_GRAAF), fout])
    assert list(tmp_path.iterdir()) == []


def test_zonder_java_een_duidelijke_fout(kb, monkeypatch, tmp_path):
    from pzgraph.reason import redeneer

    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(RedeneerFout) as exc:
        redeneer([kb.dataset.graph(ONTOLOGIE_GRAAF)])
    assert "Java ontbreekt" in exc.value.regel()


def test_cli_reason(cli):
    java_of_skip()
    r = cli("reason", "--zonder-landschap")
    assert r.exit_code == 0, r.output
    assert r.output.startswith("Consistent")
