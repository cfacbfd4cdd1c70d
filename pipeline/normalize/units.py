"""An indicator's unit, as people name it: the same unit under other names ("%",
"Porcentaje", "percent"), and figures Excel holds as fractions in a percentage's cell.

Typing "45 %" in a spreadsheet cell makes it a number, 0.45, formatted to show 45 %;
the reader sees the number, not the format. In a row whose unit is a percentage, such a
number (between 0 and 1) is read as the percentage the cell shows: every figure of the
row when all are fractions ("30 %", "100 %": 0.3, 1), or a fraction beside figures
already in percent (the next round's template shows 30 and 60; "50 %" typed beside them
is 0.5) when they are nearer its percentage than itself. A percentage typed as text
("0,5 %") is read as written.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from numbers import Real

from pipeline.model.text import name_key
from pipeline.normalize.numbers import Quantity

PERCENT_WORDS = frozenset({"%", "porcentaje", "percentage", "percent", "pct", "por ciento",
                           "tanto por ciento", "per cent"})


def is_percent(unit: str) -> bool:
    """Whether a unit is a percentage: "%", "Porcentaje", "porcentaje de ocupación" (not
    percentage points, a difference of percentages)."""
    key = name_key(unit)
    if "point" in key or "punto" in key:
        return False
    return key in PERCENT_WORDS or key.startswith(("% ", "porcentaje ", "percentage ",
                                                   "percent ", "por ciento "))


def same_unit(one: str, other: str) -> bool:
    """Whether two names say the same unit (accents, case and spacing aside)."""
    return name_key(one) == name_key(other) or (is_percent(one) and is_percent(other))


def as_percentages(cells: Sequence[object], quantities: Sequence[Quantity]
                   ) -> list[Quantity]:
    """A percentage row's figures as the percentages their cells show (the module's
    rule): `cells` as typed, `quantities` read from them. Beside figures in percent, a
    fraction is read as one when the others are nearer its percentage than itself (by
    ratio: their geometric mean above ten times it): 0.5 beside 30 and 60 is 50 %, 0.8
    beside 2 and 1.5 is 0.8 %."""
    values = [q.value for q in quantities]
    fractions = [isinstance(c, Real) and not isinstance(c, bool) and v is not None
                 and 0 < abs(v) <= 1 for c, v in zip(cells, values, strict=True)]
    if not any(fractions):
        return list(quantities)
    if all(abs(v) <= 1 for v in values if v is not None):  # every figure a fraction
        scaled = fractions
    else:
        others = [abs(v) for v, f in zip(values, fractions, strict=True)
                  if v and not f]  # (never empty: some figure is above 1)
        centre = math.exp(sum(map(math.log, others)) / len(others))
        scaled = [f and centre > 10 * abs(v or 0) for v, f in zip(values, fractions,
                                                                   strict=True)]
    return [dataclasses.replace(q, value=(q.value or 0) * 100) if s else q
            for s, q in zip(scaled, quantities, strict=True)]
