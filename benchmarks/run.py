"""The benchmark of issue 6: the product, the naive pipeline a user would write, and the
floor (python-calamine reading every value + xlsxwriter writing them once), on the same
synthetic rounds of 60, 500 and 2,000 workbooks. Medians of several runs and peak memory,
each run in a fresh process.

    python benchmarks/run.py [--sizes 60,500,2000] [--repeat 3] [--workdir DIR]
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
AS_OF = "2026-11-30"


def product(folder: Path, out: Path) -> None:
    from pipeline.cli import main

    try:
        main(["consolidate", str(folder), "--out", str(out), "--as-of", AS_OF,
              "--log-file", str(out.parent / f"{out.name}.log")])
    except SystemExit as done:
        if done.code not in (0, None):
            raise


def naive(folder: Path, out: Path) -> None:
    import pandas as pd

    frames = []
    for path in sorted(folder.glob("*.xlsx")):
        frame = pd.read_excel(path, engine="openpyxl", header=3)
        frame["archivo"] = path.name
        frames.append(frame)
    data = pd.concat(frames, ignore_index=True)
    plazo, estado = data.columns[5], data.columns[6]
    data["fecha"] = pd.to_datetime(data[plazo], errors="coerce", dayfirst=True)
    data["vencido"] = (data["fecha"] < pd.Timestamp(AS_OF)) & (data[estado] != "finalizado")
    out.mkdir(parents=True, exist_ok=True)
    data.to_excel(out / "naive.xlsx", engine="openpyxl", index=False)


def floor(folder: Path, out: Path) -> None:
    import python_calamine
    import xlsxwriter

    out.mkdir(parents=True, exist_ok=True)
    workbook = xlsxwriter.Workbook(str(out / "floor.xlsx"), {"constant_memory": True})
    sheet = workbook.add_worksheet()
    r = 0
    for path in sorted(folder.glob("*.xlsx")):
        book = python_calamine.CalamineWorkbook.from_path(str(path))
        for name in book.sheet_names:
            for row in book.get_sheet_by_name(name).iter_rows():
                sheet.write_row(r, 0, row)
                r += 1
    workbook.close()


METHODS = {"product": product, "naive": naive, "floor": floor}


def one(method: str, folder: Path, out: Path) -> None:
    """Run one method in this (fresh) process; print seconds and peak memory."""
    start = time.perf_counter()
    METHODS[method](folder, out)
    seconds = time.perf_counter() - start
    # The larger of this process and its children (a large round forks processes to
    # read the files and to write the workbooks).
    peak_mb = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb}))


def measure(method: str, folder: Path, work: Path, repeat: int) -> dict[str, float]:
    times, peaks = [], []
    for n in range(repeat):
        out = work / f"{method}-{n}"
        shutil.rmtree(out, ignore_errors=True)
        done = subprocess.run([sys.executable, __file__, "--one", method, str(folder), str(out)],
                              capture_output=True, text=True, check=True)
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        times.append(figures["seconds"])
        peaks.append(figures["peak_mb"])
        shutil.rmtree(out, ignore_errors=True)
    return {"median_s": statistics.median(times), "peak_mb": max(peaks)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="60,500,2000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--one", nargs=3)
    args = parser.parse_args()
    if args.one:
        one(args.one[0], Path(args.one[1]), Path(args.one[2]))
        return
    sys.path.insert(0, str(HERE))
    from make_round import make_round

    work = args.workdir or Path(tempfile.mkdtemp(prefix="seguimiento-bench-"))
    print(f"machine: {platform.platform()}, Python {platform.python_version()}, "
          f"{_cores()} cores")
    print("| workbooks | rows | product s | naive s | floor s | product/floor | naive/product "
          "| product MB | naive MB | floor MB |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for size in (int(s) for s in args.sizes.split(",")):
        folder = work / f"round-{size}"
        if not folder.exists():
            make_round(folder, size)
        results = {m: measure(m, folder, work, args.repeat) for m in METHODS}
        p, n, f = (results[m]["median_s"] for m in ("product", "naive", "floor"))
        print(f"| {size} | {size * 40} | {p:.2f} | {n:.2f} | {f:.2f} | {p / f:.2f} | "
              f"{n / p:.2f} | {results['product']['peak_mb']:.0f} | "
              f"{results['naive']['peak_mb']:.0f} | {results['floor']['peak_mb']:.0f} |",
              flush=True)


def _cores() -> int:
    import os

    return os.cpu_count() or 1


if __name__ == "__main__":
    main()
