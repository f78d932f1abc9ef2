"""The query catalogue: named SPARQL queries in ``queries/*.rq`` with a header.

Each file starts with comment lines ``# sleutel: waarde``::

    # titel: Netwerken per consortium
    # title: Networks per consortium
    # beschrijving: Welke Netwerken Palliatieve Zorg horen bij welk consortium.
    # description: Which networks belong to which consortium.
    # parameter: consortium | iri | optioneel | Het consortium (id of naam) | The consortium (id or name)
    # bron: seed:003

The file name (without ``.rq``) is the query's id. Parameters are bound, never spliced.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .errors import InvoerFout, Locatie, Probleem, Tekst, suggesties
from .resources import bestanden

PARAMETERTYPES = ("iri", "tekst", "getal")


@dataclass(frozen=True)
class Parameter:
    naam: str
    type: str
    verplicht: bool
    beschrijving: Tekst


@dataclass(frozen=True)
class NamedQuery:
    id: str
    titel: Tekst
    beschrijving: Tekst
    parameters: tuple[Parameter, ...]
    bron: str
    tekst: str
    pad: Path


def lees_query(pad: Path) -> NamedQuery:
    """Parse one catalogue file; a malformed header is an input error with file:line."""
    tekst = pad.read_text(encoding="utf-8")
    kop: dict[str, str] = {}
    parameters: list[Parameter] = []
    for nummer, regel in enumerate(tekst.splitlines(), start=1):
        if not regel.startswith("#"):
            break
        inhoud = regel[1:].strip()
        if ":" not in inhoud:
            continue
        sleutel, waarde = (d.strip() for d in inhoud.split(":", 1))
        if sleutel == "parameter":
            delen = [d.strip() for d in waarde.split("|")]
            if len(delen) != 5 or delen[1] not in PARAMETERTYPES or delen[2] not in ("verplicht", "optioneel"):
                raise InvoerFout(Probleem(Locatie(str(pad), nummer), Tekst("ongeldige parameterregel", "invalid parameter line"),
                                          Tekst("naam | iri/tekst/getal | verplicht/optioneel | omschrijving | description",
                                                "name | iri/tekst/getal | verplicht/optioneel | omschrijving | description")))
            parameters.append(Parameter(delen[0], delen[1], delen[2] == "verplicht", Tekst(delen[3], delen[4])))
        else:
            kop[sleutel] = waarde
    ontbreekt = [k for k in ("titel", "title", "beschrijving", "description", "bron") if not kop.get(k)]
    if ontbreekt:
        raise InvoerFout(Probleem(Locatie(str(pad), 1), Tekst("kop mist " + ", ".join(ontbreekt),
                                                             "header lacks " + ", ".join(ontbreekt)),
                                  Tekst("# titel:, # title:, # beschrijving:, # description:, # bron:",
                                        "# titel:, # title:, # beschrijving:, # description:, # bron:")))
    return NamedQuery(pad.stem, Tekst(kop["titel"], kop["title"]), Tekst(kop["beschrijving"], kop["description"]),
                      tuple(parameters), kop["bron"], tekst, pad)


@cache
def catalogus() -> dict[str, NamedQuery]:
    """All named queries shipped with pzgraph, by id."""
    return {q.id: q for q in (lees_query(p) for p in bestanden("queries", "*.rq"))}


def zoek(naam: str) -> NamedQuery:
    try:
        return catalogus()[naam]
    except KeyError:
        raise InvoerFout(Probleem(Locatie(naam), Tekst(f"onbekende query {naam!r}", f"unknown query {naam!r}"),
                                  Tekst("een naam uit 'pzgraph query --lijst' of een .rq-bestand",
                                        "a name from 'pzgraph query --lijst' or a .rq file"),
                                  tuple(suggesties(naam, catalogus())))) from None
