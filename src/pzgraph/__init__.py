"""pzgraph: the Dutch palliative-care landscape as a knowledge graph.

Start with :func:`load`, which returns a :class:`KnowledgeBase` holding the ontology and
the bundled landscape (plus any regional extension files)::

    >>> import pzgraph
    >>> kb = pzgraph.load()
    >>> len(kb.consortia())
    7

Heavy libraries (rdflib, pyshacl, owlready2, networkx) are imported only when a function
needs them, so ``import pzgraph`` stays cheap for the command line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "load",
    "check",
    "recommend",
    "KnowledgeBase",
    "PzgraphError",
    "InvoerFout",
]

if TYPE_CHECKING:  # pragma: no cover
    from .errors import InvoerFout, PzgraphError
    from .controle import check
    from .kb import KnowledgeBase, load

_LAZY = {
    "load": ("kb", "load"),
    "check": ("controle", "check"),
    "recommend": ("advies", "recommend"),
    "KnowledgeBase": ("kb", "KnowledgeBase"),
    "PzgraphError": ("errors", "PzgraphError"),
    "InvoerFout": ("errors", "InvoerFout"),
}


def __getattr__(name: str) -> Any:
    try:
        module_name, attr = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'pzgraph' has no attribute {name!r}") from None
    from importlib import import_module

    value = getattr(import_module(f".{module_name}", __name__), attr)
    globals()[name] = value
    return value
