"""One exception base for pzgraph, with messages in Dutch and English.

Every error a user can cause is an :class:`InvoerFout` (input error): it names the file and
line, what is wrong, what was expected and, where one is close, a "did you mean". The CLI
prints it as one line and exits with code 2.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Tekst:
    """A message in Dutch (first) and English."""

    nl: str
    en: str

    def in_taal(self, taal: str = "nl") -> str:
        return self.en if taal == "en" else self.nl


def suggesties(woord: str, kandidaten: Iterable[str], n: int = 3) -> list[str]:
    """Close matches for ``woord`` among ``kandidaten`` (case-insensitive)."""
    kandidaten = list(kandidaten)
    lager = {k.lower(): k for k in kandidaten}
    treffers = difflib.get_close_matches(woord.lower(), list(lager), n=n, cutoff=0.6)
    return [lager[t] for t in treffers]


class PzgraphError(Exception):
    """Base of every pzgraph error. ``exit_code`` is what the CLI exits with."""

    exit_code = 3

    def __init__(self, bericht: Tekst | str) -> None:
        self.bericht = bericht if isinstance(bericht, Tekst) else Tekst(bericht, bericht)
        super().__init__(self.bericht.nl)

    def regel(self, taal: str = "nl") -> str:
        """The error as one line, in the requested language."""
        return self.bericht.in_taal(taal)


@dataclass(frozen=True)
class Locatie:
    """Where in a user's file something is: file name and 1-based line (0 = whole file)."""

    bestand: str
    regel: int = 0

    def __str__(self) -> str:
        return f"{self.bestand}:{self.regel}" if self.regel else self.bestand


@dataclass(frozen=True)
class Probleem:
    """One input problem: location, what is wrong, what was expected, suggestions."""

    locatie: Locatie
    wat: Tekst
    verwacht: Tekst | None = None
    suggesties: tuple[str, ...] = field(default_factory=tuple)

    def regel(self, taal: str = "nl") -> str:
        delen = [f"{self.locatie}: {self.wat.in_taal(taal)}"]
        if self.verwacht is not None:
            delen.append(("expected " if taal == "en" else "verwacht ") + self.verwacht.in_taal(taal))
        if self.suggesties:
            lijst = ", ".join(repr(s) for s in self.suggesties)
            delen.append(("did you mean " if taal == "en" else "bedoelde u ") + lijst + "?")
        return "; ".join(delen)


class InvoerFout(PzgraphError):
    """Bad input from the user (a file, an option, a query). Exit code 2.

    Holds one or more :class:`Probleem`; ``regel()`` gives the first, ``regels()`` all.
    """

    exit_code = 2

    def __init__(self, problemen: Probleem | list[Probleem]) -> None:
        self.problemen = [problemen] if isinstance(problemen, Probleem) else list(problemen)
        if not self.problemen:
            raise ValueError("InvoerFout needs at least one Probleem")
        eerste = self.problemen[0]
        super().__init__(Tekst(eerste.regel("nl"), eerste.regel("en")))

    def regels(self, taal: str = "nl") -> list[str]:
        return [p.regel(taal) for p in self.problemen]


class QueryFout(InvoerFout):
    """A SPARQL query that is malformed or asks for something pzgraph refuses."""


class RedeneerFout(PzgraphError):
    """The reasoner could not run (no Java, a crash) — a tool problem, exit code 3."""


class InconsistenteOntologie(PzgraphError):
    """HermiT found the ontology plus data inconsistent. Exit code 1: a finding, not a crash."""

    exit_code = 1
