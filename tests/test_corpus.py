"""Odd, old, broken and hostile spreadsheets from calamine's test suite (shared corpus):
the consolidation finishes, lists every file and prints no traceback."""

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPUS

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")


def test_corpus_consolidates_and_lists_every_file(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "consolidate", str(CORPUS), "--out",
         str(tmp_path), "--as-of", "2026-11-30", "--log-file", str(tmp_path / "log.txt")],
        capture_output=True, text=True, timeout=600, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    with (tmp_path / "envios.csv").open(encoding="utf-8-sig") as handle:
        listed = [row["archivo"] for row in csv.DictReader(handle) if row["archivo"]]
    files = sorted(p.name for p in CORPUS.iterdir() if p.is_file())
    assert sorted(listed) == files
    with (tmp_path / "envios.csv").open(encoding="utf-8-sig") as handle:
        refused = {row["archivo"]: row["motivo"] for row in csv.DictReader(handle)
                   if row["estado"] == "recibido, ilegible"}
    assert "contraseña" in refused["pass_protected.xlsx"]
    assert "too_small.xls" in refused
    # issue 22: a file read in which no matrix is found is "sin matriz", never "leído"
    with (tmp_path / "envios.csv").open(encoding="utf-8-sig") as handle:
        states = {row["archivo"]: (row["estado"], row["filas"])
                  for row in csv.DictReader(handle) if row["archivo"]}
    assert not [name for name, (state, rows) in states.items()
                if state == "leído" and rows in ("", "0")]
    assert "sin matriz" in {state for state, _ in states.values()}
