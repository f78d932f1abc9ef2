"""Query latency of the catalogue and the rules' fixpoint on each store, on a landscape with N
synthetic groups: memory (rdflib), pyoxigraph (embedded) and a real Oxigraph server on
127.0.0.1, side by side in one run.

    python benchmarks/opslagen.py --groepen 10000 --runs 5 [--zonder-geheugen]

For each store: the median and p95 latency over all catalogue queries × runs (queries that need
a parameter get the one in their `# voorbeeld:` line), the slowest queries, and the rules'
fixpoint time (analyses + rules) on that store.
"""

from __future__ import annotations

import argparse
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def p95(waarden: list[float]) -> float:
    w = sorted(waarden)
    return w[min(len(w) - 1, int(round(0.95 * (len(w) - 1))))]


def parameters(q) -> dict:
    m = re.search(r"^# voorbeeld:.*$", q.tekst, re.MULTILINE)
    uit = {}
    if m:
        for naam, waarde in re.findall(r"-p\s+(\w+)=(\S+)", m.group(0)):
            uit[naam] = waarde
    return uit


def meet_queries(kb, runs: int) -> dict[str, list[float]]:
    from pzgraph.catalogue import catalogus

    uit: dict[str, list[float]] = {}
    for q in catalogus().values():
        params = parameters(q)
        if any(p.verplicht and p.naam not in params for p in q.parameters):
            continue
        kb.named(q, **params)  # warm: parse and cache
        for _ in range(runs):
            t = time.perf_counter()
            kb.named(q, **params)
            uit.setdefault(q.id, []).append(time.perf_counter() - t)
    return uit


def meet_regels(opslag) -> tuple[float, object]:
    from pzgraph.analysis import ANALYSES
    from pzgraph.rules import analyses, fixpunt

    t = time.perf_counter()
    for a in analyses():
        opslag.voeg_toe(ANALYSES[a.analyse](opslag, a.parameters))
    verloop = fixpunt(opslag)
    return time.perf_counter() - t, verloop


def verslag(naam: str, tijden: dict[str, list[float]], regels: tuple[float, object] | None) -> None:
    alle = [t for lijst in tijden.values() for t in lijst]
    print(f"{naam:11} queries: median {statistics.median(alle) * 1000:7.1f} ms  p95 {p95(alle) * 1000:7.1f} ms  "
          f"({len(tijden)} queries × {len(next(iter(tijden.values())))} runs)")
    traag = sorted(((statistics.median(v), k) for k, v in tijden.items()), reverse=True)[:3]
    print("            slowest (median): " + ", ".join(f"{k} {m * 1000:.0f} ms" for m, k in traag))
    if regels is not None:
        print(f"            rules to fixpoint: {regels[0]:.2f} s, rounds {regels[1].rondes}, new {regels[1].nieuw_per_ronde}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--groepen", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--zonder-geheugen", action="store_true", help="skip the rdflib store (slow at 10,000 groups)")
    args = ap.parse_args()

    import pyoxigraph as ox
    import rdflib
    from rdflib import Dataset

    import pzgraph
    from genereer_groepen import genereer
    from pzgraph.bron import EindpuntBron, GeheugenBron, OxigraphBron
    from pzgraph.kb import KnowledgeBase
    from pzgraph.rules import EindpuntOpslag, OxigraphOpslag, RdflibOpslag

    kb = pzgraph.load()
    nt = genereer(args.groepen, kb)
    from pzgraph.bron import naar_ox

    # serialised by oxigraph: rdflib's n3() writes multi-line literals that N-Quads does not allow
    nq = ox.serialize([ox.Quad(naar_ox(s), naar_ox(p), naar_ox(o), ox.DefaultGraph() if g is None else ox.NamedNode(str(g)))
                       for s, p, o, g in kb.bron.quads()], format=ox.RdfFormat.N_QUADS).decode()
    groep_graaf = "https://w3id.org/pzgraph/graph/bench"
    nq += nt.replace(" .\n", f" <{groep_graaf}> .\n")
    print(f"machine: {platform.machine()}, Python {platform.python_version()}, rdflib {rdflib.__version__}, "
          f"pyoxigraph {ox.__version__}; {args.groepen} groups, {nq.count(chr(10))} quads")

    # pyoxigraph (embedded, in memory)
    t = time.perf_counter()
    store = ox.Store()
    store.bulk_load(nq.encode(), ox.RdfFormat.N_QUADS)
    print(f"pyoxigraph load {time.perf_counter() - t:.2f} s")
    ox_kb = KnowledgeBase(OxigraphBron(store), kb.vocab, [], ())
    verslag("pyoxigraph", meet_queries(ox_kb, args.runs), meet_regels(OxigraphOpslag(store)))

    # Oxigraph server
    oxigraph = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if Path(oxigraph).exists():
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            poort = s.getsockname()[1]
        map_ = tempfile.mkdtemp(prefix="pzgraph-ox-")
        proc = subprocess.Popen([oxigraph, "serve", "--location", map_, "--bind", f"127.0.0.1:{poort}",
                                 "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        basis = f"http://127.0.0.1:{poort}"
        for _ in range(100):
            try:
                urllib.request.urlopen(basis + "/", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        t = time.perf_counter()
        urllib.request.urlopen(urllib.request.Request(basis + "/store", data=nq.encode(),
                                                      headers={"Content-Type": "application/n-quads"}), timeout=600)
        print(f"server load (HTTP POST /store) {time.perf_counter() - t:.2f} s")
        bron = EindpuntBron(basis + "/query", basis + "/update")
        sv_kb = KnowledgeBase(bron, kb.vocab, [], ())
        verslag("server", meet_queries(sv_kb, args.runs), meet_regels(EindpuntOpslag(bron)))
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        shutil.rmtree(map_, ignore_errors=True)
    else:
        print("server: skipped (pip install oxigraph)")

    if not args.zonder_geheugen:
        t = time.perf_counter()
        ds = Dataset(default_union=True)
        ds.parse(data=nq, format="nquads")
        print(f"rdflib load {time.perf_counter() - t:.2f} s")
        mem_kb = KnowledgeBase(GeheugenBron(ds), kb.vocab, [], ())
        verslag("geheugen", meet_queries(mem_kb, max(1, args.runs // 2)), meet_regels(RdflibOpslag(ds)))


if __name__ == "__main__":
    main()
