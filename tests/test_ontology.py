"""The ontology: every term labelled in Dutch and English, defined in Dutch, sourced; the
required classes, roles, forms and concept schemes are there with the counts the seeds give."""

from __future__ import annotations

from collections import Counter

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from conftest import SEEDS

PZ = "https://w3id.org/pzgraph/def#"
SOORTEN = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
           OWL.NamedIndividual, SKOS.ConceptScheme, SKOS.Concept)


@pytest.fixture(scope="module")
def onto() -> Graph:
    from pzgraph.resources import bestanden

    g = Graph()
    for pad in bestanden("ontology", "*.ttl"):
        g.parse(pad, format="turtle")
    return g


def pz(naam: str) -> URIRef:
    return URIRef(PZ + naam)


def termen(g: Graph) -> list[URIRef]:
    return sorted({s for t in SOORTEN for s in g.subjects(RDF.type, t)
                   if isinstance(s, URIRef) and str(s).startswith(PZ)})


def test_er_zijn_veel_termen(onto):
    assert len(termen(onto)) > 150


def test_elke_term_heeft_nl_en_label_definitie_en_bron(onto):
    gebreken = []
    for term in termen(onto):
        talen = Counter(l.language for l in onto.objects(term, RDFS.label) if isinstance(l, Literal))
        if talen["nl"] != 1 or talen["en"] != 1:
            gebreken.append(f"{term}: labels {dict(talen)}")
        if not any(isinstance(d, Literal) and d.language == "nl" for d in onto.objects(term, SKOS.definition)):
            gebreken.append(f"{term}: geen Nederlandse skos:definition")
        bronnen = [str(b) for b in onto.objects(term, DCTERMS.source)]
        if not bronnen or not any(s in b for b in bronnen for s in SEEDS):
            gebreken.append(f"{term}: dct:source {bronnen}")
    assert gebreken == []


def test_geen_owl_imports(onto):
    assert list(onto.triples((None, OWL.imports, None))) == []


def test_hergebruikt_org_skos_prov_dcterms(onto):
    assert (pz("NetwerkPalliatieveZorg"), RDFS.subClassOf, URIRef("http://www.w3.org/ns/org#OrganizationalCollaboration")) in onto
    assert (pz("Rol"), RDFS.subClassOf, URIRef("http://www.w3.org/ns/org#Role")) in onto
    assert (pz("Plan"), RDFS.subClassOf, URIRef("http://www.w3.org/ns/prov#Plan")) in onto
    assert (pz("Gebied"), RDFS.subClassOf, URIRef("http://www.w3.org/ns/prov#Location")) in onto


VEREISTE_KLASSEN = """ConsortiumPalliatieveZorg NetwerkPalliatieveZorg ExpertisecentrumPalliatieveZorg
LandelijkeOrganisatie LandelijkOverleg ROS Huisartsenorganisatie RegionaleHuisartsenorganisatie Zorggroep
Huisartsenkoepel Zorgverzekeraar Patientenorganisatie ErkendExpertisecentrumZeldzameAandoeningen
EuropeanReferenceNetwork Onderwijsinstelling Onderwijsknooppunt Huisartspraktijk Thuiszorgorganisatie
VVTOrganisatie Hospice Ziekenhuis Apotheek VPTZOrganisatie TrekkersgroepPaTz PaTzGroep Zorgnetwerk Kerngroep
LerendNetwerk Regiotafel Regioplan Transformatieplan Consortiumraad Coordinatieteam PatientenEnNaastenraad
Patientenadviesraad Klankbordgroep Stuurgroep Netwerkoverleg Werkgroep Taakgroep Rol Participatierol
Participatievorm Gemeente Netwerkregio ROSRegio Zorgkantoorregio IZARegio Consortiumregio""".split()


@pytest.mark.parametrize("naam", VEREISTE_KLASSEN)
def test_vereiste_klasse(onto, naam):
    assert (pz(naam), RDF.type, OWL.Class) in onto


VEREISTE_ROLLEN = """netwerkcoordinator patz-ambassadeur ros-adviseur regioadviseur-pznl kaderarts-palliatieve-zorg
consulent-palliatieve-zorg huisarts wijkverpleegkundige beleidsmedewerker-huisartsenorganisatie
projectleider-huisartsenorganisatie apotheker geestelijk-verzorger sociaal-werker vptz-coordinator
medewerker-palliatief-team-ziekenhuis onderwijsambassadeur kartrekker aanjager voorzitter notulist penvoerder
ervaringsdeler""".split()


@pytest.mark.parametrize("naam", VEREISTE_ROLLEN)
def test_rol_met_soort(onto, naam):
    rol = pz("rol-" + naam)
    assert (rol, RDF.type, pz("Rol")) in onto
    soorten = set(onto.objects(rol, pz("rolsoort")))
    assert soorten, f"{naam} heeft geen rolsoort"
    assert soorten <= {pz("rolsoort-praktijk"), pz("rolsoort-beleid"), pz("rolsoort-groepsfunctie")}


def test_praktijk_en_beleid_komen_beide_voor(onto):
    assert pz("rolsoort-praktijk") in set(onto.objects(pz("rol-huisarts"), pz("rolsoort")))
    assert pz("rolsoort-beleid") in set(onto.objects(pz("rol-ros-adviseur"), pz("rolsoort")))


SCHEMAS = {
    "ZorgcontinuumFaseSchema": 4, "LevenspadFaseSchema": 4, "KernthemaSchema": 4,
    "KwaliteitsdocumenttypeSchema": 10, "NiveauSchema": 3, "DisciplineSchema": 3,
    "ParticipatierolSchema": 5, "ParticipatievormSchema": 4,
}


@pytest.mark.parametrize("schema,aantal", SCHEMAS.items())
def test_begrippenschema(onto, schema, aantal):
    assert (pz(schema), RDF.type, SKOS.ConceptScheme) in onto
    leden = set(onto.subjects(SKOS.inScheme, pz(schema)))
    assert len(leden) == aantal


def test_focusgroep_kost_28_uur_in_vijf_posten(onto):
    posten = list(onto.objects(pz("vorm-focusgroep"), pz("tijdsinvesteringspost")))
    assert len(posten) == 5
    assert sum(float(onto.value(p, pz("uren"))) for p in posten) == 28
    assert (pz("vorm-focusgroep"), pz("vraagtParticipatierol"), pz("participatierol-meedenker")) in onto


def test_geografische_lagen_zijn_disjunct(onto):
    lagen = {pz(n) for n in ("Gemeente", "Netwerkregio", "ROSRegio", "Zorgkantoorregio", "IZARegio", "Consortiumregio")}
    gevonden = set()
    for axioma in onto.subjects(RDF.type, OWL.AllDisjointClasses):
        from rdflib.collection import Collection
        gevonden |= set(Collection(onto, onto.value(axioma, OWL.members)))
    assert lagen <= gevonden
    for laag in lagen:
        assert (laag, RDFS.subClassOf, pz("Gebied")) in onto
