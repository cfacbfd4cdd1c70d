"""The benchmark of issue 6: the product, the naive pipeline a user would write, and the
floor (python-calamine reading every value + xlsxwriter writing them once), on the same
synthetic rounds of 60, 500 and 2,000 workbooks. Medians of several runs and peak memory,
each run in a fresh process.

    python benchmarks/run.py [--sizes 60,500,2000] [--repeat 3] [--workdir DIR]
                             [--observations 10000] [--indicators 20000] [--rows 40]

`--rows 5000 --sizes 200` is the round of a million rows (issue 23); its product row is
followed by the sizes of what the product wrote.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
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
STAGE = re.compile(r" DEBUG (reading|analysis|writing|historial): ([0-9.]+) s")


def product(folder: Path, out: Path) -> None:
    from pipeline.cli import main

    try:
        main(["consolidate", str(folder), "--out", str(out), "--as-of", AS_OF,
              "--log-file", str(out.parent / f"{out.name}.log")])
    except SystemExit as done:
        if done.code not in (0, None):
            raise


def stages(log_file: Path) -> dict[str, float]:
    """Where the product's time went, from its own log: reading, analysis, writing (and,
    within writing, the history)."""
    found = {}
    for line in log_file.read_text(encoding="utf-8").splitlines():
        match = STAGE.search(line)
        if match:
            found[match.group(1)] = float(match.group(2))
    return found


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
    figures = {"seconds": seconds, "peak_mb": peak_mb}
    if method == "product":
        figures["stages"] = stages(out.parent / f"{out.name}.log")
        figures["sizes_mb"] = written_sizes(out)
    print(json.dumps(figures))


SIZED = ("matriz.csv", "consolidado.xlsx", "tablero.html", "historial.sqlite")


def written_sizes(out: Path) -> dict[str, float]:
    """The size of the largest outputs (and of the history), in MB: wherever the product
    put them under `out`."""
    sizes: dict[str, float] = {}
    for name in SIZED:
        found = sorted(out.rglob(name))
        if found:
            sizes[name] = found[0].stat().st_size / 1e6
    return sizes


def measure(method: str, folder: Path, work: Path, repeat: int) -> dict[str, float]:
    times, peaks = [], []
    parts: dict[str, list[float]] = {}
    for n in range(repeat):
        out = work / f"{method}-{n}"
        shutil.rmtree(out, ignore_errors=True)
        done = subprocess.run([sys.executable, __file__, "--one", method, str(folder), str(out)],
                              capture_output=True, text=True, check=True)
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        times.append(figures["seconds"])
        peaks.append(figures["peak_mb"])
        for stage, seconds in figures.get("stages", {}).items():
            parts.setdefault(stage, []).append(seconds)
        sizes = figures.get("sizes_mb", {})
        shutil.rmtree(out, ignore_errors=True)
    return {"median_s": statistics.median(times), "peak_mb": max(peaks),
            **{f"{stage}_s": statistics.median(values) for stage, values in parts.items()},
            **({"sizes": sizes} if method == "product" else {})}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="60,500,2000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--one", nargs=3)
    parser.add_argument("--observations", type=int, default=0,
                        help="also measure the product on each round with an observer's "
                             "file observing this many items (RROCM)")
    parser.add_argument("--indicators", type=int, default=0,
                        help="also measure the product on each round with this many "
                             "indicators spread over its workbooks' Indicadores sheets")
    parser.add_argument("--rows", type=int, default=40, help="rows per workbook")
    args = parser.parse_args()
    if args.one:
        one(args.one[0], Path(args.one[1]), Path(args.one[2]))
        return
    sys.path.insert(0, str(HERE))
    from make_round import make_observer, make_round

    work = args.workdir or Path(tempfile.mkdtemp(prefix="seguimiento-bench-"))
    print(f"machine: {platform.platform()}, Python {platform.python_version()}, "
          f"{_cores()} cores")
    print("| workbooks | rows | product s | naive s | floor s | product/floor | naive/product "
          "| product MB | naive MB | floor MB |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    where: list[str] = []
    sizes: list[str] = []
    for size in (int(s) for s in args.sizes.split(",")):
        folder = work / (f"round-{size}" if args.rows == 40 else f"round-{size}x{args.rows}")
        if not folder.exists():
            make_round(folder, size, args.rows)
        results = {m: measure(m, folder, work, args.repeat) for m in METHODS}
        p, n, f = (results[m]["median_s"] for m in ("product", "naive", "floor"))
        print(f"| {size} | {size * args.rows} | {p:.2f} | {n:.2f} | {f:.2f} | {p / f:.2f} | "
              f"{n / p:.2f} | {results['product']['peak_mb']:.0f} | "
              f"{results['naive']['peak_mb']:.0f} | {results['floor']['peak_mb']:.0f} |",
              flush=True)
        where.append(_where(size, results["product"], f))
        sizes.append(f"| {size} | {size * args.rows} | " + " | ".join(
            f"{results['product']['sizes'].get(name, 0):.1f}" for name in SIZED) + " |")
        if args.observations:
            observed = work / f"round-{size}-observed"
            if not observed.exists():
                shutil.copytree(folder, observed, copy_function=os.link)
                make_observer(observed, args.observations)
            with_them = measure("product", observed, work, args.repeat)
            print(f"| {size} + {args.observations} observations | {size * args.rows} | "
                  f"{with_them['median_s']:.2f} | | | {with_them['median_s'] / f:.2f} | | "
                  f"{with_them['peak_mb']:.0f} | | |", flush=True)
            where.append(_where(size, with_them, f).replace(
                f"| {size} |", f"| {size} + {args.observations} observations |", 1))
        if args.indicators:
            measured = folder.with_name(f"{folder.name}-indicators-{args.indicators}")
            if not measured.exists():
                make_round(measured, size, args.rows, indicators=args.indicators)
            with_them = measure("product", measured, work, args.repeat)
            label = f"{size} + {args.indicators} indicators"
            print(f"| {label} | {size * args.rows} | {with_them['median_s']:.2f} | | | "
                  f"{with_them['median_s'] / f:.2f} | | {with_them['peak_mb']:.0f} | | |",
                  flush=True)
            where.append(_where(size, with_them, f).replace(f"| {size} |", f"| {label} |", 1))
    print("\nWhere the product's time goes (medians, from its log; start-up is Python and the "
          "imports):\n")
    print("| workbooks | start-up s | reading s | analysis s | writing s | of which history s "
          "| up to the first output / floor |")
    print("|---|---|---|---|---|---|---|")
    print("\n".join(where))
    print("\nWhat the product wrote (MB):\n")
    print("| workbooks | rows | " + " | ".join(SIZED) + " |")
    print("|---|---|" + "---|" * len(SIZED))
    print("\n".join(sizes))


def _where(size: int, product: dict[str, float], floor_s: float) -> str:
    """A row of the stage table: how long the product took before it wrote anything, as a
    multiple of the floor's whole run, bounds how close to the floor it can come."""
    total = product["median_s"]
    reading, analysis, writing = (product.get(f"{k}_s", 0.0)
                                  for k in ("reading", "analysis", "writing"))
    start = total - reading - analysis - writing
    return (f"| {size} | {start:.2f} | {reading:.2f} | {analysis:.2f} | {writing:.2f} | "
            f"{product.get('historial_s', 0.0):.2f} | {(total - writing) / floor_s:.2f} |")


def _cores() -> int:
    return os.cpu_count() or 1


if __name__ == "__main__":
    main()
