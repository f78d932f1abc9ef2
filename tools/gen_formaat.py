"""Write shapes/invoer/groepsformaat.json from groepsformaat.yaml (run after editing the YAML).

    python tools/gen_formaat.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from pzgraph.formaat import lees_bron  # noqa: E402
from pzgraph.resources import data_dir  # noqa: E402


def tekst() -> str:
    return json.dumps(lees_bron(), ensure_ascii=False, indent=1, default=str) + "\n"


if __name__ == "__main__":
    doel = data_dir("shapes") / "invoer" / "groepsformaat.json"
    doel.write_text(tekst(), encoding="utf-8")
    print(f"written {doel}")
