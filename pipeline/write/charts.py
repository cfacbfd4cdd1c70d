"""Native charts as people read them (issue 14): counts on whole-number axes, one colour
per series that no other series shares, a bar tall enough for its category's name to
wrap rather than be cut, and the room a chart takes on the sheet (to keep it on one
printed page)."""

from __future__ import annotations

import math

STATUS_COLOURS = {"finalizado": "#70AD47", "en_proceso": "#FFC000", "pendiente": "#A5A5A5",
                  "no_alcanzado": "#C00000", "otro": "#7F6000", "sin_estado": "#D9D2E9"}
# Series that are not statuses (the trend's lines): distinct from each other and from
# the status colours they are drawn beside.
SERIES_COLOURS = {"actividades": "#1F4E78", "finalizado": "#70AD47", "en_proceso": "#FFC000",
                  "pendiente": "#7F7F7F", "vencidos": "#C00000", "completitud": "#7030A0"}
OVERDUE_COLOUR = "#C00000"
ROW_PIXELS = 20  # a 15-point row
BAR_PIXELS = 34  # per category: room for a name of two lines beside its bar
CHART_FRAME = 120  # title, axis and legend


def count_axis(largest: float) -> dict[str, object]:
    """A value axis for counts: from 0, whole numbers only, about ten steps at most."""
    step = 1
    for candidate in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        step = candidate
        if largest / candidate <= 10:
            break
    else:
        step = 10 ** math.ceil(math.log10(max(largest, 1) / 10))
    top = max(step, math.ceil(max(largest, 1) / step) * step)
    return {"min": 0, "max": top, "major_unit": step, "num_format": "0",
            "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}}}


def bar_height(categories: int) -> int:
    """The height in pixels of a bar chart of so many categories."""
    return CHART_FRAME + BAR_PIXELS * max(categories, 1)


def rows_under(height_px: int) -> int:
    """The sheet rows a chart `height_px` tall covers (and one to spare)."""
    return math.ceil(height_px / ROW_PIXELS) + 1
