"""The input format file drives the mapping, the JSON Schema and the templates."""

from __future__ import annotations

import json

import pytest

from pzgraph.formaat import formaat, json_schema, sjabloon
from pzgraph.resources import data_dir


def test_meegeleverd_json_schema_is_actueel():
    pad = data_dir("shapes") / "invoer" / "groep.schema.json"
    assert json.loads(pad.read_text(encoding="utf-8")) == json_schema(), "run: pzgraph schema > shapes/invoer/groep.schema.json"


def test_schema_sluit_onbekende_sleutels_uit_en_noemt_soorten():
    schema = json_schema()
    assert schema["additionalProperties"] is False
    assert set(schema["properties"]["soort"]["enum"]) == set(formaat().soorten)
    assert schema["properties"]["leden"]["items"]["additionalProperties"] is False
    assert "sleutel" in schema["properties"]["leden"]["items"]["required"]


def test_elke_eigenschap_van_het_formaat_bestaat_in_de_ontologie(kb):
    from pzgraph.groups import _iri

    def velden(vs):
        for v in vs.values():
            yield v
            yield from velden(v.velden)

    f = formaat()
    for v in [*velden(f.velden), *velden(f.lid), *velden(f.organisatie)]:
        if v.eigenschap and v.eigenschap.startswith("pz:"):
            p = _iri(v.eigenschap)
            assert p in kb.vocab.objecteigenschappen or p in kb.vocab.datatype_bereik, v.eigenschap
        if v.klasse:
            assert _iri(v.klasse) in kb.vocab.klassen, v.klasse
    for s in f.soorten.values():
        assert _iri(s.klasse) in kb.vocab.klassen


@pytest.mark.parametrize("soort", sorted(formaat().soorten))
def test_sjabloon_is_geldige_yaml_met_uitleg(soort):
    from ruamel.yaml import YAML

    tekst = sjabloon(soort)
    data = YAML(typ="safe", pure=True).load(tekst)
    assert data["soort"] == soort
    assert "# " in tekst and data["leden"][0]["sleutel"]
    assert set(data) <= set(formaat().velden_voor(soort))


def test_json_van_het_formaat_is_actueel():
    """formaat() reads groepsformaat.json; it must hold exactly the YAML that stewards edit."""
    from pzgraph.formaat import lees_bron

    pad = data_dir("shapes") / "invoer" / "groepsformaat.json"
    assert json.loads(pad.read_text(encoding="utf-8")) == json.loads(json.dumps(lees_bron(), default=str)), \
        "run: python tools/gen_formaat.py"
