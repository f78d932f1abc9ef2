"""`pzgraph check` on the command line: bad input (exit 2, one line per problem with file:line and
what was expected, never a traceback) and the output formats, --fail-on, --vergelijk, folders and
the templates of `pzgraph new`."""

from __future__ import annotations

import json
import re
import socket
import urllib.request
from pathlib import Path

import pytest

from check_hulp import VOORBEELDEN, WORTEL, controleer, laad, regel_sleutel

GOED = VOORBEELDEN / "trekkersgroep-goed.yaml"
FOUT_VB = VOORBEELDEN / "trekkersgroep-fout.yaml"
TTL = VOORBEELDEN / "trekkersgroep-goed.ttl"
GROEPEN = VOORBEELDEN / "groepen"
SOORTEN = ("trekkersgroep", "patz-groep", "zorgnetwerk", "lerend-netwerk", "netwerk", "participatietraject")


@pytest.fixture
def pz(runner, kb, monkeypatch):
    """The CLI in-process, reusing the session's knowledge base (loading it per call costs ~1 s).

    Returns the click Result; stdout and stderr are also available separately."""
    import pzgraph.cli as cli

    monkeypatch.setattr(cli, "_laad", lambda landschap, config: kb)

    def run(*args) -> object:
        return runner.invoke(cli.main, [str(a) for a in args], catch_exceptions=False)

    return run


def regel_met(tekst: str, deel: str) -> int:
    """1-based number of the only line of ``tekst`` that contains ``deel``."""
    treffers = [i for i, r in enumerate(tekst.splitlines(), start=1) if deel in r]
    assert len(treffers) == 1, (deel, treffers)
    return treffers[0]


def vervang(tekst: str, oud: str, nieuw: str) -> str:
    assert tekst.count(oud) == 1, oud
    return tekst.replace(oud, nieuw)


# -- bad input ---------------------------------------------------------------------------------------

GOED_TEKST = GOED.read_text(encoding="utf-8")
TTL_TEKST = TTL.read_text(encoding="utf-8")

# name: (file name, content, text marking the offending line, what the message must contain)
INVOERFOUTEN = {
    "slecht-ingesprongen": ("inspring.yaml", vervang(GOED_TEKST, "\n  - sleutel: ros\n", "\n - sleutel: ros\n"),
                            " - sleutel: ros", ["ongeldige YAML", "verwacht geldige YAML (let op inspringen"]),
    "rol-met-typfout": ("rol.yaml", vervang(GOED_TEKST, "rol: netwerkcoordinator", "rol: netwerkcordinator"),
                        "rol: netwerkcordinator", ["onbekende rol 'netwerkcordinator'", "bedoelde u 'netwerkcoordinator'"]),
    "onbekende-organisatie": ("org.yaml", vervang(GOED_TEKST, "organisatie: ros-raedelijn", "organisatie: ros-raedelijm"),
                              "organisatie: ros-raedelijm",
                              ["'ros-raedelijm' staat niet in het landschap", "verwacht een id of naam uit het landschap",
                               "bedoelde u 'ros-raedelijn'"]),
    "dubbele-sleutel": ("dubbel.yaml", vervang(GOED_TEKST, "\nkartrekker: nc\n", "\nkartrekker: nc\nkartrekker: amb\n"),
                        "kartrekker: amb", ["sleutel 'kartrekker' staat er twee keer", "verwacht elke sleutel één keer"]),
    "onbekende-sleutel": ("sleutel.yaml", vervang(GOED_TEKST, "\ndoelstelling:", "\ndoelsteling:"), "doelsteling:",
                          ["onbekende sleutel 'doelsteling'", "bedoelde u 'doelstelling'"]),
    "getal-als-tekst": ("vier.yaml", vervang(GOED_TEKST, "per_jaar: 4", 'per_jaar: "vier"'), 'per_jaar: "vier"',
                        ["per_jaar: 'vier' is geen getal", "verwacht een getal zonder aanhalingstekens"]),
    "octaal": ("octaal.yaml", vervang(GOED_TEKST, "per_jaar: 4", "per_jaar: 010"), "per_jaar: 010",
               ["per_jaar: 010 begint met een 0", "verwacht 10 zonder voorloopnul"]),
    "tekst-no": ("no.yaml", re.sub(r"(?m)^afspraken: .*$", "afspraken: no", GOED_TEKST), "afspraken: no",
                 ["afspraken: 'no' zou door YAML als getal, datum of ja/nee gelezen worden", 'verwacht tekst tussen aanhalingstekens: "no"']),
    "tekst-datum": ("datum.yaml", re.sub(r"(?m)^afspraken: .*$", "afspraken: 2024-01-01", GOED_TEKST), "afspraken: 2024-01-01",
                    ["'2024-01-01' zou door YAML", 'verwacht tekst tussen aanhalingstekens: "2024-01-01"']),
    "anker-en-alias": ("anker.yaml", vervang(vervang(GOED_TEKST, "\nwerkgebied: npz-eemland\n", "\nwerkgebied: &gebied npz-eemland\n"),
                                             "\n  - npz-eemland\n", "\n  - *gebied\n"),
                       "&gebied", ["YAML-ankers en -aliassen (& en *) worden niet ondersteund", "verwacht elke waarde uitgeschreven"]),
    "leeg-bestand": ("leeg.yaml", "", None, ["het bestand bevat geen groep", "verwacht een groep met soort:"]),
    "turtle-syntaxfout": ("syntax.ttl", vervang(TTL_TEKST, "pz:niveau pz:niveau-netwerk ;", "pz:niveau pz:niveau-netwerk"),
                          "pz:werkgebied pzid:gebied-npz-eemland", ["Turtle-syntaxfout", "verwacht geldige Turtle"]),
}


def _schrijf(tmp_path: Path, naam: str) -> tuple[Path, int]:
    bestand, inhoud, markering, _ = INVOERFOUTEN[naam]
    pad = tmp_path / bestand
    pad.write_text(inhoud, encoding="utf-8")
    return pad, (regel_met(inhoud, markering) if markering else 1)


def _een_regel_per_probleem(r, pad: Path, regel: int, delen: list[str]) -> None:
    assert r.exit_code == 2, r.output
    assert "Traceback" not in r.output
    assert r.stdout == ""  # problems go to stderr, nothing else is printed
    regels = r.stderr.splitlines()
    assert regels == [regels[0]], regels  # one problem, one line
    assert regels[0].startswith(f"fout: {pad}:{regel}: "), regels[0]
    for deel in delen:
        assert deel in regels[0], (deel, regels[0])


@pytest.mark.parametrize("naam", list(INVOERFOUTEN))
def test_invoerfout_is_een_regel_met_bestand_regel_en_verwachting(naam, pz, tmp_path):
    pad, regel = _schrijf(tmp_path, naam)
    _een_regel_per_probleem(pz("check", pad), pad, regel, INVOERFOUTEN[naam][3])


def test_turtle_syntaxfout_noemt_de_regel(pz, tmp_path):
    pad, regel = _schrijf(tmp_path, "turtle-syntaxfout")
    r = pz("check", pad)
    assert r.exit_code == 2 and "Traceback" not in r.output
    assert r.stderr.startswith(f"fout: {pad}:{regel}: Turtle-syntaxfout")


def test_meerdere_problemen_elk_een_regel(pz, tmp_path):
    tekst = vervang(vervang(GOED_TEKST, "rol: netwerkcoordinator", "rol: netwerkcordinator"), "per_jaar: 4", "per_jaar: 010")
    pad = tmp_path / "twee.yaml"
    pad.write_text(tekst, encoding="utf-8")
    r = pz("check", pad)
    assert r.exit_code == 2
    regels = r.stderr.splitlines()
    assert len(regels) == 2, regels
    assert {re.match(r"fout: (.+?:\d+): ", x).group(1) for x in regels} == {
        f"{pad}:{regel_met(tekst, 'rol: netwerkcordinator')}", f"{pad}:{regel_met(tekst, 'per_jaar: 010')}"}


def test_invoerfout_in_het_engels(pz, tmp_path):
    pad, regel = _schrijf(tmp_path, "rol-met-typfout")
    r = pz("--taal", "en", "check", pad)
    assert r.exit_code == 2
    assert r.stderr.startswith(f"error: {pad}:{regel}: rol: unknown role 'netwerkcordinator'; expected ")
    assert "did you mean 'netwerkcoordinator'" in r.stderr


def test_ontbrekend_bestand(pz, tmp_path):
    pad = tmp_path / "bestaat-niet.yaml"
    r = pz("check", pad)
    assert r.exit_code == 2 and "Traceback" not in r.output
    assert r.stderr.splitlines() == [f"fout: {pad}: bestand of map bestaat niet; verwacht een groepsbestand "
                                     "(.yaml, .ttl, .jsonld) of een map daarmee"]


@pytest.mark.parametrize("context", ['"https://example.org/pzgraph-context.jsonld"',
                                     '["https://example.org/pzgraph-context.jsonld", {"pz": "https://w3id.org/pzgraph/def#"}]'])
def test_jsonld_met_context_op_afstand_wordt_geweigerd_zonder_ophalen(context, pz, tmp_path, monkeypatch):
    opgehaald = []

    def nergens_heen(*args, **kwargs):
        opgehaald.append(args)
        raise AssertionError("pzgraph tried to fetch something")

    monkeypatch.setattr(socket.socket, "connect", nergens_heen)
    monkeypatch.setattr(socket, "create_connection", nergens_heen)
    monkeypatch.setattr(urllib.request, "urlopen", nergens_heen)
    pad = tmp_path / "groep.jsonld"
    pad.write_text('{\n "@context": %s,\n "@id": "https://w3id.org/pzgraph/groep/x",\n'
                   ' "@type": "https://w3id.org/pzgraph/def#TrekkersgroepPaTz"\n}\n' % context, encoding="utf-8")
    r = pz("check", pad)
    assert opgehaald == []
    assert r.exit_code == 2 and "Traceback" not in r.output
    (regel,) = r.stderr.splitlines()
    assert regel.startswith(f"fout: {pad}") and "@context" in regel and "niet opgehaald" in regel
    assert "verwacht een @context die in het bestand zelf staat" in regel


def test_jsonld_met_eigen_context_wordt_gelezen(pz, tmp_path):
    pad = tmp_path / "groep.jsonld"
    pad.write_text(json.dumps({
        "@context": {"pz": "https://w3id.org/pzgraph/def#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#"},
        "@id": "https://w3id.org/pzgraph/groep/jsonld-groep", "@type": "pz:LerendNetwerk",
        "rdfs:label": "Lerend netwerk in JSON-LD"}), encoding="utf-8")
    r = pz("check", pad)
    assert r.exit_code == 1 and "Lerend netwerk in JSON-LD (lerend-netwerk)" in r.stdout


# -- the text report ---------------------------------------------------------------------------------

def test_tekst_goed(pz):
    r = pz("check", GOED, "--zonder-aanbevelingen")
    assert r.exit_code == 0, r.output
    regels = r.stdout.splitlines()
    assert regels[0] == f"Trekkersgroep PaTz Eemland (trekkersgroep) — {GOED}"
    lijst = [x for x in regels if re.match(r"^  [✓✗!i] ", x)]
    assert len(lijst) == 9 and all(x.startswith("  ✓ ") for x in lijst)
    assert "Bevindingen:" not in r.stdout
    assert regels[-1] == "Resultaat: voldoet aan de randvoorwaarden (0 fouten, 0 waarschuwingen, 0 info)"


def test_tekst_fout_toont_checklist_ids_bestand_regel_en_bron(pz, kb):
    r = pz("check", FOUT_VB, "--zonder-aanbevelingen")
    assert r.exit_code == 1
    tekst = r.stdout
    assert "Randvoorwaarden:" in tekst and "Bevindingen:" in tekst
    checklist = tekst.split("Randvoorwaarden:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert {x[2] for x in checklist} == {"✓", "✗", "!", "i"}
    assert "  ✗ Kern: netwerkcoördinator en PaTz-ambassadeur" in checklist
    assert "  ! Regelmatige overlegstructuur" in checklist and "  i Duurzaamheid & continuïteit" in checklist
    rapport = controleer(FOUT_VB, kb=kb).rapport
    fout_tekst = FOUT_VB.read_text(encoding="utf-8")
    regels = tekst.splitlines()
    for b in rapport.bevindingen:
        kop = f"  {b.ernst.teken} {b.id} {b.ernst.naam.nl}  {FOUT_VB}:{b.locatie.regel}"
        i = regels.index(kop)  # each finding: sign, id, severity, file:line; then message and source
        assert regels[i + 1] == f"      {b.bericht.nl}"
        assert regels[i + 2] == f"      bron: {b.bron}" and b.bron.startswith("seed:001")
    mandaat = next(b for b in rapport.bevindingen if b.id == "TG-04")
    assert mandaat.locatie.regel == regel_met(fout_tekst, "\nsoort: trekkersgroep".strip()) == regel_sleutel(laad(FOUT_VB), "soort")
    per_jaar = next(b for b in rapport.bevindingen if b.id == "TG-13")
    assert per_jaar.locatie.regel == regel_met(fout_tekst, "per_jaar: 2")
    assert tekst.rstrip().endswith("Resultaat: voldoet niet aan de randvoorwaarden (4 fouten, 1 waarschuwingen, 1 info)")


def test_tekst_in_het_engels(pz):
    r = pz("--taal", "en", "check", FOUT_VB, "--zonder-aanbevelingen")
    assert r.exit_code == 1
    tekst = r.stdout
    assert "Preconditions:" in tekst and "Findings:" in tekst and "Randvoorwaarden" not in tekst
    assert "  ✗ Core: network coordinator and PaTz ambassador" in tekst
    assert re.search(r"^  ✗ TG-04 violation  .+:\d+$", tekst, re.MULTILINE)
    assert "The lead group's mandate is not recorded." in tekst
    assert "Het mandaat" not in tekst
    assert "      source: seed:001" in tekst
    assert tekst.rstrip().endswith("Result: does not meet its preconditions (4 violations, 1 warnings, 1 info)")


def test_taal_via_omgeving(pz, monkeypatch):
    monkeypatch.setenv("PZGRAPH_TAAL", "en")
    assert "Preconditions:" in pz("check", GOED).stdout


# -- machine-readable formats -------------------------------------------------------------------------

def test_json(pz):
    r = pz("check", FOUT_VB, "--format", "json")
    assert r.exit_code == 1
    data = json.loads(r.stdout)
    assert data["$schema"] == "https://w3id.org/pzgraph/schema/rapport/1"
    (rapport,) = data["rapporten"]
    assert rapport["groep"] == "trekkersgroep-eemland" and rapport["soort"] == "trekkersgroep"
    assert rapport["voldoet"] is False
    assert rapport["aantallen"] == {"fout": 4, "waarschuwing": 1, "info": 1}
    rv = rapport["randvoorwaarden"]
    assert len(rv) == 9 and {r_["status"] for r_ in rv} == {"voldaan", "niet-voldaan", "aandacht", "info"}
    assert all(set(r_) >= {"id", "titel", "bron", "status", "bevindingen"} for r_ in rv)
    b0 = rapport["bevindingen"][0]
    assert isinstance(b0["regel"], int) and b0["regel"] >= 1 and b0["bestand"] == str(FOUT_VB)
    assert set(b0) >= {"id", "ernst", "bericht", "titel", "bron", "bestand", "regel", "randvoorwaarde", "onderwerp", "waarde"}
    assert set(b0["bericht"]) == {"nl", "en"}
    ids = {b["id"] for b in rapport["bevindingen"]}
    assert ids == {"TG-02", "TG-04", "TG-08", "TG-13", "TG-16", "TG-19"}
    assert {i for r_ in rv for i in r_["bevindingen"]} == ids
    per_jaar = next(b for b in rapport["bevindingen"] if b["id"] == "TG-13")
    assert per_jaar["ernst"] == "warning" and per_jaar["regel"] == regel_met(FOUT_VB.read_text(encoding="utf-8"), "per_jaar: 2")


def test_json_goed(pz):
    r = pz("check", GOED, "--format", "json")
    assert r.exit_code == 0
    (rapport,) = json.loads(r.stdout)["rapporten"]
    assert rapport["voldoet"] is True and rapport["bevindingen"] == []
    assert {r_["status"] for r_ in rapport["randvoorwaarden"]} == {"voldaan"}


def test_sarif(pz):
    r = pz("check", FOUT_VB, "--format", "sarif")
    assert r.exit_code == 1
    sarif = json.loads(r.stdout)
    assert sarif["version"] == "2.1.0"
    (run,) = sarif["runs"]
    assert run["tool"]["driver"]["name"] == "pzgraph"
    assert {regel["id"] for regel in run["tool"]["driver"]["rules"]} == {res["ruleId"] for res in run["results"]}
    per_jaar = next(res for res in run["results"] if res["ruleId"] == "TG-13")
    assert per_jaar["level"] == "warning"
    loc = per_jaar["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == str(FOUT_VB)
    assert loc["region"]["startLine"] == regel_met(FOUT_VB.read_text(encoding="utf-8"), "per_jaar: 2")
    assert {res["level"] for res in run["results"]} == {"error", "warning", "note"}


def test_sarif_in_het_engels(pz):
    sarif = json.loads(pz("--taal", "en", "check", FOUT_VB, "--format", "sarif").stdout)
    teksten = [res["message"]["text"] for res in sarif["runs"][0]["results"]]
    assert any("mandate is not recorded" in t for t in teksten)


def test_turtle(pz):
    from rdflib import RDF, Graph, Namespace

    SH = Namespace("http://www.w3.org/ns/shacl#")
    r = pz("check", FOUT_VB, "--format", "turtle")
    assert r.exit_code == 1
    g = Graph().parse(data=r.stdout, format="turtle")
    # top-level results; sh:node constraints (TG-08) add a nested result under sh:detail
    resultaten = set(g.subjects(RDF.type, SH.ValidationResult)) - set(g.objects(None, SH.detail))
    assert len(resultaten) == 6
    assert {str(g.value(x, SH.sourceShape)).rsplit("#", 1)[1] for x in resultaten} == {
        "TG-02", "TG-04", "TG-08", "TG-13", "TG-16", "TG-19"}
    assert {g.value(x, SH.resultSeverity) for x in resultaten} == {SH.Violation, SH.Warning, SH.Info}


def test_turtle_is_een_validatierapport(pz):
    from rdflib import RDF, Graph, Literal, Namespace

    SH = Namespace("http://www.w3.org/ns/shacl#")
    g = Graph().parse(data=pz("check", GOED, "--format", "turtle").stdout, format="turtle")
    verslagen = list(g.subjects(RDF.type, SH.ValidationReport))
    assert len(verslagen) == 1 and g.value(verslagen[0], SH.conforms) == Literal(True)
    assert not list(g.subjects(RDF.type, SH.ValidationResult))
    g = Graph().parse(data=pz("check", FOUT_VB, "--format", "turtle").stdout, format="turtle")
    verslagen = list(g.subjects(RDF.type, SH.ValidationReport))
    assert len(verslagen) == 1 and g.value(verslagen[0], SH.conforms) == Literal(False)
    assert len(set(g.objects(verslagen[0], SH.result))) == 6


def test_turtle_bewaart_samengestelde_paden(pz):
    from rdflib import BNode, Graph, Namespace

    SH = Namespace("http://www.w3.org/ns/shacl#")
    g = Graph().parse(data=pz("check", FOUT_VB, "--format", "turtle").stdout, format="turtle")
    for p in (SH.resultPath, SH.sourceShape):
        for waarde in g.objects(None, p):
            assert not isinstance(waarde, BNode) or (waarde, None, None) in g, p


def test_uitvoer_naar_bestand(pz, tmp_path):
    uit = tmp_path / "rapport.json"
    r = pz("check", FOUT_VB, "--format", "json", "-o", uit)
    assert r.exit_code == 1 and r.stdout == ""
    assert json.loads(uit.read_text(encoding="utf-8"))["rapporten"][0]["groep"] == "trekkersgroep-eemland"


# -- exit codes, comparison, folders ---------------------------------------------------------------------

@pytest.mark.parametrize("pad,fail_on,code", [
    (GROEPEN / "patz-groep-voorbeeldwijk.yaml", None, 0),  # only a warning
    (GROEPEN / "patz-groep-voorbeeldwijk.yaml", "violation", 0),
    (GROEPEN / "patz-groep-voorbeeldwijk.yaml", "warning", 1),
    (GROEPEN / "patz-groep-voorbeeldwijk.yaml", "info", 1),
    (FOUT_VB, None, 1),
    (FOUT_VB, "none", 0),
    (GOED, "info", 0),
])
def test_fail_on(pad, fail_on, code, pz):
    args = ["check", pad] + (["--fail-on", fail_on] if fail_on else [])
    r = pz(*args)
    assert r.exit_code == code, r.output


def test_fail_on_info_alleen_info(pz, tmp_path):
    pad = tmp_path / "alleen-info.yaml"
    pad.write_text(re.sub(r"(?ms)^bestuurlijk_commitment: >-\n(  .*?\n)+", "", GOED_TEKST), encoding="utf-8")
    assert "bestuurlijk_commitment" not in pad.read_text(encoding="utf-8")
    assert pz("check", pad).exit_code == 0
    assert pz("check", pad, "--fail-on", "warning").exit_code == 0
    r = pz("check", pad, "--fail-on", "info")
    assert r.exit_code == 1 and "i TG-16 info" in r.stdout


def test_vergelijk_toont_opgeloste_bevindingen(pz):
    r = pz("check", GOED, "--vergelijk", FOUT_VB)
    assert r.exit_code == 0, r.output
    tekst = r.stdout
    assert f"Vergeleken met {FOUT_VB}:" in tekst
    opgelost = tekst.split("Opgeloste bevindingen (6):\n", 1)[1].splitlines()
    assert {re.match(r"  ✓ (\S+)  ", x).group(1) for x in opgelost} == {"TG-02", "TG-04", "TG-08", "TG-13", "TG-16", "TG-19"}
    assert "Randvoorwaarden nu voldaan (6):" in tekst and "Nieuwe bevindingen (0):" in tekst
    assert "Randvoorwaarden niet meer voldaan (0):" in tekst


def test_vergelijk_andersom_toont_nieuwe_bevindingen(pz):
    r = pz("--taal", "en", "check", FOUT_VB, "--vergelijk", GOED)
    assert r.exit_code == 1
    assert "New findings (6):" in r.stdout and "Resolved findings (0):" in r.stdout
    assert "Preconditions no longer met (6):" in r.stdout


def test_vergelijk_met_een_map_is_een_invoerfout(pz):
    r = pz("check", GOED, "--vergelijk", GROEPEN)
    assert r.exit_code == 2 and "--vergelijk werkt met precies één groep" in r.stderr


def test_map_controleren(pz):
    r = pz("check", GROEPEN)
    assert r.exit_code == 0, r.output  # one warning, no violations
    koppen = [x for x in r.stdout.splitlines() if " — " in x]
    assert len(koppen) == len(list(GROEPEN.glob("*.yaml"))) >= 3
    assert r.stdout.count("Resultaat: voldoet aan de randvoorwaarden") == len(koppen)
    data = json.loads(pz("check", GROEPEN, "--format", "json").stdout)
    assert {x["soort"] for x in data["rapporten"]} == {"trekkersgroep", "patz-groep"}
    assert sum(x["aantallen"]["waarschuwing"] for x in data["rapporten"]) == 1
    assert pz("check", GROEPEN, "--fail-on", "warning").exit_code == 1


def test_map_met_een_slecht_bestand_is_een_invoerfout(pz, tmp_path):
    for p in GROEPEN.glob("*.yaml"):
        (tmp_path / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "kapot.yaml").write_text("soort: trekkersgroep\nnaam: x\nleden: []\nniveau: landelijk\n", encoding="utf-8")
    r = pz("check", tmp_path)
    assert r.exit_code == 2
    assert r.stderr.splitlines() == [f"fout: {tmp_path / 'kapot.yaml'}:4: niveau: onbekende waarde 'landelijk'; "
                                     "verwacht een van consortium, netwerk, regio"]


def test_alle_voorbeelden_zijn_geldige_invoer(pz):
    """Every bundled example reads without input errors; goed ones pass, fout ones fail."""
    for pad in sorted(VOORBEELDEN.glob("*.yaml")) + [TTL]:
        r = pz("check", pad)
        assert r.exit_code == (1 if "-fout" in pad.name else 0), (pad, r.output)
        assert r.stderr == "", (pad, r.stderr)


def test_echte_cli_zonder_gedeelde_kennisbank(cli):
    """One end-to-end run through the real loader (no shared knowledge base)."""
    r = cli("check", str(GOED), "--format", "json")
    assert r.exit_code == 0 and json.loads(r.stdout)["rapporten"][0]["voldoet"] is True


# -- templates ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("soort", SOORTEN)
def test_sjabloon_van_new_is_geldige_invoer(soort, pz, tmp_path):
    r = pz("new", soort)
    assert r.exit_code == 0
    pad = tmp_path / f"{soort}.yaml"
    pad.write_text(r.stdout, encoding="utf-8")
    c = pz("check", pad)
    assert c.exit_code in (0, 1), c.output
    assert c.stderr == "" and "Traceback" not in c.output
    assert f"({soort}) — {pad}" in c.stdout


@pytest.mark.parametrize("soort", SOORTEN)
def test_sjabloon_naar_bestand_en_in_het_engels(soort, pz, tmp_path):
    pad = tmp_path / f"{soort}.yaml"
    assert pz("--taal", "en", "new", soort, "-o", pad).exit_code == 0
    assert pz("check", pad).exit_code in (0, 1)


def test_elke_soort_heeft_een_goed_en_een_fout_voorbeeld():
    for soort in SOORTEN:
        assert (VOORBEELDEN / f"{soort}-goed.yaml").is_file() and (VOORBEELDEN / f"{soort}-fout.yaml").is_file()
    assert (WORTEL / "examples" / "trekkersgroep-goed.ttl").is_file()


def test_pzgraph_check_is_en_blijft_de_functie():
    import subprocess
    import sys

    # the CLI imports the submodules first; the package attributes must stay the functions
    code = ("import pzgraph.cli, pzgraph.controle, pzgraph.advies, pzgraph\n"
            "assert callable(pzgraph.check), pzgraph.check\n"
            "assert callable(pzgraph.recommend), pzgraph.recommend\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=WORTEL, timeout=60)
    assert r.returncode == 0, r.stderr
