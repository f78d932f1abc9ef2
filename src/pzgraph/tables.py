"""Reading the landscape tables (CSV or YAML) with file:line for every row.

A table is a list of :class:`Rij` (row): a mapping of column name to text, plus the
location it came from. Which kind of table a CSV holds is recognised from its header;
a YAML file holds one list per table name. Unknown columns, duplicate keys, text that is
not UTF-8 and values of the wrong type are input errors, never silently dropped.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import InvoerFout, Locatie, Probleem, Tekst, suggesties

BRONKOLOMMEN = ("bron", "datum", "zekerheid")

#: kind -> (required columns, optional columns); "bron/datum/zekerheid" are always required.
SOORTEN: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "entiteiten": (("id", "soort", "naam"), ("alternatieve_namen", "lid_van", "werkgebied", "toelichting")),
    "dekking": (("gebied", "gemeentecode"), ("deels", "toelichting")),
    "relaties": (("subject", "relatie", "object"), ("toelichting",)),
    "kenmerken": (("subject", "kenmerk", "waarde"), ("toelichting",)),
    "leemten": (("id", "betreft", "beschrijving"), ("toelichting",)),
    "gemeenten": (("gemeentecode", "naam", "veiligheidsregiocode", "veiligheidsregio"), ("roepnaam", "toelichting")),
}

#: names a YAML file may use for its lists, and the kind each holds
YAML_SLEUTELS = {
    "organisaties": "entiteiten",
    "gebieden": "entiteiten",
    "entiteiten": "entiteiten",
    "dekking": "dekking",
    "relaties": "relaties",
    "kenmerken": "kenmerken",
    "leemten": "leemten",
    "gemeenten": "gemeenten",
}

LIJSTKOLOMMEN = frozenset({"alternatieve_namen", "lid_van"})
MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Rij:
    """One row of a landscape table."""

    soort: str
    waarden: dict[str, str]
    locatie: Locatie

    def __getitem__(self, kolom: str) -> str:
        return self.waarden.get(kolom, "")

    def lijst(self, kolom: str) -> list[str]:
        return [d.strip() for d in self[kolom].split("|") if d.strip()]


def _nfc(tekst: str) -> str:
    return unicodedata.normalize("NFC", tekst).strip()


def _fout(loc: Locatie, nl: str, en: str, vnl: str | None = None, ven: str | None = None,
          sugg: Iterable[str] = ()) -> Probleem:
    verwacht = Tekst(vnl, ven or vnl) if vnl else None
    return Probleem(loc, Tekst(nl, en), verwacht, tuple(sugg))


def _lees_tekst(pad: Path) -> str:
    try:
        grootte = pad.stat().st_size
    except OSError as exc:
        raise InvoerFout(_fout(Locatie(str(pad)), f"kan het bestand niet lezen ({exc.strerror})",
                               f"cannot read the file ({exc.strerror})")) from None
    if grootte > MAX_BYTES:
        raise InvoerFout(_fout(Locatie(str(pad)), f"bestand is te groot ({grootte} bytes)",
                               f"file is too large ({grootte} bytes)",
                               f"hoogstens {MAX_BYTES} bytes", f"at most {MAX_BYTES} bytes"))
    data = pad.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        regel = data[: exc.start].count(b"\n") + 1
        byte = data[exc.start]
        raise InvoerFout(_fout(Locatie(str(pad), regel),
                               f"geen UTF-8 (byte 0x{byte:02X} op positie {exc.start})",
                               f"not UTF-8 (byte 0x{byte:02X} at offset {exc.start})",
                               "een UTF-8-bestand (sla het in uw spreadsheet op als 'CSV UTF-8')",
                               "a UTF-8 file (save it from your spreadsheet as 'CSV UTF-8')")) from None


def soort_uit_kop(kop: list[str]) -> str | None:
    """The table kind a CSV header belongs to, or None."""
    kolommen = set(kop)
    passend = [s for s, (verplicht, _) in SOORTEN.items() if set(verplicht) <= kolommen]
    if len(passend) > 1 and "gemeenten" in passend:
        passend = ["gemeenten"]
    return passend[0] if len(passend) == 1 else None


def _controleer_kolommen(soort: str, kolommen: Iterable[str], loc: Locatie) -> list[Probleem]:
    verplicht, optioneel = SOORTEN[soort]
    toegestaan = set(verplicht) | set(optioneel) | set(BRONKOLOMMEN)
    problemen = []
    for kolom in kolommen:
        if kolom not in toegestaan:
            problemen.append(_fout(loc, f"onbekende kolom {kolom!r} in een {soort}-tabel",
                                   f"unknown column {kolom!r} in a {soort} table",
                                   "een van " + ", ".join(sorted(toegestaan)),
                                   "one of " + ", ".join(sorted(toegestaan)),
                                   suggesties(kolom, toegestaan)))
    for kolom in (*verplicht, *BRONKOLOMMEN):
        if kolom not in kolommen:
            problemen.append(_fout(loc, f"kolom {kolom!r} ontbreekt", f"column {kolom!r} is missing",
                                   "de kolommen " + ", ".join((*verplicht, *BRONKOLOMMEN)),
                                   "the columns " + ", ".join((*verplicht, *BRONKOLOMMEN))))
    return problemen


def lees_csv(pad: Path) -> list[Rij]:
    """Read one landscape CSV (comma or semicolon separated, UTF-8, header row)."""
    tekst = _lees_tekst(pad)
    naam = str(pad)
    eerste = tekst.split("\n", 1)[0]
    scheiding = ";" if eerste.count(";") > eerste.count(",") else ","
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=scheiding, strict=True)
    try:
        kop = [_nfc(k).lower() for k in next(lezer)]
    except StopIteration:
        raise InvoerFout(_fout(Locatie(naam), "het bestand is leeg", "the file is empty",
                               "een kopregel met kolomnamen", "a header row with column names")) from None
    soort = soort_uit_kop(kop)
    if soort is None:
        raise InvoerFout(_fout(Locatie(naam, 1), "onbekend soort tabel (kopregel: " + ",".join(kop) + ")",
                               "unknown kind of table (header: " + ",".join(kop) + ")",
                               "de kolommen van een van: " + ", ".join(
                                   f"{s} ({','.join(SOORTEN[s][0])})" for s in SOORTEN),
                               "the columns of one of: " + ", ".join(
                                   f"{s} ({','.join(SOORTEN[s][0])})" for s in SOORTEN)))
    problemen = _controleer_kolommen(soort, kop, Locatie(naam, 1))
    dubbel = {k for k in kop if kop.count(k) > 1}
    problemen += [_fout(Locatie(naam, 1), f"kolom {k!r} staat er twee keer", f"column {k!r} appears twice")
                  for k in sorted(dubbel)]
    if problemen:
        raise InvoerFout(problemen)
    rijen: list[Rij] = []
    vorige = lezer.line_num
    try:
        for velden in lezer:
            start = vorige + 1
            vorige = lezer.line_num
            if not any(v.strip() for v in velden):
                continue
            loc = Locatie(naam, start)
            if len(velden) != len(kop):
                problemen.append(_fout(loc, f"{len(velden)} velden in plaats van {len(kop)}",
                                       f"{len(velden)} fields instead of {len(kop)}",
                                       f"{len(kop)} velden zoals de kopregel", f"{len(kop)} fields as in the header"))
                continue
            rijen.append(Rij(soort, {k: _nfc(v) for k, v in zip(kop, velden)}, loc))
    except csv.Error as exc:
        problemen.append(_fout(Locatie(naam, lezer.line_num), f"onleesbare CSV ({exc})", f"unreadable CSV ({exc})"))
    if problemen:
        raise InvoerFout(problemen)
    return rijen


def _scalar(waarde: object, kolom: str, loc: Locatie) -> str | Probleem:
    if isinstance(waarde, bool) or waarde is None:
        return _fout(loc, f"{kolom}: {waarde!r} is geen tekst", f"{kolom}: {waarde!r} is not text",
                     "tekst; zet waarden als ja/nee/no tussen aanhalingstekens",
                     "text; quote values such as ja/nee/no")
    if isinstance(waarde, (int, float)) and kolom not in ("waarde",):
        return _fout(loc, f"{kolom}: getal {waarde!r} waar tekst verwacht wordt",
                     f"{kolom}: number {waarde!r} where text is expected",
                     "tekst tussen aanhalingstekens (bijv. \"010\")", "quoted text (e.g. \"010\")")
    if isinstance(waarde, (str, int, float)):
        return _nfc(str(waarde))
    return _fout(loc, f"{kolom}: een lijst of tabel waar één waarde verwacht wordt",
                 f"{kolom}: a list or mapping where one value is expected")


def lees_yaml(pad: Path) -> list[Rij]:
    """Read a YAML landscape file: a mapping of table name to a list of rows."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    tekst = _lees_tekst(pad)
    naam = str(pad)
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    try:
        doc = yaml.load(tekst)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        regel = mark.line + 1 if mark else 0
        raise InvoerFout(_fout(Locatie(naam, regel), f"ongeldige YAML: {exc.problem or exc.context}",
                               f"invalid YAML: {exc.problem or exc.context}")) from None
    except YAMLError as exc:
        raise InvoerFout(_fout(Locatie(naam), f"ongeldige YAML: {exc}", f"invalid YAML: {exc}")) from None
    if not isinstance(doc, dict):
        raise InvoerFout(_fout(Locatie(naam, 1), "het bestand bevat geen tabellen",
                               "the file holds no tables",
                               "sleutels als " + ", ".join(YAML_SLEUTELS), "keys such as " + ", ".join(YAML_SLEUTELS)))
    rijen: list[Rij] = []
    problemen: list[Probleem] = []
    for sleutel, lijst in doc.items():
        sloc = Locatie(naam, doc.lc.key(sleutel)[0] + 1)
        soort = YAML_SLEUTELS.get(str(sleutel))
        if soort is None:
            problemen.append(_fout(sloc, f"onbekende tabel {sleutel!r}", f"unknown table {sleutel!r}",
                                   "een van " + ", ".join(YAML_SLEUTELS), "one of " + ", ".join(YAML_SLEUTELS),
                                   suggesties(str(sleutel), YAML_SLEUTELS)))
            continue
        if not isinstance(lijst, list):
            problemen.append(_fout(sloc, f"{sleutel}: geen lijst van rijen", f"{sleutel}: not a list of rows"))
            continue
        for i, item in enumerate(lijst):
            loc = Locatie(naam, lijst.lc.item(i)[0] + 1)
            if not isinstance(item, dict):
                problemen.append(_fout(loc, "een rij moet een tabel (sleutel: waarde) zijn",
                                       "a row must be a mapping (key: value)"))
                continue
            kolomfouten = _controleer_kolommen(soort, [str(k) for k in item], loc)
            if kolomfouten:
                problemen += kolomfouten
                continue
            waarden: dict[str, str] = {}
            for kolom, waarde in item.items():
                kloc = Locatie(naam, item.lc.key(kolom)[0] + 1)
                if kolom in LIJSTKOLOMMEN and isinstance(waarde, list):
                    delen = [_scalar(w, kolom, kloc) for w in waarde]
                    fout = next((d for d in delen if isinstance(d, Probleem)), None)
                    if fout:
                        problemen.append(fout)
                        continue
                    waarden[str(kolom)] = "|".join(str(d) for d in delen)
                    continue
                uit = _scalar(waarde, str(kolom), kloc)
                if isinstance(uit, Probleem):
                    problemen.append(uit)
                else:
                    waarden[str(kolom)] = uit
            rijen.append(Rij(soort, waarden, loc))
    if problemen:
        raise InvoerFout(problemen)
    return rijen


def lees_tabel(pad: Path) -> list[Rij]:
    """Read a landscape file (CSV or YAML, by extension)."""
    suffix = pad.suffix.lower()
    if suffix == ".csv":
        return lees_csv(pad)
    if suffix in (".yaml", ".yml"):
        return lees_yaml(pad)
    raise InvoerFout(_fout(Locatie(str(pad)), f"onbekend bestandstype {suffix or '(geen)'!r}",
                           f"unknown file type {suffix or '(none)'!r}", "een .csv- of .yaml-bestand",
                           "a .csv or .yaml file"))
