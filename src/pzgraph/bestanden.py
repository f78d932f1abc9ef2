"""Writing output files atomically: a killed run never leaves a half-written file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import InvoerFout, Locatie, Probleem, Tekst


def schrijf_atomair(pad: Path, tekst: str, *, overschrijven: bool = True) -> None:
    """Write ``tekst`` to ``pad`` via a temporary file in the same folder, fsync and rename."""
    if pad.exists() and not overschrijven:
        raise InvoerFout(Probleem(Locatie(str(pad)), Tekst("bestand bestaat al", "file already exists"),
                                  Tekst("een nieuwe naam, of --force om te overschrijven", "a new name, or --force to overwrite")))
    map_ = pad.parent if str(pad.parent) else Path(".")
    if not map_.is_dir():
        raise InvoerFout(Probleem(Locatie(str(pad)), Tekst("de map bestaat niet", "the folder does not exist"),
                                  Tekst("een bestaande map", "an existing folder")))
    fd, tijdelijk = tempfile.mkstemp(prefix=f".{pad.name}.", suffix=".tmp", dir=map_)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as uit:
            uit.write(tekst)
            uit.flush()
            os.fsync(uit.fileno())
        os.replace(tijdelijk, pad)
    except BaseException:
        Path(tijdelijk).unlink(missing_ok=True)
        raise
