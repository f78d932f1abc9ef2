"""`import pzgraph` and `pzgraph --help` stay light: no owlready2, no pyshacl, no Java."""

from __future__ import annotations

import subprocess
import sys


def _geimporteerd(code: str) -> set[str]:
    uit = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True, check=True)
    return {regel.split("|")[-1].strip().split(".")[0] for regel in uit.stderr.splitlines() if "|" in regel}


def test_import_pzgraph_laadt_geen_zware_bibliotheken():
    modules = _geimporteerd("import pzgraph")
    assert "pzgraph" in modules
    assert not {"owlready2", "pyshacl", "rdflib", "networkx"} & modules


def test_help_laadt_geen_zware_bibliotheken():
    modules = _geimporteerd("import sys; sys.argv=['pzgraph','--help']\n"
                            "from pzgraph.cli import main\ntry: main()\nexcept SystemExit: pass")
    assert "click" in modules
    assert not {"owlready2", "pyshacl", "rdflib", "networkx"} & modules


def test_load_laadt_owlready2_en_pyshacl_niet():
    modules = _geimporteerd("import pzgraph; pzgraph.load()")
    assert "rdflib" in modules
    assert not {"owlready2", "pyshacl"} & modules
