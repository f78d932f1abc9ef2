"""The wheel carries the domain files; installed in a fresh venv, pzgraph works from another directory."""

from __future__ import annotations

import subprocess
import sysconfig
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from conftest import WORTEL

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wiel(tmp_path_factory) -> Path:
    uit = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(uit), str(WORTEL)], check=True)
    (pad,) = uit.glob("pzgraph-*.whl")
    return pad


def test_wiel_bevat_de_domeinbestanden(wiel):
    namen = set(zipfile.ZipFile(wiel).namelist())
    for map_, patroon in (("ontology", ".ttl"), ("landschap", ".csv"), ("queries", ".rq")):
        bron = sorted(p.name for p in (WORTEL / map_).iterdir() if p.suffix == patroon)
        in_wiel = sorted(n.rsplit("/", 1)[-1] for n in namen if n.startswith(f"pzgraph/data/{map_}/") and n.endswith(patroon))
        assert bron and in_wiel == bron
    assert "pzgraph/py.typed" in namen
    assert not [n for n in namen if n.startswith(("tests/", "tools/")) or "__pycache__" in n]


def test_wiel_werkt_in_verse_venv_vanuit_andere_map(wiel, tmp_path):
    omgeving = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(omgeving)
    python = omgeving / "bin" / "python"
    # the dependencies (not pzgraph) come from this environment: its site-packages as plain paths,
    # so that no .pth in it (such as an editable pzgraph) is processed
    doel = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                          capture_output=True, text=True, check=True).stdout.strip()
    hier = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    (Path(doel) / "pzgraph-test-deps.pth").write_text("\n".join(sorted(hier)) + "\n")
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall", str(wiel)], check=True)
    elders = tmp_path / "elders"
    elders.mkdir()
    waar = subprocess.run([str(python), "-c", "import pzgraph.resources as r; print(r.data_dir('ontology'))"],
                          cwd=elders, capture_output=True, text=True, check=True).stdout.strip()
    assert waar.startswith(str(omgeving)), waar
    info = subprocess.run([str(omgeving / "bin" / "pzgraph"), "info"], cwd=elders, capture_output=True, text=True)
    assert info.returncode == 0, info.stderr
    assert "Consortia (7):" in info.stdout and "Eemland [npz-eemland]" in info.stdout
