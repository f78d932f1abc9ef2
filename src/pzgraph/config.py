"""The optional configuration file (TOML).

Looked up, in order: ``--config FILE``, the environment variable ``PZGRAPH_CONFIG``,
``pzgraph.toml`` in the working directory. Paths in it are relative to the file::

    [landschap]
    bestanden = ["regio/veluwe-organisaties.csv", "regio/veluwe.yaml"]
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InvoerFout, Locatie, Probleem, Tekst, suggesties

SLEUTELS = {"landschap": {"bestanden"}}


@dataclass(frozen=True)
class Config:
    landschap: tuple[Path, ...] = field(default_factory=tuple)
    pad: Path | None = None


def vind(expliciet: Path | None) -> Path | None:
    if expliciet is not None:
        return expliciet
    uit_omgeving = os.environ.get("PZGRAPH_CONFIG")
    if uit_omgeving:
        return Path(uit_omgeving)
    lokaal = Path("pzgraph.toml")
    return lokaal if lokaal.is_file() else None


def lees(pad: Path | None) -> Config:
    if pad is None:
        return Config()
    loc = Locatie(str(pad))
    try:
        data = tomllib.loads(pad.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InvoerFout(Probleem(loc, Tekst(f"kan de configuratie niet lezen ({exc.strerror})",
                                             f"cannot read the configuration ({exc.strerror})"))) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InvoerFout(Probleem(loc, Tekst(f"ongeldige TOML: {exc}", f"invalid TOML: {exc}"))) from None
    for sectie, inhoud in data.items():
        if sectie not in SLEUTELS or not isinstance(inhoud, dict):
            raise InvoerFout(Probleem(loc, Tekst(f"onbekende sectie [{sectie}]", f"unknown section [{sectie}]"),
                                      Tekst("[landschap]", "[landschap]"), tuple(suggesties(sectie, SLEUTELS))))
        for sleutel in inhoud:
            if sleutel not in SLEUTELS[sectie]:
                raise InvoerFout(Probleem(loc, Tekst(f"onbekende sleutel {sectie}.{sleutel}", f"unknown key {sectie}.{sleutel}"),
                                          Tekst(", ".join(SLEUTELS[sectie]), ", ".join(SLEUTELS[sectie])),
                                          tuple(suggesties(sleutel, SLEUTELS[sectie]))))
    bestanden = data.get("landschap", {}).get("bestanden", [])
    if not isinstance(bestanden, list) or not all(isinstance(b, str) for b in bestanden):
        raise InvoerFout(Probleem(loc, Tekst("landschap.bestanden moet een lijst van paden zijn",
                                             "landschap.bestanden must be a list of paths")))
    return Config(tuple(pad.parent / b for b in bestanden), pad)
