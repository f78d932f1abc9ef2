"""The shapes: every constraint has a stable unique id, a severity, messages in Dutch and
English, a title, a source in the seeds and a randvoorwaarde; every kind has its shapes."""

from __future__ import annotations

from collections import Counter

import pytest

from conftest import SEEDS
from pzgraph.formaat import formaat
from pzgraph.groups import _iri
from pzgraph.report import Ernst
from pzgraph.validate import SH, vormen

VOORVOEGSELS = {"trekkersgroep": "TG-", "patz-groep": "PG-", "zorgnetwerk": "ZN-", "lerend-netwerk": "LN-",
                "netwerk": "NPZ-", "participatietraject": "PT-"}


def test_ids_zijn_uniek_en_volledig():
    v = vormen()
    ids = Counter(b.id for b in v.beperkingen.values())
    assert [i for i, n in ids.items() if n > 1] == []
    for b in v.beperkingen.values():
        assert b.bericht.nl and b.bericht.en and b.bericht.nl != b.bericht.en, b.id
        assert b.titel.nl and b.titel.en, b.id
        assert any(s in b.bron for s in SEEDS), (b.id, b.bron)
        assert b.randvoorwaarde in v.randvoorwaarden, (b.id, b.randvoorwaarde)
        assert isinstance(b.ernst, Ernst)


def test_randvoorwaarden_hebben_titel_en_bron():
    for rv in vormen().randvoorwaarden.values():
        assert rv.titel.nl and rv.titel.en and rv.bron


@pytest.mark.parametrize("soort", sorted(VOORVOEGSELS))
def test_elke_soort_heeft_zijn_beperkingen(soort):
    v = vormen()
    klasse = _iri(formaat().soorten[soort].klasse)
    ids = {b.id for b in v.per_klasse.get(klasse, ())}
    assert len(ids) >= 5
    assert all(i.startswith(VOORVOEGSELS[soort]) for i in ids), ids


def test_een_ernst_per_beperking_uit_shacl():
    g = vormen().graaf
    for b in vormen().beperkingen.values():
        assert g.value(b.iri, SH.severity) in (SH.Violation, SH.Warning, SH.Info), b.id


def test_shapes_zijn_geldige_shacl():
    import pyshacl

    from pzgraph.validate import vormen as v

    conform, _, tekst = pyshacl.validate(v().graaf, shacl_graph=v().graaf, meta_shacl=True, inference="none")
    assert conform, tekst
