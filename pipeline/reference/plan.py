"""The strategic plan whose years a deadline may name ("1er año", "year 2")."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Plan:
    """The plan whose years "1er año" ... refer to."""

    inicio: dt.date
    anios: int = 3

    def end_of_year(self, n: int) -> dt.date:
        """The last day of the plan's n-th year."""
        return add_years(self.inicio, n) - dt.timedelta(days=1)


def add_years(date: dt.date, years: int) -> dt.date:
    try:
        return date.replace(year=date.year + years)
    except ValueError:  # 29 February
        return date.replace(year=date.year + years, day=28)
