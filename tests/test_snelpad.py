"""The fast path (SHACL compiled to SPARQL, run on pyoxigraph) against pySHACL, the reference.

Every check variant in ``tests/test_check_*.py`` already runs on both engines (``check_hulp``);
here: the raw result rows on every example and on a generated graph of many groups, the SHACL
components the bundled shapes do not use, and the refusal of what the compiler does not know.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from pzgraph.controle import omgeving
from pzgraph.groups import lees_groepen
from pzgraph.bulk import BulkResultaat, check_alles, controleer_alles, groep_van, laad_store, rapporten
from pzgraph.snelcontrole import valideer_snel
from pzgraph.snelpad import NietOndersteund, compileer
from pzgraph.validate import valideer, vormen

WORTEL = Path(__file__).resolve().parent.parent
VOORBEELDEN = sorted(p for p in (WORTEL / "examples").rglob("*") if p.suffix in (".yaml", ".ttl")
                     and "aanbevelingen" not in p.parts and "vragen" not in p.parts)


def _rijen(resultaten) -> set:
    return {(r.focus, r.vorm, r.component, r.pad if r.pad is None or isinstance(r.pad, URIRef) else "pad",
             r.waarde, r.ernst, r.detail_focus, r.detail_pad) for r in resultaten}


@pytest.mark.parametrize("pad", VOORBEELDEN, ids=lambda p: p.name)
def test_voorbeeld_zelfde_resultaten(pad, kb):
    for groep in lees_groepen(pad, kb):
        data = omgeving(groep, kb)
        referentie, _ = valideer(data, vormen())
        assert _rijen(valideer_snel(data)) == _rijen(referentie)


def test_gegenereerde_graaf_zelfde_resultaten(kb, tmp_path):
    """80 synthetic groups with seeded defects in one graph with the landscape: whole-graph
    validation on both engines, every result row equal (and there are many)."""
    sys.path.insert(0, str(WORTEL / "benchmarks"))
    from genereer_groepen import genereer

    data = Graph()
    for s, p, o, _ in kb.bron.quads():
        data.add((s, p, o))
    data.parse(data=genereer(80, kb, seed=7), format="nt")
    referentie, _ = valideer(data, vormen())
    snel = valideer_snel(data)
    assert len(referentie) > 80
    assert _rijen(snel) == _rijen(referentie)

    # and the bulk command's library function finds the same per group, from a file
    bestand = tmp_path / "groepen.nt"
    bestand.write_text(genereer(80, kb, seed=7), encoding="utf-8")
    bulk = controleer_alles(laad_store([bestand], kb))
    gevonden = {(r.focus, r.vorm, r.waarde) for rijen in bulk.per_groep.values() for r in rijen}
    verwacht = {(r.focus, r.vorm, r.waarde) for r in referentie if "/groep/" in str(r.focus)}
    assert gevonden == verwacht
    assert len(bulk.groepen) == 80
    # the reports: one per group, the same findings on both engines
    snel_r = check_alles([bestand], kb)
    per_groep: dict = {}
    for r in referentie:
        if groep_van(str(r.focus)):
            per_groep.setdefault(groep_van(str(r.focus)), []).append(r)
    ref_r = rapporten(BulkResultaat(per_groep, bulk.groepen, 0), str(bestand))
    assert [r.bevindingen for r in snel_r] == [r.bevindingen for r in ref_r]
    assert len(snel_r) == 80 and sum(len(r.bevindingen) for r in snel_r) > 80


VORMEN = """
@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:S a sh:NodeShape ; sh:targetClass ex:K ;
  sh:property [ sh:path ex:naam ; sh:datatype xsd:string ; sh:minLength 2 ; sh:maxLength 5 ;
                sh:pattern "^a" ; sh:flags "i" ; sh:maxCount 2 ; sh:minCount 2 ] ;
  sh:property [ sh:path ex:kleur ; sh:in ( ex:rood ex:groen ) ; sh:nodeKind sh:IRI ] ;
  sh:property [ sh:path ( ex:ouder [ sh:zeroOrMorePath ex:ouder ] ) ; sh:class ex:K ] ;
  sh:property [ sh:path [ sh:alternativePath ( ex:a ex:b ) ] ; sh:maxInclusive 10 ; sh:minExclusive 0 ] ;
  sh:xone ( [ sh:path ex:a ; sh:minCount 1 ] [ sh:path ex:b ; sh:minCount 1 ] ) ;
  sh:and ( [ sh:path ex:naam ; sh:minCount 1 ] [ sh:not [ sh:path ex:verboden ; sh:minCount 1 ] ] ) .
ex:T a sh:NodeShape ; sh:targetNode ex:x9 , ex:nergens ; sh:hasValue ex:x9 .
ex:U a sh:PropertyShape ; sh:targetSubjectsOf ex:kleur ; sh:path ex:kleur ; sh:maxCount 1 .
ex:V a sh:NodeShape ; sh:targetObjectsOf ex:ouder ; sh:property [ sh:path ex:naam ;
  sh:qualifiedValueShape [ sh:pattern "^A" ] ; sh:qualifiedMinCount 1 ; sh:qualifiedMaxCount 1 ] .
"""

DATA = """
@prefix ex: <http://example.org/> .
ex:x1 a ex:K ; ex:naam "abc" , "Ab" ; ex:kleur ex:rood ; ex:a 5 .
ex:x2 a ex:K ; ex:naam "b" ; ex:kleur ex:blauw , "rood" ; ex:a 5 ; ex:b 12 ; ex:ouder ex:x1 .
ex:x3 a ex:K ; ex:naam "aaaaaaa" , "Aa" , "ab" ; ex:ouder ex:x4 ; ex:verboden 1 ; ex:b 0 .
ex:x4 ex:naam 42 ; ex:ouder ex:x1 .
ex:x9 a ex:K .
"""


def test_componenten_die_de_bundel_niet_gebruikt():
    vormen_graaf = Graph().parse(data=VORMEN, format="turtle")
    data = Graph().parse(data=DATA, format="turtle")
    import pyshacl

    _, verslag, _ = pyshacl.validate(data, shacl_graph=vormen_graaf, inference="none", allow_warnings=True)
    from rdflib.namespace import SH

    referentie = {(verslag.value(r, SH.focusNode), verslag.value(r, SH.sourceConstraintComponent), verslag.value(r, SH.value))
                  for r in verslag.objects(None, SH.result)}
    snel = {(r.focus, r.component, r.waarde) for r in valideer_snel(data, shapes=vormen_graaf)}
    assert len(referentie) >= 15
    assert snel == referentie


@pytest.mark.parametrize("vorm,wat", [
    ("ex:S a sh:NodeShape ; sh:targetClass ex:K ; sh:closed true .", "sh:closed"),
    ("ex:S a sh:NodeShape ; sh:targetClass ex:K ; sh:property [ sh:path ex:p ; sh:lessThan ex:q ] .", "sh:lessThan"),
    ("ex:S a sh:NodeShape ; sh:target [ a sh:SPARQLTarget ] .", "sh:target"),
])
def test_onbekend_wordt_geweigerd(vorm, wat):
    g = Graph().parse(data="@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> . " + vorm,
                      format="turtle")
    with pytest.raises(NietOndersteund) as fout:
        compileer(g)
    assert wat in str(fout.value)


def test_bundel_compileert_en_elke_beperking_heeft_een_query():
    qs = compileer(vormen().graaf)
    beperkingen = set(vormen().beperkingen)
    assert beperkingen <= {q.vorm for q in qs}
