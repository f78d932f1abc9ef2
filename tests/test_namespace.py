"""The closed namespace object agrees with the ontology files."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from conftest import WORTEL


def _generator():
    spec = importlib.util.spec_from_file_location("gen_namespace", WORTEL / "tools" / "gen_namespace.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_namespace"] = module
    spec.loader.exec_module(module)
    return module


def test_gegenereerde_namespace_is_actueel():
    gen = _generator()
    verwacht = gen.bron(gen.termen())
    actueel = (WORTEL / "src" / "pzgraph" / "_pz.py").read_text(encoding="utf-8")
    assert actueel == verwacht, "run: python tools/gen_namespace.py"


def test_namespace_is_gesloten():
    from pzgraph.namespaces import PZ

    assert str(PZ.NetwerkPalliatieveZorg) == "https://w3id.org/pzgraph/def#NetwerkPalliatieveZorg"
    assert str(PZ["rol-huisarts"]).endswith("#rol-huisarts")
    with pytest.raises(AttributeError):
        PZ.BestaatNiet  # noqa: B018
