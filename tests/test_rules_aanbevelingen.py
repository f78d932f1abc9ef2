"""Every recommendation rule fires where it must (with the expected candidate and a reason that names
the facts) and stays silent where it must not; the Septet and Twente situations of seed:001 §2.2;
the effect of a partner on the check."""

from __future__ import annotations

from pathlib import Path

import pytest

import pzgraph

WORTEL = Path(__file__).resolve().parent.parent
VB = WORTEL / "examples" / "aanbevelingen"


@pytest.fixture(scope="module")
def kb():
    return pzgraph.load()


@pytest.fixture(scope="module")
def advies(kb):
    """The recommendations for one example (or a variant written to a temporary file), cached."""
    cache: dict[tuple[str, bool], list] = {}

    def voor(pad: str | Path, effect: bool = False, groep: str | None = None):
        pad = Path(pad)
        if not pad.is_absolute():
            pad = VB / pad if (VB / pad).exists() else WORTEL / "examples" / pad
        sleutel = (str(pad), effect)
        if sleutel not in cache:
            cache[sleutel] = pzgraph.recommend(pad, kb=kb, met_effect=effect)
        adviezen = cache[sleutel]
        if groep is None:
            assert len(adviezen) == 1
            return adviezen[0]
        return next(a for a in adviezen if a.groep == groep)

    return voor


@pytest.fixture
def variant(tmp_path):
    """A copy of an example with some text replaced, as a new file."""
    def maak(naam: str, *vervangingen: tuple[str, str], bestand: str | None = None) -> Path:
        tekst = ((VB / naam) if (VB / naam).exists() else WORTEL / "examples" / naam).read_text(encoding="utf-8")
        for oud, nieuw in vervangingen:
            assert oud in tekst, oud
            tekst = tekst.replace(oud, nieuw)
        pad = tmp_path / (bestand or naam)
        pad.write_text(tekst, encoding="utf-8")
        return pad
    return maak


def van(advies_, regel: str) -> list:
    return [a for a in advies_.aanbevelingen if a.regel == regel]


def een(advies_, regel: str, kandidaat: str | None = "*"):
    treffers = [a for a in van(advies_, regel) if kandidaat == "*" or a.kandidaat == kandidaat]
    assert len(treffers) == 1, [(a.regel, a.kandidaat) for a in advies_.aanbevelingen]
    a = treffers[0]
    assert a.reden.nl and a.reden.en and a.reden.nl != a.reden.en
    assert a.bron.startswith("seed:") and a.soort
    return a


def kandidaten(advies_, regel: str) -> set:
    return {a.kandidaat for a in van(advies_, regel)}


# --------------------------------------------------------------------------------------------
# seed:001 §2.2: Septet (consortium level) and Twente within Ligare (regional level)
# --------------------------------------------------------------------------------------------

def test_septet_raedelijn_als_ros_partner(advies):
    a = advies("septet-taakgroep.yaml")
    ros = een(a, "R-PARTNER-ROS")
    assert ros.kandidaat == "ros-raedelijn" and ros.voorgestelde_rol == "rol-ros-adviseur"
    assert "Raedelijn" in ros.reden.nl and "Consortium Septet" in ros.reden.nl and "seed:001 §2.2" in ros.reden.nl
    assert "Raedelijn" in ros.reden.en and "overlaps" in ros.reden.en
    assert {"pzid:ros-raedelijn", "pzid:gebied-ros-raedelijn", "pzid:consortium-septet"} <= set(ros.feiten)
    assert ros.score == 1.0  # a stated overlap, no shared gemeente


def test_septet_regioadviseur_pznl(advies):
    r = een(advies("septet-taakgroep.yaml"), "R-PARTNER-REGIOADVISEUR")
    assert r.kandidaat == "pznl" and r.voorgestelde_rol == "rol-regioadviseur-pznl"
    assert "PZNL heeft per consortium een regioadviseur" in r.reden.nl and "Consortium Septet" in r.reden.nl


def test_septet_consortiumniveau_past(advies):
    a = advies("septet-taakgroep.yaml")
    n = een(a, "R-NIVEAU-CONSORTIUM")
    assert "1 ROS-regio (Raedelijn)" in n.reden.nl and "1 bekende preferente zorgverzekeraar (Zilveren Kruis)" in n.reden.nl
    assert "past" in n.reden.nl and "consortium level fits" in n.reden.en
    assert "pzid:zilveren-kruis" in n.feiten and "pzid:gebied-ros-raedelijn" in n.feiten
    assert not van(a, "R-NIVEAU-REGIO")


def test_septet_dubbel_met_de_taakgroep_patz(advies):
    d = een(advies("septet-taakgroep.yaml"), "R-DUBBEL")
    assert d.kandidaat == "taakgroep-patz-septet" and "Taakgroep PaTz Septet" in d.reden.nl
    assert "dubbel werk" in d.reden.nl and "Consortium Septet" in d.reden.nl


def test_twente_regionaal_niveau(advies):
    a = advies("twente.yaml")
    n = een(a, "R-NIVEAU-REGIO")
    assert "Consortium Ligare" in n.reden.nl and "3 ROS-regio's (ELANN, Proscoop, ROS Friesland)" in n.reden.nl
    assert "regionaal niveau" in n.reden.nl and "Twente" in n.reden.nl and n.score == 3.0
    assert not van(a, "R-NIVEAU-CONSORTIUM")


def test_twente_dubbel_met_de_trekkersgroep_twente(advies):
    d = een(advies("twente.yaml"), "R-DUBBEL")
    assert d.kandidaat == "trekkersgroep-patz-twente" and d.score == 3.0  # three shared networks
    for netwerk in ("Midden Twente", "Noordwest Twente", "Enschede, Haaksbergen en Noord Oost Twente"):
        assert netwerk in d.reden.nl


def test_twente_ros_van_ligare(advies):
    assert kandidaten(advies("twente.yaml"), "R-PARTNER-ROS") == {"ros-elann", "ros-friesland", "ros-proscoop"}


# --------------------------------------------------------------------------------------------
# partner
# --------------------------------------------------------------------------------------------

def test_ros_via_gedeelde_gemeente(advies, variant):
    pad = variant("flevoland.yaml", ("werkgebied: npz-noord-en-oost-flevoland", "werkgebied: npz-almere"), bestand="almere.yaml")
    r = een(advies(pad), "R-PARTNER-ROS", "ros-elaa")
    assert "deelt 1 gemeente met het werkgebied van de groep (Almere)" in r.reden.nl
    assert "pzid:GM0034" in r.feiten and r.score == 1.0


def test_ros_zwijgt_met_ros_adviseur(advies):
    assert not van(advies("trekkersgroep-goed.yaml"), "R-PARTNER-ROS")
    assert not van(advies("kartrekker-alleen.yaml"), "R-PARTNER-ROS")


def test_huisartsenorganisatie_uit_het_netwerk(advies):
    h = een(advies("flevoland.yaml"), "R-PARTNER-HUISARTSENORGANISATIE", "huisartsencooperatie-flevoland")
    assert h.voorgestelde_rol == "rol-beleidsmedewerker-huisartsenorganisatie"
    assert "Netwerk Palliatieve Zorg Noord- en Oost-Flevoland" in h.reden.nl
    assert "pzid:npz-noord-en-oost-flevoland" in h.feiten


def test_huisartsenorganisatie_zwijgt_met_beleidsmedewerker(advies, variant):
    pad = variant("flevoland.yaml", ("leden:\n", """organisaties:
  - id: rho-test
    soort: RegionaleHuisartsenorganisatie
    naam: Huisartsenorganisatie Test
leden:
  - {sleutel: rho, rol: beleidsmedewerker-huisartsenorganisatie, organisatie: rho-test, uren_per_maand: 2}
"""))
    a = advies(pad)
    assert not van(a, "R-PARTNER-HUISARTSENORGANISATIE") and not van(a, "R-PARTNER-HUISARTSENORGANISATIE-LEEMTE")


def test_leemte_zonder_kandidaat_via_de_ros(advies):
    septet = advies("septet-taakgroep.yaml")
    leemte = een(septet, "R-PARTNER-HUISARTSENORGANISATIE-LEEMTE")
    assert leemte.kandidaat is None and leemte.voorgestelde_rol == "rol-beleidsmedewerker-huisartsenorganisatie"
    assert "kent geen huisartsenorganisatie" in leemte.reden.nl and "Consortiumregio Septet" in leemte.reden.nl
    assert "via de ROS" in leemte.reden.nl
    assert not van(septet, "R-PARTNER-HUISARTSENORGANISATIE")
    # with a ROS adviser in the group the reason points at that person
    assert "via de ROS-adviseur in uw groep" in een(advies("kartrekker-alleen.yaml"), "R-PARTNER-HUISARTSENORGANISATIE-LEEMTE").reden.nl


def test_leemte_zwijgt_als_er_een_kandidaat_is(advies):
    assert not van(advies("flevoland.yaml"), "R-PARTNER-HUISARTSENORGANISATIE-LEEMTE")
    assert not van(advies("trekkersgroep-goed.yaml"), "R-PARTNER-HUISARTSENORGANISATIE-LEEMTE")


def test_regioadviseur_zwijgt(advies):
    assert not van(advies("groepen/taakgroep-patz-septet.yaml"), "R-PARTNER-REGIOADVISEUR")  # has one
    assert not van(advies("noordwest-veluwe.yaml"), "R-PARTNER-REGIOADVISEUR")  # network level


def test_netwerkcoordinator(advies):
    n = een(advies("flevoland.yaml"), "R-PARTNER-NETWERKCOORDINATOR")
    assert n.kandidaat == "npz-noord-en-oost-flevoland" and n.voorgestelde_rol == "rol-netwerkcoordinator" and n.score == 2.0
    assert n.reden.nl.startswith("De netwerkcoördinator van Netwerk Palliatieve Zorg Noord- en Oost-Flevoland")
    assert not van(advies("septet-taakgroep.yaml"), "R-PARTNER-NETWERKCOORDINATOR")


def test_netwerkcoordinator_op_consortiumniveau(advies, variant):
    pad = variant("propallia.yaml", ("    rol: netwerkcoordinator\n    organisatie: npz-zuid-holland-noord", "    rol: voorzitter\n    organisatie: npz-zuid-holland-noord"),
                  ("    rol: netwerkcoordinator\n    organisatie: npz-haaglanden", "    rol: huisarts\n    organisatie: npz-haaglanden"))
    a = advies(pad)
    assert kandidaten(a, "R-PARTNER-NETWERKCOORDINATOR") == {
        "npz-haaglanden", "npz-midden-holland", "npz-westland-schieland-delfland", "npz-zuid-holland-noord"}
    assert all(x.score == 1.0 and "deel van Consortium Propallia" in x.reden.nl for x in van(a, "R-PARTNER-NETWERKCOORDINATOR"))


def test_patz_ambassadeur_via_stichting_patz(advies):
    p = een(advies("flevoland.yaml"), "R-PARTNER-PATZ-AMBASSADEUR")
    assert p.kandidaat == "stichting-patz" and p.voorgestelde_rol is None
    assert "Stichting PaTz kan de verbinding leggen" in p.reden.nl and "aanbeveling 1 en 5" in p.reden.nl
    assert not van(advies("septet-taakgroep.yaml"), "R-PARTNER-PATZ-AMBASSADEUR")


def test_effect_van_een_partner(advies, variant):
    """Adding the proposed ROS adviser meets the precondition 'Relevante partners' (TG-20)."""
    tekst = (WORTEL / "examples" / "trekkersgroep-goed.yaml").read_text(encoding="utf-8")
    zonder_ros_en_rho = tekst[:tekst.index("  - sleutel: ros\n")]  # the ROS adviser and the GP organisation's policy officer leave
    pad = variant("trekkersgroep-goed.yaml", (tekst, zonder_ros_en_rho))
    a = advies(pad, effect=True)
    ros = een(a, "R-PARTNER-ROS", "ros-raedelijn")
    assert ros.opgelost == ("TG-20",)
    assert "'Relevante partners'" in ros.effect.nl and "gehaald" in ros.effect.nl and "TG-20" in ros.effect.nl
    assert "'Relevant partners'" in ros.effect.en
    assert a.aanbevelingen[0] is ros  # the recommendation that solves a finding comes first
    # in the Septet example the ROS adviser resolves TG-20 as well
    septet = een(advies("septet-taakgroep.yaml", effect=True), "R-PARTNER-ROS")
    assert "TG-20" in septet.opgelost and septet.effect is not None


# --------------------------------------------------------------------------------------------
# tafel
# --------------------------------------------------------------------------------------------

def test_regiotafel_gezond_veluwe(advies):
    t = een(advies("noordwest-veluwe.yaml"), "R-TAFEL-REGIOTAFEL")
    assert t.kandidaat == "regiotafel-gezond-veluwe" and t.voorgestelde_inbedding == "regiotafel-gezond-veluwe"
    assert "Netwerk Palliatieve Zorg Noordwest Veluwe" in t.reden.nl and "sluit aan bij deze regiotafel" in t.reden.nl
    assert "pzid:npz-noordwest-veluwe" in t.feiten


def test_regiotafel_zwijgt_als_de_groep_al_is_ingebed(advies, variant):
    pad = variant("noordwest-veluwe.yaml", ("ingebed_in: npz-noordwest-veluwe", "ingebed_in: [npz-noordwest-veluwe, regiotafel-gezond-veluwe]"))
    assert not van(advies(pad), "R-TAFEL-REGIOTAFEL")
    assert not van(advies("septet-taakgroep.yaml"), "R-TAFEL-REGIOTAFEL")


def test_plannen(advies):
    a = advies("noordwest-veluwe.yaml")
    assert kandidaten(a, "R-TAFEL-PLAN") == {"regioplan-gezond-veluwe", "transformatieplan-midden-nederland"}
    regioplan = een(a, "R-TAFEL-PLAN", "regioplan-gezond-veluwe")
    assert "het plan van Gezond Veluwe, waarbij Netwerk Palliatieve Zorg Noordwest Veluwe aansluit" in regioplan.reden.nl
    assert regioplan.voorgestelde_inbedding is None
    tp = een(a, "R-TAFEL-PLAN", "transformatieplan-midden-nederland")
    assert "ondersteund door Consortium Septet" in tp.reden.nl
    assert not van(advies("propallia.yaml"), "R-TAFEL-PLAN")


def test_structuur(advies):
    s = een(advies("flevoland.yaml"), "R-TAFEL-STRUCTUUR")
    assert s.kandidaat == s.voorgestelde_inbedding == "npz-noord-en-oost-flevoland" and s.score == 2.0
    assert "nog niet ingebed" in s.reden.nl and "§2.5" in s.reden.nl
    assert not van(advies("septet-taakgroep.yaml"), "R-TAFEL-STRUCTUUR")


def test_structuur_op_consortiumniveau(advies, variant):
    pad = variant("septet-taakgroep.yaml", ("ingebed_in: consortium-septet\n", ""))
    s = een(advies(pad), "R-TAFEL-STRUCTUUR")
    assert s.kandidaat == "consortium-septet" and "taakgroep PaTz binnen Septet" in s.reden.nl


def test_bestaande_structuren(advies):
    b = een(advies("noordwest-veluwe.yaml"), "R-TAFEL-BESTAAND")
    assert b.kandidaat == "lerend-netwerk-npz-noordwest-veluwe"
    assert "onderdeel van Netwerk Palliatieve Zorg Noordwest Veluwe" in b.reden.nl
    septet = advies("septet-taakgroep.yaml")
    assert kandidaten(septet, "R-TAFEL-BESTAAND") == {"patienten-en-naastenraad-septet"}  # a trekkersgroep: see R-DUBBEL
    assert not van(advies("flevoland.yaml"), "R-TAFEL-BESTAAND")


# --------------------------------------------------------------------------------------------
# dubbel, niveau
# --------------------------------------------------------------------------------------------

def test_dubbel_zwijgt_voor_de_eigen_beschrijving(advies):
    """The Septet task group described in a group file is not its own duplicate."""
    a = advies("groepen/taakgroep-patz-septet.yaml")
    assert "taakgroep-patz-septet" not in kandidaten(a, "R-DUBBEL")
    assert not van(advies("flevoland.yaml"), "R-DUBBEL")


def test_dubbel_tussen_geladen_groepen(advies, variant, tmp_path):
    variant("noordwest-veluwe.yaml", bestand="een.yaml")
    variant("noordwest-veluwe.yaml", ("id: trekkersgroep-noordwest-veluwe-voorstel", "id: trekkersgroep-noordwest-veluwe-tweede"),
            ("naam: Trekkersgroep PaTz Noordwest Veluwe (voorstel)", "naam: Tweede trekkersgroep Noordwest Veluwe"), bestand="twee.yaml")
    a = advies(tmp_path, groep="trekkersgroep-noordwest-veluwe-voorstel")
    d = een(a, "R-DUBBEL")
    assert d.kandidaat == "https://w3id.org/pzgraph/groep/trekkersgroep-noordwest-veluwe-tweede"
    assert "Tweede trekkersgroep Noordwest Veluwe (uit dezelfde invoer) werkt ook in Netwerk Palliatieve Zorg Noordwest Veluwe" in d.reden.nl


def test_niveau_consortium_advies_op_netwerkniveau(advies):
    n = een(advies("trekkersgroep-goed.yaml"), "R-NIVEAU-CONSORTIUM")
    assert "overweeg het consortiumniveau" in n.reden.nl and "netwerkniveau" in n.reden.nl and n.score == 3.0
    assert not van(advies("twente.yaml"), "R-NIVEAU-CONSORTIUM")


def test_niveau_regio_zwijgt_op_regionaal_niveau(advies, variant):
    pad = variant("twente.yaml", ("niveau: consortium", "niveau: regio"))
    assert not van(advies(pad), "R-NIVEAU-REGIO")
    assert not van(advies("septet-taakgroep.yaml"), "R-NIVEAU-REGIO")


# --------------------------------------------------------------------------------------------
# continuiteit, kennismaken, participatie, kerngroep, dekking
# --------------------------------------------------------------------------------------------

def test_kartrekker_enige_houder(advies):
    k = een(advies("kartrekker-alleen.yaml"), "R-CONTINUITEIT-KARTREKKER")
    assert "de kartrekker is de enige houder van de rollen netwerkcoördinator, voorzitter" in k.reden.nl
    assert "network coordinator, chair" in k.reden.en and k.score == 2.0
    assert {"pz:rol-netwerkcoordinator", "pz:rol-voorzitter"} <= set(k.feiten)
    # nc1 shares the role of network coordinator with nc2; amb2 is not the lead
    assert not van(advies("septet-taakgroep.yaml"), "R-CONTINUITEIT-KARTREKKER")


def test_een_organisatie(advies):
    o = een(advies("een-organisatie.yaml"), "R-CONTINUITEIT-ORGANISATIE")
    assert "de rollen netwerkcoördinator, PaTz-ambassadeur worden" in o.reden.nl and "namens Netwerk Palliatieve Zorg Oost-Veluwe" in o.reden.nl
    assert "pzid:npz-oost-veluwe" in o.feiten and o.score == 2.0
    assert not van(advies("kartrekker-alleen.yaml"), "R-CONTINUITEIT-ORGANISATIE")


def test_kennismaken(advies):
    map_ = VB / "kennismaken"
    trekkers = advies(map_, groep="trekkersgroep-eemland-start")
    k = een(trekkers, "R-KENNISMAKEN")
    assert k.kandidaat == "https://w3id.org/pzgraph/groep/patz-groep-voorbeeldkwartier"
    assert k.reden.nl.startswith("De PaTz-ambassadeur van groep PaTz-groep Voorbeeldkwartier (Amersfoort) en de netwerkcoördinator in uw groep")
    assert "hetzelfde netwerk (Netwerk Palliatieve Zorg Eemland)" in k.reden.nl and "leer elkaar kennen" in k.reden.nl
    patz = advies(map_, groep="patz-groep-voorbeeldkwartier")
    assert een(patz, "R-KENNISMAKEN").kandidaat.endswith("/groep/trekkersgroep-eemland-start")
    # one group alone has nobody to meet
    assert not van(advies(map_ / "trekkersgroep-eemland-start.yaml"), "R-KENNISMAKEN")


def test_participatie_keuzehulp(advies):
    a = advies("participatie-meedenker.yaml")
    assert kandidaten(a, "R-PARTICIPATIE-VORM") == {"pz:vorm-dialoogbijeenkomst", "pz:vorm-focusgroep", "pz:vorm-enquete"}
    focus = een(a, "R-PARTICIPATIE-VORM", "pz:vorm-focusgroep")
    assert ("28 uur (opstellen draaiboek en interviewhandleiding 6 + werving deelnemers 2 + uitvoering dialoogbijeenkomst "
            "of focusgroep 8 + analyse resultaten 8 + organisatie en afstemming met deelnemers 4)") in focus.reden.nl
    assert "past binnen de 30 beschikbare uren" in focus.reden.nl and focus.score == 3.0
    enquete = een(a, "R-PARTICIPATIE-VORM", "pz:vorm-enquete")
    assert "geen tijdsinvestering" in enquete.reden.nl and enquete.score < focus.score


def test_participatie_past_niet_en_zwijgt_zonder_rol(advies, variant):
    krap = advies(variant("participatie-meedenker.yaml", ("beschikbare_uren: 30", "beschikbare_uren: 20"), bestand="krap.yaml"))
    f = een(krap, "R-PARTICIPATIE-VORM", "pz:vorm-focusgroep")
    assert "past niet binnen de 20 beschikbare uren: er is 8 uur meer nodig" in f.reden.nl and f.score == 0.0
    zonder = advies(variant("participatie-meedenker.yaml", ("participantrol: meedenker\n", ""), bestand="zonder.yaml"))
    assert not van(zonder, "R-PARTICIPATIE-VORM")
    assert not van(advies("septet-taakgroep.yaml"), "R-PARTICIPATIE-VORM")


def test_kerngroep_ern(advies):
    a = advies("zorgnetwerk-twee-centra.yaml")
    e = een(a, "R-KERNGROEP-ERN")
    assert e.kandidaat.endswith("/groep/zorgnetwerk-voorbeeldziekte-b/organisatie/ec-noord")
    assert "neemt als enige van de 2 erkende expertisecentra" in e.reden.nl and "optie 1" in e.reden.nl
    assert not van(a, "R-KERNGROEP-ONAFHANKELIJK")
    assert not van(advies("zorgnetwerk-goed.yaml"), "R-KERNGROEP-ERN")  # the ERN centre is in the core group


def test_kerngroep_onafhankelijk(advies, variant):
    o = een(advies("zorgnetwerk-gelijke-kandidaten.yaml"), "R-KERNGROEP-ONAFHANKELIJK")
    assert o.kandidaat is None and o.score == 4.0
    assert "2 erkende expertisecentra" in o.reden.nl and "geen aan een ERN" in o.reden.nl and "2 patiëntenorganisaties" in o.reden.nl
    assert "onafhankelijke partij" in o.reden.nl and "roulerend kartrekkerschap" in o.reden.nl
    pad = variant("zorgnetwerk-gelijke-kandidaten.yaml", ("initiatiefnemer: po1\n", "initiatiefnemer: po1\nbesluitvorming: roulerend\n"))
    assert not van(advies(pad), "R-KERNGROEP-ONAFHANKELIJK")


def test_dekking_zwarte_gaten(advies):
    a = advies("propallia.yaml")
    assert kandidaten(a, "R-DEKKING") == {"npz-haaglanden", "npz-midden-holland", "npz-westland-schieland-delfland"}
    h = een(a, "R-DEKKING", "npz-haaglanden")
    assert "zwart gat" in h.reden.nl and "Consortium Propallia" in h.reden.nl and h.score == 1.0
    assert not van(advies("septet-taakgroep.yaml"), "R-DEKKING")  # the Septet task group covers the consortium
