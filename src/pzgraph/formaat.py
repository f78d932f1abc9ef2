"""The group input format, read from ``shapes/invoer/groepsformaat.yaml``.

One data file defines the YAML keys of a group definition: their types, which kinds of group
they belong to and the RDF property each becomes. From it come the YAML -> RDF mapping
(:mod:`pzgraph.groups`), the JSON Schema for editors and the templates of ``pzgraph new``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .resources import data_dir

TYPEN = ("soort", "tekst", "getal", "ja-nee", "begrip", "landschap", "gebied", "lid", "rol", "object",
         "klasse", "leden", "organisaties")


@dataclass(frozen=True)
class Veld:
    naam: str
    type: str
    uitleg_nl: str
    uitleg_en: str
    verplicht: bool = False
    lijst: bool = False
    eigenschap: str | None = None
    voorvoegsel: str = ""
    klasse: str | None = None
    soorten: tuple[str, ...] | None = None
    persoonlijk: bool = False
    voorbeeld: Any = None
    velden: dict[str, Veld] = field(default_factory=dict)

    def geldt_voor(self, soort: str) -> bool:
        return self.soorten is None or soort in self.soorten


@dataclass(frozen=True)
class Soort:
    naam: str
    klasse: str
    titel_nl: str
    titel_en: str
    bron: str


@dataclass(frozen=True)
class Formaat:
    versie: int
    soorten: dict[str, Soort]
    velden: dict[str, Veld]
    lid: dict[str, Veld]
    organisatie: dict[str, Veld]

    def velden_voor(self, soort: str) -> dict[str, Veld]:
        return {n: v for n, v in self.velden.items() if v.geldt_voor(soort)}


def _veld(naam: str, d: dict) -> Veld:
    if d.get("type") not in TYPEN:
        raise ValueError(f"groepsformaat.yaml: field {naam!r} has unknown type {d.get('type')!r}")
    uitleg = d.get("uitleg") or {}
    return Veld(
        naam=naam,
        type=d["type"],
        uitleg_nl=str(uitleg.get("nl", "")),
        uitleg_en=str(uitleg.get("en", "")),
        verplicht=bool(d.get("verplicht", False)),
        lijst=bool(d.get("lijst", False)),
        eigenschap=d.get("eigenschap"),
        voorvoegsel=d.get("voorvoegsel", ""),
        klasse=d.get("klasse"),
        soorten=tuple(d["soorten"]) if "soorten" in d else None,
        persoonlijk=bool(d.get("persoonlijk", False)),
        voorbeeld=d.get("voorbeeld"),
        velden={k: _veld(k, v) for k, v in (d.get("velden") or {}).items()},
    )


def lees_bron() -> dict:
    """The input format as data stewards write it: ``shapes/invoer/groepsformaat.yaml``."""
    from ruamel.yaml import YAML

    pad = data_dir("shapes") / "invoer" / "groepsformaat.yaml"
    return YAML(typ="safe", pure=True).load(pad.read_text(encoding="utf-8"))


@cache
def formaat() -> Formaat:
    """The bundled input format (parsed once per process).

    Read from ``groepsformaat.json``, the same data as the YAML file that data stewards edit
    (``python tools/gen_formaat.py`` writes it; a test fails when it is stale): the pure-Python
    YAML parser took ~0.3 s of every cold command, JSON takes a few milliseconds."""
    import json

    d = json.loads((data_dir("shapes") / "invoer" / "groepsformaat.json").read_text(encoding="utf-8"))
    soorten = {n: Soort(n, s["klasse"], s["titel"]["nl"], s["titel"]["en"], s["bron"]) for n, s in d["soorten"].items()}
    return Formaat(
        versie=int(d["versie"]),
        soorten=soorten,
        velden={k: _veld(k, v) for k, v in d["velden"].items()},
        lid={k: _veld(k, v) for k, v in d["lid"].items()},
        organisatie={k: _veld(k, v) for k, v in d["organisatie"].items()},
    )


# -- JSON Schema -------------------------------------------------------------------------------

_SCALAIR = {"tekst": {"type": "string"}, "getal": {"type": "number"}, "ja-nee": {"type": "boolean"},
            "begrip": {"type": "string"}, "landschap": {"type": "string"}, "gebied": {"type": "string"},
            "lid": {"type": "string"}, "rol": {"type": "string"}, "klasse": {"type": "string"}}


def _schema_veld(v: Veld, f: Formaat) -> dict:
    if v.type == "soort":
        s: dict = {"enum": sorted(f.soorten)}
    elif v.type == "object":
        s = _object_schema(v.velden, f)
    elif v.type == "leden":
        s = {"type": "array", "items": _object_schema(f.lid, f), "minItems": 1}
    elif v.type == "organisaties":
        s = {"type": "array", "items": _object_schema(f.organisatie, f)}
    else:
        s = dict(_SCALAIR[v.type])
    if v.lijst and v.type not in ("leden", "organisaties"):
        s = {"anyOf": [s, {"type": "array", "items": s, "minItems": 1}]}
    s["description"] = v.uitleg_nl + (f" / {v.uitleg_en}" if v.uitleg_en else "")
    if v.voorbeeld is not None:
        s["examples"] = [v.voorbeeld]
    return s


def _object_schema(velden: dict[str, Veld], f: Formaat) -> dict:
    return {"type": "object", "additionalProperties": False,
            "properties": {n: _schema_veld(v, f) for n, v in velden.items()},
            "required": [n for n, v in velden.items() if v.verplicht]}


def json_schema() -> dict:
    """JSON Schema (draft 2020-12) of a group file, per kind (``if soort == … then``)."""
    f = formaat()
    alle = {n: _schema_veld(v, f) for n, v in f.velden.items()}
    per_soort = []
    for soort in sorted(f.soorten):
        toegestaan = sorted(f.velden_voor(soort))
        per_soort.append({"if": {"properties": {"soort": {"const": soort}}},
                          "then": {"propertyNames": {"enum": toegestaan}}})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://w3id.org/pzgraph/schema/groep.schema.json",
        "title": "pzgraph: voorgesteld samenwerkingsverband / proposed collaboration",
        "type": "object",
        "additionalProperties": False,
        "properties": alle,
        "required": [n for n, v in f.velden.items() if v.verplicht],
        "allOf": per_soort,
    }


# -- templates ---------------------------------------------------------------------------------

def _commentaar(v: Veld, taal: str) -> str:
    tekst = v.uitleg_en if taal == "en" and v.uitleg_en else v.uitleg_nl
    return f"  # {tekst}" if tekst else ""


def sjabloon(soort: str, taal: str = "nl") -> str:
    """A commented YAML template for one kind of group (what ``pzgraph new`` prints)."""
    f = formaat()
    s = f.soorten[soort]
    regels = [f"# {s.titel_en if taal == 'en' else s.titel_nl} — pzgraph ({s.bron})",
              "# yaml-language-server: $schema=https://w3id.org/pzgraph/schema/groep.schema.json",
              f"soort: {soort}"]
    for naam, v in f.velden_voor(soort).items():
        if naam in ("soort", "id", "organisaties", "leden"):
            continue
        if naam == "naam":
            regels.append(f"naam: {s.titel_en if taal == 'en' else s.titel_nl} (voorstel){_commentaar(v, taal)}")
        elif v.type == "object":
            dicht = any(sv.verplicht and sv.voorbeeld is None for sv in v.velden.values())
            blok = [f"{naam}:{_commentaar(v, taal)}"]
            for i, (sub, sv) in enumerate(v.velden.items()):
                blok.append(_regel(("  - " if v.lijst and i == 0 else "    " if v.lijst else "  ") + sub, sv, taal,
                                   invullen=dicht))
            regels += ["# " + b for b in blok] if dicht else blok
        else:
            regels.append(_regel(naam, v, taal))
    regels.append(f"organisaties: []{_commentaar(f.velden['organisaties'], taal)}")
    regels.append(f"leden:{_commentaar(f.velden['leden'], taal)}")
    eerste = True
    for naam, v in f.lid.items():
        if v.persoonlijk:
            continue
        regels.append(_regel(("  - " if eerste else "    ") + naam, v, taal))
        eerste = False
    return "\n".join(regels) + "\n"


def _regel(sleutel: str, v: Veld, taal: str, invullen: bool = False) -> str:
    """One template line; a reference without an example stays commented out (fill it in)."""
    if v.voorbeeld is not None:
        return f"{sleutel}: {v.voorbeeld}{_commentaar(v, taal)}"
    if v.type in ("tekst",) or invullen:
        return f'{sleutel}: ""{_commentaar(v, taal)}'
    inspringing = len(sleutel) - len(sleutel.lstrip())
    return " " * inspringing + f"# {sleutel.strip()}:{_commentaar(v, taal)}"
