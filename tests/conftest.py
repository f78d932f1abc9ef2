from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

WORTEL = Path(__file__).resolve().parent.parent
SEEDS = ("seed:000", "seed:001", "seed:002", "seed:003", "seed:004", "domain-facts", "landscape-gaps",
         "conventions.md", "shared/data/README.md")


@pytest.fixture(scope="session")
def kb():
    import pzgraph

    return pzgraph.load()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def cli(runner):
    """Run the pzgraph CLI in-process; returns the click Result."""
    from pzgraph.cli import main

    def run(*args: str, **kwargs):
        return runner.invoke(main, list(args), catch_exceptions=False, **kwargs)

    return run


def java_of_skip():
    if shutil.which("java") is None:
        pytest.skip("Java ontbreekt: HermiT heeft Java nodig (installeer openjdk-17-jre)")
