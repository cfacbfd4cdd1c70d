"""The charts of the pages as SVG geometry (drawn by templates/graficos.html): a stacked
bar per row of a status table, and the trend of figures over the stored rounds. Whole
numbers on the axes, long names wrapped, the legend below, every bar with its title
(its text on hover and for screen readers); colours those of the workbooks' charts."""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass, field

import pandas as pd

from pipeline.write.charts import SERIES_COLOURS, STATUS_COLOURS

WIDTH = 720
LABEL_WIDTH = 200  # the category names' room, left of the bars
LABEL_CHARS = 30
LINE = 14  # pixels a line of a label takes
BAR = 18


@dataclass(frozen=True)
class Mark:
    x: float
    y: float
    w: float
    h: float
    colour: str
    title: str


@dataclass(frozen=True)
class Chart:
    title: str
    width: int
    height: int
    marks: list[Mark] = field(default_factory=list)
    labels: list[tuple[float, float, list[str]]] = field(default_factory=list)  # x, y, lines
    ticks: list[tuple[float, str]] = field(default_factory=list)  # x (or y), text
    lines: list[tuple[str, str, str]] = field(default_factory=list)  # points, colour, name
    legend: list[tuple[str, str]] = field(default_factory=list)  # colour, name
    axis: tuple[float, float, float, float] = (0, 0, 0, 0)  # the plot: x, y, w, h


def stacked_bars(frame: pd.DataFrame, labels: dict[str, str], heading: str) -> Chart | None:
    """A bar per row of `frame` (its first column the category), stacked by status."""
    statuses = [c for c in frame.columns[1:] if c in STATUS_COLOURS]
    if frame.empty or not statuses:
        return None
    totals = frame[statuses].astype(float).sum(axis=1)
    top = _nice(float(totals.max()))
    plot = WIDTH - LABEL_WIDTH - 20
    marks: list[Mark] = []
    names: list[tuple[float, float, list[str]]] = []
    y = 30.0
    for _, row in frame.iterrows():
        wrapped = textwrap.wrap(str(row.iloc[0]), LABEL_CHARS) or [""]
        room = max(BAR + 8, LINE * len(wrapped) + 6)
        names.append((float(LABEL_WIDTH - 6), y + room / 2 - LINE * (len(wrapped) - 1) / 2 + 4,
                      wrapped))
        x = float(LABEL_WIDTH)
        for status in statuses:
            value = float(row[status])
            if value:
                w = plot * value / top
                marks.append(Mark(x, y + (room - BAR) / 2, w, BAR, STATUS_COLOURS[status],
                                  f"{row.iloc[0]} — {labels.get(status, status)}: "
                                  f"{int(value)}"))
                x += w
        y += room
    ticks = [(LABEL_WIDTH + plot * v / top, str(v)) for v in _steps(top)]
    legend = [(STATUS_COLOURS[s], labels.get(s, s)) for s in statuses]
    return Chart(heading, WIDTH, int(y + 48), marks, names, ticks, legend=legend,
                 axis=(LABEL_WIDTH, 24, plot, y - 24))


def trend(frame: pd.DataFrame, series: list[str], names: dict[str, str],
          heading: str) -> Chart | None:
    """A line per figure over the stored rounds (a point alone when there is one)."""
    if frame.empty:
        return None
    rounds = [str(r) for r in frame["ronda"]]
    values = frame[series].apply(pd.to_numeric, errors="coerce").fillna(0)
    top = _nice(float(values.to_numpy().max()) if values.size else 1)
    left, height, plot = 60.0, 220.0, WIDTH - 130.0  # room for a round's name at each end
    step = plot / max(len(rounds) - 1, 1)
    xs = [left + (step * i if len(rounds) > 1 else plot / 2) for i in range(len(rounds))]
    lines, marks = [], []
    for key in series:
        ys = [30 + height - height * float(v) / top for v in values[key]]
        lines.append((" ".join(f"{x:.1f},{y:.1f}" for x, y in zip(xs, ys, strict=True)),
                      SERIES_COLOURS.get(key, "#1F4E78"), names[key]))
        marks += [Mark(x - 3, y - 3, 6, 6, SERIES_COLOURS.get(key, "#1F4E78"),
                       f"{r} — {names[key]}: {int(v)}")
                  for x, y, r, v in zip(xs, ys, rounds, values[key], strict=True)]
    ticks = [(30 + height - height * v / top, str(v)) for v in _steps(top)]
    labels = [(x, 30 + height + 18, [r]) for x, r in zip(xs, rounds, strict=True)]
    legend = [(SERIES_COLOURS.get(k, "#1F4E78"), names[k]) for k in series]
    return Chart(heading, WIDTH, int(height + 100), marks, labels, ticks, lines, legend,
                 (left, 30, plot, height))


def _nice(top: float) -> int:
    """The axis' end: a whole number at or above the largest value, in round steps."""
    if top <= 5:
        return max(1, math.ceil(top))
    if top <= 10:
        return math.ceil(top / 2) * 2  # steps of two
    magnitude = 10 ** math.floor(math.log10(top))
    for factor in (1, 2, 2.5, 5, 10):
        if factor * magnitude >= top:
            return int(factor * magnitude)
    return int(10 * magnitude)


def _steps(top: int) -> list[int]:
    step = 1 if top <= 5 else 2 if top <= 10 else max(1, top // 5)
    return list(range(0, top + 1, step))
