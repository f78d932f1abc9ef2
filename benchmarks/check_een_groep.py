"""Time `pzgraph check` on one group as a whole cold command, against the pySHACL command line
on the same data (ontology + landscape + the group) and the same shapes, side by side.

    python benchmarks/check_een_groep.py [--runs 7] [--groep examples/trekkersgroep-goed.yaml]

Prints the median and min–max wall time of each, the peak RSS, and the ratio of the medians.
Both commands run in fresh processes, alternating, so that machine noise hits both alike.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORTEL = Path(__file__).resolve().parent.parent


def tijd(cmd: list[str]) -> tuple[float, int, int]:
    """Wall seconds, exit code and peak RSS (KiB) of one run of ``cmd``."""
    begin = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, gebruik = os.wait4(proc.pid, 0)
    return time.perf_counter() - begin, os.waitstatus_to_exitcode(status), gebruik.ru_maxrss


def samenvatting(naam: str, metingen: list[tuple[float, int, int]]) -> float:
    tijden = [m[0] for m in metingen]
    med = statistics.median(tijden)
    print(f"{naam:32} median {med:6.3f} s  [{min(tijden):.3f}–{max(tijden):.3f}]  "
          f"peak RSS {max(m[2] for m in metingen) / 1024:6.1f} MiB  exit {sorted({m[1] for m in metingen})}  ×{len(tijden)}")
    return med


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--groep", type=Path, default=WORTEL / "examples" / "trekkersgroep-goed.yaml")
    args = ap.parse_args()

    import pyshacl
    import rdflib

    import pzgraph
    from pzgraph.groups import lees_groepen
    from pzgraph.resources import bestanden

    kb = pzgraph.load()
    (groep,) = lees_groepen(args.groep, kb)
    werk = Path(tempfile.mkdtemp(prefix="pzgraph-bench-"))
    data = rdflib.Graph()
    for s, p, o, _ in kb.dataset.quads((None, None, None, None)):
        data.add((s, p, o))
    data += groep.graaf
    data.serialize(werk / "data.ttl", format="turtle")
    vormen = rdflib.Graph()
    for pad in bestanden("shapes", "*.ttl"):
        vormen.parse(pad)
    vormen.serialize(werk / "shapes.ttl", format="turtle")

    pzgraph_cmd = [shutil.which("pzgraph") or "pzgraph", "check", str(args.groep)]
    kaal_cmd = pzgraph_cmd + ["--zonder-aanbevelingen"]
    pyshacl_cmd = [sys.executable, "-m", "pyshacl", "-s", str(werk / "shapes.ttl"), "-df", "turtle",
                   "-sf", "turtle", "-i", "none", str(werk / "data.ttl")]
    print(f"machine: {platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"pyshacl {pyshacl.__version__}, rdflib {rdflib.__version__}, pzgraph {pzgraph.__version__}")
    print(f"data: {len(data)} triples (ontology + landscape + group), shapes: {len(vormen)} triples")
    print(f"pzgraph: {' '.join(pzgraph_cmd)}")
    print(f"pyshacl: {' '.join(pyshacl_cmd)}")
    tijd(pzgraph_cmd), tijd(kaal_cmd), tijd(pyshacl_cmd)  # warm the file cache, not the processes
    pz, kaal, ps = [], [], []
    for _ in range(args.runs):
        pz.append(tijd(pzgraph_cmd))
        kaal.append(tijd(kaal_cmd))
        ps.append(tijd(pyshacl_cmd))
    a = samenvatting("pzgraph check (with advice)", pz)
    k = samenvatting("pzgraph check --zonder-aanb.", kaal)
    b = samenvatting("pyshacl CLI (same data+shapes)", ps)
    print(f"ratio of medians: pySHACL / pzgraph check = {b / a:.2f}×; pySHACL / pzgraph check --zonder-aanbevelingen = {b / k:.2f}×")
    shutil.rmtree(werk)


if __name__ == "__main__":
    main()
