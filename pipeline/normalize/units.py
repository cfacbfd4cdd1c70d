"""An indicator's unit, as people name it: the same unit under other names ("%",
"Porcentaje", "percent"), and figures Excel holds as fractions in a percentage's cell.

Typing "45 %" in a spreadsheet cell makes it a number, 0.45, formatted to show 45 %;
the reader sees the number, not the format. In a row whose unit is a percentage, such a
number (between 0 and 1) is read as the percentage the cell shows: every figure of the
row when all are fractions ("30 %", "100 %": 0.3, 1), or a fraction beside figures
already in percent (the next round's template shows 30 and 60; "50 %" typed beside them
is 0.5). A percentage typed as text ("0,5 %") is read as written.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from numbers import Real

from pipeline.model.text import name_key
from pipeline.normalize.numbers import Quantity

PERCENT_WORDS = frozenset({"%", "porcentaje", "percentage", "percent", "pct", "por ciento",
                           "tanto por ciento", "per cent"})


def is_percent(unit: str) -> bool:
    """Whether a unit is a percentage: "%", "Porcentaje", "porcentaje de ocupación"."""
    key = name_key(unit)
    return key in PERCENT_WORDS or key.startswith(("% ", "porcentaje ", "percentage ",
                                                   "percent ", "por ciento "))


def same_unit(one: str, other: str) -> bool:
    """Whether two names say the same unit (accents, case and spacing aside)."""
    return name_key(one) == name_key(other) or (is_percent(one) and is_percent(other))


def as_percentages(cells: Sequence[object], quantities: Sequence[Quantity]
                   ) -> list[Quantity]:
    """A percentage row's figures as the percentages their cells show (the module's
    rule): `cells` as typed, `quantities` read from them."""
    typed = [isinstance(c, Real) and not isinstance(c, bool) and q.value is not None
             for c, q in zip(cells, quantities, strict=True)]
    fractions = [t and 0 < abs(q.value or 0) < 1 for t, q in zip(typed, quantities,
                                                                  strict=True)]
    if not any(fractions):
        return list(quantities)
    whole = all(abs(q.value or 0) <= 1 for q in quantities if q.value is not None)
    scaled = [t and whole or f for t, f in zip(typed, fractions, strict=True)]
    return [dataclasses.replace(q, value=(q.value or 0) * 100) if s else q
            for s, q in zip(scaled, quantities, strict=True)]
