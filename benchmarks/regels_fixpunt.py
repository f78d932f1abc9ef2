"""Time the rules to their fixpoint over the landscape plus N synthetic groups, on the
embedded pyoxigraph store, several runs; optionally the same rules on rdflib side by side.

    python benchmarks/regels_fixpunt.py --groepen 10000 --runs 3 [--rdflib-groepen 1000]

Prints medians and min–max of: load, analyses, fixpoint, the rounds and new triples, the
slowest rules, and peak RSS.
"""

from __future__ import annotations

import argparse
import platform
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def een_run(kb, nt: str, engine: str) -> dict:
    from rdflib import Dataset

    from pzgraph.analysis import ANALYSES
    from pzgraph.advies import _store
    from pzgraph.rules import OxigraphOpslag, RdflibOpslag, analyses, fixpunt, regel_metadata, regels

    t0 = time.perf_counter()
    if engine == "oxigraph":
        import pyoxigraph as ox

        store = _store(kb, [])
        store.bulk_load(nt.encode(), ox.RdfFormat.N_TRIPLES)
        opslag = OxigraphOpslag(store)
    else:
        ds = Dataset(default_union=True)
        for s, p, o, _ in kb.dataset.quads((None, None, None, None)):
            ds.add((s, p, o))
        ds.graph("urn:groepen").parse(data=nt, format="nt")
        opslag = RdflibOpslag(ds)
    t1 = time.perf_counter()
    for a in analyses():
        opslag.voeg_toe(regel_metadata(a))
        opslag.voeg_toe(ANALYSES[a.analyse](opslag, a.parameters))
    for r in regels():
        opslag.voeg_toe(regel_metadata(r))
    t2 = time.perf_counter()
    verloop = fixpunt(opslag)
    t3 = time.perf_counter()
    return {"laden": t1 - t0, "analyses": t2 - t1, "fixpunt": t3 - t2, "verloop": verloop}


def rapport(naam: str, runs: list[dict]) -> None:
    def med(k):
        w = [r[k] for r in runs]
        return f"{statistics.median(w):7.2f} s [{min(w):.2f}–{max(w):.2f}]"
    v = runs[-1]["verloop"]
    print(f"{naam}: load {med('laden')}  analyses {med('analyses')}  fixpoint {med('fixpunt')}  ×{len(runs)}")
    print(f"   rounds {v.rondes} (fixpoint reached: {v.fixpunt}), new triples per round {v.nieuw_per_ronde}")
    traag = sorted(v.seconden_per_regel.items(), key=lambda x: -x[1])[:5]
    print("   slowest rules (last run): " + ", ".join(f"{k} {s:.2f}s" for k, s in traag))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--groepen", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--rdflib-groepen", type=int, default=0, help="also run rdflib on this many groups")
    args = ap.parse_args()
    import pyoxigraph
    import rdflib

    import pzgraph
    from genereer_groepen import genereer

    kb = pzgraph.load()
    print(f"machine: {platform.machine()}, Python {platform.python_version()}, rdflib {rdflib.__version__}, "
          f"pyoxigraph {pyoxigraph.__version__}, pzgraph {pzgraph.__version__}")
    nt = genereer(args.groepen, kb)
    print(f"landscape {len(kb)} triples + {args.groepen} groups ({nt.count(chr(10))} triples)")
    rapport(f"oxigraph, {args.groepen} groups", [een_run(kb, nt, "oxigraph") for _ in range(args.runs)])
    if args.rdflib_groepen:
        nt2 = genereer(args.rdflib_groepen, kb)
        rapport(f"rdflib,   {args.rdflib_groepen} groups", [een_run(kb, nt2, "rdflib") for _ in range(args.runs)])
        rapport(f"oxigraph, {args.rdflib_groepen} groups", [een_run(kb, nt2, "oxigraph") for _ in range(args.runs)])
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
