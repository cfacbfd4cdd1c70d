"""Wall time and peak memory of a consolidation of each big or odd file of issue 11, alone
in its folder (each run in a fresh process, the readers' processes counted):

- a 17 KB workbook with one stray cell at XFD100000 (once: the reader asked for 52 GB and
  the run aborted);
- a workbook with one stray cell at A1048576 (once: 7 s and 590 MB);
- 100,000 rows under a 1,000-column header, nine columns filled (once: 50 s and 3.4 GB);
- 2,000 rows with all 1,000 columns filled (once: 1 GB).

    python benchmarks/hostile.py [--workdir DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import openpyxl
import xlsxwriter

TITLES = ["Pilar programático", "Tema", "Descripción de la actividad",
          "Indicadores de resultados / impacto", "Parte responsable", "Plazo de cumplimiento",
          "Estado"]
ROW = ["1", "Retorno", "Actividad", "ind", "OIM", "T1 2027", "pendiente"]


def stray(folder: Path, cell: str) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Matriz"
    sheet.append(TITLES)
    sheet.append(ROW)
    sheet[cell] = "x"
    workbook.save(folder / "Guatemala.xlsx")


def wide(folder: Path, rows: int, filled: bool) -> None:
    workbook = xlsxwriter.Workbook(str(folder / "Guatemala.xlsx"), {"constant_memory": True})
    sheet = workbook.add_worksheet("Matriz")
    sheet.write_row(0, 0, TITLES + [f"Columna {n}" for n in range(1000 - len(TITLES))])
    for r in range(1, rows + 1):
        extra = [f"v{r}-{c}" for c in range(1000 - len(TITLES))] if filled else [f"n{r}", r]
        sheet.write_row(r, 0, [*ROW[:2], f"Actividad {r}", *ROW[3:], *extra])
    workbook.close()


CASES = {
    "stray cell at XFD100000": lambda f: stray(f, "XFD100000"),
    "stray cell at A1048576": lambda f: stray(f, "A1048576"),
    "100,000 rows x 1,000-column header": lambda f: wide(f, 100_000, filled=False),
    "2,000 rows x 1,000 filled columns": lambda f: wide(f, 2_000, filled=True),
}


def one(folder: Path, out: Path) -> None:
    from pipeline.cli import main

    start = time.perf_counter()
    try:
        main(["consolidate", str(folder), "--out", str(out), "--as-of",
              dt.date(2026, 11, 30).isoformat()])
    except SystemExit as done:
        code = done.code
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
               resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    print(json.dumps({"seconds": time.perf_counter() - start, "peak_mb": peak, "exit": code}))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--one", nargs=2)
    args = parser.parse_args()
    if args.one:
        one(Path(args.one[0]), Path(args.one[1]))
        return
    work = args.workdir or Path(tempfile.mkdtemp(prefix="seguimiento-hostile-"))
    print("| file | size | exit | wall s | peak MB |\n|---|---|---|---|---|")
    for n, (name, make) in enumerate(CASES.items()):
        folder = work / f"case-{n}"
        if not folder.exists():
            folder.mkdir(parents=True)
            make(folder)
        out = work / f"out-{n}"
        shutil.rmtree(out, ignore_errors=True)
        done = subprocess.run([sys.executable, __file__, "--one", str(folder), str(out)],
                              capture_output=True, text=True, check=True)
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        size = sum(p.stat().st_size for p in folder.iterdir()) / 1024
        print(f"| {name} | {size:,.0f} KB | {figures['exit']} | {figures['seconds']:.1f} | "
              f"{figures['peak_mb']:.0f} |", flush=True)


if __name__ == "__main__":
    main()
