"""Synthetic groups over the bundled landscape, for timing the rules (and later the checks).

    python benchmarks/genereer_groepen.py 10000 > /tmp/groepen-10000.nt

Deterministic (seeded). Every group follows docs/developers/group-model.md: trekkersgroepen
(70%), PaTz-groepen (15%), participatietrajecten (10%) and zorgnetwerken (5%), with 3–9 members
whose roles, organisations and hours vary, and some defects (no ROS-adviseur, no embedding,
a kartrekker holding a role alone, ...), so that every kind of rule has work to do.
"""

from __future__ import annotations

import random
import sys

PZ = "https://w3id.org/pzgraph/def#"
ORG = "http://www.w3.org/ns/org#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
GROEP = "https://w3id.org/pzgraph/groep/"
XSD = "http://www.w3.org/2001/XMLSchema#"
SOORTEN = {"TrekkersgroepPaTz": 0.70, "PaTzGroep": 0.15, "Participatietraject": 0.10, "Zorgnetwerk": 0.05}
ROLLEN = ["netwerkcoordinator", "patz-ambassadeur", "huisarts", "ros-adviseur", "kaderarts-palliatieve-zorg",
          "wijkverpleegkundige", "beleidsmedewerker-huisartsenorganisatie", "consulent-palliatieve-zorg",
          "regioadviseur-pznl", "apotheker", "voorzitter"]


def _iri(x: str) -> str:
    return f"<{x}>"


def _lit(waarde: str, datatype: str = "string") -> str:
    return f'"{waarde}"^^<{XSD}{datatype}>'


def genereer(n: int, kb, seed: int = 2026) -> str:
    """N-Triples text for ``n`` groups over the landscape of ``kb``."""
    from rdflib import URIRef

    rnd = random.Random(seed)
    netwerken = [(str(s), str(a)) for s, a in kb.dataset.subject_objects(URIRef(PZ + "werkgebied"))
                 if (s, URIRef(RDF_TYPE), URIRef(PZ + "NetwerkPalliatieveZorg")) in kb.dataset and str(s).startswith("https://w3id.org/pzgraph/id/")]
    netwerken.sort()
    sup = kb.vocab.superklassen
    regels: list[str] = []

    def typeer(s: str, klasse: str) -> None:
        regels.append(f"{_iri(s)} <{RDF_TYPE}> <{klasse}> .")
        for k in sup.get(URIRef(klasse), ()):
            regels.append(f"{_iri(s)} <{RDF_TYPE}> <{k}> .")

    soorten = list(SOORTEN)
    gewichten = list(SOORTEN.values())
    for i in range(n):
        g = f"{GROEP}bench-{i}"
        soort = rnd.choices(soorten, gewichten)[0]
        typeer(g, PZ + soort)
        regels.append(f'{_iri(g)} <http://purl.org/dc/terms/identifier> "bench-{i}" .')
        netwerk, gebied = rnd.choice(netwerken)
        regels.append(f"{_iri(g)} <{PZ}werkgebied> {_iri(gebied)} .")
        if soort == "TrekkersgroepPaTz":
            regels.append(f"{_iri(g)} <{PZ}niveau> <{PZ}niveau-netwerk> .")
            regels.append(f'{_iri(g)} <{PZ}doelstelling> {_lit("PaTz in de regio")} .')
        if rnd.random() > 0.1:
            regels.append(f"{_iri(g)} <{PZ}ingebedIn> {_iri(netwerk)} .")
        if soort == "Participatietraject":
            regels.append(f"{_iri(g)} <{PZ}participatierol> <{PZ}participatierol-{rnd.choice(['meedenker', 'adviseur'])}> .")
            regels.append(f"{_iri(g)} <{PZ}beschikbareUren> {_lit(str(rnd.choice([10, 30, 60])), 'decimal')} .")
        regels.append(f"{_iri(g)} <{PZ}overlegPerJaar> {_lit(str(rnd.choice([2, 4, 4, 6])), 'decimal')} .")
        for j in range(rnd.randint(3, 9)):
            lid, persoon = f"{g}/lid/l{j}", f"{g}/persoon/l{j}"
            typeer(lid, ORG + "Membership")
            typeer(persoon, PZ + "Persoon")
            regels.append(f"{_iri(lid)} <{ORG}organization> {_iri(g)} .")
            regels.append(f"{_iri(lid)} <{ORG}member> {_iri(persoon)} .")
            rol = ROLLEN[j] if j < 2 and rnd.random() > 0.05 else rnd.choice(ROLLEN)
            regels.append(f"{_iri(lid)} <{ORG}role> <{PZ}rol-{rol}> .")
            if rnd.random() < 0.5:
                org = netwerk
            else:
                org = f"{g}/organisatie/o{j}"
                typeer(org, PZ + rnd.choice(["Huisartspraktijk", "RegionaleHuisartsenorganisatie", "Thuiszorgorganisatie"]))
                regels.append(f"{_iri(g)} <{ORG}hasMember> {_iri(org)} .")
            regels.append(f"{_iri(lid)} <{PZ}namens> {_iri(org)} .")
            regels.append(f"{_iri(lid)} <{PZ}urenPerMaand> {_lit(str(rnd.choice([0, 2, 4, 8])), 'decimal')} .")
            if j == 0:
                regels.append(f"{_iri(g)} <{PZ}kartrekker> {_iri(persoon)} .")
    return "\n".join(regels) + "\n"


if __name__ == "__main__":
    import pzgraph

    sys.stdout.write(genereer(int(sys.argv[1]) if len(sys.argv) > 1 else 1000, pzgraph.load()))
