"""Where pzgraph's own domain files are.

The top-level folders ``ontology/``, ``landschap/``, ``queries/``, ``shapes/`` and ``rules/``
are the single source. A wheel carries them as ``pzgraph/data/<folder>``; an editable install
or a source checkout reads them from the repository root.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .errors import PzgraphError, Tekst

MAPPEN = ("ontology", "landschap", "queries", "shapes", "rules")


@cache
def data_dir(naam: str) -> Path:
    """Path of one of pzgraph's data folders (see :data:`MAPPEN`)."""
    if naam not in MAPPEN:
        raise ValueError(f"unknown data folder {naam!r}; one of {MAPPEN}")
    pakket = Path(__file__).resolve().parent
    in_wiel = pakket / "data" / naam
    if in_wiel.is_dir():
        return in_wiel
    wortel = pakket.parent.parent
    if (wortel / "pyproject.toml").is_file() and (wortel / naam).is_dir():
        return wortel / naam
    raise PzgraphError(
        Tekst(
            f"de map {naam!r} van pzgraph ontbreekt (gezocht in {in_wiel} en {wortel / naam}); "
            "installeer pzgraph opnieuw",
            f"pzgraph's {naam!r} folder is missing (looked in {in_wiel} and {wortel / naam}); "
            "reinstall pzgraph",
        )
    )


def bestanden(naam: str, patroon: str) -> list[Path]:
    """The files in a data folder matching ``patroon``, sorted by name."""
    return sorted(data_dir(naam).glob(patroon))
