"""Shared helpers for the ``tests/test_check_<soort>.py`` modules (not a test module itself).

A *variant* is a bundled "goed" example with one deliberate change, made on the parsed YAML
(ruamel.yaml round-trip, so comments and layout survive) and written to ``tmp_path``. Each
variant knows which finding it should cause, with which severity, and on which line of the
written file: the line is looked up in the written file itself, never hard-coded.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from pzgraph.report import Ernst

WORTEL = Path(__file__).resolve().parent.parent
VOORBEELDEN = WORTEL / "examples"

FOUT, WAARSCHUWING, INFO = Ernst.FOUT, Ernst.WAARSCHUWING, Ernst.INFO


def controleer(bron, *, kb):
    """``pzgraph.check`` with the module's knowledge base, on both engines: every variant is also
    a differential test of the fast path (shapes compiled to SPARQL) against pySHACL."""
    import pzgraph

    snel = pzgraph.check(bron, kb=kb)
    referentie = pzgraph.check(bron, kb=kb, motor="pyshacl")
    assert [r.bevindingen for r in snel.rapporten] == [r.bevindingen for r in referentie.rapporten], \
        "fast path and pySHACL disagree"
    return snel


def _yaml() -> YAML:
    y = YAML()  # round-trip
    y.preserve_quotes = True
    y.width = 4096
    y.indent(mapping=2, sequence=4, offset=2)
    return y


def laad(pad: Path) -> CommentedMap:
    return _yaml().load(pad.read_text(encoding="utf-8"))


def dump(data: CommentedMap) -> str:
    buf = io.StringIO()
    _yaml().dump(data, buf)
    return buf.getvalue()


# -- editing a parsed group ---------------------------------------------------------------------

def lid(data: CommentedMap, sleutel: str) -> CommentedMap:
    for item in data["leden"]:
        if item["sleutel"] == sleutel:
            return item
    raise KeyError(sleutel)


def zonder_leden(*sleutels: str) -> Callable[[CommentedMap], None]:
    def wijzig(data: CommentedMap) -> None:
        for i in reversed(range(len(data["leden"]))):
            if data["leden"][i]["sleutel"] in sleutels:
                del data["leden"][i]
    return wijzig


def met_lid(**velden) -> Callable[[CommentedMap], None]:
    def wijzig(data: CommentedMap) -> None:
        nieuw = CommentedMap()
        for k, v in velden.items():
            nieuw[k] = CommentedSeq(v) if isinstance(v, list) else v
        data["leden"].append(nieuw)
    return wijzig


def zonder(*pad: str) -> Callable[[CommentedMap], None]:
    """Delete a (nested) key."""
    def wijzig(data: CommentedMap) -> None:
        knoop = data
        for k in pad[:-1]:
            knoop = knoop[k]
        del knoop[pad[-1]]
    return wijzig


def zet(*pad: str, waarde) -> Callable[[CommentedMap], None]:
    """Set a (nested) key, or a member's field with ``("lid:<sleutel>", veld)``."""
    def wijzig(data: CommentedMap) -> None:
        knoop = data
        for k in pad[:-1]:
            knoop = lid(data, k[4:]) if k.startswith("lid:") else knoop[k]
        knoop[pad[-1]] = CommentedSeq(waarde) if isinstance(waarde, list) else waarde
    return wijzig


def alles(*wijzigingen: Callable[[CommentedMap], None]) -> Callable[[CommentedMap], None]:
    def wijzig(data: CommentedMap) -> None:
        for w in wijzigingen:
            w(data)
    return wijzig


# -- where a finding should point ---------------------------------------------------------------

def regel_sleutel(data: CommentedMap, *pad: str) -> int:
    """1-based line of a (nested) key in a freshly parsed file."""
    knoop = data
    for k in pad[:-1]:
        knoop = knoop[k]
    return knoop.lc.key(pad[-1])[0] + 1


def regel_lid(data: CommentedMap, sleutel: str) -> int:
    for i, item in enumerate(data["leden"]):
        if item["sleutel"] == sleutel:
            return data["leden"].lc.item(i)[0] + 1
    raise KeyError(sleutel)


class Waar:
    """Where a finding must point, resolved against the written variant."""

    @staticmethod
    def groep() -> Callable[[CommentedMap], int]:
        """A missing key: the first line of the group (its `soort:` key)."""
        return lambda d: regel_sleutel(d, "soort")

    @staticmethod
    def sleutel(*pad: str) -> Callable[[CommentedMap], int]:
        return lambda d: regel_sleutel(d, *pad)

    @staticmethod
    def lid(sleutel: str) -> Callable[[CommentedMap], int]:
        return lambda d: regel_lid(d, sleutel)

    @staticmethod
    def lid_sleutel(sleutel: str, veld: str) -> Callable[[CommentedMap], int]:
        """A key of one member (e.g. its `uren_per_maand:` with a wrong value)."""
        def waar(d: CommentedMap) -> int:
            for item in d["leden"]:
                if item["sleutel"] == sleutel:
                    return item.lc.key(veld)[0] + 1
            raise KeyError(sleutel)
        return waar

    @staticmethod
    def deel(sleutel: str) -> Callable[[CommentedMap], int]:
        """A key missing inside a part (`plan_van_aanpak:`, ...): the part's first line, as for the group."""
        return lambda d: d[sleutel].lc.line + 1


@dataclass(frozen=True)
class Geval:
    """One constraint id and a variant of the goed example that violates exactly it."""

    id: str
    ernst: Ernst
    wijzig: Callable[[CommentedMap], None]
    waar: Callable[[CommentedMap], int]
    ook: frozenset[str] = field(default_factory=frozenset)  # ids that logically must fire too
    onderwerp: str | None = None  # member key for member findings
    uitleg: str = ""

    def __str__(self) -> str:  # pytest id
        return self.id


def parametriseer(gevallen: list[Geval], bekend: dict[str, str]) -> list:
    """Parameters for ``test_variant_schendt_precies_die_id``; ids in ``bekend`` are strict xfails."""
    import pytest

    return [pytest.param(g, id=g.id, marks=pytest.mark.xfail(strict=True, raises=AssertionError, reason=bekend[g.id]))
            if g.id in bekend else pytest.param(g, id=g.id) for g in gevallen]


def maak_variant(bron: Path, wijzig: Callable[[CommentedMap], None], tmp_path: Path) -> tuple[Path, CommentedMap]:
    data = laad(bron)
    wijzig(data)
    pad = tmp_path / bron.name.replace("-goed", "-variant")
    pad.write_text(dump(data), encoding="utf-8")
    return pad, laad(pad)


def controleer_geval(geval: Geval, bron: Path, kb, tmp_path: Path) -> None:
    """Check a variant: the id fires with its severity and line; nothing else fires needlessly."""
    pad, data = maak_variant(bron, geval.wijzig, tmp_path)
    rapport = controleer(pad, kb=kb).rapport
    alle = [(b.id, b.ernst.name, b.locatie.regel, b.onderwerp) for b in rapport.bevindingen]
    treffers = [b for b in rapport.bevindingen if b.id == geval.id]
    assert treffers, f"{geval.id} fired not; findings: {alle}\n--- variant ---\n{pad.read_text()}"
    assert {b.ernst for b in treffers} == {geval.ernst}, alle
    verwacht = geval.waar(data)
    for b in treffers:
        assert b.locatie.bestand == str(pad), b.locatie
        assert b.locatie.regel == verwacht, (
            f"{geval.id} points at line {b.locatie.regel}, expected {verwacht}: "
            f"{pad.read_text().splitlines()[verwacht - 1]!r}")
        if geval.onderwerp is not None:
            assert b.onderwerp == geval.onderwerp, b
    overig = {b.id for b in rapport.bevindingen} - {geval.id} - geval.ook
    assert not overig, f"{geval.id} variant also fires {sorted(overig)}: {alle}"
    assert {b.id for b in rapport.bevindingen} >= geval.ook, alle
    if geval.ernst == FOUT:
        assert not rapport.voldoet
    elif not geval.ook:
        assert rapport.voldoet


# -- the bundled examples -------------------------------------------------------------------------

KOP = re.compile(r"^#\s+([✗!i])\s+([A-Z]+-\d\d)\b", re.MULTILINE)
TEKEN = {"✗": FOUT, "!": WAARSCHUWING, "i": INFO}


def gedocumenteerde_bevindingen(pad: Path) -> set[tuple[str, Ernst]]:
    """The findings a "fout" example announces in its header (`#   ✗ TG-02  ...`)."""
    kop = pad.read_text(encoding="utf-8").split("\nsoort:", 1)[0]
    return {(i, TEKEN[t]) for t, i in KOP.findall(kop)}


def ids_van_soort(klasse_lokaal: str) -> set[str]:
    """The constraint ids the bundled shapes define for a group class (``pz:<klasse_lokaal>``)."""
    from pzgraph.namespaces import PZ
    from pzgraph.validate import vormen

    return {b.id for b in vormen().per_klasse.get(PZ[klasse_lokaal], ())}
