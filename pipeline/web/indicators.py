"""The indicators on the round's page (issue 24, docs/contract.md §11): each indicator's values
over the stored rounds against its target and baseline, a small chart (inline SVG) with the
same values as a table beside it (what a screen reader and a printout read), those behind
first. At most CHARTED charts, so that a round of thousands of indicators keeps its page
small: the rest are counted, and indicadores.csv has them all.

Built from the round's `indicadores` table and the stored rounds' values
(`summary["indicadores_rondas"]`, pipeline.analyse.round.with_history): the public edition's
for the public page, where no restricted item's indicator is left."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import cast

import pandas as pd

from pipeline.analyse.changes import indicator_key
from pipeline.analyse.indicator_lines import number as _number
from pipeline.analyse.indicator_lines import shown
from pipeline.analyse.indicators import BEHIND_FIRST, SITUATIONS
from pipeline.model.run import counted
from pipeline.model.values import item_keys
from pipeline.reference.data import Reference
from pipeline.words import word

CHARTED = 60  # indicators charted on the page
ROUNDS_SHOWN = 8  # the latest rounds on a chart's axis
WIDTH, HEIGHT = 340, 180
LEFT, RIGHT, TOP, BOTTOM = 56, 14, 16, 34  # the plot's margins
INSET = 30  # the points' room from the plot's ends
WORDS = ("nav", "heading", "intro", "more", "value", "target", "baseline", "round", "progress",
         "expected", "unit", "reporter")


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    title: str


@dataclass(frozen=True)
class Level:
    """A horizontal line at a value: the target or the baseline."""

    kind: str  # target, baseline
    y: float
    label: str  # "Meta: 1010"
    value: str  # "1010", beside the axis


@dataclass(frozen=True)
class IndicatorChart:
    name: str
    item: str  # the item's id and activity
    reporter: str
    unit: str
    situation: str
    situation_text: str
    summary: str  # the chart said in words (its accessible name)
    progress: str  # "progress 59 % · expected 50 %", or ""
    rounds: list[tuple[float, str]]  # x, round
    values: list[str]  # the table's values, a cell per round ("—": none)
    points: list[Point]
    path: str  # the polyline's points
    levels: list[Level]


def indicator_section(table: pd.DataFrame | None, stored: pd.DataFrame | None, ronda: str,
                      as_of: dt.date, ref: Reference, lang: str) -> dict[str, object] | None:
    """The page's section, or None when the round has no indicator (of a known item)."""
    if table is None or (table := counted(table)).empty:
        return None
    order = table["situacion"].map(BEHIND_FIRST).fillna(len(BEHIND_FIRST))
    ordered = table.assign(_orden=order).sort_values(["_orden", "informante", "id"],
                                                     kind="stable")
    charted = cast(list[dict[str, object]], ordered.head(CHARTED).to_dict("records"))
    history = _history(stored, ronda, {(str(r["informante"]), str(r["id"])) for r in charted})
    charts = [_chart(row, history.get(indicator_key(row), {}), ronda, ref, lang) for row in charted]
    counts = table["situacion"].value_counts()
    return {"charts": charts, "more": len(table) - len(charts),
            "figures": [(int(counts.get(k, 0)), word(f"situation.{k}", lang))
                        for k in SITUATIONS if counts.get(k, 0)],
            "words": {k: word(f"web.indicators_{k}", lang) for k in WORDS},
            "geometry": {"width": WIDTH, "height": HEIGHT, "left": LEFT, "right": RIGHT,
                         "top": TOP, "bottom": BOTTOM}}


def _history(stored: pd.DataFrame | None, ronda: str, items: set[tuple[str, str]],
             ) -> dict[tuple[str, str, str], dict[str, float | None]]:
    """Each indicator of the charted `items` (informante, id): its value in each stored
    round before `ronda` (only theirs are read: the history holds every round's)."""
    found: dict[tuple[str, str, str], dict[str, float | None]] = {}
    if stored is None or stored.empty:
        return found
    pairs = pd.Series(item_keys(stored), index=stored.index, dtype=object)
    earlier = stored[(stored["ronda"].astype(str) < ronda) & pairs.isin(items)]
    for row in cast(list[dict[str, object]], earlier.to_dict("records")):
        found.setdefault(indicator_key(row), {})[str(row["ronda"])] = _number(row["valor"])
    return found


def _chart(row: dict[str, object], before: dict[str, float | None], ronda: str,
           ref: Reference, lang: str) -> IndicatorChart:
    series = {**before, ronda: _number(row["valor"])}
    rounds = sorted(series)[-ROUNDS_SHOWN:]
    base, goal = _number(row["linea_base"]), _number(row["meta"])
    known = [v for v in (base, goal, *(series[r] for r in rounds)) if v is not None]
    low, high = (min(known), max(known)) if known else (0.0, 1.0)
    if high == low:
        low, high = low - 1, high + 1
    pad = (high - low) * 0.08
    low, high = (max(low - pad, 0.0) if low >= 0 else low - pad), high + pad
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def y(value: float) -> float:
        return round(TOP + plot_h * (high - value) / (high - low), 1)

    # the first and last points inset, so that a round's name under them stays whole
    room = plot_w - 2 * INSET
    step = room / max(len(rounds) - 1, 1)
    xs = [round(LEFT + INSET + (step * i if len(rounds) > 1 else room / 2), 1)
          for i in range(len(rounds))]
    unit = str(row["unidad"] or "")
    words = {k: word(f"web.indicators_{k}", lang) for k in ("value", "target", "baseline")}
    points = [Point(x, y(v), f"{r} — {words['value']}: {shown(v, lang)} {unit}".strip())
              for x, r in zip(xs, rounds, strict=True)
              if (v := series[r]) is not None]
    levels = [Level(kind, y(v), f"{words[kind]}: {shown(v, lang)}", shown(v, lang))
              for kind, v in (("target", goal), ("baseline", base)) if v is not None]
    situation = str(row["situacion"])
    told = word(f"situation.{situation}", lang)
    summary = word("web.indicators_summary", lang, indicador=row["indicador"],
                   valor=f"{shown(series[ronda], lang)} {unit}".strip(), ronda=ronda,
                   meta=shown(goal, lang), fecha=row["fecha_meta"] or "—",
                   base=shown(base, lang),
                   situacion=told)
    return IndicatorChart(
        name=str(row["indicador"]), item=f"{row['id']} · {row['actividad']}",
        reporter=ref.label("parte", str(row["informante"]), lang), unit=unit,
        situation=situation, situation_text=told, summary=summary,
        progress=_progress(row, lang),
        rounds=list(zip(xs, rounds, strict=True)),
        values=[shown(series[r], lang) for r in rounds],
        points=points, path=" ".join(f"{p.x},{p.y}" for p in points), levels=levels)


def _progress(row: dict[str, object], lang: str) -> str:
    progress, expected = _number(row["avance_meta"]), _number(row["esperado"])
    parts = [word(f"web.indicators_{k}_pct", lang, n=shown(v, lang))
             for k, v in (("progress", progress), ("expected", expected)) if v is not None]
    return " · ".join(parts)
