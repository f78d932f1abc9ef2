"""The query catalogue (``queries/*.rq``): every file has a complete header with a runnable
``voorbeeld``, every query gives a known answer on the bundled landscape (queries about groups
also on the example groups), a bound IRI parameter really filters, and every query runs on
Oxigraph as well as on rdflib with the same number of rows.

Parameters are bound (rdflib ``initBindings``; Oxigraph ``substitutions=``), never spliced.
"""

from __future__ import annotations

import re
import shlex
from functools import cache
from pathlib import Path

import pytest
from rdflib import RDF, Dataset, Literal, Namespace, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from pzgraph.catalogue import NamedQuery, catalogus, lees_query
from pzgraph.namespaces import PREFIXES, PZ, PZID
from pzgraph.sparql import bereid, voer_uit

WORTEL = Path(__file__).resolve().parent.parent
GROEP = Namespace("https://w3id.org/pzgraph/groep/")
KOPSLEUTELS = ("titel", "title", "beschrijving", "description", "bron", "voorbeeld")
VOORBEELD = re.compile(r"^pzgraph query (?P<id>[a-z0-9-]+)(?P<params>( -p [a-z][A-Za-z]*=\S+)*)$")
GROEPSBESTANDEN = ("examples/groepen", "examples/trekkersgroep-goed.yaml", "examples/participatietraject-goed.yaml")
# three of the five queries that predate this file filter on a parameter they do not project, so
# Oxigraph cannot substitute it (it refuses a substitution for a variable outside the projection)
PARAMETER_NIET_GEPROJECTEERD = {"leemten", "rollen", "participatievormen"}


# -- helpers ---------------------------------------------------------------------------------
def kop(pad: Path) -> dict[str, str]:
    """The ``# sleutel: waarde`` lines before the query (parameters left out)."""
    uit = {}
    for regel in pad.read_text(encoding="utf-8").splitlines():
        if not regel.startswith("#"):
            break
        sleutel, _, waarde = regel[1:].strip().partition(":")
        if sleutel.strip() != "parameter":
            uit[sleutel.strip()] = waarde.strip()
    return uit


def voorbeeld(q: NamedQuery) -> tuple[str, dict[str, str]]:
    m = VOORBEELD.match(kop(q.pad)["voorbeeld"])
    assert m, f"{q.pad.name}: voorbeeld {kop(q.pad)['voorbeeld']!r}"
    woorden = shlex.split(m.group("params"))
    return m.group("id"), dict(w.split("=", 1) for w in woorden if w != "-p")


def projectie(q: NamedQuery) -> set[str]:
    select = re.search(r"SELECT\s+(DISTINCT\s+)?(.*?)\s+WHERE", q.tekst, re.DOTALL).group(2)
    return {v for v in re.findall(r"\?(\w+)", re.sub(r"\(.*?\bAS\s+\?\w+\)", "", select, flags=re.DOTALL))} | \
        set(re.findall(r"\bAS\s+\?(\w+)\)", select))


@cache
def voorbereid(qid: str):
    return bereid(catalogus()[qid].tekst)


def bindingen(kb, q: NamedQuery, params: dict) -> dict:
    soort = {p.naam: p.type for p in q.parameters}
    uit = {}
    for naam, waarde in params.items():
        uit[naam] = kb.iri(waarde) if soort[naam] == "iri" else int(waarde) if soort[naam] == "getal" else str(waarde)
    return uit


_UITKOMSTEN: dict = {}


def draai(kb, ds, qid: str, **params):
    """A catalogue query on ``ds`` (the landscape, or the landscape plus groups), bound the way
    kb.named binds, with the parsed query and the result kept (parsing costs more than running)."""
    sleutel = (id(ds), qid, tuple(sorted(params.items())))
    if sleutel not in _UITKOMSTEN:  # the dataset is kept with its result, so its id is never reused
        _UITKOMSTEN[sleutel] = (ds, voer_uit(ds, voorbereid(qid), bindingen(kb, catalogus()[qid], params)))
    return _UITKOMSTEN[sleutel][1]


def named(kb, qid: str, **params):
    return draai(kb, kb.dataset, qid, **params)


def rijen(resultaat) -> list[dict[str, str | None]]:
    return [{k: None if v is None else str(v) for k, v in d.items()} for d in resultaat.dicts()]


def kort(iri: str | None) -> str | None:
    return None if iri is None else iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def kopie(kb) -> Dataset:
    ds = Dataset(default_union=True)
    for g in kb.dataset.graphs():
        doel = ds.graph(g.identifier)
        doel += g
    return ds


def oxigraph(ds: Dataset):
    ox = pytest.importorskip("pyoxigraph")
    store = ox.Store()
    for g in ds.graphs():
        if len(g) == 0:
            continue
        doel = ox.DefaultGraph() if g.identifier == DATASET_DEFAULT_GRAPH_ID else ox.NamedNode(str(g.identifier))
        store.bulk_load(g.serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES, to_graph=doel)
    return store


def ox_rijen(kb, store, qid: str, **params) -> list[dict[str, str | None]]:
    import pyoxigraph as ox

    q = catalogus()[qid]
    subs = {}
    for naam, waarde in bindingen(kb, q, params).items():
        if isinstance(waarde, URIRef):
            subs[ox.Variable(naam)] = ox.NamedNode(str(waarde))
        elif isinstance(waarde, int):
            subs[ox.Variable(naam)] = ox.Literal(str(waarde), datatype=ox.NamedNode(str(Literal(1).datatype)))
        else:
            subs[ox.Variable(naam)] = ox.Literal(waarde)
    voorvoegsels = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())
    res = store.query(voorvoegsels + q.tekst, use_default_graph_as_union=True, substitutions=subs)
    namen = [v.value for v in res.variables]
    return [{n: None if s[n] is None else s[n].value for n in namen} for s in res]


# -- fixtures --------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def groepen(kb):
    from pzgraph.groups import lees_groepen

    return [g for pad in GROEPSBESTANDEN for g in lees_groepen(WORTEL / pad, kb)]


@pytest.fixture(scope="module")
def ds_groepen(kb, groepen):
    """The landscape plus the example groups, each in its own graph; the personal data (names,
    e-mail) in a graph of its own too, so that a query that leaked it would show it."""
    ds = kopie(kb)
    for g in groepen:
        graaf, personen = ds.graph(URIRef(str(g.iri) + "#graaf")), ds.graph(URIRef(str(g.iri) + "#personen"))
        graaf += g.graaf
        personen += g.personen
    return ds


@pytest.fixture(scope="module")
def ox_landschap(kb):
    return oxigraph(kb.dataset)


@pytest.fixture(scope="module")
def ox_groepen(ds_groepen):
    return oxigraph(ds_groepen)


# -- the files -------------------------------------------------------------------------------
def test_catalogus_heeft_minstens_17_queries():
    assert len(catalogus()) >= 17


@pytest.mark.parametrize("pad", sorted((WORTEL / "queries").glob("*.rq")), ids=lambda p: p.stem)
def test_bestand_leest_en_heeft_volledige_kop(pad):
    q = lees_query(pad)  # raises on a malformed header
    velden = kop(pad)
    for sleutel in KOPSLEUTELS:
        assert velden.get(sleutel), f"{pad.name}: # {sleutel}: ontbreekt of is leeg"
    assert "seed:" in q.bron or "domain-facts" in q.bron or "landscape-gaps" in q.bron
    assert not re.search(r"^\s*PREFIX", q.tekst, re.MULTILINE | re.IGNORECASE), "prefixes are predeclared"
    voorbereid(pad.stem)


@pytest.mark.parametrize("qid", sorted(catalogus()))
def test_voorbeeld_noemt_de_eigen_query_en_bekende_parameters(qid):
    q = catalogus()[qid]
    vid, params = voorbeeld(q)
    assert vid == q.pad.stem == qid
    bekend = {p.naam for p in q.parameters}
    assert set(params) <= bekend
    assert {p.naam for p in q.parameters if p.verplicht} <= set(params)


@pytest.mark.parametrize("qid", sorted(catalogus()))
def test_voorbeeld_draait(kb, qid):
    _, params = voorbeeld(catalogus()[qid])
    r = named(kb, qid, **params)
    if qid != "groepen-zonder-rol":  # needs groups with members; the bare landscape has none
        assert len(r) >= 1


@pytest.mark.parametrize("qid", sorted(set(catalogus()) - PARAMETER_NIET_GEPROJECTEERD))
def test_parameters_staan_in_de_projectie(qid):
    """So that Oxigraph can substitute them (it refuses variables outside the projection)."""
    q = catalogus()[qid]
    assert {p.naam for p in q.parameters} <= projectie(q)


def test_elke_query_heeft_een_test_met_bekend_antwoord():
    namen = set(globals())
    ontbreekt = [qid for qid in catalogus() if "test_" + qid.replace("-", "_") not in namen]
    assert not ontbreekt


def _met_optionele_iri() -> list[str]:
    return sorted(qid for qid, q in catalogus().items()
                  if any(p.type == "iri" and not p.verplicht and p.naam in voorbeeld(q)[1] for p in q.parameters))


@pytest.mark.parametrize("qid", _met_optionele_iri())
def test_iri_parameter_filtert_echt(kb, qid):
    _, params = voorbeeld(catalogus()[qid])
    # the example of tafels-die-overlappen (Noordwest Veluwe) happens to touch every table and plan
    params = {"organisatie": "consortium-septet"} if qid == "tafels-die-overlappen" else params
    alles = named(kb, qid)
    gefilterd = named(kb, qid, **params)
    assert 1 <= len(gefilterd) < len(alles)


# -- known answers on the bundled landscape --------------------------------------------------
def test_consortia(kb):
    r = {d["id"]: d for d in rijen(named(kb, "consortia"))}
    assert len(r) == 7
    assert (r["consortium-septet"]["aantalVolgensBron"], r["consortium-septet"]["aantalBekend"]) == ("7", "4")
    assert (r["consortium-ligare"]["aantalVolgensBron"], r["consortium-ligare"]["aantalBekend"]) == ("18", "12")


def test_leemten(kb):
    alle = named(kb, "leemten")
    septet = named(kb, "leemten", betreft="consortium-septet")
    assert len(alle) == 32
    assert "leemte-netwerken-septet-naamloos" in septet.waarden("id")
    assert set(septet.waarden("over")) == {str(PZID["consortium-septet"])}


def test_netwerken_per_consortium(kb):
    assert len(named(kb, "netwerken-per-consortium")) == 49
    septet = {d["id"]: d for d in rijen(named(kb, "netwerken-per-consortium", consortium="Septet"))}
    assert set(septet) == {"npz-eemland", "npz-utrecht-stad", "npz-zuidoost-utrecht", "npz-noordwest-veluwe"}
    assert septet["npz-eemland"]["gemeenten"] == "9"


def test_participatievormen(kb):
    nl = {kort(d["vorm"]): d for d in rijen(named(kb, "participatievormen"))}
    en = {kort(d["vorm"]): d for d in rijen(named(kb, "participatievormen", taal="en"))}
    assert set(nl) == set(en) == {"vorm-enquete", "vorm-dialoogbijeenkomst", "vorm-focusgroep", "vorm-vaste-groep-ervaringsdelers"}
    assert nl["vorm-dialoogbijeenkomst"]["rollen"] == "meedenker" and nl["vorm-dialoogbijeenkomst"]["uren"] == "28"
    assert en["vorm-dialoogbijeenkomst"]["naam"] == "dialogue meeting"


def test_rollen(kb):
    nl = rijen(named(kb, "rollen"))
    assert len(nl) >= 25
    assert str(PZ["rol-ros-adviseur"]) in {d["rol"] for d in nl}
    assert len(named(kb, "rollen", taal="en")) == len(nl)


def test_netwerken_zonder_trekkersgroep(kb):
    ligare = set(named(kb, "netwerken-zonder-trekkersgroep", consortium="consortium-ligare").waarden("id"))
    friesland = {"npz-noordoost-friesland", "npz-noordwest-friesland", "npz-zuidoost-friesland", "npz-zuid-friesland",
                 "npz-zuidwest-friesland"}
    twente = {"npz-midden-twente", "npz-noordwest-twente", "npz-enschede-haaksbergen-noord-oost-twente"}
    assert friesland <= ligare and not twente & ligare  # Twente has the trekkersgroep PaTz Twente as members
    assert len(ligare) == 9
    # Septet has a consortium-level taakgroep; Rotterdam and Zuid-Holland Noord have one embedded
    alle = set(named(kb, "netwerken-zonder-trekkersgroep").waarden("id"))
    assert not {"npz-eemland", "npz-utrecht-stad", "npz-rotterdam-en-omstreken", "npz-zuid-holland-noord"} & alle
    assert {"npz-midden-holland", "npz-zeeland", "npz-almere"} <= alle


def test_netwerken_zonder_trekkersgroep_ziet_groepen_in_werkgebied_en_gemeente(kb):
    ds = kopie(kb)
    g = ds.graph(URIRef("urn:test:groepen"))
    g.add((GROEP["patz-salland"], PZ.werkgebied, PZID["gebied-npz-salland"]))  # a PaTz group in the network's area
    g.add((GROEP["patz-salland"], RDF.type, PZ.PaTzGroep))
    g.add((GROEP["patz-diemen"], PZ.werkgebied, PZID["GM0384"]))  # one in a gemeente of Amsterdam/Diemen
    g.add((GROEP["patz-diemen"], RDF.type, PZ.PaTzGroep))
    ids = set(draai(kb, ds, "netwerken-zonder-trekkersgroep").waarden("id"))
    assert "npz-salland" not in ids and "npz-amsterdam-diemen" not in ids
    assert "npz-almere" in ids


def test_tafels_die_overlappen(kb):
    nwv = rijen(named(kb, "tafels-die-overlappen", organisatie="npz-noordwest-veluwe"))
    assert {kort(d["tafel"]) for d in nwv} == {"regiotafel-gezond-veluwe", "regioplan-gezond-veluwe",
                                              "transformatieplan-midden-nederland"}
    via_consortium = [d for d in nwv if kort(d["tafel"]) == "transformatieplan-midden-nederland"]
    assert [kort(d["betreft"]) for d in via_consortium] == ["consortium-septet"]
    assert {d["verband"] for d in nwv if kort(d["tafel"]) == "regiotafel-gezond-veluwe"} == {
        "sluit aan bij / ingebed in", "onderdeel sluit aan bij / is ingebed in"}
    septet = named(kb, "tafels-die-overlappen", organisatie="consortium-septet")
    assert {kort(t) for t in septet.waarden("tafel")} == {"transformatieplan-midden-nederland"}
    assert "transformatieplan-drenthe" not in {kort(t) for t in named(kb, "tafels-die-overlappen").waarden("tafel")}


def test_tafels_die_overlappen_via_werkgebied(kb):
    ds = kopie(kb)
    g = ds.graph(URIRef("urn:test:tafel"))
    tafel = PZID["regiotafel-test"]
    g.add((tafel, RDF.type, PZ.Regiotafel))
    g.add((tafel, PZ.werkgebied, PZID["zk-t-gooi"]))  # Almere and Eemnes
    r = rijen(draai(kb, ds, "tafels-die-overlappen", organisatie="npz-almere"))
    assert {(kort(d["betreft"]), d["verband"]) for d in r if kort(d["tafel"]) == "regiotafel-test"} == {
        ("npz-almere", "werkgebieden delen gemeenten")}


def test_gemeenten_van_netwerk(kb):
    eemland = {d["naam"]: d for d in rijen(named(kb, "gemeenten-van-netwerk", netwerk="npz-eemland"))}
    assert len(eemland) == 9
    assert {n for n, d in eemland.items() if d["deels"] == "true"} == {"Barneveld", "Nijkerk"}
    assert eemland["Amersfoort"]["code"] == "GM0307" and eemland["Amersfoort"]["veiligheidsregio"] == "Utrecht"
    assert len(named(kb, "gemeenten-van-netwerk", netwerk="consortium-septet")) == 15  # 9 + 1 + 5
    assert len(named(kb, "gemeenten-van-netwerk", netwerk="gebied-ros-elann")) == 10
    assert len(named(kb, "gemeenten-van-netwerk", netwerk="npz-salland")) == 0  # unknown, see leemten


def test_netwerken_van_gemeente(kb):
    (barneveld,) = rijen(named(kb, "netwerken-van-gemeente", gemeente="Barneveld"))
    assert (kort(barneveld["netwerk"]), barneveld["deels"], kort(barneveld["consortium"])) == (
        "npz-eemland", "true", "consortium-septet")
    (amsterdam,) = rijen(named(kb, "netwerken-van-gemeente", gemeente="GM0363"))
    assert (kort(amsterdam["netwerk"]), amsterdam["deels"]) == ("npz-amsterdam-diemen", "false")
    (groningen,) = rijen(named(kb, "netwerken-van-gemeente", gemeente="GM0014"))
    assert groningen["gemeenteNaam"] == "Groningen" and groningen["netwerk"] is None


def test_gebieden_van_gemeente(kb):
    almere = {d["soort"]: d for d in rijen(named(kb, "gebieden-van-gemeente", gemeente="GM0034"))}
    assert set(almere) == {"netwerkregio", "ROS-regio", "zorgkantoorregio", "veiligheidsregio"}
    assert kort(almere["netwerkregio"]["organisatie"]) == "npz-almere"
    assert kort(almere["ROS-regio"]["organisatie"]) == "ros-elaa"
    assert kort(almere["zorgkantoorregio"]["gebied"]) == "zk-t-gooi"
    assert almere["veiligheidsregio"]["gebiedNaam"] == "Flevoland"


def test_overlap_werkgebieden(kb):
    paren = rijen(named(kb, "overlap-werkgebieden"))
    sleutels = {frozenset((kort(d["a"]), kort(d["b"]))) for d in paren}
    assert len(paren) == len(sleutels) == 5  # every pair once
    assert frozenset(("gebied-npz-eemland", "zk-t-gooi")) in sleutels
    almere = rijen(named(kb, "overlap-werkgebieden", gebied="npz-almere"))
    assert {kort(d["b"]) for d in almere} == {"gebied-ros-elaa", "zk-t-gooi"}
    assert {kort(d["a"]) for d in almere} == {"gebied-npz-almere"}
    (eemland,) = rijen(named(kb, "overlap-werkgebieden", gebied="gebied-npz-eemland"))
    assert (eemland["gedeeld"], eemland["gemeenten"], eemland["volgensBron"]) == ("1", "Eemnes", "false")


def test_ros_per_consortium(kb):
    (septet,) = rijen(named(kb, "ros-per-consortium", consortium="consortium-septet"))
    assert (kort(septet["ros"]), septet["volgensBron"], septet["zekerheid"]) == ("ros-raedelijn", "true", "hoog (H)")
    ligare = rijen(named(kb, "ros-per-consortium", consortium="consortium-ligare"))
    assert {kort(d["ros"]) for d in ligare} == {"ros-elann", "ros-friesland", "ros-proscoop"}
    assert {d["zekerheid"] for d in ligare} == {"laag (L)"}
    (nhf,) = rijen(named(kb, "ros-per-consortium", consortium="consortium-nhf"))
    assert (kort(nhf["ros"]), nhf["volgensBron"], nhf["gedeeldeGemeenten"]) == ("ros-elaa", "false", "2")
    (palzo,) = rijen(named(kb, "ros-per-consortium", consortium="consortium-palzo"))
    assert palzo["ros"] is None


def test_structuur_netwerk(kb):
    nwv = rijen(named(kb, "structuur-netwerk", organisatie="npz-noordwest-veluwe"))
    per = {}
    for d in nwv:
        per.setdefault(d["relatie"], set()).add(kort(d["onderdeel"]))
    assert per["onderdeel"] == {"stuurgroep-npz-noordwest-veluwe", "netwerkoverleg-npz-noordwest-veluwe",
                                "werkgroep-deskundigheidsbevordering-npz-noordwest-veluwe",
                                "lerend-netwerk-npz-noordwest-veluwe", "bestuurlijk-overleg-npz-noordwest-veluwe"}
    assert per["penvoerder"] == {"stichting-palliatieve-zorg-veluwe"}
    assert per["sluit aan bij"] == {"regiotafel-gezond-veluwe"}
    assert {d["urenPerWeek"] for d in nwv if d["relatie"] == "post (functie)"} == {"16", "9"}
    zwn = named(kb, "structuur-netwerk", organisatie="consortium-zwn")
    assert {kort(o) for o, rel in zip(zwn.waarden("onderdeel"), zwn.waarden("relatie")) if rel == "onderdeel"} == {
        "consortiumraad-zwn", "coordinatieteam-zwn", "patientenadviesraad-zwn", "onderwijsknooppunt-zwn"}


def test_organisaties_per_soort(kb):
    r = {kort(d["soort"]): d for d in rijen(named(kb, "organisaties-per-soort"))}
    assert r["NetwerkPalliatieveZorg"]["aantal"] == "49"
    assert r["ConsortiumPalliatieveZorg"]["aantal"] == "7"
    assert r["ROS"]["aantal"] == "12"
    assert r["ExpertisecentrumPalliatieveZorg"]["aantal"] == "7"
    assert r["Zorgverzekeraar"]["name"] == "health insurer"


def test_consortium_partners(kb):
    r = {d["id"]: d for d in rijen(named(kb, "consortium-partners", consortium="Propallia"))}
    assert len(r) == 10
    assert r["zorgbelang-zuid-holland"]["soort"] == "patiëntenorganisatie"
    assert r["epz-lumc"]["soort"] == "expertisecentrum palliatieve zorg"
    assert sum(d["soort"] == "netwerk palliatieve zorg" for d in r.values()) == 4


def test_participatie_in_consortium(kb):
    r = rijen(named(kb, "participatie-in-consortium"))
    per = {kort(d["consortium"]): (kort(d["betrokkene"]), d["verband"]) for d in r}
    assert per["consortium-septet"] == ("patienten-en-naastenraad-septet", "orgaan")
    assert per["consortium-zwn"] == ("patientenadviesraad-zwn", "orgaan")
    assert per["consortium-palzo"] == ("klankbordgroep-palzo", "orgaan")
    assert per["consortium-propallia"] == ("zorgbelang-zuid-holland", "partner")
    assert per["consortium-ligare"] == (None, None)  # nothing known: listed empty


def test_bronnen(kb):
    r = rijen(named(kb, "bronnen"))
    bronvermeldingen = set(kb.dataset.subjects(RDF.type, PZ.Bronvermelding))
    assert len(r) == len(bronvermeldingen)
    assert sum(int(d["feiten"]) for d in r) == sum(len(kb.dataset.graph(g)) for g in bronvermeldingen)
    seed4 = rijen(named(kb, "bronnen", bevat="SEED:004"))
    assert seed4 and all("seed:004" in d["bron"] for d in seed4)
    laag = rijen(named(kb, "bronnen", zekerheid="L"))
    assert laag and {d["zekerheid"] for d in laag} == {"L"}
    assert "seed:001 ; domain-facts §3" in {d["bron"] for d in laag}


def test_kernthemas_van_plannen(kb):
    r = rijen(named(kb, "kernthemas-van-plannen"))
    assert {kort(d["kernthema"]) for d in r} == {"kernthema-markering", "kernthema-proactieve-zorgplanning",
                                                  "kernthema-transmurale-coordinatie-en-continuiteit",
                                                  "kernthema-ondersteuning-complexe-casuistiek"}
    assert {kort(d["plan"]) for d in r} == {"transformatieplan-midden-nederland", "meerjarenplan-npz-noordwest-veluwe-2025-2027"}
    assert len(r) == 8
    tp = next(d for d in r if kort(d["plan"]) == "transformatieplan-midden-nederland")
    assert set(tp["van"].split(", ")) == {"Consortium Septet", "Palliatieve Zorg Nederland"}


def test_leemten_per_consortium(kb):
    r = {kort(d["consortium"]): d for d in rijen(named(kb, "leemten-per-consortium"))}
    for cid, (bron, naam, zonder) in {"consortium-nhf": ("10", "5", "5"), "consortium-septet": ("7", "4", "3"),
                                      "consortium-ligare": ("18", "12", "6"), "consortium-palzo": ("10", "10", "0")}.items():
        assert (r[cid]["volgensBron"], r[cid]["metNaam"], r[cid]["zonderNaam"]) == (bron, naam, zonder)
    assert r["consortium-septet"]["zonderGemeenten"] == "1"  # Noordwest Veluwe
    assert int(r["consortium-nhf"]["leemten"]) >= 4


def test_trekkersgroepen(kb):
    r = rijen(named(kb, "trekkersgroepen"))
    assert {(kort(d["consortium"]), kort(d["groep"])) for d in r} == {
        ("consortium-ligare", "trekkersgroep-patz-twente"), ("consortium-zwn", "trekkersgroep-patz-rotterdam-en-omstreken"),
        ("consortium-propallia", "trekkersgroep-patz-zuid-holland-noord"), ("consortium-septet", "taakgroep-patz-septet")}
    assert {d["niveau"] for d in r if kort(d["groep"]) == "taakgroep-patz-septet"} == {"consortiumniveau"}


# -- known answers with the example groups loaded --------------------------------------------
def test_groepen_zonder_rol(kb, ds_groepen):
    geen_ros = {d["id"]: d for d in rijen(draai(kb, ds_groepen, "groepen-zonder-rol", rol="ros-adviseur"))}
    assert set(geen_ros) == {"trekkersgroep-utrecht", "patz-voorbeeldwijk-zuidoost", "dialoog-meerjarenbeleid-almere"}
    (utrecht,) = rijen(draai(kb, ds_groepen, "groepen-zonder-rol", rol="ros-adviseur", soort="trekkersgroep"))
    assert (utrecht["id"], utrecht["leden"], utrecht["soort"]) == ("trekkersgroep-utrecht", "3", "trekkersgroep")
    geen_pznl = set(draai(kb, ds_groepen, "groepen-zonder-rol", rol="regioadviseur-pznl", soort="trekkersgroep").waarden("id"))
    assert geen_pznl == {"trekkersgroep-utrecht", "trekkersgroep-eemland"}
    assert len(draai(kb, ds_groepen, "groepen-zonder-rol", rol="ros-adviseurr")) == 0  # unknown role: no rows
    assert len(named(kb, "groepen-zonder-rol", rol="ros-adviseur")) == 0  # no group with members in the landscape


def test_rolhouders(kb, ds_groepen):
    ros = rijen(draai(kb, ds_groepen, "rolhouders", rol="ros-adviseur"))
    assert {(d["groep"], kort(d["organisatie"]), d["aantal"]) for d in ros} == {
        ("taakgroep-patz-septet", "ros-raedelijn", "1"), ("trekkersgroep-eemland", "ros-raedelijn", "1")}
    patz = {d["rolId"]: d for d in rijen(draai(kb, ds_groepen, "rolhouders", groep="patz-voorbeeldwijk-zuidoost"))}
    assert patz["huisarts"]["aantal"] == "6"
    assert set(patz["huisarts"]["sleutels"].split(", ")) == {f"ha{i}" for i in range(1, 7)}
    (post,) = rijen(named(kb, "rolhouders", rol="netwerkcoordinator"))  # the landscape: a post, no person
    assert (post["groep"], post["via"], post["sleutels"]) == (
        "npz-noordwest-veluwe", "post", "post-netwerkcoordinator-npz-noordwest-veluwe")


def test_rolhouders_noemt_geen_personen(kb, groepen, ds_groepen):
    persoonlijk = {str(o) for g in groepen for o in g.personen.objects()}
    assert "Voorbeeldpersoon A" in persoonlijk  # the example has a name and an e-mail address ...
    waarden = {v for d in rijen(draai(kb, ds_groepen, "rolhouders")) for v in d.values() if v}
    assert not persoonlijk & waarden  # ... which never come out
    assert not any("@" in v for v in waarden)


def test_trekkersgroepen_met_groepen(kb, ds_groepen):
    septet = rijen(draai(kb, ds_groepen, "trekkersgroepen", consortium="consortium-septet"))
    groepen = {d["groep"] for d in septet}
    assert {str(GROEP["trekkersgroep-eemland"]), str(GROEP["trekkersgroep-utrecht"]), str(GROEP["taakgroep-patz-septet"]),
            str(PZID["taakgroep-patz-septet"])} == groepen
    assert {d["niveau"] for d in septet if d["groep"] == str(GROEP["trekkersgroep-utrecht"])} == {"regionaal niveau"}


def test_participatie_in_consortium_met_traject(kb, ds_groepen):
    nhf = rijen(draai(kb, ds_groepen, "participatie-in-consortium", consortium="consortium-nhf"))
    assert [(kort(d["betrokkene"]), d["verband"], d["vorm"]) for d in nhf] == [
        ("dialoog-meerjarenbeleid-almere", "participatietraject", "dialoogbijeenkomst")]


# -- Oxigraph ----------------------------------------------------------------------------------
def _ox_params(q: NamedQuery) -> dict[str, str]:
    _, params = voorbeeld(q)
    return {} if q.id in PARAMETER_NIET_GEPROJECTEERD else params


@pytest.mark.parametrize("qid", sorted(catalogus()))
def test_draait_op_oxigraph_met_evenveel_rijen(kb, ox_landschap, qid):
    q = catalogus()[qid]
    params = _ox_params(q)
    if any(p.verplicht and p.naam not in params for p in q.parameters):
        pytest.skip("a required parameter Oxigraph cannot substitute")
    assert len(ox_rijen(kb, ox_landschap, qid, **params)) == len(named(kb, qid, **params))


@pytest.mark.parametrize("qid,params", [
    ("groepen-zonder-rol", {"rol": "ros-adviseur"}),
    ("rolhouders", {}),
    ("rolhouders", {"rol": "netwerkcoordinator"}),
    ("trekkersgroepen", {"consortium": "consortium-septet"}),
    ("netwerken-zonder-trekkersgroep", {}),
    ("participatie-in-consortium", {}),
])
def test_oxigraph_en_rdflib_geven_hetzelfde_met_groepen(kb, ds_groepen, ox_groepen, qid, params):
    def sleutel(d):  # GROUP_CONCAT has no defined order
        return tuple(sorted((k, ", ".join(sorted(v.split(", "))) if v else "") for k, v in d.items()))

    rdf = sorted(map(sleutel, rijen(draai(kb, ds_groepen, qid, **params))))
    ox = sorted(map(sleutel, ox_rijen(kb, ox_groepen, qid, **params)))
    assert ox == rdf and rdf


def test_kb_named_bindt_zoals_de_tests(kb):
    assert kb.named("netwerken-zonder-trekkersgroep", consortium="Ligare").rijen == \
        named(kb, "netwerken-zonder-trekkersgroep", consortium="consortium-ligare").rijen


def test_voorbeeld_via_de_opdrachtregel(cli):
    uit = cli("query", "netwerken-zonder-trekkersgroep", "-p", "consortium=consortium-ligare", "--format", "csv")
    assert uit.exit_code == 0
    assert "npz-salland" in uit.output and "npz-midden-twente" not in uit.output


def test_oxigraph_filtert_op_gebonden_iri(kb, ox_landschap):
    ligare = ox_rijen(kb, ox_landschap, "netwerken-zonder-trekkersgroep", consortium="consortium-ligare")
    assert len(ligare) == 9 and {d["consortium"] for d in ligare} == {str(PZID["consortium-ligare"])}
    (barneveld,) = ox_rijen(kb, ox_landschap, "netwerken-van-gemeente", gemeente="GM0203")
    assert barneveld["deels"] == "true"
